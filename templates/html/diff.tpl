{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>职权目录变更对照 — {{NEW}}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 1rem auto; max-width: 1100px; padding: 0 1rem; line-height: 1.6; }
h1 { color: #a4001b; font-size: 1.5rem; } h2 { border-left: 4px solid #a4001b; padding-left: .5rem; font-size: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f3f0ee; } .code { font-family: monospace; font-size: .85rem; }
.limit { background: #fff3cd; } .removed { background: #fde2e2; } del { color: #a4001b; } ins { color: #006400; text-decoration: none; }
.tag { font-size: .8rem; background: #a4001b; color: #fff; padding: 0 .3rem; border-radius: 3px; }
</style>
</head>
<body>
<header><h1>职权目录变更对照</h1>
<p>原目录：{{OLD}}　新目录：{{NEW}}</p>
<p>新增 <strong>{{ADDED}}</strong> 项，取消 <strong>{{RETIRED}}</strong> 项，未经取消而删除 <strong>{{REMOVED}}</strong> 项，变更 <strong>{{CHANGED}}</strong> 项（其中时限变更 <strong>{{LIMITS}}</strong> 项）</p>
</header>
<main>
<section><h2>新增</h2>
<table><thead><tr><th scope="col">事项</th><th scope="col">名称</th><th scope="col">类别</th><th scope="col">实施编码</th></tr></thead>
<tbody>{{#ADD}}<tr><td>{{ID}}</td><td>{{NAME}}</td><td>{{CATEGORY}}</td><td class="code">{{CODE}}</td></tr>
{{/ADD}}</tbody></table></section>
<section><h2>取消</h2>
<table><thead><tr><th scope="col">事项</th><th scope="col">名称</th><th scope="col">类别</th><th scope="col">取消日期</th><th scope="col">理由</th></tr></thead>
<tbody>{{#RET}}<tr><td>{{ID}}</td><td>{{NAME}}</td><td>{{CATEGORY}}</td><td>{{DATE}}</td><td>{{REASON}}</td></tr>
{{/RET}}</tbody></table></section>
<section><h2>未经取消而删除 <span class="tag">catalog/removed-silently</span></h2>
<p>不得擅自放弃、隐瞒所行使的行政权力：以下事项从目录中消失，但没有取消记录。</p>
<table><thead><tr><th scope="col">事项</th><th scope="col">名称</th><th scope="col">类别</th><th scope="col">实施编码</th></tr></thead>
<tbody>{{#REM}}<tr class="removed"><td>{{ID}}</td><td>{{NAME}}</td><td>{{CATEGORY}}</td><td class="code">{{CODE}}</td></tr>
{{/REM}}</tbody></table></section>
<section><h2>变更</h2>{{#CHG}}
<h3>{{NAME}} <small>{{ID}}　<span class="code">{{CODE}}</span></small></h3>
<table><thead><tr><th scope="col">字段</th><th scope="col">原内容</th><th scope="col">新内容</th></tr></thead>
<tbody>{{#FIELD}}<tr{{#LIMIT}} class="limit"{{/LIMIT}}><th scope="row">{{LABEL}}{{#LIMIT}} <span class="tag">时限变更</span>{{/LIMIT}}</th><td><del>{{OLDV}}</del></td><td><ins>{{NEWV}}</ins></td></tr>
{{/FIELD}}</tbody></table>{{/CHG}}
</section>
</main>
</body>
</html>
