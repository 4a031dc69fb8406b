#!/usr/bin/env bash
# Browser test of the public site (issue 5): headless Chromium loads index.html from disk,
# types a search term, picks a category, checks the visible rows, opens an item page and
# finds its flowchart SVG (tests/browser/driver.html does the clicking). Screenshots of the
# filtered list, an item page and the phone layout go to <build>/test-artifacts/browser/.
set -euo pipefail
BIN="$1"; SRC="$2"
ART="$(cd "$(dirname "$BIN")" && pwd)/test-artifacts/browser"
mkdir -p "$ART"
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then echo "FAIL: chromium not installed (scripts/setup.sh installs it)"; exit 1; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$BIN" build "$SRC/examples/示范县" -o "$tmp/out" -q
cp "$SRC/tests/browser/driver.html" "$tmp/out/driver.html"

chrome() {  # a fresh profile each time; no network, no first-run work
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --user-data-dir="$(mktemp -d -p "$tmp")" "$@" 2>/dev/null
}

# 许可 (licence) in the search box, category 01 行政许可.
chrome --allow-file-access-from-files --virtual-time-budget=20000 --dump-dom \
  "file://$tmp/out/driver.html?site=site/index.html&q=%E8%AE%B8%E5%8F%AF&cat=01" > "$tmp/dom.html"
python3 - "$tmp/dom.html" <<'PY'
import html, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<pre id="log">(.*?)</pre>', dom, re.S)
log = html.unescape(m.group(1)) if m else ""
print(log)
vals = dict(l.split(" ", 1) for l in log.splitlines() if " " in l)
ok = ("DONE" in log and "FAIL" not in log
      and vals.get("LANG") == "zh-CN" and vals.get("LANDMARKS") == "true"
      and vals.get("KEYBOARD") == "true"
      and vals.get("SEARCH_OK") == "true" and vals.get("FILTER_OK") == "true"
      and int(vals.get("TOTAL", 0)) == 46
      and 0 < int(vals.get("AFTER_FILTER", 0)) < int(vals.get("AFTER_SEARCH", 0)) < 46
      and vals.get("COUNT_TEXT", "").startswith("显示 " + vals.get("AFTER_FILTER", "?") + " 项")
      and vals.get("CODES_ONE_LINE") == "true" and vals.get("CODES_PHONE") == "true"
      and vals.get("ASIDE_BESIDE") == "true" and vals.get("FOOTER_TOOL") == "false"
      and vals.get("SVG") == "1" and vals.get("BACK") == "true"
      and vals.get("SVG_TEXT") == vals.get("ITEM_TITLE")
      and vals.get("PHONE_LABEL") == '"职责"'
      and "（" in vals.get("HOVER", "") and not re.fullmatch(r"s\d+", vals.get("HOVER", "")))
if not ok:
    print("FAIL: browser checks")
sys.exit(0 if ok else 1)
PY
item=$(sed -n 's/^OPEN \(.*\)$/\1/p' "$tmp/dom.html" | head -1)
chrome --window-size=1280,1400 --screenshot="$ART/index-filtered.png" \
  "file://$tmp/out/site/index.html#q=%E8%AE%B8%E5%8F%AF&cat=01"
chrome --window-size=1280,2400 --screenshot="$ART/item.png" "file://$tmp/out/site/$item"
chrome --window-size=390,844 --screenshot="$ART/index-phone.png" "file://$tmp/out/site/index.html"
chrome --window-size=1280,1400 --screenshot="$ART/risks.png" "file://$tmp/out/site/risks.html"
chrome --window-size=390,1400 --screenshot="$ART/risks-phone.png" "file://$tmp/out/site/risks.html"
for f in index-filtered item index-phone risks risks-phone; do
  [ -s "$ART/$f.png" ] || { echo "FAIL: no screenshot $f.png"; exit 1; }
done
echo "screenshots: $ART"
