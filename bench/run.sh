#!/usr/bin/env bash
# Benchmarks (not part of ctest): chart layout/render times, and `check` wall time on
# synthetic catalogs of growing size (linear passes expected), and the timings of codes,
# build (all outputs), diff and audit.
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
timed() {  # label, command…
  local label="$1"; shift
  local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s.%N)
  printf "%-28s %7.2f s\n" "$label" "$(echo "$end - $start" | bc)"
}
echo "== codes, diff, audit, build on synthetic catalogs"
for n in 1000 10000; do
  rm -f "$tmp/c$n/powerlist.lock"
  timed "codes (new lock) $n" "$BIN" codes "$tmp/c$n" --date 2026-01-01 -q --no-progress
  timed "codes (unchanged) $n" "$BIN" codes "$tmp/c$n" -q --no-progress
  timed "diff $n vs itself" "$BIN" diff "$tmp/c$n" "$tmp/c$n"
  timed "audit $n" "$BIN" audit "$tmp/c$n" -o "$tmp/audit$n/a.html" -q --no-progress
done
timed "build 1000 (all outputs)" "$BIN" build "$tmp/c1000" -o "$tmp/out1000" -q --no-progress
echo "== example catalog"
start=$(date +%s.%N); "$BIN" check examples/示范县 > /dev/null; end=$(date +%s.%N)
printf "check   %6.3f s\n" "$(echo "$end - $start" | bc)"
start=$(date +%s.%N); "$BIN" build examples/示范县 -o "$tmp/out" --no-progress > /dev/null; end=$(date +%s.%N)
printf "build   %6.3f s (47 items: flowcharts svg+png+pdf, site, catalog.pdf, json)\n" "$(echo "$end - $start" | bc)"
start=$(date +%s.%N); "$BIN" audit examples/示范县 -o "$tmp/audit/a.html" -q; end=$(date +%s.%N)
printf "audit   %6.3f s\n" "$(echo "$end - $start" | bc)"
