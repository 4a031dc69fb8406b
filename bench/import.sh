#!/usr/bin/env bash
# Import speed (issue 10: a 3,000-row workbook in ≤ 2 s). Two kinds of 3,000-row workbooks:
#  - synthetic: `powerlist gen --items 3000` exported as the review workbook (xlsx) and as csv;
#  - real-shaped (when ../shared/data/realworld is present): the rows of the real agriculture
#    workbook repeated to 3,000 rows, written as BIFF8 .xls (xlwt) and .xlsx (xlsxwriter), so
#    citations, newlines and sheet layout are those of a real catalog.
# Prints wall seconds and peak RSS per run (best of RUNS, default 3).
# usage: bench/import.sh [REALWORLD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(pwd)/build/powerlist"
REAL="${1:-../shared/data/realworld}"
RUNS="${RUNS:-3}"
PY=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$BIN" gen --items 3000 --departments 30 --seed 1 -o "$tmp/gen" > /dev/null
"$BIN" export "$tmp/gen" --format xlsx -o "$tmp/synthetic-3000.xlsx" -q --no-progress || true
"$BIN" export "$tmp/gen" --format csv -o "$tmp/synthetic-3000.csv" -q --no-progress || true

agri=$(ls "$REAL"/*农业农村局*.xls 2> /dev/null | head -1 || true)
if [ -n "$agri" ]; then
  "$PY" - "$agri" "$tmp" << 'PY'
import sys, xlrd, xlwt, xlsxwriter
src, out = sys.argv[1], sys.argv[2]
book = xlrd.open_workbook(src)
rows = []
for sh in book.sheets():
    for r in range(1, sh.nrows):  # below each sheet's header row
        vals = [str(sh.cell_value(r, c)) for c in range(sh.ncols)]
        if any(v.strip() for v in vals[1:]):
            rows.append(vals)
header = [str(book.sheets()[0].cell_value(0, c)) for c in range(book.sheets()[0].ncols)]
body = [rows[i % len(rows)] for i in range(3000)]
wb = xlwt.Workbook(encoding="utf-8"); ws = wb.add_sheet("权责清单")
for c, v in enumerate(header): ws.write(0, c, v)
for r, vals in enumerate(body, 1):
    vals = list(vals); vals[0] = str(r)
    for c, v in enumerate(vals): ws.write(r, c, v[:32000])
wb.save(f"{out}/real-shaped-3000.xls")
wx = xlsxwriter.Workbook(f"{out}/real-shaped-3000.xlsx"); sx = wx.add_worksheet("权责清单")
sx.write_row(0, 0, header)
for r, vals in enumerate(body, 1):
    vals = list(vals); vals[0] = str(r); sx.write_row(r, 0, vals)
wx.close()
PY
fi

printf "| workbook (3,000 rows) | items imported | wall (best of %s) | peak RSS |\n|---|---:|---:|---:|\n" "$RUNS"
for wbk in "$tmp"/*.xls "$tmp"/*.xlsx "$tmp"/*.csv; do
  [ -f "$wbk" ] || continue
  best=""; rss=""
  for _ in $(seq "$RUNS"); do
    rm -rf "$tmp/imp"
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$BIN" import "$wbk" -o "$tmp/imp" -q --no-progress > /dev/null 2>&1 || true
    read -r wall kb < <(tail -n 1 "$tmp/time")  # after "Command exited with non-zero status" (rows reported: exit 1)
    if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then best=$wall; rss=$kb; fi
  done
  items=$(grep -c "^  - key:" "$tmp"/imp/departments/*.yaml 2> /dev/null | awk -F: '{s+=$2} END {print s+0}')
  printf "| %s | %s | %s s | %d MB |\n" "$(basename "$wbk")" "$items" "$best" $((rss / 1024))
done
