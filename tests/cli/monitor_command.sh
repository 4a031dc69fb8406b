#!/usr/bin/env bash
# `powerlist monitor` (issue 25) with the fixture ledger of the example catalog: golden JSON
# (every status, 清单外, a foreign 承办机构, step records, two pauses, dates in every form,
# bad rows), every report format, no applicant data in any output, exit codes, bad input and
# a ledger of 5,000,000 rows in bounded memory. UPDATE_GOLDEN=1 rewrites the golden JSON.
set -uo pipefail
BIN="$(realpath "$1")"; SRC="$(realpath "$2")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
G="$SRC/tests/golden/monitor"
CAT="$SRC/examples/示范县"
run() { "$BIN" monitor "$CAT" "$G/ledger.csv" "$G/steps.csv" --as-of 2025-10-20 --no-progress "$@"; }

run --format json > "$tmp/out.json"; rc=$?
[ "$rc" = 1 ] || bad "a red card and a case outside the catalog: exit $rc, want 1"
if [ -n "${UPDATE_GOLDEN:-}" ]; then cp "$tmp/out.json" "$G/expected.json"; fi
diff -u "$G/expected.json" "$tmp/out.json" > "$tmp/diff" || { bad "JSON differs from tests/golden/monitor/expected.json"; head -40 "$tmp/diff"; }
python3 - "$tmp/out.json" <<'EOF' || bad "JSON contract"
import json, sys
d = json.load(open(sys.argv[1]))
st = {c["status"] for c in d["cases"]}
for s in ["on_time", "overdue", "late", "late_statutory", "warning", "overdue_statutory", "open", "not_in_catalog", "undetermined"]:
    assert s in st, s
c = {}
for x in d["cases"]: c.setdefault(x["id"], x)
assert c["BJ001"]["due_promised"] == "2025-10-16" and c["BJ001"]["due_statutory"] == "2025-10-30"
assert c["BJ006"]["paused_days"] == 4 and c["BJ006"]["due_promised"] == "2025-10-28"
assert c["BJ003"]["late_step"] == "审查" and c["BJ003"]["card"] == "red"
assert c["BJ002"]["card"] == "yellow" and c["BJ002"]["days_left"] == 1
assert c["BJ009"]["due_promised"] == "2025-10-09"
assert any("办公室" in n for n in c["BJ008"]["notes"])
rules = [f["rule"] for f in d["findings"]]
for r in ["monitor/not-in-catalog", "monitor/overdue-statutory", "monitor/warning", "monitor/late",
          "monitor/late-statutory", "monitor/unit-mismatch", "monitor/bad-row"]:
    assert r in rules, r
assert all(f.get("sheet") == "Sheet1" and f.get("cell") for f in d["findings"])
s = {(x["department"], x["month"]): x for x in d["summary"]}
assert s[("示范县交通运输局", "2025-10")]["not_in_catalog"] == 1
EOF

run > "$tmp/out.txt"; [ $? = 1 ] || bad "text: exit 1"
head -3 "$tmp/out.txt" | grep -q "红牌 2 件，黄牌 1 件，清单外 1 件" || { bad "text: the cards first"; head -5 "$tmp/out.txt"; }
grep -q "ledger.csv:Sheet1!A5  BJ003" "$tmp/out.txt" || bad "text: the red card's row"
run --lang en > "$tmp/en.txt"
grep -q "red cards 2, yellow cards 1" "$tmp/en.txt" || bad "--lang en"
run --format html -o "$tmp/m.html" 2> /dev/null
grep -q "<h1>效能监察" "$tmp/m.html" || bad "html page"
grep -q "<script" "$tmp/m.html" && bad "html must not need scripts"
run --format xlsx -o "$tmp/m.xlsx" 2> /dev/null
python3 - "$tmp/m.xlsx" <<'EOF' || bad "xlsx sheets"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
wb = z.read("xl/workbook.xml").decode()
assert "办件" in wb and "汇总" in wb, wb
EOF
"$BIN" monitor "$CAT" "$G/ledger.csv" --as-of 2025-10-20 --format xlsx --no-progress > /dev/null 2>&1; [ $? = 2 ] || bad "xlsx without -o: exit 2"

# Nothing that names an applicant reaches any output.
unzip -p "$tmp/m.xlsx" > "$tmp/xlsx.txt" 2> /dev/null
for f in "$tmp/out.json" "$tmp/out.txt" "$tmp/en.txt" "$tmp/m.html" "$tmp/xlsx.txt"; do
  for w in 张三甲 李四乙 360827199001011234 13900000001; do
    grep -q "$w" "$f" && bad "$(basename "$f") shows applicant data ($w)"
  done
done

# Exit codes: --fail-on never; a ledger without a red card or 清单外 exits 0.
run --fail-on never > /dev/null; [ $? = 0 ] || bad "--fail-on never: exit 0"
printf '办件编号,事项编码,受理日期,办结日期\nA1,11360827MB0123458P4360190003000,2025-10-13,2025-10-14\n' > "$tmp/ok.csv"
"$BIN" monitor "$CAT" "$tmp/ok.csv" --as-of 2025-10-20 > /dev/null; [ $? = 0 ] || bad "a clean ledger: exit 0"
# The catalog is the current folder when only a ledger is given.
(cd "$CAT" && "$BIN" monitor "$tmp/ok.csv" --as-of 2025-10-20 > /dev/null) || bad "monitor LEDGER in a catalog folder"

# gen --cases: a synthetic ledger for a generated catalog, the same for the same --seed, which
# monitor reads whole (every status but a read error).
"$BIN" gen --items 40 --departments 3 --seed 7 --cases 300 -o "$tmp/g1" > /dev/null || bad "gen --cases"
"$BIN" gen --items 40 --departments 3 --seed 7 --cases 300 -o "$tmp/g2" > /dev/null
cmp -s "$tmp/g1/ledger.csv" "$tmp/g2/ledger.csv" || bad "gen --cases is not deterministic"
[ "$(wc -l < "$tmp/g1/ledger.csv")" = 301 ] || bad "gen --cases 300 wrote $(wc -l < "$tmp/g1/ledger.csv") lines"
"$BIN" monitor "$tmp/g1" "$tmp/g1/ledger.csv" --as-of 2025-12-31 --format json > "$tmp/g.json"; rc=$?
[ "$rc" -le 1 ] || bad "monitor of a generated ledger: exit $rc"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['cases'])==300; assert not [c for c in d['cases'] if c['status']=='undetermined']" "$tmp/g.json" || bad "generated ledger: 300 cases, none undetermined"

# Bad input: a clear message and exit 2.
printf '办件编号,事项名称\nA1,某许可\n' > "$tmp/nodate.csv"
"$BIN" monitor "$CAT" "$tmp/nodate.csv" > /dev/null 2> "$tmp/err"; [ $? = 2 ] || bad "a ledger without a date column: exit 2"
grep -q "受理日期" "$tmp/err" || bad "the message names the missing column"
"$BIN" monitor "$CAT" "$tmp/missing.csv" > /dev/null 2>&1; [ $? = 2 ] || bad "a missing ledger: exit 2"
"$BIN" monitor "$CAT" "$G/ledger.csv" --map 流水=nothing > /dev/null 2>&1; [ $? = 2 ] || bad "a bad --map: exit 2"
head -c 3000 /dev/urandom > "$tmp/noise.xlsx"
"$BIN" monitor "$CAT" "$tmp/noise.xlsx" > /dev/null 2>&1; [ $? = 2 ] || bad "random bytes: exit 2"
# 5,000,000 rows that are no ledger: refused with the rows counted, in bounded memory.
yes '甲,乙,丙' 2> /dev/null | head -n 5000000 > "$tmp/big.csv"
/usr/bin/time -f "%M" -o "$tmp/mem" "$BIN" monitor "$CAT" "$tmp/big.csv" --no-progress > /dev/null 2> "$tmp/big.err"; rc=$?
[ "$rc" = 2 ] || bad "a 5,000,000-row CSV without a header: exit $rc, want 2"
grep -q "5000000 行有内容" "$tmp/big.err" || grep -q "没有可读的办件" "$tmp/big.err" || { bad "the big CSV's message"; cat "$tmp/big.err"; }
kb=$(tail -1 "$tmp/mem")
# About 330 MB in a release build; AddressSanitizer's redzones add more: the bound is for release.
if [ -z "${ASAN_OPTIONS:-}" ]; then [ "$kb" -lt 400000 ] || bad "5,000,000 rows took ${kb} KB (want < 400 MB)"; fi
rm -f "$tmp/big.csv"
exit $fail
