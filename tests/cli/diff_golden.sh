#!/usr/bin/env bash
# Golden tests of `powerlist diff` (text, English text, JSON, HTML) on tests/golden/diff/{old,new},
# and the same report from two git revisions checked out with `git worktree add`.
# UPDATE_GOLDEN=1 rewrites the expected files.
set -euo pipefail
BIN="$1"; SRC="$2"
CASE="$SRC/tests/golden/diff"
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
compare() {
  local want="$CASE/expected/$1"
  if [ "${UPDATE_GOLDEN:-}" = "1" ]; then mkdir -p "$CASE/expected"; cp "$2" "$want"; return; fi
  if ! diff -u "$want" "$2"; then echo "FAIL: golden $1 differs"; fail=1; fi
}
cd "$CASE"
set +e
"$BIN" diff old new > "$tmp/diff.txt"; rc=$?
"$BIN" diff old new --lang en > "$tmp/diff.en.txt"
"$BIN" diff old new --format json > "$tmp/diff.json"
"$BIN" diff old new --format html -o "$tmp/diff.html"
"$BIN" diff old old > "$tmp/same.txt"; rc_same=$?
set -e
[ "$rc" = 1 ] || { echo "FAIL: an item removed without a record must exit 1 (got $rc)"; fail=1; }
[ "$rc_same" = 0 ] || { echo "FAIL: identical catalogs must exit 0 (got $rc_same)"; fail=1; }
grep -q "新增 0 项，取消 0 项，未经取消而删除 0 项，变更 0 项" "$tmp/same.txt" || { echo "FAIL: same"; fail=1; }
compare diff.txt "$tmp/diff.txt"
compare diff.en.txt "$tmp/diff.en.txt"
compare diff.json "$tmp/diff.json"
compare diff.html "$tmp/diff.html"
python3 - "$tmp/diff.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
s = d["summary"]
assert (s["added"], s["retired"], s["removed_silently"], s["changed"], s["limit_changes"]) == (1, 1, 1, 2, 1), s
chg = {c["id"]: c for c in d["changed"]}
limits = [f["field"] for f in chg["zrzyj/jsgcghxk"]["changes"] if f["limit"]]
assert limits == ["limits.promised", "step:审查"], limits
PY
grep -q "&lt;script&gt;alert(1)" "$tmp/diff.html" && ! grep -q "<script>alert" "$tmp/diff.html" \
  || { echo "FAIL: diff.html must escape item names"; fail=1; }

# Two git revisions of one catalog, checked out side by side.
repo="$tmp/repo"; mkdir -p "$repo"
git -C "$repo" init -q
git -C "$repo" -c user.name=t -c user.email=t@example.org commit -q --allow-empty -m init
cp -r old/. "$repo/"
git -C "$repo" add -A
git -C "$repo" -c user.name=t -c user.email=t@example.org commit -q -m "2026-01 catalog"
rm -rf "$repo/departments" "$repo/powerlist.yaml" "$repo/powerlist.lock"
cp -r new/. "$repo/"
git -C "$repo" add -A
git -C "$repo" -c user.name=t -c user.email=t@example.org commit -q -m "2026-03 revision"
git -C "$repo" worktree add -q "$tmp/rev-old" HEAD~1
git -C "$repo" worktree add -q "$tmp/rev-new" HEAD
set +e; (cd "$tmp" && "$BIN" diff rev-old rev-new > "$tmp/git.txt"); set -e
diff -u "$tmp/diff.txt" "$tmp/git.txt" || { echo "FAIL: diff of git revisions differs"; fail=1; }
# An item retired in the old version and active again: the status and every changed field,
# its procedure's steps too (the retired item's procedure is resolved for the comparison).
cp -r old "$tmp/old-retired"
sed -i '0,/^    name: 建设工程规划许可证核发$/s//    name: 建设工程规划许可证核发\n    retired: {date: 2026-02-01, reason: 职能调整}/' \
  "$tmp/old-retired/departments/zrzyj.yaml"
set +e; "$BIN" diff "$tmp/old-retired" new --format json > "$tmp/back.json"; set -e
python3 - "$tmp/back.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
chg = {c["id"]: c for c in d["changed"]}
fields = [f["field"] for f in chg["zrzyj/jsgcghxk"]["changes"]]
assert fields[0] == "status" and "step:审查" in fields and "limits.promised" in fields, fields
PY
exit $fail
