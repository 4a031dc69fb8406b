#!/usr/bin/env bash
# Install dependencies, build, then run the whole test suite through ctest.
# In CI (CI=true) or with POWERLIST_SANITIZE=1 the suite runs a second time under ASan+UBSan;
# in CI (or with POWERLIST_PACKAGE=1) the .deb is built, installed, used and removed.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
if [ "${CI:-}" = "true" ] || [ "${POWERLIST_SANITIZE:-}" = "1" ]; then
  echo "==> ASan+UBSan build"
  # Warnings are the plain build's business (-Werror in CI): GCC's warnings under the
  # sanitizers at -O1 include false alarms inside the standard library.
  BUILD_DIR=build-asan ./scripts/setup.sh -DPOWERLIST_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug \
    -DPOWERLIST_WERROR=OFF
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0" \
    ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
fi
if [ "${CI:-}" = "true" ] || [ "${POWERLIST_PACKAGE:-}" = "1" ]; then
  echo "==> Debian package"
  deb=$(./scripts/package.sh | grep '^powerlist_.*\.deb$')
  bash tests/package/deb_roundtrip.sh "$deb"
fi
