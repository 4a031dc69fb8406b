#!/usr/bin/env bash
# `powerlist law show|search|check`, and the registry check of the shipped data: every version
# once, every article count equal to its text (issue 11).
set -uo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
for f in "$SRC"/catalogs/laws/*.yaml; do
  "$BIN" law check "$f" > "$tmp/out" 2>&1 || { bad "shipped registry $(basename "$f") has problems"; head -20 "$tmp/out"; }
done
"$BIN" law check "$SRC/tests/cases/registry/bad.yaml" > "$tmp/bad.txt" 2>&1; rc=$?
[ "$rc" = 1 ] || bad "law check of a bad registry: exit $rc, want 1"
for want in "相隔不到一个月" "版本列了两次" "记为 5 条，但其条文到第 3 条" "texts/ 中没有该文件" "废止日期 2018-01-01 早于"; do
  grep -q "$want" "$tmp/bad.txt" || bad "law check did not say: $want"
done
"$BIN" law show 消防法 15 > "$tmp/show.txt" || bad "law show 消防法 15"
grep -q "公众聚集场所投入使用、营业前消防安全检查实行告知承诺管理" "$tmp/show.txt" || bad "law show text"
grep -q "2021-04-29 修正" "$tmp/show.txt" || bad "law show version"
"$BIN" law show 行政复议法 9 --version 2017-09-01 | grep -q "六十日内提出行政复议申请" || bad "law show --version"
"$BIN" law show 中华人民共和国畜牧法 22.1 --as-of 2020-01-01 | grep -q "应当取得种畜禽生产经营许可证" || bad "law show --as-of"
"$BIN" law show 消防法 999 > /dev/null 2>&1; [ $? = 1 ] || bad "law show of a missing article must exit 1"
"$BIN" law show 不存在的法 1 > /dev/null 2>&1; [ $? = 2 ] || bad "law show of an unknown law must exit 2"
"$BIN" law search 未经定点从事生猪屠宰活动 --limit 3 > "$tmp/search.txt" || bad "law search"
head -1 "$tmp/search.txt" | grep -q "《生猪屠宰管理条例》第三十一条" || { bad "law search ranking"; cat "$tmp/search.txt"; }
"$BIN" law search 公众聚集场所 告知承诺 --format json | python3 -c "import json,sys; d=json.load(sys.stdin); assert d['hits'] and d['hits'][0]['law']=='中华人民共和国消防法', d['hits'][:1]" || bad "law search JSON"
# A catalog's local registry with texts next to it is used by show.
"$BIN" law show 示范县养犬管理条例 2 --laws "$SRC/tests/cases/registry/local.yaml" 2>/dev/null | grep -q "本条例适用于示范县" || bad "law show --laws with texts/"
"$BIN" law check "$SRC/tests/cases/registry/local.yaml" > /dev/null || bad "a good local registry passes law check"
# text-mismatch says where the quoted provision is now: the renumbered article (exact text),
# or the closest article when the old wording changed (amounts, authority).
"$BIN" check "$SRC/tests/cases/rules/basis_text-mismatch.fail.yaml" > "$tmp/tm.txt" 2>&1 || true
grep -q "最接近的是《生猪屠宰管理条例》（2021-06-25 版本）第三十一条" "$tmp/tm.txt" || bad "text-mismatch names the closest article (生猪屠宰 24 → 31)"
grep -q "第五十五条的内容：条号有误或已调整" "$tmp/tm.txt" || bad "text-mismatch names the renumbered article (土地承包法 51 → 55)"
grep -q "在现行版本（2021-12-24）中是第六十条" "$tmp/tm.txt" || bad "text-mismatch finds a renumbering without the cited version's text (种子法 2015 61 → 60)"
# Local legislation: the region a name names is loaded (克拉玛依市…), or --region's.
"$BIN" law show 克拉玛依市养犬管理条例 第三条 > "$tmp/local.txt" 2>&1 || bad "law show of a city's regulation"
grep -q "养犬人自律" "$tmp/local.txt" || bad "law show prints a local regulation's article"
"$BIN" law show 养犬管理条例 第三条 --region 新疆维吾尔自治区克拉玛依市 > "$tmp/short.txt" 2>&1 || bad "a short name within --region"
grep -q "克拉玛依市养犬管理条例" "$tmp/short.txt" || bad "the short name resolves within the region"
# A version without text names the versions that have one, and a deleted article says so.
"$BIN" law show 种子法 53 --version 2015-11-04 > /dev/null 2> "$tmp/old.txt"; [ $? = 1 ] || bad "law show of a version without text exits 1"
grep -q "有条文的版本：2021-12-24" "$tmp/old.txt" || { bad "law show names the versions with text"; cat "$tmp/old.txt"; }
"$BIN" law show 广告法 60 --version 2018-10-26 > /dev/null 2> "$tmp/deleted.txt" || true
grep -q "第六十条已被《全国人民代表大会常务委员会关于修改〈中华人民共和国道路交通安全法〉等八部法律的决定》删去" "$tmp/deleted.txt" || { bad "law show says a deleted article was deleted"; cat "$tmp/deleted.txt"; }
# A decision's annex items (国务院令第412号: 500 licences, catalogs/laws/annex/).
"$BIN" law show 国务院令第412号 附件第三十四项 > "$tmp/annex.txt" 2>&1 || bad "law show of an annex item"
grep -q "附件第34项：外国人乘自备交通工具在华旅游审批（实施机关：公安部）" "$tmp/annex.txt" || { bad "the annex item's name and organ"; cat "$tmp/annex.txt"; }
"$BIN" law show 国务院对确需保留的行政审批项目设定行政许可的决定 第501项 > /dev/null 2> "$tmp/annex.err"; [ $? = 1 ] || bad "an item beyond the annex exits 1"
grep -q "附件只有 500 项" "$tmp/annex.err" || bad "an item beyond the annex is said"
# --laws adds registry files for a workbook (which has no powerlist.yaml to name them).
printf '序号,事项名称,权力类型,实施依据,实施主体\n1,对违反养犬规定的处罚,行政处罚,《示范县养犬管理条例》第二条：本条例适用于示范县,示范县公安局\n' > "$tmp/dogs.csv"
"$BIN" check "$tmp/dogs.csv" --format json > "$tmp/dogs-without.json" 2>/dev/null || true
grep -q '"basis/unknown-law"' "$tmp/dogs-without.json" || bad "without --laws the local regulation is unknown"
"$BIN" check "$tmp/dogs.csv" --laws "$SRC/tests/cases/registry/local.yaml" --format json > "$tmp/dogs-with.json" 2>/dev/null || true
if grep -q '"basis/unknown-law"' "$tmp/dogs-with.json"; then bad "--laws adds the registry file for a workbook"; fi
"$BIN" check "$tmp/dogs.csv" --laws "$tmp/none.yaml" > /dev/null 2>&1; [ $? = 2 ] || bad "--laws with a missing file exits 2"
"$BIN" --version | grep -q "2025-11-22" || bad "--version prints the law base's date"
exit $fail
