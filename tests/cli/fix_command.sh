#!/usr/bin/env bash
# `powerlist fix` (issue 24): the certain corrections of a YAML catalog as a diff (golden), then
# written: their findings gone on the next check, nothing else in the files changed (comments,
# layout, the uncertain citation), a second run changes nothing; a workbook is refused.
# UPDATE_GOLDEN=1 rewrites tests/golden/fix.diff.
set -uo pipefail
BIN="$(realpath "$1")"; SRC="$(realpath "$2")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
cp -r "$SRC/tests/cases/fix" "$tmp/cat"
"$BIN" fix "$tmp/cat" > "$tmp/diff" 2> "$tmp/err"; rc=$?
[ "$rc" = 0 ] || bad "fix (diff): exit $rc"
[ -n "${UPDATE_GOLDEN:-}" ] && cp "$tmp/diff" "$SRC/tests/golden/fix.diff"
diff -u "$SRC/tests/golden/fix.diff" "$tmp/diff" || bad "the diff differs from tests/golden/fix.diff"
grep -q "可自动更正 4 处（2 条发现，1 个文件）" "$tmp/err" || { bad "fix summary"; cat "$tmp/err"; }
grep -q "种子法.*需核对" "$tmp/err" || bad "the uncertain correction is listed for a person"
# The diff applies with patch(1) exactly as --write writes.
cp -r "$tmp/cat" "$tmp/patched"
(cd "$tmp/patched" && patch -p1 -s < "$tmp/diff") || bad "the diff does not apply with patch -p1"
"$BIN" check "$tmp/cat" --format json --no-progress > "$tmp/before.json" 2> /dev/null
"$BIN" fix "$tmp/cat" --write > /dev/null 2> "$tmp/err2" || bad "fix --write"
diff -r "$tmp/patched" "$tmp/cat" > /dev/null || bad "--write differs from the diff"
"$BIN" check "$tmp/cat" --format json --no-progress > "$tmp/after.json" 2> /dev/null
/usr/bin/python3 - "$tmp/before.json" "$tmp/after.json" <<'PY' || bad "findings after --write"
import json, sys
b = json.load(open(sys.argv[1]))["findings"]; a = json.load(open(sys.argv[2]))["findings"]
certain = [f for f in b if f.get("fix", {}).get("certain")]
assert len(certain) == 2, certain
assert not [f for f in a if f.get("fix", {}).get("certain")], "certain fixes left"
sup = [f for f in a if f["rule"] == "basis/superseded-version"]
assert len(sup) == 1 and "种子法" in sup[0]["message"], sup   # only the uncertain one is left
others = lambda fs: sorted((f["rule"], f["line"]) for f in fs if not f["rule"].startswith("basis/"))
assert others(a) == others(b)
PY
# Only the corrected values changed: 3 lines of a.yaml.
n=$(diff "$SRC/tests/cases/fix/departments/a.yaml" "$tmp/cat/departments/a.yaml" | grep -c '^>')
[ "$n" = 3 ] || bad "--write changed $n lines, want 3"
grep -q "^# fix --write changes only" "$tmp/cat/departments/a.yaml" || bad "the comment was lost"
"$BIN" fix "$tmp/cat" > "$tmp/diff2" 2> /dev/null; [ ! -s "$tmp/diff2" ] || bad "a second fix still has changes"
# A workbook is refused with a pointer to export --annotate.
printf '序号,事项名称,权力类型,实施依据,行使主体\n1,某许可,行政许可,《中华人民共和国行政许可法》第十二条,某局\n' > "$tmp/w.csv"
"$BIN" fix "$tmp/w.csv" > /dev/null 2> "$tmp/werr"; [ $? = 2 ] || bad "fix of a workbook: exit 2"
grep -q "export --annotate" "$tmp/werr" || bad "fix of a workbook names export --annotate"
exit $fail
