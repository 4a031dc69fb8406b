#!/usr/bin/env bash
# Installs every Debian package powerlist needs (the one list), then configures and builds.
# Idempotent: apt is skipped when all packages are present; the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  g++ make cmake pkg-config git
  libyaml-cpp-dev libfmt-dev libcli11-dev catch2
  libgraphviz-dev graphviz libcairo2-dev libpango1.0-dev librsvg2-dev fonts-noto-cjk
  libharfbuzz-dev libfontconfig-dev libdeflate-dev
  libctemplate-dev libfreexl-dev libzip-dev libexpat1-dev libxlsxwriter-dev liblzma-dev
  libcpp-httplib-dev libsqlite3-dev libssl-dev  # the review desk (serve)
  dpkg-dev lintian
  chromium poppler-utils qpdf python3 python3-yaml python3-xlrd python3-xlwt python3-xlsxwriter python3-openpyxl bc
  python3-websocket curl  # tests only: the desk driven through Chromium's DevTools protocol
  libreoffice-calc-nogui  # tests only: the review workbooks printed by a real spreadsheet program
)

missing=()
for p in "${PACKAGES[@]}"; do
  # LibreOffice with a GUI serves as well (the two variants conflict; never replace one).
  if [ "$p" = libreoffice-calc-nogui ] && command -v soffice > /dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> 安装依赖 / installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# scripts/package.sh needs the packages only.
if [ "${1:-}" = "--deps-only" ]; then exit 0; fi

BUILD_DIR="${BUILD_DIR:-build}"
EXTRA=()
[ "${CI:-}" = "true" ] && EXTRA+=(-DPOWERLIST_WERROR=ON)
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${EXTRA[@]}" "$@"
fi
cmake --build "$BUILD_DIR" -j"$(nproc)"
