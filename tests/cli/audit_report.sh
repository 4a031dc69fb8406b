#!/usr/bin/env bash
# `powerlist audit`: the report's counts equal `check --format json` on three catalogs;
# golden HTML and PDF text of a fixture with an overlap, an item without basis and a law
# revised more than 20 working days before the as-of date. UPDATE_GOLDEN=1 rewrites.
set -euo pipefail
BIN="$1"; SRC="$2"
CASE="$SRC/tests/golden/audit"
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
compare() {
  local want="$CASE/expected/$1"
  if [ "${UPDATE_GOLDEN:-}" = "1" ]; then mkdir -p "$CASE/expected"; cp "$2" "$want"; return; fi
  if ! diff -u "$want" "$2"; then echo "FAIL: golden $1 differs"; fail=1; fi
}
counts_match() {  # name, catalog, extra args…
  local name="$1" dir="$2"; shift 2
  "$BIN" audit "$dir" -o "$tmp/$name/audit.html" -q "$@"
  set +e; "$BIN" check "$dir" --format json "$@" > "$tmp/$name/check.json"; set -e
  python3 - "$tmp/$name/audit.html" "$tmp/$name/check.json" "$name" <<'PY' || fail=1
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
got = {k: int(v) for k, v in re.findall(r'data-count="(\w+)">(\d+)<', html)}
s = json.load(open(sys.argv[2]))["summary"]
want = {"errors": s["errors"], "warnings": s["warnings"], "notes": s["notes"], "items": s["items"]}
bad = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
print(sys.argv[3], "audit", {k: got.get(k) for k in want}, "check", want)
if bad: print("FAIL: audit counts differ from check:", bad); sys.exit(1)
PY
  [ -s "$tmp/$name/audit.pdf" ] || { echo "FAIL: $name: no audit.pdf"; fail=1; }
}
counts_match example "$SRC/examples/示范县"
counts_match basic "$SRC/tests/golden/basic"
counts_match fixture "$CASE/catalog" --as-of 2025-09-01

out="$tmp/fixture"
compare audit.html "$out/audit.html"
pdftotext -layout "$out/audit.pdf" "$tmp/audit.txt"
compare audit.pdf.txt "$tmp/audit.txt"
grep -q "zhzf/xcjc" "$out/audit.html" || { echo "FAIL: item without basis not listed"; fail=1; }
grep -q "多头执法、职能交叉" "$out/audit.html" || { echo "FAIL: overlap not listed"; fail=1; }
grep -q "应在 2025-07-29 前修订目录" "$out/audit.html" || { echo "FAIL: law change not listed"; fail=1; }
pdffonts "$out/audit.pdf" | grep -q "NotoSansCJK.* yes yes yes" || { echo "FAIL: CJK font not embedded"; fail=1; }
"$BIN" audit "$CASE/catalog" --as-of 2025-09-01 -o "$tmp/again/audit.html" -q
cmp -s "$out/audit.pdf" "$tmp/again/audit.pdf" && cmp -s "$out/audit.html" "$tmp/again/audit.html" \
  || { echo "FAIL: audit output not deterministic"; fail=1; }
# Before the revision was due, nothing is flagged.
"$BIN" audit "$CASE/catalog" --as-of 2025-07-15 -o "$tmp/early/audit.html" -q
grep -q "应在 2025-07-29 前修订目录" "$tmp/early/audit.html" && { echo "FAIL: flagged before due"; fail=1; }
exit $fail
