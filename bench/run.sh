#!/usr/bin/env bash
# Benchmarks (not part of ctest): chart layout/render times, and `check` wall time on
# synthetic catalogs of growing size (linear passes expected).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=build/powerlist
cmake --build build --target powerlist powerlist_bench_flow -j"$(nproc)" > /dev/null
echo "== flowcharts"
./build/powerlist_bench_flow "${ROUNDS:-10}"
echo "== check (wall seconds, --jobs 2)"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for n in 1000 10000 50000; do
  "$BIN" gen --items "$n" --departments $((n / 100)) --seed 1 -o "$tmp/c$n"
  start=$(date +%s.%N)
  "$BIN" check "$tmp/c$n" --jobs 2 --no-progress > /dev/null
  end=$(date +%s.%N)
  printf "%6d items  %6.2f s\n" "$n" "$(echo "$end - $start" | bc)"
done
echo "== example catalog"
start=$(date +%s.%N); "$BIN" check examples/示范县 > /dev/null; end=$(date +%s.%N)
printf "check   %6.3f s\n" "$(echo "$end - $start" | bc)"
start=$(date +%s.%N); "$BIN" build examples/示范县 -o "$tmp/out" --no-progress > /dev/null; end=$(date +%s.%N)
printf "build   %6.3f s (47 items, svg+png+pdf each)\n" "$(echo "$end - $start" | bc)"
