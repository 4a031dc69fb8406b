#!/usr/bin/env bash
# The build benchmark of issue 13: generates synthetic catalogs (default 100, 3878 and 40000
# items; SIZES="…" to choose) and prints one Markdown table row per measurement: wall, CPU
# (user+sys), peak RSS and output size, for check, codes, a full build, a build with
# --formats svg, a rebuild after changing one item (with its summary line), and the naive
# pipeline on the same charts (DOT files from build --dot, then one `dot -T…` process per
# chart and format, two at a time as on this machine's two cores). On catalogs above
# NAIVE_MAX charts (default 4000) the naive pipeline runs on every k-th chart (at most NAIVE_MAX) and
# its time is scaled up; the table says so. PAIRS=N repeats the full build and the naive
# pipeline N times, alternated, and prints the median ratio. Usage:
# bench/build_table.sh [powerlist binary]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(realpath "${1:-build/powerlist}")"
SIZES="${SIZES:-100 3878 40000}"
NAIVE_MAX="${NAIVE_MAX:-4000}"
JOBS="${JOBS:-$(nproc)}"
tmp="${BENCH_DIR:-$(mktemp -d)}"; mkdir -p "$tmp"
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$tmp"' EXIT

measure() {  # label, output folder ("" for none), command… → one table row
  local label="$1" out="$2"; shift 2
  sync  # the previous step's files are on disk: its writeback is not charged to this one
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" > "$tmp/stdout" 2> "$tmp/stderr" || true
  read -r wall user sys rss < <(tail -n 1 "$tmp/time")
  local size="—"
  [ -n "$out" ] && [ -d "$out" ] && size="$(du -sm --exclude=.cache "$out" | cut -f1) MB"
  printf "| %s | %s | %.1f s | %.1f s | %d MB | %s |\n" "$n" "$label" "$wall" \
    "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$size"
  echo "$wall" > "$tmp/last_wall"
  echo "$user + $sys" | bc > "$tmp/last_cpu"
}

echo "| items | step | wall | CPU | peak RSS | output |"
echo "|---:|---|---:|---:|---:|---:|"
for n in $SIZES; do
  cat="$tmp/c$n"; rm -rf "$cat" "$tmp/out$n" "$tmp/svg$n" "$tmp/dot$n" "$tmp/naive$n"
  "$BIN" gen --items "$n" --departments $(( n / 70 + 1 )) --seed 1 -o "$cat" > /dev/null
  measure "check" "" "$BIN" check "$cat" --no-progress -q
  measure "codes (new lock)" "" "$BIN" codes "$cat" --date 2026-01-01 -q --no-progress
  measure "build, all formats" "$tmp/out$n" "$BIN" build "$cat" -o "$tmp/out$n" --no-progress -q
  full=$(cat "$tmp/last_wall")
  measure "build --formats svg" "$tmp/svg$n" "$BIN" build "$cat" -o "$tmp/svg$n" --formats svg --no-progress -q
  # One item changed: its name gains a character.
  f=$(ls "$cat"/departments/*.yaml | sed -n 1p)  # not head: ls would die of SIGPIPE under pipefail
  sed -i '0,/^    name: /s/^    name: \(.*\)$/    name: \1（改）/' "$f"
  measure "rebuild after one change" "$tmp/out$n" "$BIN" build "$cat" -o "$tmp/out$n" --no-progress
  echo "|  |  ↳ $(grep -a -m1 '流程图' "$tmp/stdout") |  |  |  |  |"
  # The naive pipeline on the same charts.
  "$BIN" build "$cat" -o "$tmp/dot$n" --dot --formats svg --no-progress -q --no-cache > /dev/null 2>&1
  mkdir -p "$tmp/naive$n"
  # The sample: every k-th chart in code order, so it spans every department rather than
  # being the first ones.
  charts=$(find "$tmp/dot$n/flowcharts" -name '*.dot' | wc -l)
  step=$(( (charts + NAIVE_MAX - 1) / NAIVE_MAX ))
  find "$tmp/dot$n/flowcharts" -name "*.dot" | sort | awk -v k="$step" '(NR - 1) % k == 0' > "$tmp/dots"
  sample=$(wc -l < "$tmp/dots")
  naive() {
    for fmt in svg png pdf; do
      sed "s|^\(.*\)/\([^/]*\)\.dot$|-T$fmt \1/\2.dot -o $naive_out/\2.$fmt|" "$tmp/dots"
    done | xargs -P "$JOBS" -L 1 dot
  }
  export -f naive; export tmp n JOBS; export naive_out="$tmp/naive$n"
  measure "naive dot per chart ($sample of $charts charts)" "$tmp/naive$n" bash -c naive
  naive_wall=$(cat "$tmp/last_wall"); naive_cpu=$(cat "$tmp/last_cpu")
  scaled=$(echo "$naive_wall * $charts / $sample" | bc -l)
  seq=$(echo "$naive_cpu * $charts / $sample" | bc -l)
  printf "|  |  ↳ naive for all %d charts: %.0f s on %d cores (%.1f× the full build), %.0f s one at a time (%.1f×) |  |  |  |  |\n" \
    "$charts" "$scaled" "$JOBS" "$(echo "$scaled / $full" | bc -l)" "$seq" "$(echo "$seq / $full" | bc -l)"
  # PAIRS=N: N-1 more pairs of a first full build (its own OUT and cache) and the naive pipeline, alternated, so the
  # ratio is a median of pairs measured side by side (on a shared VM one step's speed drifts).
  ratios="$(echo "$scaled / $full" | bc -l)"
  for p in $(seq 2 "${PAIRS:-1}"); do
    measure "build, all formats (pair $p)" "$tmp/out$n.$p" "$BIN" build "$cat" -o "$tmp/out$n.$p" --no-progress -q
    full_p=$(cat "$tmp/last_wall")
    mkdir -p "$tmp/naive$n.$p"; export naive_out="$tmp/naive$n.$p"
    measure "naive (pair $p)" "$tmp/naive$n.$p" bash -c naive
    ratios="$ratios $(echo "$(cat "$tmp/last_wall") * $charts / $sample / $full_p" | bc -l)"
  done
  if [ "${PAIRS:-1}" -gt 1 ]; then
    printf "|  |  ↳ naive ÷ full build, %s pairs: median %s× (%s) |  |  |  |  |\n" "$PAIRS" \
      "$(printf "%s\n" $ratios | sort -g | awk '{a[NR]=$1} END {printf "%.1f", NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')" \
      "$(printf "%.1f " $(printf "%s\n" $ratios | sort -g) | sed 's/ $//; s/ /, /g')"
  fi
  [ -n "${BENCH_DIR:-}" ] || rm -rf "$tmp/out$n".* "$tmp/naive$n".*
  [ -n "${BENCH_DIR:-}" ] || rm -rf "$cat" "$tmp/out$n" "$tmp/svg$n" "$tmp/dot$n" "$tmp/naive$n"
done
