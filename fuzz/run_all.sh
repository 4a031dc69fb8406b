#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS (default 660) each, JOBS at a time (default 2),
# starting from its seed corpus and the malformed inputs; new inputs go to a working corpus
# outside the repository, crashes to fuzz/crashes/<target>/ (add each, once fixed, to
# fuzz/corpus/<target>/ as a regression seed). Prints the last stats line of each run.
# usage: [TARGETS="xls xlsx"] fuzz/run_all.sh BUILD_DIR [SECONDS] [JOBS]   (BUILD_DIR from -DPOWERLIST_FUZZ=ON)
set -euo pipefail
cd "$(dirname "$0")/.."
B="$(realpath "$1")"; SECONDS_EACH="${2:-660}"; JOBS="${3:-2}"
WORK="${FUZZ_WORK:-/tmp/powerlist-fuzz}"
mkdir -p "$WORK"
run() {
  local t="$1" c="$WORK/corpus-$1"
  mkdir -p "$c" "fuzz/crashes/$t"
  cp -n fuzz/corpus/"$t"/* "$c/" 2>/dev/null || true
  [ -d "tests/malformed/$t" ] && cp -n "tests/malformed/$t"/* "$c/" 2>/dev/null || true
  "$B/fuzz_$t" "$c" -max_total_time="$SECONDS_EACH" -timeout=30 -rss_limit_mb=2048 \
    -max_len=262144 -artifact_prefix="fuzz/crashes/$t/" -print_final_stats=1 \
    > "$WORK/$t.log" 2>&1 || true
  echo "$t: $(grep -E '^#[0-9]+' "$WORK/$t.log" | tail -1)"
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$WORK/$t.log" | tr '\n' ' '; echo
}
# Leaks inside third-party libraries (tests/lsan.supp says which and why) are not ours.
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export -f run; export B SECONDS_EACH WORK
printf '%s\n' ${TARGETS:-department project lock registry xls xlsx csv} | xargs -P "$JOBS" -I{} bash -c 'run {}'
