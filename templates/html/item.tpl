{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="powerlist">
<title>{{NAME}} — {{CATALOG_TITLE}}</title>
<link rel="stylesheet" href="style.css">
</head>
<body class="item-page">
<a class="skip" href="#main">跳到正文</a>
<header role="banner">
<nav aria-label="返回"><a href="index.html" class="back">← 返回{{CATALOG_TITLE}}</a></nav>
<h1>{{NAME}}</h1>
<p class="meta">{{CATEGORY}}　权力编码 <span class="code">{{CODE}}</span></p>
</header>
<main id="main">
<section aria-labelledby="basic-h">
<h2 id="basic-h">基本信息</h2>
<table class="fields">
<tbody>
<tr><th scope="row">事项名称</th><td>{{NAME}}</td></tr>
<tr><th scope="row">权力类别</th><td>{{CATEGORY}}（{{CAT_CODE}}）</td></tr>
<tr><th scope="row">基本编码</th><td class="code">{{BASIC}}</td></tr>
<tr><th scope="row">实施编码</th><td class="code">{{CODE}}</td></tr>{{#HANDLE}}
<tr><th scope="row">业务办理项</th><td>{{HNAME}}　<span class="code">{{HCODE}}</span></td></tr>{{/HANDLE}}{{#PARENT}}
<tr><th scope="row">所属主项</th><td>{{PARENT_NAME}}</td></tr>{{/PARENT}}
<tr><th scope="row">实施主体</th><td>{{DEPT_NAME}}（{{NATURE}}）</td></tr>
<tr><th scope="row">承办机构</th><td>{{HANDLED_BY}}</td></tr>{{#ENTRUSTED}}
<tr><th scope="row">委托机关</th><td>{{ENTRUSTED_BY}}</td></tr>{{/ENTRUSTED}}{{#RESPONSIBLE}}
<tr><th scope="row">负责人</th><td>{{RESPONSIBLE}}</td></tr>{{/RESPONSIBLE}}
<tr><th scope="row">行使方式</th><td>{{INITIATION}}</td></tr>{{#CONDITIONS}}
<tr><th scope="row">行使条件</th><td>{{CONDITIONS}}</td></tr>{{/CONDITIONS}}
<tr><th scope="row">法定时限</th><td>{{STATUTORY}}{{#STATUTORY_BASIS}}（依据：{{TEXT}}）{{/STATUTORY_BASIS}}</td></tr>
<tr><th scope="row">承诺时限</th><td>{{PROMISED}}</td></tr>
<tr><th scope="row">收费</th><td>{{#NO_FEES}}不收费{{/NO_FEES}}{{#FEE}}<p>{{FNAME}}：{{STANDARD}}{{#FBASIS}}（依据：{{TEXT}}）{{/FBASIS}}</p>{{/FEE}}</td></tr>{{#PENALTY}}
<tr><th scope="row">处罚种类</th><td>{{KINDS}}</td></tr>{{/PENALTY}}{{#MEASURE}}
<tr><th scope="row">强制措施</th><td>{{MEASURES}}</td></tr>{{/MEASURE}}
<tr><th scope="row">公开形式</th><td>{{FORMS}}</td></tr>
<tr><th scope="row">公开范围</th><td>{{SCOPE}}</td></tr>
<tr><th scope="row">公开时间</th><td>{{TIMING}}</td></tr>
</tbody>
</table>
</section>
<section aria-labelledby="basis-h">
<h2 id="basis-h">实施依据</h2>
<ol class="basis">{{#BASIS}}
<li><strong>《{{LAW}}》</strong>{{ARTICLES}}{{#VERSION}}（{{VERSION}} 版）{{/VERSION}}{{#QUOTE}}<blockquote>{{QUOTE}}</blockquote>{{/QUOTE}}</li>{{/BASIS}}
</ol>
</section>
<section aria-labelledby="rights-h">
<h2 id="rights-h">相对人权利与监督</h2>
<table class="fields"><tbody>
<tr><th scope="row">相对人权利</th><td>{{RIGHTS}}</td></tr>
<tr><th scope="row">咨询电话</th><td>{{CONSULT}}</td></tr>
<tr><th scope="row">监督电话</th><td>{{SUPERVISE}}</td></tr>{{#SUPERVISION}}
<tr><th scope="row">监督制约</th><td>{{SUPERVISION}}</td></tr>{{/SUPERVISION}}
<tr><th scope="row">投诉举报</th><td>{{COMPLAINT}}</td></tr>
</tbody></table>
</section>{{#DUTIES}}
<section aria-labelledby="duty-h">
<h2 id="duty-h">责任事项与追责情形</h2>
<table class="fields"><tbody>{{#DUTY}}
<tr><th scope="row">{{STAGE}}</th><td>{{TEXT}}</td></tr>{{/DUTY}}
</tbody></table>{{#ACCOUNT}}
<h3>追责情形</h3>
<ol>{{#CASE}}<li>{{TEXT}}</li>{{/CASE}}</ol>{{/ACCOUNT}}
</section>{{/DUTIES}}{{#RISKS}}
<section aria-labelledby="risk-h">
<h2 id="risk-h">廉政风险点及防控措施</h2>
<table class="risks">
<thead><tr><th scope="col">等级</th><th scope="col">环节</th><th scope="col">风险点</th><th scope="col">防控措施</th></tr></thead>
<tbody>{{#RISK}}
<tr class="risk-{{LEVEL_CLASS}}"><td><span class="risk-badge">{{LEVEL}}级</span></td><td>{{STEP}}</td><td>{{POINT}}</td><td>{{MEASURES}}</td></tr>{{/RISK}}
</tbody>
</table>
</section>{{/RISKS}}{{#PLEDGE}}
<section aria-labelledby="pledge-h">
<h2 id="pledge-h">服务承诺与工作纪律</h2>
<table class="fields"><tbody>{{#COMMITMENT}}
<tr><th scope="row">服务承诺</th><td>{{TEXT}}</td></tr>{{/COMMITMENT}}{{#DISCIPLINE}}
<tr><th scope="row">工作纪律</th><td>{{TEXT}}</td></tr>{{/DISCIPLINE}}
</tbody></table>
</section>{{/PLEDGE}}{{#COOPERATION}}
<section aria-labelledby="coop-h">
<h2 id="coop-h">协助配合</h2>
<table class="fields"><tbody>{{#COOP}}
<tr><th scope="row">{{DEPT}}</th><td>{{DUTY}}</td></tr>{{/COOP}}
</tbody></table>
</section>{{/COOPERATION}}{{#DISCRETION}}
<section aria-labelledby="disc-h">
<h2 id="disc-h">行政处罚裁量基准</h2>
<table class="discretion">
<thead><tr><th scope="col">违法情节</th><th scope="col">处罚种类</th><th scope="col">处罚幅度</th></tr></thead>
<tbody>{{#ROW}}
<tr><td>{{CIRCUMSTANCE}}</td><td>{{PENALTY}}</td><td>{{RANGE}}</td></tr>{{/ROW}}
</tbody>
</table>
</section>{{/DISCRETION}}{{#GUIDE}}
<section aria-labelledby="guide-h">
<h2 id="guide-h">办事指南</h2>{{#MATERIALS}}
<table class="materials">
<caption>申请材料</caption>
<thead><tr><th scope="col">序号</th><th scope="col">材料名称</th><th scope="col">来源</th><th scope="col">份数</th><th scope="col">必要性</th><th scope="col">备注</th></tr></thead>
<tbody>{{#MATERIAL}}
<tr><td>{{N}}</td><td>{{MNAME}}</td><td>{{SOURCE}}</td><td>{{COPIES}}</td><td>{{REQUIRED}}</td><td>{{NOTE}}</td></tr>{{/MATERIAL}}
</tbody>
</table>{{/MATERIALS}}{{#SERVICE}}
<table class="fields"><tbody>
<tr><th scope="row">办理形式</th><td>{{CHANNELS}}</td></tr>
<tr><th scope="row">到现场次数</th><td>{{VISITS}}</td></tr>
<tr><th scope="row">办理地点</th><td>{{LOCATION}}</td></tr>
<tr><th scope="row">办理时间</th><td>{{HOURS}}</td></tr>
<tr><th scope="row">服务对象</th><td>{{OBJECTS}}</td></tr>
<tr><th scope="row">特别程序</th><td>{{SPECIAL}}</td></tr>
</tbody></table>{{/SERVICE}}
</section>{{/GUIDE}}
<section aria-labelledby="flow-h">
<h2 id="flow-h">权力运行流程图</h2>{{#CHART}}
<figure class="flowchart" role="group" aria-labelledby="flow-cap">
{{SVG:none}}
<figcaption id="flow-cap">{{NAME}}流程图（<a href="../flowcharts/{{STEM}}.pdf">PDF</a>　<a href="../flowcharts/{{STEM}}.png">PNG</a>）</figcaption>
</figure>{{#STEPS}}
<table class="steps">
<caption>流程环节</caption>
<thead><tr><th scope="col">环节</th><th scope="col">承办岗位</th><th scope="col">时限</th><th scope="col">职责</th><th scope="col">公开</th></tr></thead>
<tbody>{{#STEP}}
<tr><td>{{SID}}</td><td>{{ACTOR}}</td><td>{{LIMIT}}</td><td>{{DUTY}}</td><td>{{DISCLOSE}}</td></tr>{{/STEP}}
</tbody>
</table>{{/STEPS}}{{/CHART}}{{#NO_CHART}}
<p>本事项暂无流程图。</p>{{/NO_CHART}}
</section>
</main>
<footer role="contentinfo">
<p><a href="index.html">返回目录</a>　{{FOOTER}}</p>
</footer>
</body>
</html>
