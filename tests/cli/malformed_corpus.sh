#!/usr/bin/env bash
# Every malformed input gives exit 1 or 2 and a located diagnostic, never a crash or hang.
# The committed corpus is tests/malformed/department/; the large cases are generated here.
set -uo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
open(f"{d}/g1-deep-10k-flow.yaml", "w").write("department: " + "[" * 10000 + "]" * 10000 + "\npowers: []\n")
open(f"{d}/g2-deep-10k-block.yaml", "w").write("department:\n" + "".join("  " * i + "- \n" for i in range(1, 3000)))
with open(f"{d}/g3-50mb.yaml", "w") as f:
    f.write("department: {id: d, name: x, units: [a]}\npowers:\n")
    line = "  - {key: k, name: 一个很长的名字用来填满文件, category: 行政检查, initiation: 依职权, handled_by: a}\n"
    f.write(line * (50 * 1024 * 1024 // len(line.encode()) + 1))
open(f"{d}/g4-long-line.yaml", "w").write("department: {id: d, name: x, units: [a]}\npowers: [" + "x" * 2_000_000 + "\n")
PY
fail=0; count=0
for f in "$SRC"/tests/malformed/department/*.yaml "$tmp"/g*.yaml; do
  count=$((count + 1))
  timeout 60 "$BIN" check "$f" --format json > "$tmp/out.json" 2> "$tmp/err.txt"
  rc=$?
  if [ "$rc" != 1 ] && [ "$rc" != 2 ]; then
    echo "FAIL: $(basename "$f"): exit $rc"; head -5 "$tmp/err.txt"; fail=1; continue
  fi
  if ! python3 -c "
import json, sys
d = json.load(open('$tmp/out.json'))
f = d['findings']
assert f, 'no finding'
assert all(x['line'] >= 1 and x['column'] >= 1 for x in f if x['rule'].startswith('schema/')), 'unlocated schema finding'
assert any(x['line'] >= 1 for x in f), 'no located finding'
" 2> "$tmp/py.txt"; then
    echo "FAIL: $(basename "$f"): $(tail -1 "$tmp/py.txt")"; fail=1
  fi
  timeout 60 "$BIN" check "$f" > /dev/null 2>&1; rc2=$?
  [ "$rc2" = 1 ] || [ "$rc2" = 2 ] || { echo "FAIL: $(basename "$f"): text format exit $rc2"; fail=1; }
done
echo "malformed corpus: $count inputs"
[ "$count" -ge 30 ] || { echo "FAIL: corpus has fewer than 30 inputs"; fail=1; }
exit "$fail"
