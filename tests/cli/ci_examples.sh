#!/usr/bin/env bash
# docs/ci: the SARIF example is what powerlist writes for tests/golden/basic today (it cannot
# drift), and carries what GitHub code scanning requires of an upload; the workflow files
# parse as YAML and call the commands and formats that exist.
set -euo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
(cd "$SRC/tests/golden/basic" && "$BIN" check . --format sarif > "$tmp/now.sarif" 2>/dev/null) || true
if ! diff -q "$tmp/now.sarif" "$SRC/docs/ci/example.sarif" > /dev/null; then
  echo "FAIL: docs/ci/example.sarif is stale (regenerate it from tests/golden/basic)"; fail=1
fi
python3 - "$SRC/docs/ci/example.sarif" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "2.1.0" and "sarif-2.1.0" in d["$schema"]
run = d["runs"][0]
rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
assert run["results"], "no results in the example"
for r in run["results"]:
    assert r["ruleId"] in rules and r["level"] in ("error", "warning", "note")
    assert r["message"]["text"]
    loc = r["locations"][0]["physicalLocation"]
    uri = loc["artifactLocation"]["uri"]
    assert not uri.startswith("/") and ".." not in uri, uri   # relative to the repository
    assert loc["region"]["startLine"] >= 1
PY
python3 - "$SRC/docs/ci/github-workflow.yml" "$SRC/docs/ci/gitlab-ci.yml" "$SRC/.pre-commit-hooks.yaml" <<'PY' || fail=1
import sys, yaml
gh = yaml.safe_load(open(sys.argv[1]))
steps = " ".join(s.get("run", "") for s in gh["jobs"]["check"]["steps"])
assert "--format sarif" in steps and "powerlist build" in steps
gl = yaml.safe_load(open(sys.argv[2]))
assert "--format junit" in " ".join(gl["powerlist"]["script"])
hooks = yaml.safe_load(open(sys.argv[3]))
assert {h["id"] for h in hooks} == {"powerlist-check", "powerlist-workbook-check"}
PY
for f in sarif junit; do "$BIN" check "$SRC/examples/示范县" --format $f > /dev/null || { echo "FAIL: --format $f"; fail=1; }; done
exit $fail
