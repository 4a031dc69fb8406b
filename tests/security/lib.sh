# Shared helpers of the security tests: each test sources this with BIN and SRC set.
set -uo pipefail
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# A fresh copy of the example catalog with its lock, in $tmp/$1.
example_copy() {
  cp -r "$SRC/examples/示范县" "$tmp/$1"; rm -rf "$tmp/$1/out"
}
# run NAME CMD...: runs CMD, keeps stdout/stderr in $tmp/NAME.{out,err}, sets rc.
run() {
  local name="$1"; shift
  "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"; rc=$?
}
finish() {
  [ "$failures" = 0 ] && echo "ok" || { echo "$failures failure(s)"; exit 1; }
}
