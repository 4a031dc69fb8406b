// basis/* — legal basis (设定依据): registry lookup, in-force checks, article ranges,
// 设定权 and fee bases.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "powerlist/law.hpp"
#include "powerlist/rules.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

struct ItemCtx {
  RuleContext& ctx;
  const std::string& id;
};

// The checks every citation gets, wherever it appears. Returns the instrument or nullptr.
const Instrument* check_citation(ItemCtx& ic, const Citation& c) {
  if (c.law.value.empty()) return nullptr;
  const Instrument* ins = ic.ctx.laws->find(c.law.value);
  DiagSink& sink = ic.ctx.sink;
  if (!ins) {
    sink.add("basis/unknown-law", c.law.span, ic.id,
             {fmt::format("法规库中没有“{}”；地方性法规、规章请通过 powerlist.yaml 的 laws 补充",
                          c.law.value),
              fmt::format("'{}' is in no law registry; add local instruments through `laws:`",
                          c.law.value)});
    return nullptr;
  }
  const Date d = ic.ctx.as_of();
  if (ins->repealed) {
    if (ins->repealed_date && *ins->repealed_date <= d) {
      std::string by =
          ins->repealed_by.empty() ? "" : fmt::format("，由《{}》取代", ins->repealed_by);
      std::string by_en =
          ins->repealed_by.empty() ? "" : fmt::format(", replaced by 《{}》", ins->repealed_by);
      sink.add("basis/repealed", c.law.span, ic.id,
               {fmt::format("《{}》已于 {} 废止{}", ins->name, ins->repealed_date->str(), by),
                fmt::format("《{}》 was repealed on {}{}", ins->name, ins->repealed_date->str(),
                            by_en)});
      return ins;
    }
    if (!ins->repealed_date && kRegistrySnapshot <= d) {
      sink.add("basis/repealed", c.law.span, ic.id,
               {fmt::format("《{}》已失效（{} 前废止，具体日期不详）", ins->name,
                            kRegistrySnapshot.str()),
                fmt::format("《{}》 is no longer in force (repealed before {}, date unknown)",
                            ins->name, kRegistrySnapshot.str())});
      return ins;
    }
  }
  const LawVersion* v = nullptr;
  if (c.version) {
    v = ins->version_dated(c.version->value);
    if (!v) {
      sink.add("basis/unknown-law", c.version->span, ic.id,
               {fmt::format("法规库中没有《{}》{} 版本", ins->name, c.version->value.str()),
                fmt::format("no {} version of 《{}》 in the registry", c.version->value.str(),
                            ins->name)});
    } else if (d < v->in_force()) {
      sink.add("basis/not-yet-effective", c.version->span, ic.id,
               {fmt::format("《{}》{} 版本自 {} 起施行，晚于目录施行日期 {}", ins->name,
                            v->date.str(), v->in_force().str(), d.str()),
                fmt::format("the {} version of 《{}》 takes effect on {}, after {}", v->date.str(),
                            ins->name, v->in_force().str(), d.str())});
    } else if (const LawVersion* now = ins->version_on(d);
               now && now != v && v->in_force() < now->in_force()) {
      sink.add("basis/superseded-version", c.version->span, ic.id,
               {fmt::format("引用的《{}》{} 版本已被 {} 版本取代（{} 起施行）", ins->name,
                            v->date.str(), now->date.str(), now->in_force().str()),
                fmt::format(
                    "the cited {} version of 《{}》 was replaced by the {} version (in force {})",
                    v->date.str(), ins->name, now->date.str(), now->in_force().str())});
    }
  } else if (!ins->versions.empty()) {
    v = ins->version_on(d);
    if (!v)
      sink.add("basis/not-yet-effective", c.law.span, ic.id,
               {fmt::format("《{}》自 {} 起施行，晚于目录施行日期 {}", ins->name,
                            ins->versions.front().in_force().str(), d.str()),
                fmt::format("《{}》 takes effect on {}, after {}", ins->name,
                            ins->versions.front().in_force().str(), d.str())});
  }
  if (auto count = ins->article_count(v)) {
    for (const auto& a : c.articles)
      if (a.value.article > *count)
        ic.ctx.sink.add("basis/article-range", a.span, ic.id,
                        {fmt::format("《{}》（{} 版本）只有 {} 条，没有{}", ins->name,
                                     v->date.str(), *count, a.value.str()),
                         fmt::format("《{}》 ({} version) has {} articles; there is no article {}",
                                     ins->name, v->date.str(), *count, a.value.article)});
  }
  return ins;
}

void check_fees(ItemCtx& ic, const PowerItem& item) {
  for (const auto& fee : item.fees) {
    if (!fee.basis) {
      ic.ctx.sink.add("basis/fee-level", fee.span, ic.id,
                      {fmt::format("收费“{}”没有依据", fee.name.value),
                       fmt::format("fee '{}' has no basis", fee.name.value)});
      continue;
    }
    const Instrument* ins = check_citation(ic, *fee.basis);
    if (!ins) continue;
    const LawLevel l = ins->level;
    const bool licence = item.category.value == Category::Licensing;
    const bool ok = licence ? (l == LawLevel::Law || l == LawLevel::AdminRegulation)
                            : (l == LawLevel::Law || l == LawLevel::AdminRegulation ||
                               l == LawLevel::LocalRegulation || l == LawLevel::Autonomous);
    if (ok) continue;
    if (licence)
      ic.ctx.sink.add(
          "basis/fee-level", fee.basis->law.span, ic.id,
          {fmt::format("行政许可收费须有法律、行政法规依据（行政许可法第五十八条），《{}》是{}",
                       ins->name, law_level_name(l)),
           fmt::format(
               "a licence fee needs a 法律 or 行政法规 basis (行政许可法 art. 58); 《{}》 is a {}",
               ins->name, law_level_name(l))});
    else
      ic.ctx.sink.add(
          "basis/fee-level", fee.basis->law.span, ic.id,
          {fmt::format("收费依据须为法律、行政法规或地方性法规，《{}》是{}", ins->name,
                       law_level_name(l)),
           fmt::format("a fee needs a 法律, 行政法规 or 地方性法规 basis; 《{}》 is a {}",
                       ins->name, law_level_name(l))});
  }
}

}  // namespace

void check_basis(RuleContext& ctx) {
  if (!ctx.laws) return;
  for (const auto& d : ctx.catalog.departments) {
    // A 主项 listed through its 子项 rests on their bases.
    std::set<std::string> parents;
    for (const auto& item : d.powers)
      if (item.active() && !item.parent.value.empty()) parents.insert(item.parent.value);
    for (const auto& item : d.powers) {
      if (!item.active() || !item.category.span.valid()) continue;
      const std::string id = item_id(d, item);
      ItemCtx ic{ctx, id};
      if (item.basis.empty()) {
        if (item.category.value != Category::Internal && !parents.count(item.key.value)) {
          if (item.basis_text.empty()) {
            ctx.sink.add("basis/missing", item.key.span.valid() ? item.key.span : item.span, id,
                         {"事项没有设定依据（basis）：没有法定依据的权力不得列入目录、不得行使",
                          "the item has no legal basis (basis)"});
          } else {
            std::string text = trim(item.basis_text);
            if (utf8_length(text) > 60) text = utf8_prefix(text, 60) + "…";
            ctx.sink.add("basis/missing", item.key.span.valid() ? item.key.span : item.span, id,
                         {fmt::format("实施依据“{}”不是法律法规引用（应写明《名称》和条款）："
                                      "没有法定依据的权力不得列入目录、不得行使",
                                      text),
                          fmt::format("the basis '{}' cites no instrument (write 《name》 and the "
                                      "article)",
                                      text)});
          }
        }
      }
      bool all_resolved = !item.basis.empty();
      std::optional<LawLevel> highest;
      bool all_normative = true;
      for (const auto& c : item.basis) {
        const Instrument* ins = check_citation(ic, c);
        if (!ins) {
          all_resolved = false;
          continue;
        }
        if (!highest || ins->level < *highest) highest = ins->level;
        if (ins->level != LawLevel::Normative) all_normative = false;
      }
      if (item.limits.statutory_basis) check_citation(ic, *item.limits.statutory_basis);
      check_fees(ic, item);
      if (!all_resolved || !highest) continue;  // an unknown instrument may be the one with power
      const Span at = item.basis.front().span;
      if (all_normative) {
        ctx.sink.add(
            "basis/normative-only", at, id,
            {"依据全部为规范性文件：其他规范性文件不得设定行政许可、行政处罚、行政强制等权力",
             "every citation is a normative document, which may not create powers"});
        continue;
      }
      Message problem = competence_problem(item, *highest);
      if (!problem.zh.empty())
        ctx.sink.add(
            "basis/competence", at, id,
            {fmt::format("设定权不足：最高层级依据为{}，{}", law_level_name(*highest), problem.zh),
             fmt::format("insufficient competence: the highest cited level is {}; {}",
                         law_level_name(*highest), problem.en)});
    }
  }
}

}  // namespace powerlist
