{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="powerlist">
<title>廉政风险防控一览 — {{TITLE}}</title>
<link rel="stylesheet" href="style.css">
</head>
<body class="risk-page">
<a class="skip" href="#main">跳到正文</a>
<header role="banner">
<nav aria-label="返回"><a href="index.html" class="back">← 返回{{TITLE}}</a></nav>
<h1>廉政风险防控一览</h1>
<p class="meta">{{TITLE}}　共 {{POINTS}} 个风险点：A 级 {{A}} 个、B 级 {{B}} 个、C 级 {{C}} 个（<a href="../risks.pdf">PDF</a>）</p>
</header>
<main id="main">
<section aria-labelledby="dept-h">
<h2 id="dept-h">各部门风险点数</h2>
<table class="counts">
<thead><tr><th scope="col">部门</th><th scope="col">事项数</th><th scope="col">有风险点的事项</th><th scope="col">A 级</th><th scope="col">B 级</th><th scope="col">C 级</th></tr></thead>
<tbody>{{#DEPT}}
<tr><th scope="row"><a href="#d{{N}}">{{NAME}}</a></th><td>{{ITEMS}}</td><td>{{WITH}}</td><td>{{A}}</td><td>{{B}}</td><td>{{C}}</td></tr>{{/DEPT}}
</tbody>
<tfoot><tr><th scope="row">合计</th><td>{{ITEMS}}</td><td>{{WITH}}</td><td>{{A}}</td><td>{{B}}</td><td>{{C}}</td></tr></tfoot>
</table>
</section>{{#GRID}}
<section aria-labelledby="grid-h">
<h2 id="grid-h">A 级风险点分布（部门 × 环节）</h2>
<div class="scroll">
<table class="heat">
<caption>格中数字为 A 级风险点个数，颜色越深越多</caption>
<thead><tr><th scope="col">部门</th>{{#COL}}<th scope="col">{{STEP}}</th>{{/COL}}</tr></thead>
<tbody>{{#ROW}}
<tr><th scope="row">{{NAME}}</th>{{#CELL}}<td class="heat-{{HEAT}}">{{COUNT}}</td>{{/CELL}}</tr>{{/ROW}}
</tbody>
</table>
</div>
</section>{{/GRID}}{{#DEPT}}
<section aria-labelledby="d{{N}}">
<h2 id="d{{N}}">{{NAME}}</h2>
<div class="pair">
<table class="counts">
<caption>按环节</caption>
<thead><tr><th scope="col">环节</th><th scope="col">A</th><th scope="col">B</th><th scope="col">C</th></tr></thead>
<tbody>{{#BY_STEP}}
<tr><th scope="row">{{KEY}}</th><td>{{A}}</td><td>{{B}}</td><td>{{C}}</td></tr>{{/BY_STEP}}
</tbody>
</table>
<table class="counts">
<caption>按岗位</caption>
<thead><tr><th scope="col">岗位</th><th scope="col">A</th><th scope="col">B</th><th scope="col">C</th></tr></thead>
<tbody>{{#BY_POST}}
<tr><th scope="row">{{KEY}}</th><td>{{A}}</td><td>{{B}}</td><td>{{C}}</td></tr>{{/BY_POST}}
</tbody>
</table>
</div>{{#LIST}}
<table class="risks">
<caption>风险点及防控措施</caption>
<thead><tr><th scope="col">等级</th><th scope="col">事项</th><th scope="col">环节</th><th scope="col">岗位</th><th scope="col">风险点</th><th scope="col">防控措施</th></tr></thead>
<tbody>{{#ENTRY}}
<tr class="risk-{{LEVEL_CLASS}}"><td data-label="等级"><span class="risk-badge">{{LEVEL}}级</span></td><td data-label="事项">{{#LINK}}<a href="{{PAGE}}">{{ITEM}}</a>{{/LINK}}{{#NOLINK}}{{ITEM}}{{/NOLINK}}</td><td data-label="环节">{{STEP}}</td><td data-label="岗位">{{POST}}</td><td data-label="风险点">{{POINT}}</td><td data-label="防控措施">{{MEASURES}}</td></tr>{{/ENTRY}}
</tbody>
</table>{{/LIST}}
</section>{{/DEPT}}
</main>
<footer role="contentinfo">
<p><a href="index.html">返回目录</a>　{{FOOTER}}</p>
</footer>
</body>
</html>
