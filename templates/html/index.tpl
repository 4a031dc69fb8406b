{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="powerlist">
<title>{{TITLE}}</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<a class="skip" href="#main">跳到目录正文</a>
<header role="banner">
<h1>{{TITLE}}</h1>
<p class="meta"><span>发布机关：{{PUBLISHER}}</span>　<span>施行日期：{{EFFECTIVE}}</span>　<span>区划：{{REGION}}</span></p>
</header>
<nav class="filters" aria-label="检索与筛选">
<form id="filters" role="search" onsubmit="return false">
<div class="field"><label for="q">搜索</label>
<input id="q" name="q" type="search" placeholder="事项名称、权力编码或依据" autocomplete="off"></div>
<div class="field"><label for="dept">实施主体</label>
<select id="dept" name="dept"><option value="">全部部门（{{TOTAL}}）</option>{{#DEPT}}
<option value="{{ID}}">{{NAME}}（{{COUNT}}）</option>{{/DEPT}}
</select></div>
<div class="field"><label for="cat">权力类别</label>
<select id="cat" name="cat"><option value="">全部类别（{{TOTAL}}）</option>{{#CAT}}
<option value="{{CODE}}">{{NAME}}（{{COUNT}}）</option>{{/CAT}}
</select></div>
</form>
<p id="count" role="status" aria-live="polite">共 {{TOTAL}} 项</p>
</nav>
<main id="main" class="with-aside">
<section aria-labelledby="list-h" class="list">
<h2 id="list-h">行政职权目录</h2>
<table id="catalog" class="catalog">
<caption>行政职权目录（共 {{TOTAL}} 项；点击名称查看办事指南和流程图）</caption>
<thead><tr><th scope="col">序号</th><th scope="col">权力编码</th><th scope="col">事项名称</th><th scope="col">权力类别</th><th scope="col">实施主体</th><th scope="col">承办机构</th><th scope="col">法定时限</th><th scope="col">承诺时限</th></tr></thead>
<tbody>{{#ITEM}}
<tr data-dept="{{DEPT_ID}}" data-cat="{{CAT_CODE}}" data-search="{{SEARCH}}">
<td data-label="序号">{{N}}</td>
<td data-label="权力编码" class="code">{{CODE}}</td>
<td data-label="事项名称"><a href="{{PAGE}}">{{NAME}}</a>{{#SCOPE}} <span class="scope">（公开范围：{{SCOPE}}）</span>{{/SCOPE}}</td>
<td data-label="权力类别">{{CATEGORY}}</td>
<td data-label="实施主体" class="dept">{{DEPT_NAME}}</td>
<td data-label="承办机构">{{HANDLED_BY}}</td>
<td data-label="法定时限">{{STATUTORY}}</td>
<td data-label="承诺时限">{{PROMISED}}</td>
</tr>{{/ITEM}}
</tbody>
</table>
<p id="empty" hidden>没有符合条件的事项。</p>
</section>
<aside aria-labelledby="summary-h" class="summary">
<h2 id="summary-h">分类统计</h2>
<table class="counts bars">
<caption>各类别事项数</caption>
<thead><tr><th scope="col">权力类别</th><th scope="col">事项数</th></tr></thead>
<tbody>{{#CAT}}
<tr><th scope="row">{{NAME}}</th><td><span class="bar" style="width: {{PCT}}%"></span>{{COUNT}}</td></tr>{{/CAT}}
</tbody>
<tfoot><tr><th scope="row">合计</th><td>{{TOTAL}}</td></tr></tfoot>
</table>
<p><a href="risks.html">廉政风险防控一览</a>（{{RISK_POINTS}} 个风险点，按部门、环节、岗位统计）</p>
</aside>
</main>
<footer role="contentinfo">
<p>{{FOOTER}}</p>
</footer>
<script src="app.js"></script>
</body>
</html>
