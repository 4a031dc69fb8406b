// Why each rule matters, as the audit report states it next to the findings.
#include <utility>

#include "powerlist/audit.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

std::string audit_reasoning(const std::string& rule) {
  // Exact ids first, then family prefixes; the first match wins.
  static const std::pair<const char*, const char*> table[] = {
      {"basis/missing",
       "职权法定：行政机关行使职权必须有法律、法规、规章依据，无依据的权力不得列入目录。"},
      {"basis/unknown-law",
       "所引法律文件不在法规库中，无法核对其效力层级、条款和有效性；请核实名称，或在 laws: "
       "中补充本地法规。"},
      {"basis/article-range",
       "所引条款超出该法律文件的条文数，依据无法核实，应按现行文本更正条款。"},
      {"basis/repealed", "已废止的法律文件不能作为行使职权的依据，应删除该依据或按替代法律更新。"},
      {"basis/not-yet-effective", "目录施行时尚未生效的法律文件不能作为依据。"},
      {"basis/superseded-version",
       "所引版本已被修正或修订，应按现行文本核对条款和内容；法律法规修改后，目录应在 20 个工作日内"
       "相应调整。"},
      {"basis/text-mismatch",
       "引用的条文应与所引版本或现行版本的原文一致；引文与条文不符，多因条号调整、引用旧版表述或"
       "引错法规，依据因此无法核实。"},
      {"basis/clause-range", "所引款、项在该条中不存在，依据无法核实，应按现行文本更正。"},
      {"basis/category-mismatch",
       "所引条款中没有该类权力的用语（如行政处罚的“罚款”“吊销”“没收”），请核对依据是否设定了这项"
       "权力；这是提示，不一定是错误。"},
      {"basis/competence",
       "设定权：《行政许可法》第十四条至第十七条、《行政处罚法》第十条至第十六条、《行政强制法》第"
       "十条、第十一条、第十三条规定了各层级法律文件可以设定的权力种类。"},
      {"basis/normative-only",
       "其他规范性文件不得设定行政许可、行政处罚、行政强制（《行政许可法》第十七条、《行政处罚法》"
       "第十六条、《行政强制法》第十条第四款）。"},
      {"basis/fee-level",
       "《行政许可法》第五十八条：实施行政许可和对行政许可事项进行监督检查不得收取费用，法律、行政"
       "法规另有规定的除外；其他收费须有法律、法规依据。"},
      {"limits/promised-ratio",
       "承诺时限应比法定时限缩短三分之一以上（本目录 settings.promised_ratio）。"},
      {"limits/promised-exceeds-statutory", "承诺时限不得超过法定时限。"},
      {"limits/promised-missing", "依申请事项应公开承诺时限。"},
      {"limits/statutory-missing",
       "依申请事项应公开法定时限（如《行政许可法》第四十二条：二十日）。"},
      {"limits/statutory-mismatch",
       "法定时限应与法律规定一致（《行政许可法》第四十二条、《行政处罚法》第六十条等）。"},
      {"limits/unit-mismatch",
       "工作日与自然日不能直接比较（《行政许可法》第八十二条、《行政处罚法》第八十五条、《行政强制"
       "法》第六十九条）。"},
      {"limits/", "流程各环节时限之和不得超过承诺时限，否则承诺无法兑现；计入时限的环节应有时限。"},
      {"flow/",
       "每项行政权力应制作运行流程图，明确各环节承办岗位、办理时限、监督制约措施，做到权力运行全程"
       "可查。"},
      {"rights/statement-defense",
       "《行政处罚法》第七条、第四十四条、第四十五条：当事人享有陈述权、申辩权。"},
      {"rights/hearing",
       "《行政处罚法》第六十三条：较大数额罚款、吊销许可证件、责令停产停业等处罚，应告知当事人有要"
       "求听证的权利。"},
      {"rights/remedy",
       "《行政复议法》《行政诉讼法》：对行政行为不服可以申请行政复议或者提起行政诉讼，目录和流程图"
       "应告知救济途径。"},
      {"rights/reasons", "《行政许可法》第三十八条第二款：作出不予行政许可决定的，应当说明理由。"},
      {"rights/", "流程图应公开监督电话和投诉举报途径，接受社会监督。"},
      {"disclosure/secret-basis", "凡无保密依据的，均要予以公开；不公开事项应写明保密依据。"},
      {"disclosure/",
       "《政府信息公开条例》：职权目录和流程图应主动公开；不予公开的应说明理由和依据（第十四条至第"
       "十六条），另行列目。"},
      {"unit/credit-code", "统一社会信用代码应符合 GB 32100-2015（含第 18 位校验码）。"},
      {"unit/credit-region",
       "统一社会信用代码第 3–8 位为登记管理机关行政区划码，应与本目录所属行政区一致。"},
      {"unit/entrusted-by",
       "受委托组织在委托范围内以委托机关名义实施行政权力，目录应写明委托机关，由委托机关承担法律责"
       "任。"},
      {"unit/", "承办机构应为三定方案确定的内设机构，与科室职责相对应。"},
      {"code/", "事项编码应统一、稳定（GB/T 39046-2020）；编码一经分配不得重复使用。"},
      {"catalog/removed-silently",
       "不得擅自放弃、隐瞒所行使的行政权力；取消的事项应有取消记录（日期、理由、依据）并向社会公布"
       "。"},
      {"catalog/overlap",
       "同一法条、同一类别由两个部门行使，可能存在多头执法或职能交叉，应由机构编制部门明确职责分工"
       "。"},
      {"catalog/duplicate-name",
       "同一部门同名同类事项重复，应合并，或拆分为主项、子项并分别命名。"},
      {"catalog/baseline",
       "本级目录应与上级基本目录相衔接，做到同一事项名称、编码、依据、类型相统一。"},
      {"catalog/revision-overdue",
       "法律法规立改废后，应在 20 个工作日内对行政职权目录作相应调整；逾期未调整的事项可能"
       "仍按已失效的规定行使。"},
      {"risk/measures-missing", "每个廉政风险点都应有相应的防控措施，否则风险排查流于形式。"},
      {"risk/a-level-disclosure",
       "A 级（高等级）廉政风险事项应加大公开力度，至少通过两种载体公开，接受社会监督。"},
      {"risk/none",
       "行政许可、处罚、强制、征收等权力应逐项排查廉政风险点，标明等级和防控措施；这是提示。"},
      {"risk/", "权力运行流程图应标明廉政风险点及防控措施。"},
      {"discretion/out-of-range",
       "行政处罚裁量基准只能在法定幅度内细化，不得超出法律、法规、规章规定的处罚种类和幅度。"},
      {"schema/", "职权目录应按统一格式编制；格式错误的条目无法审核，须先更正。"},
  };
  for (const auto& [id, text] : table)
    if (rule == id) return text;
  for (const auto& [id, text] : table)
    if (starts_with(rule, id)) return text;
  return "";
}

const char* severity_zh(const std::string& severity) {
  return severity == "error" ? "错误" : severity == "warning" ? "警告" : "提示";
}

}  // namespace powerlist
