#!/usr/bin/env bash
# Case 9: a submitted catalog's `departments:` patterns that leave its folder (absolute, "..")
# are refused before they are matched: the answer quotes the pattern, never a file it would
# have matched, so a catalog sent to the review desk cannot list the server's files.
BIN="$1"; SRC="$2"; source "$(dirname "$0")/lib.sh"
example_copy cat
mkdir -p "$tmp/secret" && echo "x: 1" > "$tmp/secret/机密名单.yaml"
sed -i 's|  - departments/\*.yaml|  - departments/*.yaml\n  - /etc/*\n  - ../secret/*.yaml\n  - departments/../../secret/*|' "$tmp/cat/powerlist.yaml"
run check "$BIN" check "$tmp/cat" --format json --fail-on never
grep -q '"/etc/\*"\|“/etc/\*”\|/etc/\*' "$tmp/check.out" || fail "the absolute pattern is not named"
grep -q "passwd\|hostname\|机密名单" "$tmp/check.out" "$tmp/check.err" && fail "a matched file outside the catalog was named"
[ "$(grep -o '位于目录文件夹之外' "$tmp/check.out" | wc -l)" -ge 3 ] || fail "not every leaving pattern refused"
grep -q '"items"\|"findings"' "$tmp/check.out" || fail "the catalog itself was not checked"
# With --allow-outside the author's own patterns are matched as before.
run allowed "$BIN" check "$tmp/cat" --allow-outside --format json --fail-on never
grep -q "机密名单" "$tmp/allowed.out" "$tmp/allowed.err" || fail "--allow-outside no longer reads ../secret"
finish
