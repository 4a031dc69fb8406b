#!/usr/bin/env bash
# Case 6: symlinks planted at the names the old temporary files had (and at likely others)
# are never written through by codes, audit or build.
BIN="$1"; SRC="$2"; source "$(dirname "$0")/lib.sh"
example_copy cat
echo victim > "$tmp/victim"
ln -s "$tmp/victim" "$tmp/cat/powerlist.lock.tmp-powerlist"
ln -s "$tmp/victim" "$tmp/cat/.powerlist.lock.tmp-powerlist"
rm "$tmp/cat/powerlist.lock"
"$BIN" codes "$tmp/cat" --date 2026-01-01 -q || fail "codes"
[ "$(cat "$tmp/victim")" = victim ] || fail "codes wrote through a planted symlink"
[ -L "$tmp/cat/powerlist.lock" ] && fail "the lock became a symlink"
mkdir -p "$tmp/rep"
ln -s "$tmp/victim" "$tmp/rep/audit.html.tmp-powerlist"
ln -s "$tmp/victim" "$tmp/rep/audit.pdf.tmp-powerlist"
"$BIN" audit "$tmp/cat" -o "$tmp/rep/audit.html" -q || fail "audit"
[ "$(cat "$tmp/victim")" = victim ] || fail "audit wrote through a planted symlink"
# A symlink as the audit target itself is replaced, not followed.
ln -s "$tmp/victim" "$tmp/rep/link.html"
"$BIN" audit "$tmp/cat" -o "$tmp/rep/link.html" -q || fail "audit over a symlink"
[ "$(cat "$tmp/victim")" = victim ] || fail "audit followed the target symlink"
# Symlinks planted inside a previous output are replaced, not followed.
"$BIN" build "$tmp/cat" -o "$tmp/out" --no-progress -q || fail "build"
rm -rf "$tmp/out/site"; ln -s "$tmp/victimdir" "$tmp/out/site"; mkdir -p "$tmp/victimdir"
echo keep > "$tmp/victimdir/keep"
"$BIN" build "$tmp/cat" -o "$tmp/out" --no-progress -q || fail "rebuild"
[ "$(ls "$tmp/victimdir")" = keep ] || fail "build wrote through a planted site symlink"
[ -L "$tmp/out/site" ] && fail "site is still a symlink"
finish
