#!/usr/bin/env bash
# Incremental builds (issue 13): charts (and the site's item pages) come from
# OUT/.cache/charts when their content is unchanged; a changed item re-renders exactly its chart; outputs with the cache equal a
# clean build without it byte for byte, also after cache entries are damaged or made by
# another build of powerlist. Also --formats and the progress line on a terminal.
set -euo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! (set +o pipefail; eval "$2"); then echo "FAIL: $1"; fail=1; fi; }
cp -r "$SRC/examples/示范县" "$tmp/cat"
build() { "$BIN" build "$tmp/cat" --no-progress "$@" 2>/dev/null; }
same() { diff -r -x .cache "$1" "$2" > "$tmp/diff.txt"; }

build -o "$tmp/a" > "$tmp/s1.txt"
check "first build renders every chart" 'grep -q "流程图：新绘制 46 个，沿用缓存 0 个" "$tmp/s1.txt"'
build -o "$tmp/a" > "$tmp/s2.txt"
check "unchanged rebuild reuses every chart" 'grep -q "流程图：新绘制 0 个，沿用缓存 46 个" "$tmp/s2.txt"'
build -o "$tmp/clean" --no-cache > /dev/null
check "no cache folder with --no-cache" '[ ! -e "$tmp/clean/.cache" ]'
check "cached build equals clean build" 'same "$tmp/a" "$tmp/clean"'

# Change one field of one item.
sed -i 's/conditions: 在城市、镇规划区内进行建筑物/conditions: 在城市、镇规划区内新建建筑物/' "$tmp/cat/departments/zrzyj.yaml"
check "the edit applied" 'grep -q "在城市、镇规划区内新建建筑物" "$tmp/cat/departments/zrzyj.yaml"'
build -o "$tmp/a" > "$tmp/s3.txt"
check "one changed item re-renders one chart" 'grep -q "流程图：新绘制 1 个，沿用缓存 45 个" "$tmp/s3.txt"'
rm -rf "$tmp/clean"; build -o "$tmp/clean" --no-cache > /dev/null
check "after the change, cached build equals clean build" 'same "$tmp/a" "$tmp/clean"'

# Damage three entries: bytes flipped inside a PNG, an SVG truncated, a checksum list garbled.
# (Outputs are hard links to these files: the damaged bytes show in the old output too.)
mapfile -t sums < <(find "$tmp/a/.cache/charts" -name '*.sum' | sort)
check "one cache entry per chart" '[ "${#sums[@]}" = 46 ]'
check "outputs are links to the cache" '[ "$(stat -c %h "${sums[0]%.sum}.png")" -ge 2 ]'
png="${sums[0]%.sum}.png"; size=$(stat -c %s "$png")
printf 'XXXXXXXX' | dd of="$png" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
truncate -s 100 "${sums[1]%.sum}.svg"
sed -i 's/^svg [0-9]*/svg 1/' "${sums[2]}"
build -o "$tmp/a" > "$tmp/s4.txt"
check "damaged entries are rendered again" 'grep -q "流程图：新绘制 3 个，沿用缓存 43 个" "$tmp/s4.txt"'
check "after damage, cached build equals clean build" 'same "$tmp/a" "$tmp/clean"'

# Item pages of the site are kept in the cache by their bytes and linked, so a rebuild does
# not create thousands of new files; a damaged kept page is replaced, never served.
mapfile -t pages < <(find "$tmp/a/.cache/charts" -name '*.html' | sort)
check "site item pages are kept in the cache" '[ "${#pages[@]}" -ge 46 ]'
one_page=$(grep -l -a "权力运行流程图" "$tmp"/a/site/*.html | grep -v index | head -1)
check "a site item page is a link to a kept page" '[ "$(stat -c %h "$one_page")" -ge 2 ]'
printf 'XXXXXXXX' | dd of="$one_page" bs=1 seek=200 conv=notrunc 2>/dev/null
build -o "$tmp/a" > /dev/null
check "after a kept page is damaged, cached build equals clean build" 'same "$tmp/a" "$tmp/clean"'
build -o "$tmp/a" > /dev/null
n_kept=$(find "$tmp/a/.cache/charts" -name '*.html' | wc -l)
check "kept pages do not pile up ($n_kept)" '[ "$n_kept" -le $((2 * ${#pages[@]})) ]'

# Another build of powerlist (a different executable) never uses these entries.
cp "$BIN" "$tmp/powerlist2"; printf 'x' >> "$tmp/powerlist2"
"$tmp/powerlist2" build "$tmp/cat" -o "$tmp/a" --no-progress > "$tmp/s5.txt" 2>/dev/null
check "another executable renders again" 'grep -q "流程图：新绘制 46 个，沿用缓存 0 个" "$tmp/s5.txt"'
check "and its output equals the clean build" 'same "$tmp/a" "$tmp/clean"'

# --formats: only the chosen chart files; site, catalog.json and catalog.pdf as always.
build -o "$tmp/svg" --formats svg > /dev/null
check "--formats svg writes only SVG charts" '[ "$(find "$tmp/svg/flowcharts" -type f | grep -c -v "\.svg$")" = 0 ] && [ "$(find "$tmp/svg/flowcharts" -name "*.svg" | wc -l)" = 46 ]'
check "--formats svg keeps site, json and catalog.pdf" '[ -s "$tmp/svg/site/index.html" ] && [ -s "$tmp/svg/catalog.json" ] && [ -s "$tmp/svg/catalog.pdf" ]'
check "--formats svg site equals the full build's" 'diff -r "$tmp/svg/site" "$tmp/clean/site" >/dev/null && cmp -s "$tmp/svg/catalog.pdf" "$tmp/clean/catalog.pdf"'
build -o "$tmp/pp" --formats png,pdf > /dev/null
check "--formats png,pdf" '[ "$(find "$tmp/pp/flowcharts" -name "*.png" | wc -l)" = 46 ] && [ "$(find "$tmp/pp/flowcharts" -name "*.pdf" | wc -l)" = 46 ] && [ "$(find "$tmp/pp/flowcharts" -name "*.svg" | wc -l)" = 0 ]'
set +e; "$BIN" build "$tmp/cat" -o "$tmp/bad" --formats gif > /dev/null 2>&1; rc=$?; set -e
check "--formats gif is a usage error" '[ "$rc" = 2 ]'

# Progress on a terminal: stage, done/total, rate and time left; nothing without a terminal.
script -qec "$BIN build '$tmp/cat' -o '$tmp/tty' --no-cache --jobs 1" /dev/null > "$tmp/tty.txt" 2>&1 || true
check "progress shows stage and counts on a terminal" 'grep -a -q "流程图 flowcharts [0-9]*/46" "$tmp/tty.txt"'
check "progress shows rate and time left" 'grep -a -q "/秒  剩余 [0-9]* 秒" "$tmp/tty.txt"'
"$BIN" build "$tmp/cat" -o "$tmp/notty" 2> "$tmp/notty.err" > /dev/null
check "no progress without a terminal" '! grep -q "流程图 flowcharts" "$tmp/notty.err"'
# One process or several (charts in workers, catalog.pdf drawn alongside, site pages written
# with their charts): the same bytes.
build -o "$tmp/j1" --jobs 1 --no-cache > /dev/null
build -o "$tmp/j2" --jobs 2 --no-cache > /dev/null
build -o "$tmp/j3" --jobs 3 > /dev/null
check "--jobs 1, 2 and 3 give the same outputs" 'same "$tmp/j1" "$tmp/j2" && same "$tmp/j1" "$tmp/j3"'
check "no marker or store left in the output" '! ls -A "$tmp/j2" | grep -q "^\.charts"'
exit $fail
