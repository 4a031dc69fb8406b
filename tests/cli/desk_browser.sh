#!/usr/bin/env bash
# The review desk's whole round in headless Chromium (tests/desk/browser_round.py); screenshots
# of every page go to <build>/test-artifacts/desk/.
set -euo pipefail
BIN="$1"; SRC="$2"
ART="$(cd "$(dirname "$BIN")" && pwd)/test-artifacts/desk"
command -v chromium > /dev/null || { echo "FAIL: chromium not installed (scripts/setup.sh installs it)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$SRC/tests/desk/browser_round.py" "$BIN" "$SRC" "$tmp/work" "$ART"
