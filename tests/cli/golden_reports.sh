#!/usr/bin/env bash
# Golden tests of the text and JSON reporters, and format checks of SARIF, JUnit and
# GitHub output. UPDATE_GOLDEN=1 rewrites the expected files.
set -euo pipefail
BIN="$1"; SRC="$2"
CASE="$SRC/tests/golden/basic"
cd "$CASE"
fail=0
compare() {  # name, actual file
  local want="$CASE/expected/$1"
  if [ "${UPDATE_GOLDEN:-}" = "1" ]; then mkdir -p "$CASE/expected"; cp "$2" "$want"; return; fi
  if ! diff -u "$want" "$2"; then echo "FAIL: golden $1 differs"; fail=1; fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

set +e
"$BIN" check . > "$tmp/check.txt"; rc_text=$?
"$BIN" check . --lang en > "$tmp/check.en.txt"
"$BIN" check . --format json > "$tmp/check.json"
"$BIN" check . --format json --show-suppressed > "$tmp/check.suppressed.json"
"$BIN" check . --format sarif > "$tmp/check.sarif"
"$BIN" check . --format junit > "$tmp/check.junit.xml"
"$BIN" check . --format github > "$tmp/check.github.txt"
(cd "$SRC/tests/golden" && "$BIN" check basic --format github > "$tmp/check.github.outside.txt")
set -e
[ "$rc_text" = 1 ] || { echo "FAIL: expected exit 1, got $rc_text"; fail=1; }
compare check.txt "$tmp/check.txt"
compare check.en.txt "$tmp/check.en.txt"
compare check.json "$tmp/check.json"
compare check.suppressed.json "$tmp/check.suppressed.json"

# A catalog with its own law registry: added instrument, added version, conflicting entry.
LOCAL="$SRC/tests/golden/local-laws"
(cd "$LOCAL" && "$BIN" check . > "$tmp/local.txt") || true
if [ "${UPDATE_GOLDEN:-}" = "1" ]; then mkdir -p "$LOCAL/expected"; cp "$tmp/local.txt" "$LOCAL/expected/check.txt"
elif ! diff -u "$LOCAL/expected/check.txt" "$tmp/local.txt"; then echo "FAIL: golden local-laws differs"; fail=1; fi

python3 - "$tmp" <<'PY' || fail=1
import json, re, sys, xml.etree.ElementTree as ET
tmp = sys.argv[1]
ok = True
def need(cond, msg):
    global ok
    if not cond:
        print("FAIL:", msg); ok = False

# SARIF 2.1.0: required properties of sarifLog, run, tool, toolComponent, result,
# message, location, physicalLocation, artifactLocation and region.
s = json.load(open(f"{tmp}/check.sarif"))
need(s.get("version") == "2.1.0", "sarif version")
need(isinstance(s.get("runs"), list) and len(s["runs"]) == 1, "sarif runs")
run = s["runs"][0]
drv = run["tool"]["driver"]
need(isinstance(drv.get("name"), str) and drv["name"], "sarif tool.driver.name")
ids = [r["id"] for r in drv["rules"]]
need(len(ids) == len(set(ids)), "sarif rule ids unique")
for r in drv["rules"]:
    need("text" in r["shortDescription"] and "text" in r["help"], f"rule metadata {r['id']}")
need(len(run["results"]) > 0, "sarif has results")
for res in run["results"]:
    need(isinstance(res["message"]["text"], str) and res["message"]["text"], "result.message.text")
    need(res["level"] in ("error", "warning", "note", "none"), "result.level")
    need(drv["rules"][res["ruleIndex"]]["id"] == res["ruleId"], "ruleIndex matches ruleId")
    for loc in res["locations"]:
        pl = loc["physicalLocation"]
        need(isinstance(pl["artifactLocation"]["uri"], str), "artifactLocation.uri")
        reg = pl.get("region")
        if reg:
            need(reg["startLine"] >= 1 and reg["startColumn"] >= 1, "region 1-based")
            need(reg["endLine"] >= reg["startLine"], "region end")

# JUnit: well-formed, one testcase per input file (powerlist.yaml + one department).
root = ET.parse(f"{tmp}/check.junit.xml").getroot()
cases = root.findall(".//testcase")
need(len(cases) == 2, f"junit testcases: {len(cases)}")
need(sum(1 for c in cases if c.find("failure") is not None) == 1, "junit one failing file")

# GitHub annotations: ::error file=…,line=…,col=…::message
lines = open(f"{tmp}/check.github.txt").read().splitlines()
need(len(lines) > 0, "github lines")
pat = re.compile(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$")
for l in lines:
    need(pat.match(l) is not None, f"github line format: {l}")
outside = open(f"{tmp}/check.github.outside.txt").read()
need("file=basic/departments/jtj.yaml" in outside, "github paths resolve from the working directory")
sys.exit(0 if ok else 1)
PY
[ "$fail" = 0 ] && echo "golden reports: OK"
exit "$fail"
