#!/usr/bin/env bash
# The public outputs of `build` (issue 5 acceptance): golden catalog.json, site pages and
# PDF text; every public name and code in catalog.pdf; CJK fonts embedded; page count;
# the canary of a non-public item in no file outside internal/; markup in an item name
# rendered as text in HTML, SVG and PDF; byte-identical builds; atomic replacement.
# UPDATE_GOLDEN=1 rewrites the expected files.
set -euo pipefail
BIN="$1"; SRC="$2"
CASE="$SRC/tests/golden/publish"
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
check() { if ! (set +o pipefail; eval "$2"); then echo "FAIL: $1"; fail=1; fi; }
compare() {  # name, actual file
  local want="$CASE/expected/$1"
  if [ "${UPDATE_GOLDEN:-}" = "1" ]; then mkdir -p "$CASE/expected"; cp "$2" "$want"; return; fi
  if ! diff -u "$want" "$2"; then echo "FAIL: golden $1 differs"; fail=1; fi
}

"$BIN" build "$CASE/catalog" -o "$tmp/out" -q
"$BIN" build "$CASE/catalog" -o "$tmp/out2" -q
check "two builds are byte-identical" 'diff -r "$tmp/out" "$tmp/out2" >/dev/null'
SOURCE_DATE_EPOCH=1767225600 "$BIN" build "$CASE/catalog" -o "$tmp/out3" -q
SOURCE_DATE_EPOCH=1767225600 "$BIN" build "$CASE/catalog" -o "$tmp/out4" -q
check "SOURCE_DATE_EPOCH builds are byte-identical" 'diff -r "$tmp/out3" "$tmp/out4" >/dev/null'
check "SOURCE_DATE_EPOCH sets the PDF date" \
  'pdfinfo "$tmp/out3/catalog.pdf" | grep -q "CreationDate:.*2026"'
pdfinfo "$tmp/out/catalog.pdf" > "$tmp/info.txt" || { echo "FAIL: pdfinfo cannot read catalog.pdf"; fail=1; }
check "no PDF date without SOURCE_DATE_EPOCH" 'grep -q "^Pages:" "$tmp/info.txt" && ! grep -q "^CreationDate:" "$tmp/info.txt"'

out="$tmp/out"
IMPL=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(next(i["codes"]["implementation"] for i in d["items"] if i["key"]=="jsgcghxk"))' "$out/catalog.json")
MARK=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(next(i["codes"]["implementation"] for i in d["items"] if i["key"]=="markup"))' "$out/catalog.json")
compare catalog.json "$out/catalog.json"
compare index.html "$out/site/index.html"
compare item.html "$out/site/$IMPL.html"
pdftotext -layout "$out/catalog.pdf" "$tmp/catalog.txt"
compare catalog.pdf.txt "$tmp/catalog.txt"

# Every public item's name and code is in the PDF text (-raw keeps each wrapped cell together).
pdftotext -raw "$out/catalog.pdf" - | tr -d ' \n' > "$tmp/raw.txt"
python3 - "$out/catalog.json" "$tmp/raw.txt" <<'PY' || fail=1
import json, sys
items = json.load(open(sys.argv[1]))["items"]
text = open(sys.argv[2]).read()
missing = [i["name"] for i in items if i["name"].replace(" ", "") not in text or i["codes"]["implementation"] not in text]
if missing: print("FAIL: not in catalog.pdf text:", missing)
sys.exit(1 if missing else 0)
PY
check "CJK font embedded" 'pdffonts "$out/catalog.pdf" | grep -E "NotoSansCJK" | grep -q " yes yes yes"'
check "no font left unembedded" '! pdffonts "$out/catalog.pdf" | tail -n +3 | grep -E "^\S+ .* no +(yes|no) +(yes|no) "'
# Pages: cover + contents (1 page here) + one table page per category (2) + one flowchart
# page per public item with a procedure (3).
check "page count" '[ "$(pdfinfo "$out/catalog.pdf" | awk "/^Pages:/{print \$2}")" = 7 ]'
# The dictionaries are in (deflated) object streams: qpdf writes them out plainly.
qpdf --qdf --object-streams=disable --stream-data=uncompress "$out/catalog.pdf" "$tmp/catalog-plain.pdf"
check "bookmarks" 'grep -a -q "/Type /Outlines" "$tmp/catalog-plain.pdf" && grep -a -q "/PageMode /UseOutlines" "$tmp/catalog-plain.pdf"'
check "qpdf finds no error in the PDFs" 'for f in "$out"/catalog.pdf "$out"/risks.pdf "$out"/flowcharts/*.pdf; do qpdf --check "$f" >/dev/null || exit 1; done'
check "page numbers in 公文 style" 'pdftotext -raw -f 3 -l 3 "$out/catalog.pdf" - | grep -q "— 3 —"'

# The canaries of the non-public item (CANARY-7f3a9) and of the item published only inside
# the administration (scope 内部, CANARY-NB4k2): every byte of every file, and every PDF
# also with its streams decompressed and as extracted text.
scan_canaries() {  # folder; prints every file that holds a canary
  local dir="$1" f
  grep -r -l -a -E "7f3a9|NB4k2" "$dir" --exclude-dir=internal || true  # SVG writes - as &#45;
  while IFS= read -r -d '' f; do
    rm -f "$tmp/plain.pdf"
    local rc=0
    qpdf --qdf --object-streams=disable --stream-data=uncompress "$f" "$tmp/plain.pdf" 2>/dev/null || rc=$?
    # qpdf: 0 clean, 3 warnings; anything else means the file could not be read, and an
    # unread file is not a file without canaries.
    if [ "$rc" != 0 ] && [ "$rc" != 3 ] || [ ! -s "$tmp/plain.pdf" ]; then echo "$f (unreadable)"; continue; fi
    if grep -a -q -E "7f3a9|NB4k2" "$tmp/plain.pdf"; then echo "$f (decompressed)"; fi
    # Bookmark titles and the Info dictionary are UTF-16BE hex strings: decoded too.
    if python3 "$SRC/tests/cli/pdf_hex_strings.py" "$tmp/plain.pdf" | grep -q -E "7f3a9|NB4k2"; then
      echo "$f (text string)"
    fi
    if pdftotext "$f" - 2>/dev/null | grep -q -E "7f3a9|NB4k2"; then echo "$f (text)"; fi
  done < <(find "$dir" -name '*.pdf' -not -path '*/internal/*' -print0)
}
check "canaries absent from out/ (bytes, decompressed PDFs, PDF text)" '[ -z "$(scan_canaries "$out")" ]'
check "no internal/ without --internal" '[ ! -e "$out/internal" ]'
check "a 相对人 item is listed with its scope" 'grep -q "规划核实结果告知</a> <span class=\"scope\">（公开范围：相对人）</span>" "$out/site/index.html"'
check "risk overview page and PDF" '[ -s "$out/site/risks.html" ] && [ -s "$out/risks.pdf" ] && grep -q "href=\"risks.html\"" "$out/site/index.html"'
"$BIN" build "$CASE/catalog" -o "$tmp/int" -q --internal
check "canaries only under internal/" '[ -z "$(scan_canaries "$tmp/int")" ]'
check "internal flowcharts of both hidden items" '[ "$(ls "$tmp/int/internal/flowcharts/"*.svg | wc -l)" = 2 ] && cat "$tmp/int/internal/flowcharts/"*.svg | grep -q "CANARY&#45;NB4k2"'
pdftotext "$tmp/int/internal/涉密不宜公开行政职权目录.pdf" "$tmp/internal.txt"
check "internal PDF lists the item and its reason" 'grep -q "CANARY-7f3a9 线索核查" "$tmp/internal.txt" && grep -q "涉及尚未办结的案件线索" "$tmp/internal.txt"'
check "internal PDF lists the 内部 item with its scope" 'grep -q "CANARY-NB4k2 内部审核" "$tmp/internal.txt" && grep -q "仅在机关内部公开" "$tmp/internal.txt"'
compare internal.pdf.txt "$tmp/internal.txt"

# Markup in a name is text everywhere.
check "HTML escapes the name" '! grep -q "<script>alert" "$out"/site/*.html && grep -q "&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;" "$out/site/$MARK.html"'
check "HTML escapes basis text" '! grep -q "<img src=x" "$out"/site/*.html'
check "SVG escapes the name" '! grep -q "<script>" "$out/flowcharts/$MARK.svg" && grep -q "&lt;script&gt;alert(1)&lt;/script&gt;&amp;" "$out/flowcharts/$MARK.svg"'
check "PDF shows the name literally" "pdftotext -raw \"\$out/catalog.pdf\" - | grep -F -q '<script>alert(1)</script>&\"'\\'''"
check "inline SVG is the flowchart" 'grep -q "<svg" "$out/site/$IMPL.html" && ! grep -q "<?xml" "$out/site/$IMPL.html"'
check "no network references" '! grep -E -q "(src|href)=\"(https?:)?//" "$out"/site/*.html'

# A failing build keeps the previous output.
cp -r "$CASE/catalog" "$tmp/broken"
printf '  - key: bad\n    name: 缺类别\n' >> "$tmp/broken/departments/zrzyj.yaml"
cp -r "$out" "$tmp/broken-out"
set +e; "$BIN" build "$tmp/broken" -o "$tmp/broken-out" -q >/dev/null 2>&1; rc=$?; set -e
check "failing build exits 1" '[ "$rc" = 1 ]'
check "failing build leaves OUT untouched" 'diff -r "$out" "$tmp/broken-out" >/dev/null'
exit $fail
