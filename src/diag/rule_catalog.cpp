// The rule table of RULES.md: id, default severity, one-line summary in both languages.
// `implemented` says whether this build checks the rule (docs/rules.md lists the same).
#include <algorithm>

#include "powerlist/diag.hpp"

namespace powerlist {

const std::vector<RuleInfo>& all_rules() {
  using S = Severity;
  static const std::vector<RuleInfo> rules = {
      {"schema/syntax", S::Error, "YAML 语法错误、无效 UTF-8 或非 UTF-8 编码",
       "YAML syntax error, invalid UTF-8 or non-UTF-8 encoding", true},
      {"schema/unknown-key", S::Error, "格式中没有的键", "key not in the format", true},
      {"schema/duplicate-key", S::Error, "同一映射中键重复（含中英文别名）",
       "a key twice in one mapping (incl. English + Chinese alias)", true},
      {"schema/type", S::Error, "节点类型错误或值无法解析", "wrong node type or unparsable value",
       true},
      {"schema/required", S::Error, "缺少必填键", "a required key is missing", true},
      {"schema/enum", S::Error, "取值不在允许范围内", "value not among the allowed spellings",
       true},
      {"schema/legacy-category", S::Note, "旧版权力类别已映射为现行类别",
       "legacy category mapped to the current one", true},
      {"schema/duplicate-item", S::Error, "同一部门中事项标识重复",
       "two items with the same key in a department", true},
      {"schema/too-large", S::Error, "文件超过大小、节点、别名或嵌套深度限制",
       "file over the size, node, alias or depth limits", true},
      {"basis/missing", S::Error, "事项缺少设定依据", "no basis on an item that needs one", true},
      {"basis/unknown-law", S::Warning, "引用的法律法规不在法规库中",
       "the cited law is not in any registry", true},
      {"basis/article-range", S::Error, "条文序号超出该法条文总数",
       "article number beyond the law's article count", true},
      {"basis/repealed", S::Error, "引用的法律法规已废止", "the law was repealed", true},
      {"basis/not-yet-effective", S::Error, "引用的法律法规或版本尚未施行",
       "the cited law or version is not yet in force", true},
      {"basis/superseded-version", S::Warning, "引用的版本已被新版本取代",
       "cited version replaced before the effective date", true},
      {"basis/competence", S::Error, "依据的效力层级无权设定该类权力",
       "no cited instrument may create this kind of power", true},
      {"basis/normative-only", S::Error, "依据全部为规范性文件",
       "every citation is a normative document", true},
      {"basis/fee-level", S::Error, "收费依据层级不足", "a fee's basis is below the required level",
       true},
      {"basis/text-mismatch", S::Warning, "引文不是所引版本或现行版本该条的条文",
       "the quoted text is not the text of the cited article", true},
      {"basis/clause-range", S::Error, "所引款、项超出该条实有的款项",
       "a 款 or 项 beyond what the article has", true},
      {"basis/category-mismatch", S::Note, "所引条款中没有该类权力的用语",
       "no cited article uses the words of the item's category", true},
      {"limits/statutory-missing", S::Error, "缺少法定时限", "no statutory limit", true},
      {"limits/promised-missing", S::Error, "缺少承诺时限", "no promised limit", true},
      {"limits/promised-exceeds-statutory", S::Error, "承诺时限超过法定时限",
       "promised limit exceeds the statutory one", true},
      {"limits/promised-ratio", S::Warning, "承诺时限未比法定时限缩短三分之一以上",
       "promised limit above statutory × ratio", true},
      {"limits/unit-mismatch", S::Error, "承诺时限与法定时限单位不同，无法比较",
       "promised and statutory limits use different units", true},
      {"limits/path-exceeds-promised", S::Error, "流程最长路径时限超过承诺时限",
       "longest procedure path exceeds the promised limit", true},
      {"limits/statutory-mismatch", S::Warning, "法定时限与法律规定不一致",
       "declared statutory limit differs from the known one", true},
      {"limits/step-missing", S::Warning, "依申请流程的环节缺少办理时限",
       "a counted step has no limit", true},
      {"flow/missing", S::Warning, "事项没有运行流程", "item has no procedure", true},
      {"flow/unknown-template", S::Error, "流程模板不存在",
       "template names no file in templates/procedures", true},
      {"flow/unknown-step", S::Error, "引用了不存在的环节",
       "a reference names a step that does not exist", true},
      {"flow/start", S::Error, "开始环节不是恰好一个", "not exactly one start step", true},
      {"flow/no-end", S::Error, "没有结束环节", "no end step", true},
      {"flow/unreachable", S::Error, "环节无法从开始到达", "a step not reachable from start", true},
      {"flow/dead-end", S::Error, "环节无法到达结束", "a step from which no end is reachable",
       true},
      {"flow/cycle", S::Error, "流程中存在未标记 loop 的回路",
       "a cycle with no edge marked loop: true", true},
      {"flow/decision-label", S::Warning, "判断环节的出口缺少条件标签",
       "a decision exit without a when label", true},
      {"flow/actor-missing", S::Error, "环节缺少承办岗位", "a step without actor", true},
      {"flow/actor-unit", S::Error, "承办岗位不是本部门内设机构",
       "an actor unit not in department.units", true},
      {"rights/statement-defense", S::Error, "行政处罚未告知陈述、申辩权",
       "行政处罚 without 陈述 and 申辩", true},
      {"rights/hearing", S::Error, "应当告知听证权的行政处罚未列听证",
       "行政处罚 of a 第六十三条 kind without 听证", true},
      {"rights/remedy", S::Error, "未列行政复议和行政诉讼救济途径", "no 复议 and 诉讼 remedy",
       true},
      {"rights/reasons", S::Warning, "行政许可有不予许可路径但未说明理由",
       "行政许可 denial path without 说明理由", true},
      {"rights/supervision-missing", S::Error, "部门没有监督电话或监督制约渠道",
       "department has no supervision channel", true},
      {"rights/complaint-missing", S::Error, "部门没有投诉举报途径",
       "department has no complaint channel", true},
      {"disclosure/secret-reason", S::Error, "不公开事项未说明理由",
       "public: false without secrecy.reason", true},
      {"disclosure/incomplete", S::Warning, "公开信息缺少公开形式、范围或时间",
       "disclosure lacks forms, scope or timing", true},
      {"disclosure/secret-basis", S::Warning, "不公开事项没有保密依据",
       "a non-public item without secrecy.basis", true},
      {"risk/measures-missing", S::Error, "廉政风险点没有防控措施", "a risk point without measures",
       true},
      {"risk/a-level-disclosure", S::Warning, "A 级风险事项公开载体少于两种",
       "an item with an A-level risk point published through fewer than two forms", true},
      {"risk/none", S::Note, "许可、处罚、强制、征收事项没有廉政风险点",
       "a 许可/处罚/强制/征收 item with no risk point", true},
      {"catalog/revision-overdue", S::Warning, "所引法律新版本施行 20 个工作日后事项仍未修订",
       "the item was not revised within 20 working days of a cited law's new version", true},
      {"unit/entrusted-by", S::Error, "受委托组织的事项未写明委托机关，或委托机关不是本目录部门",
       "an entrusted organisation's item without its entrusting organ", true},
      {"discretion/out-of-range", S::Warning, "裁量基准的罚款幅度超出所引条款规定",
       "a discretion row's fine outside the cited article's range", true},
      {"disclosure/missing", S::Warning, "公开事项缺少公开形式、范围、时间",
       "public item without disclosure", true},
      {"unit/handled-by", S::Error, "承办机构不是本部门内设机构",
       "handled_by not in department.units", true},
      {"unit/credit-code", S::Error, "统一社会信用代码校验失败",
       "credit code fails the GB 32100 check", true},
      {"unit/credit-region", S::Warning, "统一社会信用代码的区划码不在本行政区内",
       "credit code region outside the catalog region", true},
      {"code/lock-conflict", S::Error, "编码锁文件格式错误、重复或重用已取消编码",
       "lock malformed, duplicated or reusing a retired code", true},
      {"code/unassigned", S::Warning, "事项尚未分配编码", "an active item has no code in the lock",
       true},
      {"catalog/removed-silently", S::Error, "事项被删除但没有取消记录",
       "item vanished without a retired record", true},
      {"catalog/duplicate-name", S::Warning, "同一部门中同名同类别事项重复",
       "two active items with the same name and category", true},
      {"catalog/overlap", S::Warning, "同一法条同一类别由两个部门行使（多头执法）",
       "same article and category claimed by two departments", true},
      {"catalog/baseline-missing", S::Warning, "基本目录中的事项没有实施",
       "a baseline item with no implementing item", true},
      {"catalog/baseline-extra", S::Note, "事项未关联基本目录",
       "an item not linked to any baseline item", true},
  };
  return rules;
}

const RuleInfo* find_rule(std::string_view id) {
  const auto& rules = all_rules();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
    case Severity::Off:
      return "off";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "error" || s == "错误") return Severity::Error;
  if (s == "warning" || s == "警告") return Severity::Warning;
  if (s == "note" || s == "提示") return Severity::Note;
  if (s == "off" || s == "关闭") return Severity::Off;
  return std::nullopt;
}

}  // namespace powerlist
