#!/usr/bin/env bash
# Workbooks in and out (issue 10), on fixtures the project makes itself
# (tests/workbooks/make_fixtures.py): check with sheet!cell locations, import to YAML, export,
# the round trip, --map, and malformed workbooks. UPDATE_GOLDEN=1 rewrites the goldens.
set -uo pipefail
BIN="$1"; SRC="$2"
PY=/usr/bin/python3
GOLD="$SRC/tests/golden/workbooks"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
compare() {  # golden-name actual-file
  if [ "${UPDATE_GOLDEN:-}" = "1" ]; then cp "$2" "$GOLD/$1"; return; fi
  diff -u "$GOLD/$1" "$2" > "$tmp/diff" || { bad "golden $1 differs"; head -40 "$tmp/diff"; }
}
export SOURCE_DATE_EPOCH=1780272000  # 2026-06-01: fixed "today" for imports
$PY "$SRC/tests/workbooks/make_fixtures.py" "$tmp/fx" || { echo "FAIL: fixtures"; exit 1; }
cd "$tmp/fx"
for f in categories.xls misnamed-ole.xlsx merged-headers.xlsx hostile.xlsx gb18030.csv utf8-bom.csv; do
  "$BIN" check "$f" --format json --as-of 2026-06-01 --no-progress > "$tmp/$f.check.json"
  rc=$?; [ "$rc" -le 1 ] || bad "check $f exit $rc"
  compare "$f.check.json" "$tmp/$f.check.json"
  "$BIN" import "$f" -o "$tmp/imp-$f" --as-of 2026-06-01 --no-progress > "$tmp/$f.import.txt"
  rc=$?; [ "$rc" -le 1 ] || bad "import $f exit $rc"
  (cd "$tmp/imp-$f" && for y in powerlist.yaml departments/*.yaml; do echo "### $y"; cat "$y"; done) > "$tmp/$f.import.yaml"
  compare "$f.import.yaml" "$tmp/$f.import.yaml"
  # Every row accounted for: title/header + items + merged + reported + empty = rows.
  grep " 行 = " "$tmp/$f.import.txt" | while read -r line; do
    $PY -c "
import re,sys
m=re.search(r'(\d+) 行 = 标题和表头 (\d+) \+ 导入 (\d+)（其中子项 \d+）\+ 并入上一行 (\d+) \+ 报告 (\d+) \+ 空行 (\d+)', sys.argv[1])
n=list(map(int,m.groups())); sys.exit(0 if n[0]==sum(n[1:]) else 1)" "$line" || bad "$f: rows not all accounted for: $line"
  done
  # The imported folder is valid YAML of the format: no schema/* error, the same findings.
  "$BIN" check "$tmp/imp-$f" --format json --as-of 2026-06-01 --no-progress > "$tmp/$f.recheck.json"
  $PY - "$tmp/$f.check.json" "$tmp/$f.recheck.json" <<'PY' || bad "$f: the imported catalog is judged differently"
import json, sys, collections
a, b = (json.load(open(p)) for p in sys.argv[1:3])
schema = [f for f in b["findings"] if f["rule"].startswith("schema/") and f["rule"] != "schema/type"]
ca = collections.Counter(f["rule"] for f in a["findings"])
cb = collections.Counter(f["rule"] for f in b["findings"])
if schema or ca != cb:
    print("workbook:", dict(ca)); print("imported:", dict(cb)); print(schema[:3]); sys.exit(1)
PY
  "$BIN" export "$f" --format csv -o "$tmp/$f.export.csv" --as-of 2026-06-01 -q || bad "export csv $f"
  compare "$f.export.csv" "$tmp/$f.export.csv"
  "$BIN" export "$tmp/imp-$f" -o "$tmp/$f.review.xlsx" --as-of 2026-06-01 -q || bad "export xlsx $f"
  $PY "$SRC/tests/workbooks/roundtrip.py" "$f" "$tmp/$f.review.xlsx" > "$tmp/rt.txt" || { bad "round trip $f"; cat "$tmp/rt.txt"; }
done
# The review workbook imports again as the catalog it lists: its 汇总 and 风险防控 sheets are
# accounted for as rows, not imported as items.
"$BIN" export "$SRC/examples/示范县" -o "$tmp/example.review.xlsx" --as-of 2026-06-01 -q || bad "export example"
rc=0; "$BIN" import "$tmp/example.review.xlsx" -o "$tmp/imp-review" --no-progress > "$tmp/imp-review.txt" || rc=$?
[ "$rc" = 1 ] || bad "import review workbook: exit $rc (1: rows reported, CLI.md)"
n=$(grep -h -c "^  - key:" "$tmp"/imp-review/departments/*.yaml | awk '{s+=$1} END {print s}')
want=$("$BIN" check "$SRC/examples/示范县" --format json | $PY -c "import json,sys; print(json.load(sys.stdin)['summary']['items'])")
[ "$n" -le "$want" ] && [ "$n" -ge $((want - 2)) ] || bad "review workbook re-import: $n items, example has $want"
grep -q "风险防控!第1–" "$tmp/imp-review.txt" || bad "the 风险防控 sheet is reported as one range"
# FreeXL runs in a child process: when it dies on a damaged file, the user gets a clear
# message and exit 2, never a crash.
rc=0; POWERLIST_TEST_XLS_READER_DIES=1 "$BIN" check categories.xls > /dev/null 2> "$tmp/dies.err" || rc=$?
[ "$rc" = 2 ] && grep -q "读取程序异常退出" "$tmp/dies.err" || bad "a dying xls reader: exit $rc, $(cat "$tmp/dies.err")"
# The reader is its own program (powerlist-xls-reader, beside the binary); where it is not
# found the reader is forked instead, with the same findings and the same message on death.
POWERLIST_XLS_READER=/nonexistent "$BIN" check categories.xls --as-of 2026-06-01 --format json > "$tmp/forked.json" || true
"$BIN" check categories.xls --as-of 2026-06-01 --format json > "$tmp/spawned.json" || true
diff -q "$tmp/forked.json" "$tmp/spawned.json" > /dev/null || bad "the forked reader's findings differ from powerlist-xls-reader's"
grep -q '"items": 3' "$tmp/spawned.json" || bad "categories.xls: 3 items through powerlist-xls-reader"
rc=0; POWERLIST_XLS_READER=/nonexistent POWERLIST_TEST_XLS_READER_DIES=1 "$BIN" check categories.xls > /dev/null 2> "$tmp/dies2.err" || rc=$?
[ "$rc" = 2 ] && grep -q "读取程序异常退出" "$tmp/dies2.err" || bad "a dying forked xls reader: exit $rc"
rc=0; "$(dirname "$BIN")/powerlist-xls-reader" < /dev/null > /dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || bad "powerlist-xls-reader on its own: exit $rc (2, a usage line)"
# Locations: sheet!cell in text, sheet and cell in JSON, a logical location in SARIF.
"$BIN" check categories.xls --as-of 2026-06-01 > "$tmp/text.txt"
grep -q '^categories.xls:行政许可（2项）!E2: warning: ' "$tmp/text.txt" || bad "text location sheet!cell"
grep -q '"sheet": "行政许可（2项）", "cell": "E2"' "$tmp/categories.xls.check.json" || bad "JSON sheet/cell"
# (output to a file first: with pipefail, grep -q closing the pipe early fails the pipeline)
"$BIN" check categories.xls --as-of 2026-06-01 --format sarif > "$tmp/c.sarif"
grep -q '"fullyQualifiedName": "行政许可（2项）!E2", "kind": "sheet"' "$tmp/c.sarif" || bad "SARIF logical location"
"$BIN" check categories.xls --as-of 2026-06-01 --format github > "$tmp/c.github"
grep -q '::warning file=categories.xls,line=2,col=5' "$tmp/c.github" || bad "GitHub annotation"
# A misnamed OLE file reads as the .xls it is.
sed 's/misnamed-ole.xlsx/categories.xls/g' "$tmp/misnamed-ole.xlsx.check.json" | diff -q - "$tmp/categories.xls.check.json" > /dev/null || bad "misnamed OLE differs from the .xls"
# Two workbooks on one command line form one catalog (cross-department rules run).
"$BIN" check categories.xls merged-headers.xlsx --format json --as-of 2026-06-01 | $PY -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if d['summary']['items']==7 else 1)" || bad "two workbooks as one catalog"
# Hostile cells: literal in YAML, a string (not a formula) in the xlsx, within Excel's cell size.
grep -q 'name: "<script>alert(1)</script>事项"' "$tmp/hostile.xlsx.import.yaml" || bad "markup name not kept literally"
$PY - "$tmp/hostile.xlsx.review.xlsx" <<'PY' || bad "hostile cells in the review workbook"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["审核意见"]
cells = [c for row in ws.iter_rows(min_row=3) for c in row]
formula = [c for c in cells if c.data_type == "f"]
assert not formula, formula
assert any(c.value == '=HYPERLINK("http://example.invalid","点我")' and c.data_type == "s" for c in cells)
assert max(len(str(c.value or "")) for c in cells) <= 32767
PY
grep -q ",\"'=HYPERLINK" "$tmp/hostile.xlsx.export.csv" || bad "CSV: a formula-looking cell must be written as text"
# The review workbook: highlights, comments, frozen header, filter, summary equal to check.
$PY - "$tmp/categories.xls.review.xlsx" "$tmp/categories.xls.check.json" <<'PY' || bad "review workbook structure"
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); check = json.load(open(sys.argv[2]))
ws = wb["审核意见"]
assert ws.freeze_panes == "C3", ws.freeze_panes
assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A2"), ws.auto_filter.ref
assert ws.page_setup.orientation == "landscape"
comments = [c for row in ws.iter_rows(min_row=3) for c in row if c.comment]
assert len(comments) >= check["summary"]["warnings"] + check["summary"]["errors"] - 1, len(comments)
for c in comments:
    assert c.fill.fgColor.rgb in ("FFFFC7CE", "FFFFEB9C", "FFDDEBF7"), c.fill.fgColor.rgb
s = wb["汇总"]
total = [r for r in s.iter_rows(values_only=True) if r[0] == "合计"][0]
assert total[2] == check["summary"]["items"], total
assert total[3] == check["summary"]["errors"] and total[4] == check["summary"]["warnings"], total
PY
# Rows reported: the note row of the GB18030 CSV makes import exit 1 and names its row.
"$BIN" import gb18030.csv -o "$tmp/gbi" --no-progress > "$tmp/gb.txt"; rc=$?
[ "$rc" = 1 ] || bad "import with a reported row must exit 1 (got $rc)"
grep -q "gb18030.csv:Sheet1!第3行  说明文字行" "$tmp/gb.txt" || bad "the reported row is not named"
# --map: a heading no synonym knows.
printf '序号,清单事项,权力类型,实施依据,行使主体,承办机构\n1,价格监督检查,行政检查,"《中华人民共和国价格法》第三十四条",示范市发展和改革委员会,价格科\n' > "$tmp/map.csv"
"$BIN" check "$tmp/map.csv" --format json > "$tmp/nomap.json"
grep -q '"items": 0' "$tmp/nomap.json" || bad "without --map the sheet has no name column"
"$BIN" check "$tmp/map.csv" --format json --map 清单事项=事项名称 > "$tmp/map.json"
grep -q '"items": 1' "$tmp/map.json" || bad "--map 清单事项=事项名称 must import the row"
"$BIN" import "$tmp/map.csv" -o "$tmp/mapi" --map 清单事项=name --no-progress > "$tmp/map.out"
grep -q "清单事项 → name（事项名称）  \[--map\]" "$tmp/map.out" || bad "the mapping table shows --map"
"$BIN" check "$tmp/map.csv" --map 清单事项=nonsense > /dev/null 2>&1; [ $? = 2 ] || bad "bad --map is a usage error"
# Malformed workbooks: a clear Chinese message and exit 2, bounded memory and time.
$PY "$SRC/tests/workbooks/make_fixtures.py" --bad "$tmp/bad"
for f in "$tmp"/bad/*.xls* "$tmp"/bad/*.csv; do
  [ "$(basename "$f")" = million-rows.xlsx ] && continue  # read whole: below
  /usr/bin/time -f "%M %e" -o "$tmp/time" timeout 60 "$BIN" check "$f" --no-progress > "$tmp/bad.out" 2>&1; rc=$?
  [ "$rc" = 2 ] || { bad "$(basename "$f"): exit $rc, want 2"; cat "$tmp/bad.out"; }
  grep -q "powerlist: .*[，。：]" "$tmp/bad.out" || bad "$(basename "$f"): no Chinese message"
  read -r kb secs < <(tail -1 "$tmp/time")
  [ "$kb" -lt 400000 ] || bad "$(basename "$f"): $kb KB"
done
# Every real workbook beside the project (../shared/data/realworld, when there): the count line
# of every sheet adds up to the sheet's rows (issue 22).
real="$SRC/../shared/data/realworld"
if [ -d "$real" ]; then
  nreal=0
  for f in "$real"/*.xls*; do
    nreal=$((nreal + 1))
    "$BIN" import "$f" -o "$tmp/imp-real-$nreal" --no-progress > "$tmp/real.out" 2>&1; rc=$?
    [ "$rc" -le 1 ] || { bad "$(basename "$f"): import exit $rc"; continue; }
    lines=$(grep -c " 行 = " "$tmp/real.out")
    [ "$lines" -ge 1 ] || bad "$(basename "$f"): no count line"
    grep " 行 = " "$tmp/real.out" | while read -r line; do
      $PY -c "
import re,sys
m=re.search(r'(\d+) 行 = 标题和表头 (\d+) \+ 导入 (\d+)（其中子项 \d+）\+ 并入上一行 (\d+) \+ 报告 (\d+) \+ 空行 (\d+)', sys.argv[1])
n=list(map(int,m.groups())); sys.exit(0 if n[0]==sum(n[1:]) else 1)" "$line" || bad "$(basename "$f"): rows not all accounted for: $line"
    done
  done
  [ "$nreal" -ge 4 ] || bad "realworld: $nreal workbooks, want 4"
else
  echo "note: $real not found; the real workbooks' count lines were not checked"
fi
# The issue's own case: a 300,001-line 权责清单 CSV is refused naming the item bound (exit 2),
# never passed with part of its rows.
$PY - "$tmp/big.csv" <<'PY'
import csv, sys
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["序号", "事项名称", "权力类型", "实施依据", "行使主体", "承办机构"])
    for i in range(300000):
        w.writerow([i + 1, f"示范事项{i + 1}", "行政检查", "【法律】《中华人民共和国行政许可法》第六十一条", "示范市农业农村局", "执法科"])
PY
"$BIN" check "$tmp/big.csv" --no-progress > "$tmp/big.out" 2>&1; rc=$?
[ "$rc" = 2 ] || bad "300,001-line CSV: exit $rc, want 2"
grep -q "工作簿中的事项超过 150000 项的上限（读到工作表“Sheet1”第 150002 行）" "$tmp/big.out" || { bad "300,001-line CSV: the bound is not named"; head -3 "$tmp/big.out"; }
# WPS's .et is BIFF8 under another name: read as the .xls it is, the same count line.
cp categories.xls "$tmp/categories.et"
"$BIN" import categories.xls -o "$tmp/imp-xls" --no-progress 2>&1 | grep " 行 = " | sed 's/^ *[^:]*://' > "$tmp/xls.count"
"$BIN" import "$tmp/categories.et" -o "$tmp/imp-et" --no-progress 2>&1 | grep " 行 = " | sed 's/^ *[^:]*://' > "$tmp/et.count"
[ -s "$tmp/xls.count" ] && cmp -s "$tmp/xls.count" "$tmp/et.count" || bad ".et and .xls count lines differ"
# A sheet of 1,048,576 rows (the xlsx maximum) is read whole, in bounded memory (issue 22):
# it has no header, so every row is reported, none passed over.
f="$tmp/bad/million-rows.xlsx"
/usr/bin/time -f "%M %e" -o "$tmp/time" timeout 300 "$BIN" import "$f" -o "$tmp/imp-million" --no-progress > "$tmp/million.out" 2>&1; rc=$?
[ "$rc" = 1 ] || { bad "million-rows.xlsx: import exit $rc, want 1"; cat "$tmp/million.out"; }
grep -q "1048576 行 = 标题和表头 0 + 导入 0（其中子项 0）+ 并入上一行 0 + 报告 1048576 + 空行 0" "$tmp/million.out" \
  || { bad "million-rows.xlsx: not every row reported"; head -5 "$tmp/million.out"; }
read -r kb secs < <(tail -1 "$tmp/time")
# 315 MB in a release build; AddressSanitizer's redzones multiply it, so the bound is for release.
if [ -z "${ASAN_OPTIONS:-}" ]; then [ "$kb" -lt 1000000 ] || bad "million-rows.xlsx: $kb KB"; fi
# export --annotate (issue 24): the department's own workbook, every non-empty cell's text and
# every merged range kept, finding cells filled and commented; read back by xlrd/openpyxl, not
# by powerlist (tests/tools/annotate_check.py).
cd "$tmp/fx"
for f in categories.xls misnamed-ole.xlsx merged-headers.xlsx hostile.xlsx; do
  "$BIN" export "$f" --annotate -o "$tmp/ann-$f.xlsx" --as-of 2026-06-01 --no-progress > "$tmp/ann.out" 2>&1 || { bad "export --annotate $f"; cat "$tmp/ann.out"; }
  $PY "$SRC/tests/tools/annotate_check.py" "$f" "$tmp/ann-$f.xlsx" > "$tmp/ann.txt" || { bad "annotated $f differs from its source"; cat "$tmp/ann.txt"; }
  grep -Eq "commented [1-9]" "$tmp/ann.txt" || { bad "annotated $f: no finding cell commented"; cat "$tmp/ann.txt"; }
  unzip -p "$tmp/ann-$f.xlsx" xl/workbook.xml > "$tmp/wb.xml"; grep -q "审核汇总" "$tmp/wb.xml" || bad "annotated $f: no 审核汇总 sheet"
done
"$BIN" export "$SRC/examples/示范县" --annotate -o "$tmp/x.xlsx" > /dev/null 2>&1; [ $? = 2 ] || bad "--annotate of a YAML catalog: exit 2"
exit $fail
