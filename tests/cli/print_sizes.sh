#!/usr/bin/env bash
# Print outputs at print size (issue 28). Flowcharts: every per-chart PDF and every chart page of catalog.pdf
# is A4 with step text ≥ 9 pt and notes ≥ 7.5 pt (pdftotext -bbox: a line of Noto Sans CJK is
# 1.448 × its size), a tall chart continued on a second page rather than shrunk; the SVG is
# drawn 1:1; the PNG at 150 dpi of its A4 print size; the legend lists only the marks a chart
# uses; a return edge's condition is in its step's box. risks.pdf ≥ 9 pt; the catalog's cover
# with 文号 and date; shared 公开 values said once per table. Page images go to
# <build>/test-artifacts/charts/.
set -euo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$BIN" build "$SRC/examples/示范县" -o "$tmp/out" -q
out="$tmp/out"
python3 - "$out" <<'PY'
import glob, os, re, struct, subprocess, sys
out = sys.argv[1]
fail = []
A4 = {(595.28, 841.89), (841.89, 595.28)}

def pages(path):
    html = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True, check=True).stdout
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        words = [((float(b) - float(a)) / 1.448, w) for a, b, w in
                 re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', m.group(3))]
        yield (round(float(m.group(1)), 2), round(float(m.group(2)), 2)), words

def check_chart_page(name, size, words):
    if size not in A4: fail.append(f"{name}: page {size} is not A4")
    if not words: return
    smallest = min(s for s, _ in words)
    steps = [s for s, w in words if w.startswith("承办：")]
    if smallest < 7.5 - 0.05: fail.append(f"{name}: text at {smallest:.2f} pt")
    if steps and min(steps) < 9.0 - 0.05: fail.append(f"{name}: step text at {min(steps):.2f} pt")
    return smallest, min(steps) if steps else None

charts = sorted(glob.glob(os.path.join(out, "flowcharts", "*.pdf")))
if len(charts) != 46: fail.append(f"{len(charts)} chart PDFs, want 46")
split = 0
low = (99, 99)
for path in charts:
    ps = list(pages(path))
    split += len(ps) > 1
    for size, words in ps:
        r = check_chart_page(os.path.basename(path), size, words)
        if r: low = (min(low[0], r[0]), min(low[1], r[1] or 99))
print(f"{len(charts)} chart PDFs, {split} on two pages; smallest text {low[0]:.2f} pt, smallest step text {low[1]:.2f} pt")
if split > 10: fail.append(f"{split} of 46 charts split over pages")

# catalog.pdf: the chart pages are those after the tables (a heading line naming the department).
chart_pages = 0
for i, (size, words) in enumerate(pages(os.path.join(out, "catalog.pdf")), 1):
    text = " ".join(w for _, w in words)
    if "编码：" in text or "（续）" in text:
        chart_pages += 1
        check_chart_page(f"catalog.pdf page {i}", size, words)
        if text.count("编码：") > 1: fail.append(f"catalog.pdf page {i}: the code is printed twice")
if chart_pages < 46: fail.append(f"catalog.pdf has {chart_pages} chart pages, want ≥ 46")

for svg in glob.glob(os.path.join(out, "flowcharts", "*.svg")):
    head = open(svg, encoding="utf-8").read(600)
    if not re.search(r'transform="scale\(1 1\)', head): fail.append(f"{os.path.basename(svg)}: not drawn 1:1")
for png in glob.glob(os.path.join(out, "flowcharts", "*.png")):
    data = open(png, "rb").read()
    w, h = struct.unpack(">II", data[16:24])
    at = data.find(b"pHYs")
    ppm = struct.unpack(">I", data[at + 4:at + 8])[0] if at > 0 else 0
    if abs(ppm * 0.0254 - 150) > 1: fail.append(f"{os.path.basename(png)}: {ppm * 0.0254:.0f} dpi")
    if w > round((595.28 - 40) / 72 * 150) + 1: fail.append(f"{os.path.basename(png)}: {w} px wide")
# risks.pdf: every text ≥ 9 pt; the catalog's cover: 文号 and a Chinese date; 公开范围 and 时间
# said once per table, not on every row.
risk_sizes = [s for _, words in pages(os.path.join(out, "risks.pdf")) for s, _ in words]
if min(risk_sizes) < 9.0 - 0.05: fail.append(f"risks.pdf has text at {min(risk_sizes):.2f} pt")
cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", os.path.join(out, "catalog.pdf"), "-"],
                       capture_output=True, text=True).stdout
for want in ("示府发〔2025〕18号", "2026年1月1日起施行", "示范县人民政府", "江西省吉安市示范县"):
    if want not in cover: fail.append(f"the cover lacks {want}")
tables = subprocess.run(["pdftotext", "-f", "3", "-l", "4", os.path.join(out, "catalog.pdf"), "-"],
                        capture_output=True, text=True).stdout
if tables.count("长期公开") > 2: fail.append(f"长期公开 printed {tables.count('长期公开')} times on two table pages")
# The contents' page numbers lead to the charts, though charts now take one or two pages.
toc = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-layout", os.path.join(out, "catalog.pdf"), "-"],
                     capture_output=True, text=True).stdout
for cat, page in re.findall(r"、(行政\S+?)流程图\s+(\d+)", toc):
    first = subprocess.run(["pdftotext", "-f", page, "-l", page, os.path.join(out, "catalog.pdf"), "-"],
                           capture_output=True, text=True).stdout.splitlines()[:4]
    if not any(cat in line for line in first): fail.append(f"contents: {cat} charts not on page {page}")
if fail:
    print("\n".join("FAIL: " + f for f in fail[:20])); sys.exit(1)
PY
# The legend lists only what a chart uses; a return's condition sits in its step's box.
svg_of() { grep -l "$1" "$out"/flowcharts/*.svg | head -1; }
jsgc=$(svg_of '>建设工程规划许可证核发<')
grep -q 'A级廉政风险' "$jsgc" || { echo "FAIL: A-level legend missing"; exit 1; }
grep -q 'C级廉政风险' "$jsgc" && { echo "FAIL: a C-level legend on a chart without C risks"; exit 1; }
grep -q '返回受理' "$jsgc" || { echo "FAIL: the return's condition is not in its step's box"; exit 1; }
# Page images to look at: a one-page chart, both pages of a split one, a catalog.pdf chart page.
ART="$(cd "$(dirname "$BIN")" && pwd)/test-artifacts/charts"
mkdir -p "$ART"
pdftoppm -r 60 -png "$(echo "$jsgc" | sed 's/\.svg$/.pdf/')" "$ART/jsgc"
cp "$(echo "$jsgc" | sed 's/\.svg$/.png/')" "$ART/jsgc-150dpi.png"
pdftoppm -f 1 -l 1 -r 50 -png "$out/catalog.pdf" "$ART/catalog-cover"
pdftoppm -f 3 -l 3 -r 60 -png "$out/catalog.pdf" "$ART/catalog-table"
pdftoppm -f 12 -l 13 -r 60 -png "$out/catalog.pdf" "$ART/catalog-chart"
pdftoppm -f 1 -l 2 -r 60 -png "$out/risks.pdf" "$ART/risks"
echo "page images in $ART"
