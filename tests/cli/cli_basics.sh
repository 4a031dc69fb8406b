#!/usr/bin/env bash
# Exit codes, options and the schema command, against the real binary.
set -uo pipefail
BIN="$1"; SRC="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
expect_rc() {  # expected, description, command...
  local want="$1" what="$2"; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"; local rc=$?
  if [ "$rc" != "$want" ]; then echo "FAIL: $what: exit $rc, want $want"; cat "$tmp/err"; fail=1; fi
}
CASE="$SRC/tests/cases/rules"
expect_rc 2 "missing path" "$BIN" check "$tmp/nope"
expect_rc 2 "folder without powerlist.yaml" "$BIN" check "$tmp"
expect_rc 2 "unknown --rule id" "$BIN" check "$CASE/unit_handled-by.pass.yaml" --rule nope/x=off
expect_rc 2 "bad --format" "$BIN" check "$CASE/unit_handled-by.pass.yaml" --format xml
expect_rc 2 "unknown subcommand" "$BIN" frobnicate
expect_rc 0 "clean file" "$BIN" check "$CASE/unit_handled-by.pass.yaml"
expect_rc 1 "error finding" "$BIN" check "$CASE/unit_handled-by.fail.yaml"
expect_rc 0 "--rule turns a rule off" "$BIN" check "$CASE/unit_handled-by.fail.yaml" --rule unit/handled-by=off
expect_rc 0 "--rule demotes to warning" "$BIN" check "$CASE/unit_handled-by.fail.yaml" --rule unit/handled-by=warning
expect_rc 1 "--fail-on warning" "$BIN" check "$CASE/disclosure_missing.fail.yaml" --fail-on warning
expect_rc 0 "warnings pass by default" "$BIN" check "$CASE/disclosure_missing.fail.yaml"
expect_rc 0 "--fail-on never" "$BIN" check "$CASE/unit_handled-by.fail.yaml" --fail-on never
expect_rc 1 "several files at once" "$BIN" check "$CASE/unit_handled-by.pass.yaml" "$CASE/unit_handled-by.fail.yaml"
"$BIN" check "$CASE/unit_handled-by.fail.yaml" --lang en > "$tmp/en.txt"
grep -q "is not one of department.units" "$tmp/en.txt" || { echo "FAIL: --lang en"; fail=1; }
grep -q "^1 item(s) read; 1 error, " "$tmp/en.txt" || { echo "FAIL: English summary"; fail=1; }
# The summary says what was read, so a clean file is not silent.
"$BIN" check "$CASE/unit_handled-by.pass.yaml" | grep -q "^读取 1 项；0 个错误" || { echo "FAIL: summary names the items read"; fail=1; }
# CLI11's errors in the user's language, with a did-you-mean, never both languages.
"$BIN" check --formt json "$CASE/unit_handled-by.pass.yaml" > /dev/null 2> "$tmp/formt.txt"; [ $? = 2 ] || { echo "FAIL: --formt exit 2"; fail=1; }
grep -q "没有选项 --formt（是不是 --format？）" "$tmp/formt.txt" || { echo "FAIL: Chinese did-you-mean for --formt"; cat "$tmp/formt.txt"; fail=1; }
if grep -q "not expected" "$tmp/formt.txt"; then echo "FAIL: English words in a Chinese usage error"; fail=1; fi
{ "$BIN" check --lang en --formt json x 2>&1 || true; } | grep -q "has no option --formt (did you mean --format?)" || { echo "FAIL: English did-you-mean"; fail=1; }
{ "$BIN" check nowhere --lang en 2>&1 || true; } | grep -qx "powerlist: no such file or folder: nowhere" || { echo "FAIL: a fatal message in English only"; fail=1; }
# Errors of writing outputs, too, in one language (issue 28: never both).
"$BIN" init "$tmp/one-lang" > /dev/null 2>&1 || true
{ "$BIN" build "$tmp/one-lang" -o /proc/nope --lang en 2>&1 || true; } > "$tmp/one-lang.txt"
{ "$BIN" export "$tmp/one-lang" -o /proc/nope/x.xlsx --lang en 2>&1 || true; } >> "$tmp/one-lang.txt"
{ "$BIN" audit "$tmp/one-lang" -o /proc/nope/a.html --lang en 2>&1 || true; } >> "$tmp/one-lang.txt"
grep -q "^powerlist: " "$tmp/one-lang.txt" || { echo "FAIL: no write error shown"; fail=1; }
grep "^powerlist: " "$tmp/one-lang.txt" | grep -qP "\p{Han}" && { echo "FAIL: Chinese in an English error:"; cat "$tmp/one-lang.txt"; fail=1; }
{ "$BIN" check nowhere 2>&1 || true; } | grep -qx "powerlist: 路径不存在：nowhere" || { echo "FAIL: a fatal message in Chinese only"; fail=1; }
{ "$BIN" chek 2>&1 || true; } | grep -q "没有子命令“chek”（是不是 check？）" || { echo "FAIL: subcommand did-you-mean"; fail=1; }
{ "$BIN" export x.xlsx 2>&1 || true; } | grep -q "缺少必填选项 --output" || { echo "FAIL: missing -o in Chinese"; fail=1; }
{ "$BIN" check --format foo x 2>&1 || true; } | grep -q "选项 --format 的值“foo”无效" || { echo "FAIL: bad value in Chinese"; fail=1; }
"$BIN" check "$CASE/suppression.pass.yaml" --show-suppressed > "$tmp/sup.txt"
grep -q "已忽略：科室调整过渡期" "$tmp/sup.txt" || { echo "FAIL: --show-suppressed"; cat "$tmp/sup.txt"; fail=1; }
# Help exists in both languages.
LANG=zh_CN.UTF-8 "$BIN" --help | grep -q "子命令" || { echo "FAIL: Chinese help"; fail=1; }
LC_ALL=en_US.UTF-8 "$BIN" check --help | grep -q "catalog folder" || { echo "FAIL: English help"; fail=1; }
# Chinese by default: the C locale names no language.
LC_ALL=C.UTF-8 "$BIN" check --help | grep -q "选项" || { echo "FAIL: Chinese help under C.UTF-8"; fail=1; }
"$BIN" --lang zh check --help | grep -q "目录文件夹" || { echo "FAIL: --lang zh help"; fail=1; }
# schema: valid JSON, the shipped copy is current, and the example validates structurally.
"$BIN" schema > "$tmp/schema.json"
python3 -c "import json; s=json.load(open('$tmp/schema.json')); assert s['\$schema'].startswith('http://json-schema.org/draft-07')" || { echo "FAIL: schema JSON"; fail=1; }
diff -q "$tmp/schema.json" "$SRC/docs/powerlist.schema.json" > /dev/null || { echo "FAIL: docs/powerlist.schema.json is stale (powerlist schema > docs/powerlist.schema.json)"; fail=1; }
"$BIN" schema --project | python3 -c "import json,sys; json.load(sys.stdin)" || { echo "FAIL: project schema JSON"; fail=1; }
# --as-of must be a date.
expect_rc 2 "bad --as-of" "$BIN" check "$CASE/unit_handled-by.pass.yaml" --as-of 2026-13-01
# A failed build leaves the previous output untouched.
cp -r "$SRC/tests/golden/basic" "$tmp/cat"
mkdir -p "$tmp/cat/out" && echo keep > "$tmp/cat/out/marker"
expect_rc 1 "build with errors" "$BIN" build "$tmp/cat"
[ -f "$tmp/cat/out/marker" ] || { echo "FAIL: failed build touched out/"; fail=1; }
# deadline: the first line is the due date; a missing calendar year is exit 2.
first=$("$BIN" deadline --from 2026-02-12 --limit 5工作日 | head -1)
[ "$first" = "2026-02-26" ] || { echo "FAIL: deadline printed $first"; fail=1; }
expect_rc 2 "deadline into a year without calendar" "$BIN" deadline --from 2026-12-20 --limit 20工作日
expect_rc 2 "deadline with a bad limit" "$BIN" deadline --from 2026-12-20 --limit 二十来天
[ "$fail" = 0 ] && echo "cli basics: OK"
exit "$fail"
