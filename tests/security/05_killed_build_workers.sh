#!/usr/bin/env bash
# Case 5: after kill -9 of a build, its worker processes die with it, and the next build —
# in which an item became non-public — publishes nothing of that item.
BIN="$1"; SRC="$2"; source "$(dirname "$0")/lib.sh"
"$BIN" gen --items 600 --departments 2 -o "$tmp/cat" > /dev/null || fail "gen"
"$BIN" build "$tmp/cat" -o "$tmp/out" --no-progress -q -j2 & pid=$!
# Wait until the worker processes are rendering charts, then kill the build.
workers=""
for _ in $(seq 300); do workers=$(pgrep -P $pid); [ -n "$workers" ] && break; sleep 0.05; done
[ -n "$workers" ] || fail "no worker processes seen"
sleep 0.5
kill -9 $pid; wait $pid 2>/dev/null
sleep 0.5
alive() {  # running, not a zombie waiting to be reaped
  local state; state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}
for w in $workers; do alive "$w" && { fail "worker $w still running after kill -9 of the build"; kill -9 "$w"; }; done
# Make the first item non-public, then build again.
f="$tmp/cat/departments/d000.yaml"
key=$(grep -m1 -- "- key:" "$f" | sed 's/.*key: //')
python3 - "$f" "$key" <<'PY'
import sys
p, key = sys.argv[1], sys.argv[2]
s = open(p, encoding="utf-8").read()
s = s.replace(f"- key: {key}\n", f"- key: {key}\n    public: false\n    secrecy: {{reason: 测试不公开, basis: {{law: 中华人民共和国政府信息公开条例, articles: ['14']}}}}\n", 1)
open(p, "w", encoding="utf-8").write(s)
PY
code=$(grep "d000/$key:" "$tmp/cat/powerlist.lock" | sed 's/.*implementation: "\([^"]*\)".*/\1/')
[ -n "$code" ] || fail "no code for d000/$key"
"$BIN" build "$tmp/cat" -o "$tmp/out" --no-progress -q -j2 || fail "second build"
sleep 1
ls "$tmp/out/flowcharts" | grep -q "$code" && fail "the non-public item's flowcharts were published"
grep -rq "$code" "$tmp/out" && fail "the non-public item's code appears in the output"
ls -a "$tmp/out" | grep -q staging && fail "staging left behind"
finish
