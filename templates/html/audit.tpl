{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>关于《{{TITLE}}》的合法性审核意见</title>
<style>
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; margin: 1.5rem auto; max-width: 56rem; padding: 0 1rem; line-height: 1.75; color: #1a1a1a; font-size: 12pt; }
.number { text-align: center; margin: 0 0 .5rem; } h1 { font-size: 18pt; text-align: center; margin: .5rem 0 1.5rem; }
h2 { font-size: 13pt; margin: 1.5rem 0 .4rem; } h3 { font-size: 12pt; margin: 1rem 0 .3rem; font-weight: normal; }
p { margin: .3rem 0; white-space: pre-line; } /* the text carries its own 　　 indent */
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: 9.5pt; line-height: 1.45; font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
th, td { border: 1px solid #888; padding: .2rem .4rem; text-align: left; vertical-align: top; white-space: pre-line; }
thead th { background: #f1eeeb; text-align: center; } td.num { text-align: right; }
.sign { text-align: right; text-indent: 0; margin-top: 2.5rem; } .rule { color: #666; font-size: 8.5pt; }
.appendix { margin-top: 3rem; border-top: 1px solid #ccc; } .appendix h1 { font-size: 16pt; }
@media print { body { max-width: none; margin: 0; } .appendix { break-before: page; border: 0; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<header>
{{#NUMBER}}<p class="number">{{NUMBER}}</p>{{/NUMBER}}
<h1>关于《{{TITLE}}》的合法性审核意见</h1>
</header>
<main>
<p class="to">{{TO}}：</p>
<p data-summary="1">{{OPENING}}<span hidden>（<span data-count="departments">{{DEPTS}}</span> <span data-count="items">{{ITEMS}}</span> <span data-count="errors">{{ERRORS}}</span> <span data-count="warnings">{{WARNINGS}}</span> <span data-count="notes">{{NOTES}}</span>）</span></p>
{{#SECTION}}<section>
<h2>{{HEADING}}</h2>{{#INTRO}}
<p>{{TEXT}}</p>{{/INTRO}}{{#COMMON}}
<p class="to">{{HEADING:pre_escape}}</p>{{#TABLE}}
<table>
<thead><tr>{{#TH}}<th scope="col">{{TEXT}}</th>{{/TH}}</tr></thead>
<tbody>{{#TR}}
<tr>{{#TD}}<td{{#NUM}} class="num"{{/NUM}}>{{TEXT:pre_escape}}</td>{{/TD}}</tr>{{/TR}}
</tbody>
</table>{{/TABLE}}{{/COMMON}}{{#GROUP}}{{#SUB}}
<h3>{{SUB}}</h3>{{/SUB}}
<table>
<thead><tr><th scope="col" style="width:2.5em">序号</th><th scope="col" style="width:18%">事项名称</th><th scope="col">审核意见及修改建议</th></tr></thead>
<tbody>{{#ROW}}
<tr><td class="num">{{SEQ}}</td><td>{{NAME:pre_escape}}</td><td>{{OPINIONS:pre_escape}}</td></tr>{{/ROW}}
</tbody>
</table>{{/GROUP}}{{#TABLE}}
<table>
<thead><tr>{{#TH}}<th scope="col">{{TEXT}}</th>{{/TH}}</tr></thead>
<tbody>{{#TR}}
<tr>{{#TD}}<td{{#NUM}} class="num"{{/NUM}}>{{TEXT:pre_escape}}</td>{{/TD}}</tr>{{/TR}}
</tbody>
</table>{{/TABLE}}
</section>
{{/SECTION}}
<p>{{CLOSING:pre_escape}}</p>
<p class="sign">{{ISSUER}}<br>{{DATE}}</p>
</main>
{{#APPENDIX}}<section class="appendix">
<p class="to"><strong>附件</strong></p>
<h1>审核依据</h1>
<table>
<thead><tr><th scope="col" style="width:25%">问题类型</th><th scope="col" style="width:3em">数量</th><th scope="col">审核依据</th></tr></thead>
<tbody>{{#RULE}}<tr><td title="{{ID}}">{{TITLE}}</td><td class="num">{{N}}</td><td>{{WHY}}</td></tr>{{/RULE}}</tbody>
</table>
</section>{{/APPENDIX}}
</body>
</html>
