#!/usr/bin/env bash
# The review desk's API end to end (tests/desk/api_test.py): the round, the request checks,
# hostile input, kill -9, accounts.
set -euo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$SRC/tests/desk/api_test.py" "$BIN" "$SRC" "$tmp/work"
