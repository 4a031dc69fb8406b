#!/usr/bin/env bash
# Limits on workbooks (issue 28, part 5): under profile 权责清单 the limit rules run wherever the
# workbook has the columns. A plain 20个工作日 / 20个工作日 row gives limits/promised-ratio (the
# cell's own spelling kept as a note is no second case); 15 / 10 passes; the real fire-service
# workbook's compound O4 (告知承诺制 / 非告知承诺制) gives one finding a case.
set -euo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/limits.csv" <<'CSV'
序号,事项名称,权力类型,实施依据,行使主体,法定期限,承诺期限
1,公众聚集场所投入使用、营业前消防安全检查,行政许可,【法律】《中华人民共和国消防法》第十五条,克拉玛依市消防救援支队,20个工作日,20个工作日
2,建设工程消防验收,行政许可,【法律】《中华人民共和国消防法》第十三条,克拉玛依市消防救援支队,15个工作日,10个工作日
CSV
"$BIN" check "$tmp/limits.csv" --format json --as-of 2026-06-01 > "$tmp/out.json" 2>/dev/null || true
python3 - "$tmp/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
got = sorted((f["rule"], f["cell"]) for f in d["findings"] if f["rule"].startswith("limits/"))
want = [("limits/promised-ratio", "G2")]
print("limit findings:", got)
if got != want: print("FAIL: want", want); sys.exit(1)
PY
fire="$SRC/../shared/data/realworld/克拉玛依市2025年消防监督执法权责清单.xlsx"
if [ -f "$fire" ]; then
  "$BIN" check "$fire" --format json > "$tmp/fire.json" 2>/dev/null || true
  python3 - "$tmp/fire.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
got = [f["cell"] for f in d["findings"] if f["rule"] == "limits/promised-ratio"]
print("fire workbook limits/promised-ratio at", got)
if got != ["O4", "O4"]: print("FAIL: want O4 twice"); sys.exit(1)
PY
fi
