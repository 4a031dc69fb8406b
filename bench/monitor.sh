#!/usr/bin/env bash
# `powerlist monitor` on a synthetic city year (issue 25: 1,000,000 cases in ≤ 10 s and
# ≤ 1 GB): a catalog of 3,878 items in 46 departments and ledgers of 100,000 and 1,000,000
# cases from `gen --cases`; wall time and peak memory (GNU time's %M) per output format.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=build/powerlist
cmake --build build --target powerlist -j"$(nproc)" > /dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for n in 100000 1000000; do
  "$BIN" gen --items 3878 --departments 46 --seed 1 --cases "$n" -o "$tmp/c$n" > /dev/null
  for fmt in text json xlsx html; do
    /usr/bin/time -f "%e %M" -o "$tmp/t" "$BIN" monitor "$tmp/c$n" "$tmp/c$n/ledger.csv" \
      --as-of 2025-12-31 --no-progress --format "$fmt" -o "$tmp/out.$fmt" > /dev/null 2>&1 || true
    read -r secs kb < <(tail -1 "$tmp/t")
    printf "%8d cases  %-5s %7.2f s  %5d MB\n" "$n" "$fmt" "$secs" $((kb / 1024))
  done
  rm -rf "$tmp/c$n" "$tmp"/out.*
done
