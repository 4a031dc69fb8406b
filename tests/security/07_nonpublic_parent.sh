#!/usr/bin/env bash
# Case 7: a public 子项 of a non-public 主项: the parent's name, key and code appear in no
# public output (site, catalog.json, catalog.pdf, flowcharts); diff marks it non-public.
BIN="$1"; SRC="$2"; source "$(dirname "$0")/lib.sh"
mkdir -p "$tmp/cat/departments"
cat > "$tmp/cat/powerlist.yaml" <<'YAML'
title: 测试县行政职权目录
region: {code: "360827", name: 测试县}
level: 县级
effective: 2026-01-01
publisher: 测试县人民政府
departments: [departments/*.yaml]
YAML
cat > "$tmp/cat/departments/zrzyj.yaml" <<'YAML'
department:
  id: zrzyj
  name: 测试县自然资源局
  credit_code: 11360827MB0123456H
  units: [执法监察大队]
  contacts: {supervise: 0796-6300002, complaint: {phone: "12345"}}
powers:
  - key: zhuxiang-secret-7x
    name: PARENTCANARY 涉密核查
    category: 行政检查
    basis: [{law: 中华人民共和国城乡规划法, articles: ["53"]}]
    initiation: 依职权
    handled_by: 执法监察大队
    public: false
    secrecy: {reason: 涉密, basis: {law: 中华人民共和国政府信息公开条例, articles: ["14"]}}
    rights: [知情, 陈述, 申辩]
    procedure: {template: 行政检查}
  - key: zixiang
    name: 公开的子项检查
    category: 行政检查
    parent: zhuxiang-secret-7x
    basis: [{law: 中华人民共和国城乡规划法, articles: ["53"]}]
    initiation: 依职权
    handled_by: 执法监察大队
    disclosure: {forms: [政府网站, 办事指南], scope: 社会公开, timing: 长期公开}
    rights: [知情, 陈述, 申辩]
    procedure: {template: 行政检查}
YAML
"$BIN" codes "$tmp/cat" --date 2026-01-01 -q || fail "codes"
pcode=$(grep "zrzyj/zhuxiang-secret-7x:" "$tmp/cat/powerlist.lock" | sed 's/.*implementation: "\([^"]*\)".*/\1/')
"$BIN" build "$tmp/cat" -o "$tmp/out" --no-progress -q || { fail "build"; finish; }
for f in $(find "$tmp/out" -type f); do
  case "$f" in
    *.pdf) { pdftotext -q "$f" - 2>/dev/null; qpdf --qdf --object-streams=disable "$f" - 2>/dev/null; } > "$tmp/text" ;;
    *) cp "$f" "$tmp/text" ;;
  esac
  for canary in PARENTCANARY zhuxiang-secret-7x "$pcode"; do
    grep -aq -- "$canary" "$tmp/text" && fail "$canary in ${f#$tmp/}"
  done
done
grep -q '"parent": null' "$tmp/out/catalog.json" || fail "catalog.json must give the 子项 no parent"
cp -r "$tmp/cat" "$tmp/new"
sed -i 's/name: 公开的子项检查/name: 公开的子项检查（改）/' "$tmp/new/departments/zrzyj.yaml"
sed -i 's/name: PARENTCANARY 涉密核查/name: PARENTCANARY 涉密核查改/' "$tmp/new/departments/zrzyj.yaml"
"$BIN" diff "$tmp/cat" "$tmp/new" > "$tmp/diff.txt"
grep "PARENTCANARY" "$tmp/diff.txt" | grep -q "【不公开】" || fail "diff must mark the non-public item"
"$BIN" diff "$tmp/cat" "$tmp/new" --format json | grep -q '"public": false' || fail "diff JSON public:false"
finish
