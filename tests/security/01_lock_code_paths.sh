#!/usr/bin/env bash
# Case 1: a code in powerlist.lock becomes a file name. A lock entry whose 实施编码 is a path
# (relative or absolute, of the right length or not) is code/lock-conflict in `check`, and
# `build` writes nothing anywhere.
BIN="$1"; SRC="$2"; source "$(dirname "$0")/lib.sh"
good=11360827MB0123458P4360290001000
abs=$(printf '/tmp/pwned-%-20s' "$$" | tr ' ' x)  # an absolute path of 31 characters
for bad in "../../../../../tmp/x/PWNED" "$abs" "11360827MB0123458P43602900/1000" \
           "11360827MB0123458P4360290001001" "11360827mb0123458p4360290001000"; do
  example_copy cat
  target=$(mktemp -d)
  planted=${bad/\/tmp\/x/$target}
  python3 -c 'import sys; p=sys.argv[1]; s=open(p).read(); open(p,"w").write(s.replace(sys.argv[2], sys.argv[3], 1))' \
    "$tmp/cat/powerlist.lock" "$good" "$planted"
  grep -q "$good" "$tmp/cat/powerlist.lock" && { fail "sed did not plant '$bad'"; continue; }
  run check "$BIN" check "$tmp/cat" --no-progress
  [ "$rc" = 1 ] || fail "check must fail on '$bad' (exit $rc)"
  grep -q "code/lock-conflict" "$tmp/check.out" || fail "no code/lock-conflict for '$bad'"
  run build "$BIN" build "$tmp/cat" --no-progress
  [ "$rc" = 1 ] || fail "build must refuse '$bad' (exit $rc)"
  [ -e "$tmp/cat/out" ] && fail "build wrote out/ despite '$bad'"
  [ -z "$(ls -A "$target")" ] || fail "files written outside: $(ls "$target")"
  ls "$abs".* >/dev/null 2>&1 && { fail "absolute code path written"; rm -f "$abs".*; }
  rm -rf "$tmp/cat" "$target"
done
# `previous` codes are held to the same shapes.
example_copy cat
sed -i 's/status: active}/status: active, previous: ["..\/..\/evil"]}/' "$tmp/cat/powerlist.lock"
run check "$BIN" check "$tmp/cat" --no-progress
grep -q "previous" "$tmp/check.out" || fail "a path in previous must be reported"
finish
