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
assert s['files'] == 5, s  # powerlist.yaml, 3 departments, powerlist.lock
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
# Worker processes (-j3) and one process (-j1) give byte-identical outputs.
"$BIN" build "$SRC/examples/示范县" -o "$tmp/out-j1" -j1 -q
"$BIN" build "$SRC/examples/示范县" -o "$tmp/out-j3" -j3 -q
diff -r "$tmp/out-j1" "$tmp/out-j3" > /dev/null || { echo "FAIL: -j1 and -j3 builds differ"; exit 1; }
python3 -c "
import json
d = json.load(open('$tmp/out/catalog.json'))
names = [i['name'] for i in d['items']]
assert len(names) == 46, len(names)          # 47 items, one not public
assert '食品安全重大违法案件线索核查' not in names
"
# Flowcharts: one svg/png/pdf per public item, real images, and the graph command.
n=$(ls "$tmp/out/flowcharts" | grep -c '\.svg$')
[ "$n" = 46 ] || { echo "FAIL: $n SVG flowcharts, want 46"; exit 1; }
# Outputs are named by 实施编码 from powerlist.lock.
code() { sed -n "s|^  $1: {basic: \"[0-9]*\", implementation: \"\([0-9A-Z]*\)\".*|\1|p" "$SRC/examples/示范县/powerlist.lock"; }
JSGC=$(code zrzyj/jsgcghxk); SECRET=$(code scjgj/spaqzdaxsk)
[ ${#JSGC} = 31 ] || { echo "FAIL: no 31-character code for zrzyj/jsgcghxk"; exit 1; }
ls "$tmp/out/flowcharts" "$tmp/out/site" | grep -q "$SECRET" && { echo "FAIL: a non-public item has outputs"; exit 1; }
head -c 8 "$tmp/out/flowcharts/$JSGC.png" | od -c | grep -q 'P   N   G' || { echo "FAIL: not a PNG"; exit 1; }
head -c 5 "$tmp/out/flowcharts/$JSGC.pdf" | grep -q '%PDF' || { echo "FAIL: not a PDF"; exit 1; }
grep -q '建设工程规划许可证核发' "$tmp/out/flowcharts/$JSGC.svg" || { echo "FAIL: SVG title"; exit 1; }
grep -q "$JSGC" "$tmp/out/flowcharts/$JSGC.svg" || { echo "FAIL: SVG shows no code"; exit 1; }
# 46 item pages, index.html and risks.html
[ "$(ls "$tmp/out/site" | grep -c '\.html$')" = 48 ] || { echo "FAIL: site pages"; exit 1; }
[ -s "$tmp/out/catalog.pdf" ] || { echo "FAIL: no catalog.pdf"; exit 1; }
# 60 pages: cover, contents, 9 table pages (a 公开 value shared by a table said once), 46
# flowcharts at print size on 49 pages (a tall chart continues on a second page rather than
# shrinking below 9 pt); the table header repeats on the second 行政处罚 page.
[ "$(pdfinfo "$tmp/out/catalog.pdf" | awk "/^Pages:/{print \$2}")" = 60 ] || { echo "FAIL: catalog.pdf pages"; exit 1; }
pdftotext -raw -f 6 -l 6 "$tmp/out/catalog.pdf" - | head -2 | tr "\n" " " | grep -q "^序号 权力编码 事项名称 实施依据 实施主体及承办机构 法定时限 承诺时限 收费 公开形式 廉政风险点 11 " || { echo "FAIL: header row not repeated"; exit 1; }
"$BIN" graph "$SRC/examples/示范县" zrzyj/jsgcghxk -f dot | grep 'digraph flow' > /dev/null || { echo "FAIL: graph -f dot"; exit 1; }
"$BIN" graph "$SRC/examples/示范县" zrzyj/jsgcghxk -f svg -o "$tmp/one.svg"
"$BIN" graph "$SRC/examples/示范县" "$JSGC" -f dot | grep "$JSGC" > /dev/null || { echo "FAIL: graph by code"; exit 1; }
grep -q '<svg' "$tmp/one.svg" || { echo "FAIL: graph -o svg"; exit 1; }
# The graph command draws as build does: the same bytes in every format.
for f in svg png pdf; do
  "$BIN" graph "$SRC/examples/示范县" zrzyj/jsgcghxk -f $f -o "$tmp/one.$f"
  cmp -s "$tmp/one.$f" "$tmp/out/flowcharts/$JSGC.$f" || { echo "FAIL: graph -f $f differs from build's"; exit 1; }
done
set +e; "$BIN" graph "$SRC/examples/示范县" zrzyj/nope > /dev/null 2>&1; rc=$?; set -e
[ "$rc" = 2 ] || { echo "FAIL: unknown item exit $rc"; exit 1; }
"$BIN" init "$tmp/new" > /dev/null
"$BIN" check "$tmp/new"
"$BIN" gen --items 200 --departments 3 --seed 5 -o "$tmp/gen"
"$BIN" check "$tmp/gen"
n=$("$BIN" check "$tmp/gen" --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['summary']['items'])")
[ "$n" = 200 ] || { echo "FAIL: gen made $n items"; exit 1; }
echo "example catalog: OK"
