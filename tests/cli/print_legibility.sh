#!/usr/bin/env bash
# The review and annotated workbooks print legibly in a real spreadsheet program (issue 28):
# converted by LibreOffice to PDF, their text is at least 9 pt — measured against a 10-point
# reference sheet printed at 100 % by the same program (pdftotext -bbox word heights), so the
# fonts LibreOffice substitutes do not matter. Skipped when LibreOffice is not installed.
set -uo pipefail
BIN=$(realpath "$1"); SRC=$(cd "$2" && pwd)
if ! command -v soffice > /dev/null; then
  # scripts/setup.sh installs libreoffice-calc-nogui: in CI a missing soffice is a failure.
  if [ "${CI:-}" = "true" ]; then echo "FAIL: soffice (LibreOffice) not installed"; exit 1; fi
  echo "SKIP: soffice (LibreOffice) not installed"; exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
export HOME="$tmp"  # LibreOffice's profile
/usr/bin/python3 - <<'PY'
import xlsxwriter
wb = xlsxwriter.Workbook("reference.xlsx"); ws = wb.add_worksheet()
ws.write(0, 0, "测试文字一二三四五六七八九十", wb.add_format({"font_name": "宋体", "font_size": 10}))
wb.close()
PY
/usr/bin/python3 "$SRC/tests/workbooks/make_fixtures.py" fx > /dev/null || { echo "FAIL: fixtures"; exit 1; }
"$BIN" export fx/categories.xls -o review.xlsx > /dev/null 2>&1 || { echo "FAIL: export"; exit 1; }
"$BIN" export fx/categories.xls --annotate -o annotated.xlsx > /dev/null 2>&1 || { echo "FAIL: export --annotate"; exit 1; }
names="reference review annotated"
# The real agriculture workbook, when it is beside the project (the issue's own case).
agri="$SRC/../shared/data/realworld/2024年市农业农村局权责清单.xls"
if [ -f "$agri" ]; then
  "$BIN" export "$agri" -o agri-review.xlsx > /dev/null 2>&1 || { echo "FAIL: export agri"; exit 1; }
  "$BIN" export "$agri" --annotate -o agri-annotated.xlsx > /dev/null 2>&1 || { echo "FAIL: export agri --annotate"; exit 1; }
  names="$names agri-review agri-annotated"
fi
timeout 600 soffice --headless --convert-to pdf $(for f in $names; do echo "$f.xlsx"; done) > /dev/null 2>&1
for f in $names; do
  [ -s "$f.pdf" ] || { echo "FAIL: LibreOffice did not convert $f.xlsx"; exit 1; }
  pdftotext -bbox "$f.pdf" "$f.html"
done
/usr/bin/python3 - <<'PY'
import re, sys, collections
def heights(path):
    c = collections.Counter()
    for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">[^<]+<', open(path).read()):
        c[round(float(m.group(2)) - float(m.group(1)), 1)] += 1
    return c
ref = heights("reference.html").most_common(1)[0][0]  # 10 pt at 100 %
fail = False
import os
for name in [n for n in ("review", "annotated", "agri-review", "agri-annotated") if os.path.exists(n + ".html")]:
    h = heights(name + ".html")
    body = h.most_common(1)[0][0]
    smallest = min(h)
    pt_body, pt_min = 10 * body / ref, 10 * smallest / ref
    print("%s: body text %.1f pt, smallest %.1f pt" % (name, pt_body, pt_min))
    if pt_min < 9.0:
        print("FAIL: %s prints text below 9 pt" % name); fail = True
media = open("review.html").read()
if 'width="1190' not in media and 'width="1191' not in media:
    print("FAIL: review not on A3 landscape"); fail = True
sys.exit(1 if fail else 0)
PY
