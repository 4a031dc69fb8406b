#!/usr/bin/env bash
# `powerlist codes` end to end on a copy of the example catalog: the committed lock is
# reproduced exactly, --dry-run writes nothing, new items get the next number, a removed
# item stays in the lock as an error, a conflicted lock is never rewritten.
set -euo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat="$tmp/cat"; cp -r "$SRC/examples/示范县" "$cat"; rm -rf "$cat/out"
fail() { echo "FAIL: $*"; exit 1; }

"$BIN" codes "$cat" | grep -q "powerlist.lock 无变化" || fail "unchanged catalog must leave the lock alone"
cmp -s "$cat/powerlist.lock" "$SRC/examples/示范县/powerlist.lock" || fail "lock rewritten"
rm "$cat/powerlist.lock"
"$BIN" codes "$cat" --date 2026-01-01 -q
cmp -s "$cat/powerlist.lock" "$SRC/examples/示范县/powerlist.lock" || fail "a fresh lock differs from the committed one"

# A new item: --dry-run shows it, writes nothing; then it gets the next local number.
cat >> "$cat/departments/zrzyj.yaml" <<'YAML'
  - key: new-item
    name: 新增测试事项
    category: 行政确认
    basis: [{law: 中华人民共和国城乡规划法, articles: ["45"]}]
    initiation: 依职权
    handled_by: 行政审批股
    disclosure: {forms: [政府网站], scope: 社会公开, timing: 长期公开}
    rights: [知情, 复议, 诉讼]
    procedure: {template: 行政确认}
YAML
before=$(md5sum < "$cat/powerlist.lock")
"$BIN" codes "$cat" --dry-run --date 2026-02-01 | grep -q "未写入" || fail "--dry-run message"
[ "$(md5sum < "$cat/powerlist.lock")" = "$before" ] || fail "--dry-run wrote the lock"
"$BIN" check "$cat" | grep -q "code/unassigned" || fail "new item not reported as unassigned"
"$BIN" codes "$cat" --date 2026-02-01 | grep -q "新编码 11360827MB0123456H4360790048000 zrzyj/new-item" \
  || fail "new item should get 主项 90048 (47 codes given before)"
grep -q 'zrzyj/new-item: {basic: "360790048000", implementation: "11360827MB0123456H4360790048000", assigned: 2026-02-01, status: active}' \
  "$cat/powerlist.lock" || fail "lock line of the new item"

# Removing it without a retirement record is an error; the lock keeps its entry.
python3 - "$cat/departments/zrzyj.yaml" <<'PY'
import sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(s[:s.index("  - key: new-item")])
PY
set +e; "$BIN" check "$cat" > "$tmp/check.txt"; rc=$?; set -e
[ "$rc" = 1 ] && grep -q "catalog/removed-silently" "$tmp/check.txt" || fail "removed item must be an error"
set +e; "$BIN" codes "$cat" > /dev/null 2>&1; rc=$?; set -e
[ "$rc" = 1 ] || fail "codes must exit 1 while an item is removed silently"
grep -q "zrzyj/new-item" "$cat/powerlist.lock" || fail "the lock lost an entry"

# Merge-conflict markers: check reports them and codes refuses to rewrite.
cp "$SRC/examples/示范县/powerlist.lock" "$cat/powerlist.lock"
sed -i '5i <<<<<<< HEAD' "$cat/powerlist.lock"
before=$(md5sum < "$cat/powerlist.lock")
set +e; "$BIN" codes "$cat" > "$tmp/codes.txt" 2>&1; rc=$?; set -e
[ "$rc" = 1 ] && grep -q "code/lock-conflict" "$tmp/codes.txt" || fail "conflict markers must stop codes"
[ "$(md5sum < "$cat/powerlist.lock")" = "$before" ] || fail "a conflicted lock was rewritten"

# build --assign gives codes before building.
cp -r "$SRC/tests/golden/publish/catalog" "$tmp/pub"; rm "$tmp/pub/powerlist.lock"
"$BIN" build "$tmp/pub" --assign -o "$tmp/pub-out" -q 2>/dev/null
[ -f "$tmp/pub/powerlist.lock" ] && ls "$tmp/pub-out/site" | grep -q '^11360827MB0123456H4' || fail "build --assign"
echo ok
