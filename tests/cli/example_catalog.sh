#!/usr/bin/env bash
# The bundled example passes check silently; build writes out/; init creates a catalog that
# passes check; gen creates a valid synthetic catalog.
set -euo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
out=$("$BIN" check "$SRC/examples/示范县")
[ -z "$out" ] || { echo "FAIL: example check is not silent:"; echo "$out"; exit 1; }
"$BIN" check "$SRC/examples/示范县" --format json | python3 -c "
import json, sys
d = json.load(sys.stdin)
s = d['summary']
assert s['errors'] == 0 and s['warnings'] == 0, s
assert s['items'] >= 40, s
assert s['files'] == 4, s
"
# --as-of audits the same catalog as of another date: in 2008 most cited texts did not exist yet.
set +e
"$BIN" check "$SRC/examples/示范县" --as-of 2008-06-01 --format json > "$tmp/asof.json"; rc=$?
set -e
[ "$rc" = 1 ] || { echo "FAIL: --as-of 2008-06-01 exit $rc"; exit 1; }
python3 -c "
import json
d = json.load(open('$tmp/asof.json'))
rules = {f['rule'] for f in d['findings']}
assert rules == {'basis/not-yet-effective'}, rules
"
"$BIN" build "$SRC/examples/示范县" -o "$tmp/out" > /dev/null
python3 -c "
import json
d = json.load(open('$tmp/out/catalog.json'))
names = [i['name'] for i in d['items']]
assert len(names) == 46, len(names)          # 47 items, one not public
assert '食品安全重大违法案件线索核查' not in names
"
"$BIN" init "$tmp/new" > /dev/null
"$BIN" check "$tmp/new"
"$BIN" gen --items 200 --departments 3 --seed 5 -o "$tmp/gen"
"$BIN" check "$tmp/gen"
n=$("$BIN" check "$tmp/gen" --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['summary']['items'])")
[ "$n" = 200 ] || { echo "FAIL: gen made $n items"; exit 1; }
echo "example catalog: OK"
