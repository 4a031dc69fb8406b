#!/usr/bin/env bash
# Data updates without a new binary (issue 15): a holiday calendar for a year the shipped data
# lacks, given to deadline (--holidays) and to a catalog (holidays: in powerlist.yaml);
# missing years are named with the way to add them; POWERLIST_DATA replaces the data folder.
set -euo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! (set +o pipefail; eval "$2"); then echo "FAIL: $1"; fail=1; fi; }
cat > "$tmp/2030.yaml" <<'Y'
year: 2030
source: 测试用通知
holidays:
  - {name: 元旦, from: 2030-01-01, to: 2030-01-03}
workdays: [2030-01-05]
Y
set +e; "$BIN" deadline --from 2029-12-28 --limit 5工作日 > "$tmp/none.txt" 2> "$tmp/none.err"; rc=$?; set -e
check "a missing year is an error naming it" '[ "$rc" = 2 ] && grep -q "没有 2029 年的节假日安排" "$tmp/none.err"'
check "the message says how to add it" 'grep -q "docs/holidays.md" "$tmp/none.err" && grep -q -- "--holidays" "$tmp/none.err"'
cp "$tmp/2030.yaml" "$tmp/2029.yaml"; sed -i 's/2030/2029/g' "$tmp/2029.yaml"
"$BIN" deadline --from 2029-12-28 --limit 5工作日 --holidays "$tmp/2029.yaml" --holidays "$tmp/2030.yaml" > "$tmp/due.txt"
# 12-28 (Fri) → 12-31 Mon 1, 1-1..1-3 off, 1-4 Fri 2, 1-5 Sat 调休 3, 1-7 Mon 4, 1-8 Tue 5.
check "deadline counts with the user's calendars" '[ "$(head -1 "$tmp/due.txt")" = 2030-01-08 ]'

cp -r "$SRC/examples/示范县" "$tmp/cat"
mkdir -p "$tmp/cat/holidays"; cp "$tmp/2030.yaml" "$tmp/cat/holidays/"
sed -i '/^departments:/i holidays: [holidays/2030.yaml]' "$tmp/cat/powerlist.yaml"
check "a catalog with its own calendar checks clean" '"$BIN" check "$tmp/cat" > /dev/null'
sed -i '/^holidays:/d' "$tmp/cat/powerlist.yaml"; sed -i "/^departments:/i holidays: [holidays/missing.yaml, ../outside.yaml, holidays/bad.yaml]" "$tmp/cat/powerlist.yaml"
echo "year: 2031" > "$tmp/cat/holidays/bad.yaml"; echo "holidays: [{from: 2031-01-01, to: 2032-12-31}]" >> "$tmp/cat/holidays/bad.yaml"
touch "$tmp/outside.yaml"
"$BIN" check "$tmp/cat" --format json > "$tmp/bad.json" || true
n=$(python3 -c 'import json,sys; print(sum(1 for f in json.load(open(sys.argv[1]))["findings"] if f["rule"] == "schema/type" and f["file"] == "powerlist.yaml"))' "$tmp/bad.json")
check "missing, outside and bad calendar files are findings" '[ "$n" = 3 ]'

# POWERLIST_DATA replaces the data folder (here: a copy with one more year).
mkdir -p "$tmp/data"; cp -r "$SRC/catalogs" "$SRC/templates" "$tmp/data/"; cp "$tmp/2029.yaml" "$tmp/2030.yaml" "$tmp/data/catalogs/holidays/"
check "--version names the data folder in use" 'POWERLIST_DATA="$tmp/data" "$BIN" --version | grep -q "$tmp/data"'
check "POWERLIST_DATA years are used" '[ "$(POWERLIST_DATA="$tmp/data" "$BIN" deadline --from 2029-12-28 --limit 5工作日 | head -1)" = 2030-01-08 ]'
# A province's local regulations derived in bulk (scripts/derive_laws.py --local): a city's
# 条例 adopted by its own 人大常委会 and approved by the province's is one version per 修正,
# dated by the approval, with the adoption as its meeting; the result passes law check.
mkdir -p "$tmp/local"
cat > "$tmp/local/甲市燃气管理条例(2020-06-03).md" <<'M'
# 甲市燃气管理条例

2000年4月28日 甲市第十一届人民代表大会常务委员会第十一次会议通过

2000年7月29日 乙省第九届人民代表大会常务委员会第十七次会议批准

2020年4月29日 甲市第十五届人民代表大会常务委员会第十五次会议通过

2020年6月3日 乙省第十三届人民代表大会常务委员会第十八次会议批准的《甲市人民代表大会常务委员会关于修改部分地方性法规的决定》第一次修正

<!-- INFO END -->

## 第一章 总则

第一条 为了加强燃气管理，制定本条例。

第二条 本条例适用于本市行政区域。
M
if /usr/bin/python3 "$SRC/scripts/derive_laws.py" --local "$tmp/local" --registry "$tmp/local-out/乙省.yaml" 2> "$tmp/derive.err"; then
  check "local derivation passes law check" '"$BIN" law check "$tmp/local-out/乙省.yaml" > /dev/null'
  check "adoption and approval are one version" '[ "$(grep -c "date: 20" "$tmp/local-out/乙省.yaml")" = 2 ] && grep -q "meeting: 2020-04-29" "$tmp/local-out/乙省.yaml"'
  check "the approval names the 修正" 'grep -q "kind: 修正" "$tmp/local-out/乙省.yaml"'
else
  echo "FAIL: derive_laws.py --local"; cat "$tmp/derive.err"; fail=1
fi
exit $fail
