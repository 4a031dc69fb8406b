#!/usr/bin/env bash
# The Debian package end to end (issue 15): its metadata and contents; unpacked anywhere with
# dpkg-deb -x, the binary finds its data next to itself and checks and builds the example;
# installed with dpkg -i, `cd /tmp && powerlist build <example copy>` works with no source
# tree in reach; dpkg -r leaves none of its files behind.
# usage: tests/package/deb_roundtrip.sh powerlist_<version>_<arch>.deb
# The install half needs root and a machine where powerlist is not installed otherwise.
set -euo pipefail
DEB="$(realpath "$1")"
tmp=$(mktemp -d /tmp/powerlist-deb.XXXXXX); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! (set +o pipefail; eval "$2"); then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }

dpkg-deb -f "$DEB" Depends > "$tmp/depends"
check "Depends names the CJK fonts" 'grep -q fonts-noto-cjk "$tmp/depends"'
check "Depends comes from the shared libraries (Graphviz, yaml-cpp)" \
  'grep -q libgvc "$tmp/depends" && grep -q libyaml-cpp "$tmp/depends"'
dpkg-deb -c "$DEB" | awk '{print $6}' > "$tmp/contents"
for f in ./usr/bin/powerlist ./usr/libexec/powerlist/powerlist-xls-reader ./usr/share/man/man1/powerlist.1.gz \
         ./usr/share/bash-completion/completions/powerlist ./usr/share/zsh/vendor-completions/_powerlist \
         ./usr/share/powerlist/catalogs/laws/national.yaml ./usr/share/powerlist/templates/ \
         ./usr/share/powerlist/examples/示范县/powerlist.yaml ./usr/share/doc/powerlist/copyright; do
  check "package holds $f" 'grep -qxF "$f" "$tmp/contents"'
done

# Unpacked anywhere: data found relative to the binary, nowhere else.
dpkg-deb -x "$DEB" "$tmp/root"
bin="$tmp/root/usr/bin/powerlist"
check "--version names the unpacked data folder" '"$bin" --version | grep -qF "$tmp/root/usr/share/powerlist"'
cp -r "$tmp/root/usr/share/powerlist/examples/示范县" "$tmp/ex1"
check "unpacked: the example checks clean" '(cd "$tmp" && "$bin" check ex1 > /dev/null)'
XLS="$(realpath "$(dirname "$0")/../../fuzz/corpus/xls/categories.xls")"
check "unpacked: an .xls is read by the unpacked libexec/powerlist/powerlist-xls-reader" \
  '"$bin" check "$XLS" --format json | grep -q "\"items\": 3" && [ -x "$tmp/root/usr/libexec/powerlist/powerlist-xls-reader" ]'
check "unpacked: the example builds" '(cd "$tmp" && "$bin" build ex1 -o out1 --no-progress > /dev/null && ls out1/site/index.html > /dev/null)'

if [ "$(id -u)" != 0 ] || ! command -v dpkg > /dev/null; then
  echo "skip: dpkg -i needs root"; exit $fail
fi
if dpkg -s powerlist > /dev/null 2>&1; then
  echo "skip: powerlist is already installed on this machine; not touching it"; exit $fail
fi
dpkg -i "$DEB" > "$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; echo "FAIL: dpkg -i"; exit 1; }
dpkg -L powerlist | while read -r p; do if [ -f "$p" ]; then echo "$p"; fi; done > "$tmp/installed"
check "installed: powerlist is on PATH" '[ "$(command -v powerlist)" = /usr/bin/powerlist ]'
check "installed: man page" 'man -w powerlist 2> /dev/null | grep -q powerlist.1 || [ -f /usr/share/man/man1/powerlist.1.gz ]'
cp -r /usr/share/powerlist/examples/示范县 "$tmp/ex2"
check "installed: check of the example from /tmp" '(cd /tmp && env -u POWERLIST_DATA powerlist check "$tmp/ex2" > /dev/null)'
check "installed: build of the example from /tmp" '(cd /tmp && env -u POWERLIST_DATA powerlist build "$tmp/ex2" -o "$tmp/out2" --no-progress > /dev/null && [ -s "$tmp/out2/catalog.pdf" ])'
check "installed: an .xls workbook is read (powerlist-xls-reader in /usr/libexec/powerlist)" \
  '(cd /tmp && powerlist check "$XLS" --format json | grep -q "\"items\": 3")'
check "installed: completion script loads" 'bash -c "source /usr/share/bash-completion/completions/powerlist"'
dpkg -r powerlist > "$tmp/remove.log" 2>&1 || { cat "$tmp/remove.log"; fail=1; }
left=$(while read -r p; do if [ -e "$p" ]; then echo "$p"; fi; done < "$tmp/installed" | wc -l)
check "dpkg -r removes every installed file ($(wc -l < "$tmp/installed") files)" '[ "$left" = 0 ]'
check "dpkg -r leaves no /usr/share/powerlist" '[ ! -e /usr/share/powerlist ]'
exit $fail
