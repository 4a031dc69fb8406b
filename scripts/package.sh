#!/usr/bin/env bash
# Builds the Debian package from this checkout: a Release build under build-package/ with
# prefix /usr, then CPack (dpkg-shlibdeps fills Depends). Writes
# powerlist_<version>_<arch>.deb into the checkout and runs lintian on it when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --deps-only
command -v dpkg-shlibdeps > /dev/null || { echo "package.sh: dpkg-dev is needed" >&2; exit 2; }
cmake -S . -B build-package -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DPOWERLIST_DATA_DIR=/usr/share/powerlist > /dev/null
cmake --build build-package --target powerlist powerlist-xls-reader powerlist_docs -j"$(nproc)"
(cd build-package && cpack -G DEB > /dev/null)
deb=$(ls -t build-package/powerlist_*.deb | head -1)
cp "$deb" .
echo "$(basename "$deb")"
if command -v lintian > /dev/null; then lintian --tag-display-limit 0 "$(basename "$deb")" || true; fi
