{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} 合法性审核意见</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 1rem auto; max-width: 1200px; padding: 0 1rem; line-height: 1.6; color: #1a1a1a; }
h1 { color: #a4001b; font-size: 1.6rem; text-align: center; } h2 { border-left: 4px solid #a4001b; padding-left: .5rem; font-size: 1.2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-bottom: .25rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #c8c8c8; padding: .25rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #f3f0ee; } td.error, td.warning, td.note { white-space: nowrap; } td.num { text-align: right; }
.error { color: #b00020; font-weight: bold; } .warning { color: #8a5a00; font-weight: bold; } .note { color: #275d8a; }
.why { color: #555; font-size: .85rem; } .bar { background: #a4001b; height: .8rem; display: inline-block; }
.summary { font-size: 1.05rem; background: #faf8f7; border: 1px solid #e3dcd8; padding: .75rem 1rem; }
@media print { body { max-width: none; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
</style>
</head>
<body>
<header>
<h1>{{TITLE}}<br>合法性审核意见</h1>
<p style="text-align:center">审核基准日 {{AS_OF}}　目录施行日期 {{EFFECTIVE}}　{{PUBLISHER}}</p>
</header>
<main>
<section class="summary" aria-label="审核结论">
<p>共审核 <strong data-count="departments">{{DEPTS}}</strong> 个部门、<strong data-count="items">{{ITEMS}}</strong> 项职权（{{FILES}} 个文件）。
发现错误 <strong class="error" data-count="errors">{{ERRORS}}</strong> 个、警告 <strong class="warning" data-count="warnings">{{WARNINGS}}</strong> 个、提示 <strong class="note" data-count="notes">{{NOTES}}</strong> 个。
{{#CLEAN}}未发现需要更正的问题。{{/CLEAN}}{{#HAS_ERRORS}}存在错误的事项须更正后方可发布。{{/HAS_ERRORS}}</p>
</section>

<section aria-labelledby="s1"><h2 id="s1">一、各部门职权数量</h2>
<table>
<thead><tr><th scope="col">部门</th>{{#CAT}}<th scope="col">{{NAME}}</th>{{/CAT}}<th scope="col">合计</th><th scope="col">不予公开</th><th scope="col">已取消</th><th scope="col">错误</th><th scope="col">警告</th><th scope="col">提示</th></tr></thead>
<tbody>{{#DEPT}}
<tr><th scope="row">{{NAME}}</th>{{#CELL}}<td class="num">{{N}}</td>{{/CELL}}<td class="num">{{TOTAL}}</td><td class="num">{{NON_PUBLIC}}</td><td class="num">{{RETIRED}}</td><td class="num">{{E}}</td><td class="num">{{W}}</td><td class="num">{{NOTE}}</td></tr>{{/DEPT}}
</tbody>
</table>
</section>

<section aria-labelledby="s2"><h2 id="s2">二、审核发现（按部门）</h2>{{#GROUP}}
<h3>{{NAME}}（错误 {{E}}，警告 {{W}}，提示 {{NOTE}}）</h3>
<table>
<thead><tr><th scope="col">级别</th><th scope="col">规则</th><th scope="col">位置</th><th scope="col">问题</th><th scope="col">审核依据</th></tr></thead>
<tbody>{{#F}}
<tr><td class="{{SEV}}">{{SEV_ZH}}</td><td>{{RULE}}</td><td>{{LOC}}{{#ITEM}}<br>{{ITEM}}{{/ITEM}}</td><td>{{MSG}}{{#N}}<br><span class="why">{{TEXT}}</span>{{/N}}</td><td class="why">{{WHY}}</td></tr>{{/F}}
</tbody>
</table>{{/GROUP}}{{#NO_FINDINGS}}
<p>未发现问题。</p>{{/NO_FINDINGS}}
</section>

<section aria-labelledby="s3"><h2 id="s3">三、跨部门职责交叉（多头执法）</h2>{{#NO_OVERLAP}}
<p>未发现两个部门依据同一法条行使同类权力的情况。</p>{{/NO_OVERLAP}}
{{#OVERLAP_TABLE}}<table>
<thead><tr><th scope="col">部门</th><th scope="col">事项</th><th scope="col">情况</th></tr></thead>
<tbody>{{#OVERLAP}}<tr><td>{{DEPT}}</td><td>{{ID}}</td><td>{{DETAIL}}</td></tr>{{/OVERLAP}}</tbody>
</table>{{/OVERLAP_TABLE}}
</section>

<section aria-labelledby="s4"><h2 id="s4">四、无实施依据的事项</h2>{{#NO_NOBASIS}}
<p>所有事项均列明了实施依据。</p>{{/NO_NOBASIS}}
{{#NOBASIS_TABLE}}<table>
<thead><tr><th scope="col">部门</th><th scope="col">事项</th><th scope="col">名称</th><th scope="col">类别</th></tr></thead>
<tbody>{{#NOBASIS}}<tr><td>{{DEPT}}</td><td>{{ID}}</td><td>{{NAME}}</td><td>{{CAT}}</td></tr>{{/NOBASIS}}</tbody>
</table>{{/NOBASIS_TABLE}}
</section>

<section aria-labelledby="s5"><h2 id="s5">五、承诺时限压缩情况</h2>
<p>同时列明法定时限和承诺时限且单位相同的事项 {{RATIO_ITEMS}} 项，承诺时限 ÷ 法定时限 的分布：</p>
<table>
<thead><tr><th scope="col">比例</th><th scope="col">事项数</th><th scope="col">分布</th></tr></thead>
<tbody>{{#RATIO}}<tr><th scope="row">{{LABEL}}</th><td class="num">{{N}}</td><td><span class="bar" style="width: {{PCT}}%"></span></td></tr>{{/RATIO}}</tbody>
</table>
</section>

<section aria-labelledby="s6"><h2 id="s6">六、法律法规修改后未及时修订的事项</h2>
<p>所引法律法规有新版本施行满 20 个工作日，目录仍未按新版本修订的事项。</p>{{#NO_LAWCHANGE}}
<p>未发现。</p>{{/NO_LAWCHANGE}}
{{#LAWCHANGE_TABLE}}<table>
<thead><tr><th scope="col">部门</th><th scope="col">事项</th><th scope="col">法律法规</th><th scope="col">情况</th></tr></thead>
<tbody>{{#LAWCHANGE}}<tr><td>{{DEPT}}</td><td>{{NAME}}<br><small>{{ID}}</small></td><td>{{LAW}}</td><td>{{DETAIL}}</td></tr>{{/LAWCHANGE}}</tbody>
</table>{{/LAWCHANGE_TABLE}}
</section>

<section aria-labelledby="s7"><h2 id="s7">七、问题按规则统计</h2>
<table>
<thead><tr><th scope="col">规则</th><th scope="col">数量</th><th scope="col">审核依据</th></tr></thead>
<tbody>{{#RULE}}<tr><td>{{ID}}</td><td class="num">{{N}}</td><td class="why">{{WHY}}</td></tr>{{/RULE}}</tbody>
</table>
</section>{{#UNCHECKED_TABLE}}
<section aria-labelledby="s8"><h2 id="s8">八、未能核对的依据（审核机关待办）</h2>
<p>以下文件不在 powerlist 的法规库中，其效力、版本和条文需由审核机关自行核对，或按 docs/laws.md 补充到法规库；不计为部门的问题。</p>
<table>
<thead><tr><th scope="col">文件</th><th scope="col">推断层级</th><th scope="col">引用次数</th><th scope="col">位置</th></tr></thead>
<tbody>{{#UNCHECKED}}<tr><td>《{{NAME}}》</td><td>{{LEVEL}}</td><td class="num">{{N}}</td><td>{{WHERE}}</td></tr>{{/UNCHECKED}}</tbody>
</table>
</section>{{/UNCHECKED_TABLE}}
</main>
<footer><p>本审核意见由 powerlist 根据各部门报送的职权清单自动生成，供司法行政部门（法制机构）审核参考。</p></footer>
</body>
</html>
