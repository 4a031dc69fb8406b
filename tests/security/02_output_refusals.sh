#!/usr/bin/env bash
# Case 2: -o must never replace the catalog, its sources or the lock, nor a folder that is
# not powerlist output, nor a file.
BIN="$1"; SRC="$2"; source "$(dirname "$0")/lib.sh"
example_copy cat
(cd "$tmp/cat" && git init -q . && git add -A && git -c user.email=t@t -c user.name=t commit -qm init)
snapshot() { (cd "$tmp/cat" && find . -path ./out -prune -o -type f -print | sort | xargs md5sum); }
before=$(snapshot)
for o in "$tmp/cat" "$tmp/cat/" "$tmp/cat/." "$tmp" "$tmp/cat/departments" "$tmp/cat/departments/" \
         "$tmp/cat/departments/sub" "$tmp/cat/powerlist.lock" "$tmp/cat/.git" "$tmp/cat/powerlist.yaml"; do
  run build "$BIN" build "$tmp/cat" -o "$o" --no-progress
  [ "$rc" = 2 ] || fail "-o $o: exit $rc, want 2"
  grep -q "请另选 -o\|不是文件夹" "$tmp/build.err" || { fail "-o $o: no clear message"; cat "$tmp/build.err"; }
done
(cd "$tmp/cat" && run rel "$BIN" build . -o . --no-progress; [ "$rc" = 2 ] || fail "-o . inside the catalog: exit $rc")
[ "$before" = "$(snapshot)" ] || fail "a refused build changed the catalog"
(cd "$tmp/cat" && git status --porcelain | grep -v '^?? out' ) | grep -q . && fail "git sees changes"
# An existing folder that is not powerlist output is kept.
mkdir -p "$tmp/mine" && echo precious > "$tmp/mine/notes.txt"
run mine "$BIN" build "$tmp/cat" -o "$tmp/mine" --no-progress
[ "$rc" = 2 ] || fail "-o a user folder: exit $rc, want 2"
[ "$(cat "$tmp/mine/notes.txt")" = precious ] || fail "user folder changed"
# A file is not an output folder.
echo data > "$tmp/file.txt"
run file "$BIN" build "$tmp/cat" -o "$tmp/file.txt" --no-progress
[ "$rc" = 2 ] || fail "-o a file: exit $rc"
[ "$(cat "$tmp/file.txt")" = data ] || fail "file replaced"
# A symbolic link as OUT is refused (it could point anywhere).
mkdir -p "$tmp/elsewhere"; ln -s "$tmp/elsewhere" "$tmp/link"
run link "$BIN" build "$tmp/cat" -o "$tmp/link" --no-progress
[ "$rc" = 2 ] || fail "-o a symlink: exit $rc"
# An empty folder and a previous output are fine.
mkdir -p "$tmp/empty"
run empty "$BIN" build "$tmp/cat" -o "$tmp/empty" --no-progress
[ "$rc" = 0 ] || fail "-o an empty folder: exit $rc"
run again "$BIN" build "$tmp/cat" -o "$tmp/empty" --no-progress
[ "$rc" = 0 ] || fail "-o a previous output: exit $rc"
[ -f "$tmp/empty/.powerlist-output" ] || fail "no marker in the output"
finish
