#!/usr/bin/env bash
# docs/rules.md's examples are real: every line of a rule's failing fragment is a line of the
# rule's failing case, every 修正 snippet is in its passing case (tests/tools/doc_examples_check.py);
# the rule-case test runs those cases, so a doc example cannot drift from what powerlist does.
set -euo pipefail
BIN="$1"; SRC="$2"
/usr/bin/python3 "$SRC/tests/tools/doc_examples_check.py" "$SRC" | tail -3
