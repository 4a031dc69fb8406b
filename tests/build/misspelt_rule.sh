#!/usr/bin/env bash
# A finding is raised through a rule:: constant of rule_list.def, so a misspelt rule id (or a
# bare string) fails to compile (issue 29). The same snippet with the right name compiles.
# usage: misspelt_rule.sh CXX SOURCE_DIR
set -uo pipefail
CXX="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
try() {  # name, expression naming the rule
  printf '#include "powerlist/diag.hpp"\nvoid f(powerlist::DiagSink& s) { s.add(%s, {}, "", {}); }\n' "$2" > "$tmp/$1.cpp"
  "$CXX" -std=c++17 -fsyntax-only -I "$SRC/include" "$tmp/$1.cpp" > "$tmp/$1.log" 2>&1
}
try right 'powerlist::rule::basis_unknown_law' || { echo "FAIL: the right constant does not compile"; cat "$tmp/right.log"; fail=1; }
try misspelt 'powerlist::rule::basis_unknwn_law' && { echo "FAIL: a misspelt rule compiles"; fail=1; }
grep -q "basis_unknwn_law" "$tmp/misspelt.log" || { echo "FAIL: the compiler does not name the misspelt rule"; fail=1; }
try literal '"basis/unknown-law"' && { echo "FAIL: a bare string id compiles"; fail=1; }
[ "$fail" = 0 ] && echo "misspelt_rule: a misspelt or bare rule id fails to compile"
exit $fail
