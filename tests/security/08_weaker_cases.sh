#!/usr/bin/env bash
# Case 8 (the weaker ones): files outside the catalog, FIFOs, truncated locks, huge
# procedures, TZ and SOURCE_DATE_EPOCH, terminal escapes, audit -o X.pdf, gen -o, gen at
# 100,000 items, qpdf, a worker's write error, and the language of the "nothing written" line.
BIN="$1"; SRC="$2"; source "$(dirname "$0")/lib.sh"

# departments:/laws:/baseline: outside the catalog are not read and no line of them is printed.
example_copy out1
cat >> "$tmp/out1/powerlist.yaml" <<'YAML'
laws: [/etc/passwd]
baseline: ../../../../../../etc/passwd
YAML
sed -i 's|  - departments/\*.yaml|  - departments/*.yaml\n  - /etc/*.conf|' "$tmp/out1/powerlist.yaml"
run outside "$BIN" check "$tmp/out1" --no-progress
[ "$rc" = 1 ] || fail "outside paths: exit $rc, want 1"
grep -q "位于目录文件夹之外" "$tmp/outside.out" || fail "no message about outside files"
grep -q "root:" "$tmp/outside.out" && fail "a line of /etc/passwd was printed"
[ "$(grep -c "位于目录文件夹之外" "$tmp/outside.out")" -ge 3 ] || fail "each outside input must be reported"
run allowed "$BIN" check "$tmp/out1" --no-progress --allow-outside
grep -q "位于目录文件夹之外" "$tmp/allowed.out" && fail "--allow-outside must allow them"

# A FIFO among the department files is reported, never waited on.
example_copy fifo
mkfifo "$tmp/fifo/departments/pipe.yaml"
timeout 20 "$BIN" check "$tmp/fifo" --no-progress > "$tmp/fifo.out" 2>&1; rc=$?
[ "$rc" = 124 ] && fail "check hangs on a FIFO"
grep -q "不是普通文件" "$tmp/fifo.out" || fail "FIFO not reported"

# A lock cut at a line boundary is code/lock-conflict, not silently shorter.
example_copy cut
head -n 30 "$SRC/examples/示范县/powerlist.lock" > "$tmp/cut/powerlist.lock"
run cut "$BIN" check "$tmp/cut" --no-progress
grep -q "code/lock-conflict" "$tmp/cut.out" || fail "a truncated lock must be code/lock-conflict"
grep -q "截断" "$tmp/cut.out" || fail "the message must say the lock was cut short"
run cutcodes "$BIN" codes "$tmp/cut"
[ "$rc" = 1 ] || fail "codes must refuse a truncated lock (exit $rc)"

# A 2,000-step procedure is refused at once (schema/too-large), never laid out for minutes.
mkdir -p "$tmp/big/departments"
cat > "$tmp/big/powerlist.yaml" <<'YAML'
title: 测试
region: {code: "360827", name: 测试县}
level: 县级
effective: 2026-01-01
departments: [departments/*.yaml]
YAML
python3 - "$tmp/big/departments/d.yaml" <<'PY'
import sys
n = 2000
steps = ['      - {id: s0, kind: start, actor: 申请人, next: s1}']
for i in range(1, n):
    nxt = f's{i+1}' if i + 2 > n else f'[{{to: s{i+1}, when: 是}}, {{to: s{i+2}, when: 否}}]'
    steps.append(f'      - {{id: s{i}, actor: 执法监察大队, limit: 1工作日, next: {nxt}}}')
steps.append(f'      - {{id: s{n}, kind: end}}')
open(sys.argv[1], 'w').write('''department:
  id: zrzyj
  name: 测试县自然资源局
  credit_code: 11360827MB0123456H
  units: [执法监察大队]
  contacts: {supervise: 0796-6300002, complaint: {phone: "12345"}}
powers:
  - key: big
    name: 大流程
    category: 行政检查
    basis: [{law: 中华人民共和国城乡规划法, articles: ["53"]}]
    initiation: 依职权
    handled_by: 执法监察大队
    disclosure: {forms: [政府网站], scope: 社会公开, timing: 长期公开}
    rights: [知情, 陈述, 申辩]
    procedure:
      steps:
''' + "\n".join(steps) + "\n")
PY
start=$(date +%s)
timeout 60 "$BIN" build "$tmp/big" --no-progress > "$tmp/big.out" 2>&1; rc=$?
[ "$rc" = 1 ] || fail "2,000-step procedure: exit $rc, want 1"
grep -q "schema/too-large" "$tmp/big.out" || fail "2,000-step procedure: no schema/too-large"
[ $(( $(date +%s) - start )) -lt 30 ] || fail "2,000-step procedure took over 30 s"

# PDFs are the same under any TZ; SOURCE_DATE_EPOCH sets their date.
example_copy tz
for zone in UTC Asia/Shanghai America/New_York; do
  TZ=$zone SOURCE_DATE_EPOCH=1767225600 "$BIN" build "$tmp/tz" -o "$tmp/tz-$zone" --no-progress -q --internal || fail "build TZ=$zone"
done
for f in catalog.pdf internal/涉密不宜公开行政职权目录.pdf; do
  cmp -s "$tmp/tz-UTC/$f" "$tmp/tz-Asia/Shanghai/$f" || fail "$f differs between TZ=UTC and Asia/Shanghai"
  cmp -s "$tmp/tz-UTC/$f" "$tmp/tz-America/New_York/$f" || fail "$f differs between TZ=UTC and America/New_York"
done
pdfinfo "$tmp/tz-Asia/Shanghai/catalog.pdf" | grep -q "CreationDate:.*2026" || fail "SOURCE_DATE_EPOCH date not in the PDF"
first=$(ls "$tmp/tz-UTC/flowcharts/" | grep pdf | head -1)
cmp -s "$tmp/tz-UTC/flowcharts/$first" "$tmp/tz-Asia/Shanghai/flowcharts/$first" || fail "flowchart PDF differs by TZ"

# qpdf finds nothing damaged in any PDF we write.
for f in "$tmp/tz-UTC/catalog.pdf" "$tmp/tz-UTC/internal/"*.pdf "$tmp/tz-UTC/flowcharts/$first"; do
  qpdf --check "$f" > "$tmp/qpdf.out" 2>&1 || { fail "qpdf --check $f"; tail -3 "$tmp/qpdf.out"; }
  grep -q "WARNING" "$tmp/qpdf.out" && { fail "qpdf warns about $f"; grep WARNING "$tmp/qpdf.out" | head -3; }
done

# Terminal escapes in names never reach the terminal raw.
example_copy esc
python3 - "$tmp/esc/departments/zrzyj.yaml" <<'PY'
import sys, re
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
s = s.replace("  units:", '  units:', 1)
s = re.sub(r"(\n  - key: (\S+)\n    name: )([^\n]*)", lambda m: m.group(1) + '"\\e]0;PWN\\a\\e[2J\\e[31m' + m.group(3) + '\\u202e"', s, count=1)
s = s.replace("handled_by: 行政审批股", 'handled_by: "\\e[8m隐藏股"', 1)
open(p, "w", encoding="utf-8").write(s)
PY
for fmt in text github; do
  "$BIN" check "$tmp/esc" --no-progress --format $fmt > "$tmp/esc.$fmt" 2>&1
  grep -q "隐藏股" "$tmp/esc.$fmt" || fail "$fmt: the finding on the hostile unit is missing"
  LC_ALL=C grep -q $'\x1b' "$tmp/esc.$fmt" && fail "$fmt output carries a raw ESC"
  grep -q $'\u202e' "$tmp/esc.$fmt" && fail "$fmt output carries a bidi override"
done
"$BIN" codes "$tmp/esc" --date 2026-03-01 > "$tmp/esc.codes" 2>&1
LC_ALL=C grep -q $'\x1b' "$tmp/esc.codes" && fail "codes output carries a raw ESC"

# audit -o X.pdf writes X.html and X.pdf, each what its name says.
example_copy aud
"$BIN" audit "$tmp/aud" -o "$tmp/rep.pdf" -q || fail "audit -o rep.pdf"
head -c 5 "$tmp/rep.pdf" | grep -q "%PDF" || fail "rep.pdf is not a PDF"
grep -q "<html" "$tmp/rep.html" || fail "rep.html is not HTML"

# gen never overwrites without --force.
"$BIN" gen --items 5 --departments 1 -o "$tmp/gen" > /dev/null || fail "gen"
echo "mine" > "$tmp/gen/notes.txt"
run gen2 "$BIN" gen --items 5 --departments 1 -o "$tmp/gen"
[ "$rc" = 2 ] || fail "gen over an existing catalog: exit $rc, want 2"
run gen3 "$BIN" gen --items 5 --departments 1 -o "$tmp/gen" --force
[ "$rc" = 0 ] || fail "gen --force: exit $rc"
[ "$(cat "$tmp/gen/notes.txt")" = mine ] || fail "gen --force removed an unrelated file"

# gen at 100,000 items in one department gives a valid catalog (files split, codes assigned).
run g100k "$BIN" gen --items 100000 --departments 1 -o "$tmp/g100k"
[ "$rc" = 0 ] || { fail "gen --items 100000 --departments 1: exit $rc"; tail -2 "$tmp/g100k.err"; }
[ "$(grep -c "status: active" "$tmp/g100k/powerlist.lock")" = 100000 ] || fail "100,000 codes expected"
rm -rf "$tmp/g100k"

# A worker's write error is reported as what it is, not as a missing flowchart.
"$BIN" gen --items 40 --departments 1 -o "$tmp/full" > /dev/null || fail "gen 40"
( trap '' XFSZ; ulimit -f 40; "$BIN" build "$tmp/full" -o "$tmp/full-out" -j2 --no-progress -q ) > "$tmp/full.out" 2>&1
grep -q "流程图缺失" "$tmp/full.out" && fail "a write error was reported as a missing flowchart"
grep -q "无法写入\|磁盘空间不足" "$tmp/full.out" || { fail "the write error is not reported"; cat "$tmp/full.out"; }
grep -q "未写入输出" "$tmp/full.out" || fail "a failed build must say nothing was written"

# Under a C locale the "nothing written" line is Chinese like the findings (English with --lang en).
cp -r "$SRC/tests/golden/basic" "$tmp/basic"
LANG=C LC_ALL=C "$BIN" build "$tmp/basic" --no-progress > "$tmp/c.out" 2>&1
grep -q "未写入输出" "$tmp/c.out" || fail "C locale: the nothing-written line is not Chinese"
LANG=C "$BIN" build "$tmp/basic" --no-progress --lang en > "$tmp/en.out" 2>&1
grep -q "nothing written" "$tmp/en.out" || fail "--lang en: no English nothing-written line"
finish
