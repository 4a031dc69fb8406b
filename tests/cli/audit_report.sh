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
grep -q "市容环境卫生巡查" "$out/audit.html" || { echo "FAIL: item without basis not listed"; fail=1; }
grep -q "多头执法、职能交叉" "$out/audit.html" || { echo "FAIL: overlap not listed"; fail=1; }
grep -q "应在 2025-07-29 前修订目录" "$out/audit.html" || { echo "FAIL: law change not listed"; fail=1; }
pdffonts "$out/audit.pdf" | grep -q "NotoSansCJK.* yes yes yes" || { echo "FAIL: CJK font not embedded"; fail=1; }
"$BIN" audit "$CASE/catalog" --as-of 2025-09-01 -o "$tmp/again/audit.html" -q
cmp -s "$out/audit.pdf" "$tmp/again/audit.pdf" && cmp -s "$out/audit.html" "$tmp/again/audit.html" \
  || { echo "FAIL: audit output not deterministic"; fail=1; }
# Before the revision was due, nothing is flagged.
"$BIN" audit "$CASE/catalog" --as-of 2025-07-15 -o "$tmp/early/audit.html" -q
grep -q "应在 2025-07-29 前修订目录" "$tmp/early/audit.html" && { echo "FAIL: flagged before due"; fail=1; }
# The letter (issue 28): no empty section, the title on one line, percentages adding to 100.
grep -q "（无）" "$tmp/audit.txt" && { echo "FAIL: an empty section is printed"; fail=1; }
grep -q "的合法性审核意见" "$tmp/audit.txt" || { echo "FAIL: the title is broken"; fail=1; }
for name in example basic fixture; do
  python3 - "$tmp/$name/audit.html" <<'PY' || fail=1
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
sec = re.search(r"承诺时限压缩情况</h2>(.*?)</section>", html, re.S)
if sec:
    pct = [int(x) for x in re.findall(r'<td class="num">(\d+)%</td>', sec.group(1))]
    total, rows = pct[-1], pct[:-1]
    if sum(rows) != 100 or total != 100: print("FAIL: percentages add to", sum(rows), rows); sys.exit(1)
PY
done
# A workbook, with the letter's settings from the command line: addressee, 文号, issuer, date,
# the department's sheet!cell and the correction beside the finding.
PY=/usr/bin/python3
if $PY -c "import xlsxwriter, xlwt" 2>/dev/null; then
  $PY "$SRC/tests/workbooks/make_fixtures.py" "$tmp/fx" > /dev/null
  "$BIN" audit "$tmp/fx/categories.xls" -o "$tmp/wb/letter.html" --as-of 2026-06-01 -q \
    --number "示司审〔2026〕12号" --issuer 示范县司法局 --date 2026-12-07 --to 示范市农业农村局
  pdftotext -layout "$tmp/wb/letter.pdf" "$tmp/wb/letter.txt"
  for want in "示司审〔2026〕12号" "示范市农业农村局：" "示范县司法局" "2026年12月7日" \
      "种子生产经营许可证核" "【警告】E2：引用的是《中华人民共和国种子法》" \
      "修改建议：改为《中华人民共和国种子法》（2021年12月24日修正）" "附件" "审核依据"; do
    grep -qF "$want" "$tmp/wb/letter.txt" || { echo "FAIL: workbook letter lacks $want"; fail=1; }
  done
  [ "$(pdfinfo "$tmp/wb/letter.pdf" | awk '/^Page size/ {print $3 "x" $5}')" = "595.28x841.89" ] \
    || { echo "FAIL: the letter is not A4 portrait"; fail=1; }
  # Counts that agree: the opinions' severities add up to their total, law-base findings apart;
  # every opinion of the HTML is in the PDF (a long item is never cut short).
  for f in utf8-bom.csv categories.xls hostile.xlsx; do
    "$BIN" audit "$tmp/fx/$f" -o "$tmp/wb/$f.html" --as-of 2026-06-01 -q 2>/dev/null
    pdftotext "$tmp/wb/$f.pdf" "$tmp/wb/$f.txt"
    python3 - "$tmp/wb/$f.html" "$tmp/wb/$f.txt" "$f" <<'PY' || fail=1
import re, sys
html, txt, name = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8").read(), sys.argv[3]
m = re.search(r"共提出审核意见 (\d+) 条（错误 (\d+) 条、警告 (\d+) 条、提示 (\d+) 条）", html)
if m and int(m.group(1)) != sum(map(int, m.groups()[1:])):
    print("FAIL:", name, "opinion counts do not add up:", m.group(0)); sys.exit(1)
body = html.split("附件")[0]
h, p = body.count("【"), txt.split("审核依据")[0].count("【")
if h != p: print("FAIL:", name, f"{h} opinions in the HTML, {p} in the PDF"); sys.exit(1)
PY
  done
  "$BIN" audit "$tmp/fx/categories.xls" --date 2026-13-01 -o "$tmp/wb/bad.html" -q 2> "$tmp/wb/err" \
    && { echo "FAIL: a bad --date accepted"; fail=1; }
  grep -q "YYYY-MM-DD" "$tmp/wb/err" || { echo "FAIL: no message for a bad --date"; fail=1; }
else
  echo "note: xlsxwriter/xlwt missing; the workbook letter was not checked"
fi
# The real agriculture workbook (when there): 240 opinions on 20 pages, shared findings said
# once (issue 28: about 15 pages for 200 findings).
agri="$SRC/../shared/data/realworld/2024年市农业农村局权责清单.xls"
if [ -f "$agri" ]; then
  "$BIN" audit "$agri" -o "$tmp/agri/letter.html" --as-of 2026-12-07 -q 2>/dev/null
  pages=$(pdfinfo "$tmp/agri/letter.pdf" | awk '/^Pages/ {print $2}')
  echo "agriculture workbook: $pages pages"
  [ "$pages" -le 21 ] || { echo "FAIL: the agriculture letter has $pages pages"; fail=1; }
  grep -q "共性问题" "$tmp/agri/letter.html" || { echo "FAIL: no 共性问题"; fail=1; }
  # A legal reader's points (research/letter-agri/review.md): one submission is one addressee;
  # no internal notes, rule ids, dashes for missing articles or broken joins in the letter.
  pdftotext -layout "$tmp/agri/letter.pdf" "$tmp/agri/letter.txt"
  grep -q "^地州市农业农村局：" "$tmp/agri/letter.txt" || { echo "FAIL: the workbook's unit is not the addressee"; fail=1; }
  grep -q "你单位报送的" "$tmp/agri/letter.txt" || { echo "FAIL: not answered as one submission"; fail=1; }
  for bad in "powerlist" "docs/laws.md" "basis/" "—（需核对）" "、；"; do
    grep -qF -- "$bad" "$tmp/agri/letter.txt" && { echo "FAIL: the letter contains $bad"; fail=1; }
  done
  # Page images to look at: the first page and one of the item-by-item pages.
  ART="$(cd "$(dirname "$BIN")" && pwd)/test-artifacts/audit"
  mkdir -p "$ART"
  pdftoppm -f 1 -l 1 -r 80 -png "$tmp/agri/letter.pdf" "$ART/agri-letter-first"
  pdftoppm -f 12 -l 12 -r 80 -png "$tmp/agri/letter.pdf" "$ART/agri-letter-items"
  pdftoppm -f "$pages" -l "$pages" -r 80 -png "$tmp/agri/letter.pdf" "$ART/agri-letter-appendix"
fi
exit $fail
