#!/usr/bin/env bash
# Every C++ file is clang-formatted (.clang-format at the root). Skipped when clang-format is absent.
set -uo pipefail
SRC="$2"
command -v clang-format > /dev/null || { echo "clang-format not installed: skipped"; exit 0; }
cd "$SRC"
bad=$(git ls-files 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' 'tests/unit/*.cpp' 'tests/unit/*.hpp' 'fuzz/*.cpp' 'bench/*.cpp' 2>/dev/null |
      while read -r f; do clang-format --dry-run -Werror "$f" > /dev/null 2>&1 || echo "$f"; done)
[ -z "$bad" ] || { echo "FAIL: run clang-format -i on:"; echo "$bad"; exit 1; }
echo "format: OK"
