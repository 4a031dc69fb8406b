#!/usr/bin/env bash
# The chart font subset (src/flow/chart_font.cpp): charts drawn with it are byte-identical
# SVG and PNG to charts drawn with the system font; their PDFs (our writer, src/publish/pdf_*)
# embed the same font by its PostScript name, cut from the subset (faster) and no larger; a
# character outside the subset is still drawn (its chart's font is cut from the system
# font); a damaged kept subset is made again, never used.
set -euo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! (set +o pipefail; eval "$2"); then echo "FAIL: $1"; fail=1; fi; }
cp -r "$SRC/examples/示范县" "$tmp/cat"
# An item name with 䶮 (U+4DAE, not in GB 2312): drawn from the system font.
sed -i 's/name: 建设工程规划许可证核发/name: 建设工程规划许可证核发䶮/' "$tmp/cat/departments/zrzyj.yaml"
check "the rare character is in the catalog" 'grep -q "核发䶮" "$tmp/cat/departments/zrzyj.yaml"'
export XDG_CACHE_HOME="$tmp/xdg"
build() { "$BIN" build "$tmp/cat" --no-progress --no-cache -o "$1" > /dev/null 2>&1; }

build "$tmp/subset"
POWERLIST_CHART_FONT=system build "$tmp/system"
check "the subset is kept in XDG_CACHE_HOME" 'ls "$tmp"/xdg/powerlist/chart-fonts-*/Regular.otf "$tmp"/xdg/powerlist/chart-fonts-*/Bold.otf > /dev/null'
n=$(ls "$tmp/subset/flowcharts" | grep -c '\.svg$')
check "46 charts" '[ "$n" = 46 ]'
one=$(grep -l "核发䶮" "$tmp"/subset/flowcharts/*.svg | head -1 || true)
rare=$(basename "${one%.svg}")
# Every chart identical but the one with 䶮, whose PNG differs in a few hundred anti-aliased
# pixels (its text is shaped in two runs, from two font files).
diffs=0
for f in "$tmp"/system/flowcharts/*.svg "$tmp"/system/flowcharts/*.png; do
  [ "$(basename "$f")" = "$rare.png" ] && continue
  cmp -s "$f" "$tmp/subset/flowcharts/$(basename "$f")" || diffs=$((diffs + 1))
done
check "SVG and PNG identical with and without the subset ($diffs differ)" '[ "$diffs" = 0 ]'
check "site identical" 'diff -r "$tmp/system/site" "$tmp/subset/site" > /dev/null'
sub_pdf=$(du -cb "$tmp"/subset/flowcharts/*.pdf | tail -1 | cut -f1)
sys_pdf=$(du -cb "$tmp"/system/flowcharts/*.pdf | tail -1 | cut -f1)
check "chart PDFs no larger with the subset ($sub_pdf vs $sys_pdf bytes)" '[ "$sub_pdf" -le "$sys_pdf" ]'
pdf="${one%.svg}.pdf"
check "the PDF embeds Noto Sans CJK SC by its own name" 'pdffonts "$pdf" | grep -q "NotoSansCJKsc-Regular"'
check "one Regular font in it" '[ "$(pdffonts "$pdf" | grep -c "NotoSansCJKsc-Regular")" = 1 ]'
# The writer maps .notdef to no text, so 䶮 in the extracted text means a real glyph.
check "the rare character is drawn and in the PDF text" 'pdftotext "$pdf" - | grep -q "核发䶮"'
check "every chart PDF reads" 'for f in "$tmp"/subset/flowcharts/*.pdf; do pdfinfo "$f" > /dev/null || exit 1; done'

# A damaged subset is made again; the outputs stay the same.
reg=$(ls "$tmp"/xdg/powerlist/chart-fonts-*/Regular.otf)
printf 'XXXXXXXX' | dd of="$reg" bs=1 seek=100000 conv=notrunc 2>/dev/null
before=$(md5sum < "$reg")
build "$tmp/again"
check "the damaged subset was replaced" '[ "$(md5sum < "$reg")" != "$before" ]'
check "outputs after the repair equal the first build" 'diff -r "$tmp/subset" "$tmp/again" > /dev/null'
exit $fail
