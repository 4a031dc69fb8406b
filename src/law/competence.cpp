// 设定权 matrix of LEGAL-FACTS.md: 行政许可法第十四至十七条, 行政处罚法第十至十六条,
// 行政强制法第十、十一、十三条.
#include <fmt/format.h>

#include <algorithm>

#include "powerlist/law.hpp"

namespace powerlist {

namespace {

bool is_rule(LawLevel l) {
  return l == LawLevel::DeptRule || l == LawLevel::ProvGovRule || l == LawLevel::CityGovRule;
}
bool is_local_reg(LawLevel l) {
  return l == LawLevel::LocalRegulation || l == LawLevel::Autonomous;
}

// May `level` set penalty `kind`? (行政处罚法第十至十四条)
bool penalty_allowed(LawLevel level, const std::string& kind) {
  if (level == LawLevel::Law) return true;
  if (level == LawLevel::AdminRegulation) return kind != "行政拘留";
  if (is_local_reg(level)) return kind != "行政拘留" && kind != "吊销营业执照";
  if (is_rule(level)) return kind == "警告" || kind == "通报批评" || kind == "罚款";
  return false;
}

// May `level` set coercive measure `m`? (行政强制法第十、十一条)
bool measure_allowed(LawLevel level, const std::string& m) {
  if (level == LawLevel::Law) return true;
  if (level == LawLevel::AdminRegulation) return m != "限制人身自由" && m != "冻结";
  if (is_local_reg(level)) return m == "查封" || m == "扣押";
  return false;
}

bool is_enforcement(const PowerItem& item) {
  // 行政强制执行 (强制法第十三条: 由法律设定); 措施 and 执行 share one category.
  const std::string& n = item.name.value;
  for (const char* w : {"强制执行", "代履行", "加处罚款", "加处滞纳金", "强制拆除"})
    if (n.find(w) != std::string::npos) return true;
  return false;
}

}  // namespace

Message competence_problem(const PowerItem& item, LawLevel level) {
  std::vector<std::string> penalties, measures;
  for (const auto& p : item.penalties) penalties.push_back(p.kind.value);
  for (const auto& m : item.measures) measures.push_back(m.value);
  return competence_problem(item, level, penalties, measures);
}

Message competence_problem(const PowerItem& item, LawLevel level,
                           const std::vector<std::string>& penalties,
                           const std::vector<std::string>& measures) {
  const char* lv = law_level_name(level);
  switch (item.category.value) {
    case Category::Licensing:
      // 第十四至十六条: 法律、行政法规、地方性法规; 省级政府规章 只可设定临时性许可（第十五条）.
      if (level == LawLevel::Law || level == LawLevel::AdminRegulation || is_local_reg(level) ||
          level == LawLevel::ProvGovRule)
        return {};
      return {fmt::format("{}无权设定行政许可（行政许可法第十四条至第十七条）", lv),
              fmt::format("a {} may not create a licence (行政许可法 arts. 14–17)", lv)};
    case Category::Penalty: {
      if (level == LawLevel::Normative)
        return {"规范性文件不得设定行政处罚（行政处罚法第十六条）",
                "a normative document may not create a penalty (行政处罚法 art. 16)"};
      for (const auto& p : penalties)
        if (!penalty_allowed(level, p))
          return {
              fmt::format("{}无权设定“{}”（行政处罚法第十条至第十四条）", lv, p),
              fmt::format("a {} may not create the penalty '{}' (行政处罚法 arts. 10–14)", lv, p)};
      return {};
    }
    case Category::Coercion: {
      if (is_enforcement(item)) {
        if (level == LawLevel::Law) return {};
        return {"行政强制执行由法律设定（行政强制法第十三条）",
                "行政强制执行 may only be created by a law (行政强制法 art. 13)"};
      }
      if (level == LawLevel::Normative || is_rule(level))
        return {fmt::format("{}不得设定行政强制措施（行政强制法第十条）", lv),
                fmt::format("a {} may not create a coercive measure (行政强制法 art. 10)", lv)};
      for (const auto& m : measures)
        if (!measure_allowed(level, m))
          return {fmt::format("{}无权设定“{}”（行政强制法第十条）", lv, m),
                  fmt::format("a {} may not create the measure '{}' (行政强制法 art. 10)", lv, m)};
      return {};
    }
    default:
      return {};
  }
}

}  // namespace powerlist
