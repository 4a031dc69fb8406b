#!/usr/bin/env bash
# Writes the seed corpora (fuzz/corpus/<target>/) and the small malformed inputs of the
# non-YAML front ends (tests/malformed/<front end>/) from the project's own files and
# fixtures. Run from the repository root after changing the format; commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
C=fuzz/corpus M=tests/malformed
# Inputs that once crashed a target (regress-*) are kept: they are the regression tests.
keep=$(mktemp -d); find "$C" -name 'regress-*' -exec cp --parents {} "$keep/" \; 2> /dev/null || true
rm -rf "$C"; mkdir -p "$C"/{department,project,lock,registry,xls,xlsx,csv,ledger}
(cd "$keep" && find . -type f -exec cp --parents {} "$OLDPWD/" \;); rm -rf "$keep"
mkdir -p "$M"/{project,lock,registry,xls,xlsx,csv,ledger}

# department: the example's departments and every single-file rule case.
cp examples/示范县/departments/*.yaml "$C/department/"
for f in tests/cases/rules/*.yaml; do cp "$f" "$C/department/case-$(basename "$f")"; done
# project: every powerlist.yaml of the example and the folder cases.
cp examples/示范县/powerlist.yaml "$C/project/example.yaml"
for d in tests/cases/rules/*/; do
  [ -f "$d/powerlist.yaml" ] && cp "$d/powerlist.yaml" "$C/project/$(basename "$d").yaml"
done
# lock: the example's and the folder cases'.
cp examples/示范县/powerlist.lock "$C/lock/example.lock"
for d in tests/cases/rules/*/; do
  [ -f "$d/powerlist.lock" ] && cp "$d/powerlist.lock" "$C/lock/$(basename "$d").lock"
done
# registry: the test registries and the first instruments of each shipped file.
cp tests/cases/laws.yaml "$C/registry/cases.yaml"
cp tests/cases/registry/*.yaml "$C/registry/"
for f in catalogs/laws/*.yaml; do
  awk '/^- name:/{n++} n<=12' "$f" > "$C/registry/head-$(basename "$f")"
done
# workbooks: the import fixtures, by format.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
$PY tests/workbooks/make_fixtures.py "$tmp/ok"
$PY tests/workbooks/make_fixtures.py --bad "$tmp/bad"
cp "$tmp/ok"/*.xls "$C/xls/"; cp "$tmp/ok"/*.xlsx "$C/xlsx/"; cp "$tmp/ok"/*.csv "$C/csv/"
for f in zero.xlsx truncated-merged-headers.xlsx; do cp "$tmp/bad/$f" "$M/xlsx/"; done
cp "$tmp/bad/truncated-categories.xls" "$tmp/bad/encrypted.xlsx" "$M/xls/"
cp "$tmp/bad/noise.csv" "$M/csv/"
printf '"unclosed,quote\n1,2,3\n' > "$M/csv/unclosed-quote.csv"
printf '\xff\xfe\x00\xd8a\x00' > "$M/csv/lone-surrogate-utf16.csv"
printf 'PK\x03\x04garbage' > "$M/xlsx/zip-header-only.xlsx"

# ledger: the monitor fixtures and rule cases; malformed ledgers (tests/malformed/ledger).
cp tests/golden/monitor/*.csv "$C/ledger/"
for f in tests/cases/rules/monitor_*.csv; do cp "$f" "$C/ledger/"; done
printf '办件编号,节点,时间\nE1,受理,2025-10-09\nE1,补正告知,2025-10-10\nE1,办结,2025-10-20\nE2,补交受理,2025-10-11\n' > "$C/ledger/events.csv"
printf '办件编号,受理日期\nA,2025-13-45\nA,20251301\nB,99999999\nC,45926.9999999999\nD,-1\n' > "$M/ledger/bad-dates.csv"
printf '办件编号,受理日期,暂停\nA,2025-10-09,2025-10-10至\nB,2025-10-09,至2025-10-10；2025-10-12—2025-10-11\n' > "$M/ledger/bad-pauses.csv"
printf '办件编号,节点,时间\nE1,办结,2025-10-20\nE1,补交受理,2025-10-19\nE1,受理,2025-10-21\n' > "$M/ledger/events-out-of-order.csv"
printf '受理日期\n2025-10-09\n' > "$M/ledger/date-only.csv"
cp "$M"/csv/* "$M"/xlsx/* "$M/ledger/"  # a ledger comes through the same readers

# Malformed powerlist.yaml, lock and registry files.
printf 'title: [unclosed\n' > "$M/project/syntax.yaml"
printf 'title: 目录\nregion: {code: 3608, name: x}\nlevel: 村级\neffective: 2026-02-30\ndepartments: departments/*.yaml\n' > "$M/project/bad-values.yaml"
printf 'title: 目录\nsettings: {promised_ratio: "1/0", rules: {flow/missing: maybe}, large_fine: -1}\nprofile: 其他\n' > "$M/project/bad-settings.yaml"
printf 'title: 目录\ndepartments: ["../../etc/*", "/abs/*.yaml", ""]\nlaws: [../x.yaml]\nbaseline: /dev/zero\n' > "$M/project/outside-paths.yaml"
printf 'a: &a [*a]\n' > "$M/project/self-alias.yaml"
printf 'version: 1\ncodes:\n  a/x: {basic: "360190001000", implementation: "../../../../tmp/x"}\n' > "$M/lock/traversal.lock"
printf '# 条目数 / entries: 5\nversion: 1\ncodes:\n  a/x: {basic: "360190001000", implementation: "11360827MB0123456H4360190001000", status: active}\n' > "$M/lock/truncated.lock"
printf 'version: 2\ncodes: [1, 2]\n' > "$M/lock/wrong-shape.lock"
printf 'version: 1\ncodes:\n  a/x: {basic: "３６０１９０００１０００", implementation: "11360827MB0123456H436019000100０", assigned: 2026-13-01, status: gone}\n' > "$M/lock/bad-values.lock"
printf -- '- name: 测试条例\n  level: 宇宙法\n  versions: [{date: 2020-01-01}, {date: 2019-01-01, kind: 修订}]\n' > "$M/registry/bad-level.yaml"
printf -- '- name: ""\n  versions: []\n- name: 测试条例\n  repealed: tomorrow\n' > "$M/registry/empty.yaml"
printf 'laws: {not: a list}\n' > "$M/registry/wrong-shape.yaml"
printf -- '- name: 测试法\n  versions: [{date: 2020-01-01, articles: 99999999999}]\n' > "$M/registry/huge-count.yaml"
echo "corpus: $(find "$C" -type f | wc -l) files; malformed: $(find "$M" -type f | wc -l) files"
