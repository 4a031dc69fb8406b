#!/usr/bin/env bash
# Case 4: two builds into the same OUT at once: the second waits for the first (and says so);
# both succeed and OUT is one complete output.
BIN="$1"; SRC="$2"; source "$(dirname "$0")/lib.sh"
example_copy cat
"$BIN" build "$tmp/cat" -o "$tmp/ref" --no-progress -q || fail "reference build"
"$BIN" build "$tmp/cat" -o "$tmp/out" --no-progress -q -j1 2> "$tmp/a.err" & a=$!
sleep 0.3
"$BIN" build "$tmp/cat" -o "$tmp/out" --no-progress -q -j1 2> "$tmp/b.err" & b=$!
wait $a; ra=$?; wait $b; rb=$?
[ "$ra" = 0 ] && [ "$rb" = 0 ] || fail "builds exited $ra and $rb"
grep -q "等待" "$tmp/a.err" "$tmp/b.err" || fail "the waiting build did not say so"
diff -r -x .powerlist-output "$tmp/ref" "$tmp/out" > "$tmp/d" || { fail "concurrent output differs from a single build"; head "$tmp/d"; }
ls -a "$tmp/out" | grep -q staging && fail "staging left behind"
finish
