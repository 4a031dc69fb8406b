#!/usr/bin/env bash
# cmake --install (issue 15): the installed tree, moved anywhere, finds its data relative to
# the binary (bin/../share/powerlist) and checks and builds the installed example from
# another folder; man page, completions and docs are installed; --version names the data.
set -euo pipefail
BIN="$1"; SRC="$2"; BUILD="$(dirname "$BIN")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! (set +o pipefail; eval "$2"); then echo "FAIL: $1"; fail=1; fi; }
cmake --install "$BUILD" --prefix "$tmp/prefix" > /dev/null
mv "$tmp/prefix" "$tmp/moved"   # relocatable: nothing refers to the install prefix
P="$tmp/moved"
unset POWERLIST_DATA POWERLIST_DATA_DIR
check "binary installed" '[ -x "$P/bin/powerlist" ]'
check "data next to it" '[ -d "$P/share/powerlist/catalogs/laws/texts" ] && [ -d "$P/share/powerlist/templates/html" ]'
check "man page (Chinese)" 'zcat "$P/share/man/man1/powerlist.1.gz" | grep -q "^.SH 名称"'
check "bash and zsh completion" '[ -s "$P/share/bash-completion/completions/powerlist" ] && [ -s "$P/share/zsh/vendor-completions/_powerlist" ]'
check "docs" '[ -s "$P/share/doc/powerlist/ci.md" ] && [ -s "$P/share/doc/powerlist/copyright" ]'
check "--version names the installed data" '"$P/bin/powerlist" --version --lang en | grep -q "data: $P/share/powerlist"'
cp -r "$P/share/powerlist/examples/示范县" "$tmp/cat"
cd "$tmp"
check "installed binary checks the example" '"$P/bin/powerlist" check cat'
check "installed binary builds the example" '"$P/bin/powerlist" build cat -o out --no-progress -q && [ -s out/catalog.pdf ] && [ -s out/site/index.html ]'
check "bash completion loads and completes" 'bash -c "source \"$P/share/bash-completion/completions/powerlist\"; COMP_WORDS=(powerlist bu); COMP_CWORD=1; _powerlist; [ \"\${COMPREPLY[*]}\" = build ]"'
exit $fail
