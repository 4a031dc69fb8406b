// The 风险防控 overview's numbers: one pass over the items, then the step columns ordered as
// a procedure runs.
#include "powerlist/risk_overview.hpp"

#include <algorithm>
#include <set>

#include "powerlist/publish.hpp"

namespace powerlist {

int risk_level_index(const std::string& level) {
  return level == "A" ? 0 : level == "B" ? 1 : level == "C" ? 2 : -1;
}

int procedure_stage_rank(const std::string& stage) {
  // By the first known stage the name contains: 调查取证 ranks as 调查, 实施检查 as 检查.
  static const char* stages[] = {"申请", "受理", "立案", "调查", "检查", "审查", "审核",    "告知",
                                 "听证", "审批", "决定", "送达", "实施", "执行", "事后监管"};
  for (size_t i = 0; i < std::size(stages); ++i)
    if (stage == stages[i]) return static_cast<int>(i);
  for (size_t i = 0; i < std::size(stages); ++i)
    if (stage.find(stages[i]) != std::string::npos) return static_cast<int>(i);
  return static_cast<int>(std::size(stages));
}

RiskOverview public_risk_overview(const std::vector<PublicItem>& items) {
  std::vector<RiskSource> src;
  src.reserve(items.size());
  for (const auto& p : items)
    src.push_back({p.dept, p.item, p.flow, p.codes.implementation, p.stem});
  return build_risk_overview(src);
}

RiskOverview build_risk_overview(const std::vector<RiskSource>& items) {
  RiskOverview o;
  std::map<std::string, size_t> dept_row;
  std::set<std::string> steps;
  for (const RiskSource& src : items) {
    const PowerItem& it = *src.item;
    const std::string& dname = src.dept->name.value;
    auto [pos, fresh] = dept_row.emplace(dname, o.depts.size());
    if (fresh) o.depts.push_back(DeptRisks{dname, 0, 0, {}, {}, {}});
    DeptRisks& d = o.depts[pos->second];
    ++d.items;
    if (!it.risks.empty()) ++d.items_with_risks;
    for (const Risk& r : it.risks) {
      const int lv = risk_level_index(r.level.value);
      if (lv < 0) continue;  // schema/enum reported it
      RiskEntry e;
      e.dept = dname;
      e.item = it.name.value;
      e.code = src.code;
      e.stem = src.stem;
      e.category = it.category.span.valid() ? category_info(it.category.value).name : "";
      e.step = r.step.value.empty() ? "（未指明环节）" : r.step.value;
      const FlowStep* step = src.flow ? src.flow->find(r.step.value) : nullptr;
      e.post = step && !step->actor.empty() ? step->actor : it.handled_by.value;
      if (e.post.empty()) e.post = "（未指明岗位）";
      e.level = r.level.value;
      e.point = r.point;
      e.measures = r.measures;
      ++d.levels[lv];
      ++o.total[lv];
      ++d.by_step[e.step][lv];
      ++d.by_post[e.post][lv];
      steps.insert(e.step);
      o.entries.push_back(std::move(e));
    }
  }
  o.steps.assign(steps.begin(), steps.end());
  std::stable_sort(o.steps.begin(), o.steps.end(), [](const std::string& a, const std::string& b) {
    return procedure_stage_rank(a) < procedure_stage_rank(b);
  });
  for (const DeptRisks& d : o.depts) {
    std::vector<size_t> row;
    for (const auto& s : o.steps) {
      auto it = d.by_step.find(s);
      row.push_back(it == d.by_step.end() ? 0 : it->second[0]);
    }
    o.a_grid.push_back(std::move(row));
  }
  return o;
}

}  // namespace powerlist
