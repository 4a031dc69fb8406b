#!/usr/bin/env bash
# The house's rooms keep their direction (issue 29; docs/architecture.md): no `#include "../…"`
# anywhere, and a room includes another room's private headers (src/<room>/*.hpp, written
# "room/file.hpp") only when that room comes earlier in the pipeline.
set -uo pipefail
SRC="$2"
cd "$SRC" || exit 1
fail=0
up=$(grep -rn --include="*.cpp" --include="*.hpp" "#include \"\\.\\./" src include tests fuzz bench 2>/dev/null)
[ -z "$up" ] || { echo "FAIL: includes that climb out of their folder:"; echo "$up"; fail=1; }
order=(util model diag yaml load workbook law flow codes session rules gen pdf publish export diff audit report ledger monitor desk cli)
rank() { local i; for i in "${!order[@]}"; do [ "${order[$i]}" = "$1" ] && { echo "$i"; return; }; done; echo -1; }
for dir in src/*/; do
  room=$(basename "$dir"); r=$(rank "$room")
  [ "$r" -ge 0 ] || { echo "FAIL: room src/$room is not in docs/architecture.md's order"; fail=1; continue; }
  while IFS=: read -r file _ inc; do
    other=$(sed -E 's/.*#include "([a-z]+)\/.*/\1/' <<<"$inc")
    o=$(rank "$other")
    [ "$o" -ge 0 ] || continue
    [ "$o" -le "$r" ] || { echo "FAIL: $file (room $room) includes $other's private header, a later room: $inc"; fail=1; }
  done < <(grep -rn '#include "[a-z]*/[a-z_]*\.hpp"' "$dir" | grep -v '#include "powerlist/')
done
# The command line is outside the library: only src/cli (and the binary) may know CLI11.
cli11=$(grep -rln --include="*.cpp" --include="*.hpp" "CLI/CLI.hpp" src include | grep -v "^src/cli/")
[ -z "$cli11" ] || { echo "FAIL: CLI11 used outside src/cli:"; echo "$cli11"; fail=1; }
grep -q "list(FILTER POWERLIST_CORE_SOURCES EXCLUDE REGEX \".\*/src/cli/" CMakeLists.txt \
  || { echo "FAIL: powerlist_core compiles src/cli"; fail=1; }
[ "$fail" = 0 ] && echo "layering: no upward include, $(ls -d src/*/ | wc -l) rooms in order"
exit $fail
