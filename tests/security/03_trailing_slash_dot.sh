#!/usr/bin/env bash
# Case 3: "out/", "./out/." and "-o ." (inside an output folder) name the same folder and
# leave no temporary folder behind.
BIN="$1"; SRC="$2"; source "$(dirname "$0")/lib.sh"
example_copy cat
for o in out/ ./out/. out; do
  (cd "$tmp/cat" && "$BIN" build . -o "$o" --no-progress -q) > "$tmp/b.err" 2>&1 || { fail "-o $o failed"; cat "$tmp/b.err"; }
  [ -f "$tmp/cat/out/catalog.pdf" ] || fail "-o $o: no catalog.pdf"
done
ls -a "$tmp/cat" | grep -q "tmp-powerlist\|staging" && fail "temporary folder left next to out/"
ls -a "$tmp/cat/out" | grep -q "staging" && fail "staging folder left in out/"
(cd "$tmp/cat/out" && "$BIN" build .. -o . --no-progress -q) > "$tmp/b.err" 2>&1 || { fail "-o . from inside out/"; cat "$tmp/b.err"; }
[ -f "$tmp/cat/out/catalog.json" ] || fail "-o . from inside out/: no catalog.json"
ls -a "$tmp/cat" "$tmp/cat/out" | grep -q "tmp-powerlist\|staging" && fail "temporary folder left after -o ."
finish
