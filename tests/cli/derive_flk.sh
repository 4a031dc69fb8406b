#!/usr/bin/env bash
# scripts/derive_laws.py --flk on a small fixture dump in the flk layout: a duplicate (region
# folder and top level), a city's 条例 dated by its 批准, a history line broken inside a date,
# zero-width spaces, a 废止 decision, amending decisions of the province and of a city (versions
# without text), a file that is not UTF-8 (reported, not dropped silently); then
# `powerlist law check` accepts what it wrote; the articles an amending decision deletes.
set -u
BIN="$1"; SRC="$2"
tmp=${KEEP_TMP:-$(mktemp -d)}; [ -n "${KEEP_TMP:-}" ] || trap 'rm -rf "$tmp"' EXIT
fail=0
root="$tmp/flk-2025-11-22/地方法规/地方性法规"
mkdir -p "$root/新疆维吾尔自治区" "$root/克拉玛依市"
zw=$'\u200b'
cat > "$root/新疆维吾尔自治区/新疆维吾尔自治区测试条例.md" <<MD
# 新疆维吾尔自治区测试${zw}条例

- 2010年1月1日新疆维吾尔自治区第十一届人民代表大会常务委员会第十次会议通过

- 2015年3月
3日新疆维吾尔自治区第十二届人民代表大会常务委员会第十二次会议修正

<!-- INFO END -->

${zw}

#### 第一章 总则

###### 第一条

为了测试，制定本条例。

###### 第二条

本条例适用于本自治区。

（一）测试项一；

###### 第三条

本条例自2010年3月1日起施行。
MD
cp "$root/新疆维吾尔自治区/新疆维吾尔自治区测试条例.md" "$root/新疆维吾尔自治区测试条例.md"
cat > "$root/克拉玛依市/克拉玛依市测试条例.md" <<'MD'
# 克拉玛依市测试条例

- 2017年8月1日克拉玛依市第十四届人民代表大会常务委员会第五次会议通过

- 2017年9月29日新疆维吾尔自治区第十二届人民代表大会常务委员会第三十二次会议批准

<!-- INFO END -->

###### 第一条

为了测试，制定本条例。

###### 第二条

本条例自2017年12月1日起施行。
MD
cat > "$root/新疆维吾尔自治区/新疆维吾尔自治区人民代表大会常务委员会关于废止《新疆维吾尔自治区旧条例》的决定.md" <<'MD'
# 新疆维吾尔自治区人民代表大会常务委员会关于废止《新疆维吾尔自治区旧条例》的决定

- 2020年5月5日新疆维吾尔自治区第十三届人民代表大会常务委员会第十五次会议通过

<!-- INFO END -->

新疆维吾尔自治区第十三届人民代表大会常务委员会第十五次会议决定，废止《新疆维吾尔自治区旧条例》（1999年1月1日新疆维吾尔自治区第九届人民代表大会常务委员会第七次会议通过）。

本决定自公布之日起施行。
MD
# Amending decisions: the province's (dated by its adoption; one name it gives is no instrument:
# reported, not guessed) and the city's (dated by the province's 批准, the city's adoption kept
# as the meeting).
cat > "$root/新疆维吾尔自治区/新疆维吾尔自治区人民代表大会常务委员会关于修改《新疆维吾尔自治区测试条例》等两部地方性法规的决定.md" <<'MD'
# 新疆维吾尔自治区人民代表大会常务委员会关于修改《新疆维吾尔自治区测试条例》等两部地方性法规的决定

- 2020年9月19日新疆维吾尔自治区第十三届人民
  代表大会常务委员会第十八次会议通过

<!-- INFO END -->

新疆维吾尔自治区人民代表大会常务委员会关于修改《新疆维吾尔自治区测试条例》等两部

地方性法规的决定

新疆维吾尔自治区第十三届人民代表大会常务委员会第十八次会议决定：

一、对《新疆维吾尔自治区测试条例》作出修改

删除第二条第二款。

删除第三条。

删除第一条中的“测试”。

二、对《新疆维吾尔自治区未收录条例》作出修改

删除第四条。

将第三条中的“《中华人民共和国测试法》”修改为“《中华人民共和国新测试法》”。

本决定自公布之日起施行。

《新疆维吾尔自治区测试条例》《新疆维吾尔自治区未收录条例》根据本决定作相应修改，重新公布。
MD
cat > "$root/克拉玛依市/克拉玛依市人民代表大会常务委员会关于修改《克拉玛依市测试条例》的决定.md" <<'MD'
# 克拉玛依市人民代表大会常务委员会关于修改《克拉玛依市测试条例》的决定

- 2021年6月1日克拉玛依市第十四届人民代表大会常务委员会第三十次会议通过

- 2021年7月28日新疆维吾尔自治区第十三届人民代表大会常务委员会第二十六次会议批准

<!-- INFO END -->

克拉玛依市第十四届人民代表大会常务委员会第三十次会议决定，对《克拉玛依市测试条例》作如下修改：

将第一条中的“测试”修改为“检验”。

本决定自公布之日起施行。
MD
printf '# \xb2\xe2\xca\xd4\n' > "$root/新疆维吾尔自治区/坏文件.md"
(cd "$tmp" && tar cJf flk.tar.xz flk-2025-11-22)
if ! /usr/bin/python3 "$SRC/scripts/derive_laws.py" --flk "$tmp/flk.tar.xz" --out "$tmp/laws" \
     --local-report "$tmp/decisions.tsv" 2> "$tmp/err"; then
  echo "FAIL: derive_laws.py --flk"; cat "$tmp/err"; exit 1
fi
out="$tmp/laws/local/新疆维吾尔自治区.yaml"
expect() {  # a line the registry must hold
  grep -qF -- "$1" "$out" || { echo "FAIL: $out lacks: $1"; fail=1; }
}
[ "$(grep -c '^- name: "新疆维吾尔自治区测试条例"' "$out")" = 1 ] || { echo "FAIL: duplicate not merged into one entry"; fail=1; }
expect '    - {date: 2010-01-01, kind: 制定}'
expect '    - {date: 2015-03-03, kind: 修正, articles: 3, text: true}'
expect '    - {date: 2017-09-29, meeting: 2017-08-01, effective: 2017-12-01, kind: 制定, articles: 2, text: true}'
# The decisions' versions: no text (the file's text stays with its own latest version).
expect '    - {date: 2020-09-19, kind: 修正}'
expect '    - {date: 2021-07-28, meeting: 2021-06-01, kind: 修正}'
expect 'flk 修改决定《新疆维吾尔自治区人民代表大会常务委员会关于修改〈新疆维吾尔自治区测试条例〉等两部地方性法规的决定》（2020-09-19）'
# Its deletions, under the version it made: a 款 and an article; words inside one are no deletion,
# and the article deleted from the other instrument is not this one's.
expect '    - {version: 2020-09-19, article: 2, paragraph: 2, by: "新疆维吾尔自治区人民代表大会常务委员会关于修改〈新疆维吾尔自治区测试条例〉等两部地方性法规的决定"}'
expect '    - {version: 2020-09-19, article: 3, by: "新疆维吾尔自治区人民代表大会常务委员会关于修改〈新疆维吾尔自治区测试条例〉等两部地方性法规的决定"}'
[ "$(grep -c 'version: 2020-09-19, article' "$out")" = 2 ] || { echo "FAIL: deletions other than 2.2 and 3"; grep -n "article:" "$out"; fail=1; }
grep -qF "$(printf 'not matched\t新疆维吾尔自治区人民代表大会常务委员会关于修改《新疆维吾尔自治区测试条例》等两部地方性法规的决定\t《新疆维吾尔自治区未收录条例》')" "$tmp/decisions.tsv" ||
  { echo "FAIL: the name no instrument takes is not reported"; cat "$tmp/decisions.tsv"; fail=1; }
if grep -qF '新疆维吾尔自治区未收录条例"' "$out"; then echo "FAIL: an unmatched name became an entry"; fail=1; fi
expect '  region: "新疆维吾尔自治区克拉玛依市"'
expect '  region_level: 设区的市'
expect '  aliases: ["自治区测试条例"]'  # 测试条例 would name the city's too: dropped
expect '- name: "新疆维吾尔自治区旧条例"'
expect '  repealed: {date: 2020-05-05, by: "新疆维吾尔自治区人民代表大会常务委员会关于废止《新疆维吾尔自治区旧条例》的决定"}'
expect '    - {date: 1999-01-01, kind: 制定}'
expect '  status: 不详'
if grep -q $'\u200b' "$out"; then echo "FAIL: zero-width space kept"; fail=1; fi
grep -q "坏文件.md: not UTF-8" "$tmp/err" || { echo "FAIL: the unreadable file is not reported"; cat "$tmp/err"; fail=1; }
grep -qF "新疆维吾尔自治区克拉玛依市" "$tmp/laws/local/regions.tsv" || { echo "FAIL: regions.tsv"; fail=1; }
# 4 instruments and the 2 decisions (listed as instruments of their own, as before)
[ "$(grep -vc "^#" "$tmp/laws/local/index.tsv")" = 6 ] || { echo "FAIL: index.tsv should list 6 instruments"; fail=1; }
if ! "$BIN" law check "$out" > "$tmp/lint" 2>&1; then echo "FAIL: law check of the derived file"; cat "$tmp/lint"; fail=1; fi
# A damaged pack of texts is said with its name, never read as "no text".
printf 'not xz' > "$tmp/laws/local/新疆维吾尔自治区.texts"
if "$BIN" law check "$out" > "$tmp/lint" 2>&1 || ! grep -q "新疆维吾尔自治区.texts" "$tmp/lint"; then
  echo "FAIL: a damaged text pack is not reported"; cat "$tmp/lint"; fail=1
fi
exit $fail
