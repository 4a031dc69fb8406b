// catalog/duplicate-name, catalog/overlap, catalog/revision-overdue (lock-based catalog rules:
// src/rules/codes.cpp)
#include <fmt/format.h>

#include <map>
#include <set>

#include "powerlist/calendar.hpp"
#include "powerlist/law.hpp"
#include "powerlist/rules.hpp"

namespace powerlist {

namespace {

// The general procedure laws are cited by every department for how a power is exercised,
// not for which department holds it; an overlap there says nothing about 多头执法.
bool is_procedure_law(const std::string& normalized) {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    for (const char* n : {"行政许可法", "行政处罚法", "行政强制法", "行政复议法", "行政诉讼法",
                          "政府信息公开条例", "国家赔偿法"})
      out.insert(LawRegistry::normalize(n));
    return out;
  }();
  return names.count(normalized) > 0;
}

// catalog/overlap: (law, article, category, level) → the first department claiming it. One finding
// per (article, pair of departments), at the later department's citation.
void check_overlap(RuleContext& ctx) {
  struct Claim {
    const Department* d;
    const PowerItem* it;
  };
  std::map<std::string, Claim> first;
  std::set<std::string> reported;
  for (const auto& d : ctx.catalog.departments)
    for (const auto& item : d.powers) {
      if (!item.active() || !item.category.span.valid()) continue;
      for (const auto& c : item.basis) {
        const Instrument* ins = ctx.laws ? ctx.laws->find(c.law.value) : nullptr;
        const std::string law = ins ? ins->name : LawRegistry::normalize(c.law.value);
        if (law.empty() || is_procedure_law(LawRegistry::normalize(law))) continue;
        for (const auto& a : c.articles) {
          const std::string article = a.value.str();
          // Items that name their 实施层级 and differ in it exercise one power at different
          // levels (分级行使: a 自治区 and a 县 bureau each for their own territory), not two
          // departments holding the same power.
          const std::string key = fmt::format(
              "{}|{}|{}|{}", law, article, static_cast<int>(item.category.value), item.level.value);
          auto [it, fresh] = first.emplace(key, Claim{&d, &item});
          if (fresh || it->second.d == &d) continue;
          if (!reported.insert(key + "|" + it->second.d->id.value + "|" + d.id.value).second)
            continue;
          const Claim& o = it->second;
          auto& diag = ctx.sink.add(
              rule::catalog_overlap, a.span, item_id(d, item),
              {fmt::format("《{}》{}的{}已由{}的“{}"
                           "”行使；同一法条同一类别由两个部门行使（多头执法、职能交叉），"
                           "请与该部门核实职责划分",
                           law, article, category_info(item.category.value).name, o.d->name.value,
                           o.it->name.value),
               fmt::format("{} {} ({}) is also claimed by {} ('{}'): two departments exercising "
                           "the same power; settle which one holds it",
                           law, article, category_info(item.category.value).en, o.d->id.value,
                           o.it->name.value)});
          diag.notes.push_back({fmt::format("另一事项：{}/{}（{}）", o.d->id.value, o.it->key.value,
                                            o.it->name.value),
                                fmt::format("the other item: {}/{} ({})", o.d->id.value,
                                            o.it->key.value, o.it->name.value)});
        }
      }
    }
}

}  // namespace

// catalog/revision-overdue: the catalog must be revised within 20 working days after a
// cited law's new version takes effect; an item not revised since is overdue.
void check_revisions(RuleContext& ctx) {
  if (!ctx.laws) return;
  const Date as_of = ctx.as_of();
  const auto& p = ctx.catalog.project;
  const std::optional<Date> catalog_date =
      p.last_revision ? p.last_revision
                      : (p.effective ? std::optional<Date>(p.effective->value) : std::nullopt);
  for (const auto& d : ctx.catalog.departments)
    for (const auto& item : d.powers) {
      if (!item.active()) continue;
      const std::optional<Date> revised =
          item.revised ? std::optional<Date>(item.revised->value) : catalog_date;
      if (!revised) continue;
      for (const auto& c : item.basis) {
        const Instrument* ins = ctx.laws->find(c.law.value);
        if (!ins) continue;
        const LawVersion* now = ins->version_on(as_of);
        if (!now || !(*revised < now->in_force()) || now == &ins->versions.front()) continue;
        const RevisionDue due =
            ctx.calendar ? revision_due(*ctx.calendar, now->in_force())
                         : RevisionDue{Date::from_days(now->in_force().days() + 28), true};
        if (!(due.date < as_of)) continue;
        auto& f = ctx.sink.add(
            rule::catalog_revision_overdue, item.revised ? item.revised->span : c.law.span,
            item_id(d, item),
            {fmt::format("《{}》{} {}版本于 {} 施行，本事项应在 {} 前修订，但最近一次修订是 {}",
                         ins->name, now->date.str(), now->kind, now->in_force().str(),
                         due.date.str(), revised->str()),
             fmt::format(
                 "《{}》's {} version took effect on {}; the item was due for revision by {} "
                 "but was last revised on {}",
                 ins->name, now->date.str(), now->in_force().str(), due.date.str(),
                 revised->str())});
        if (due.estimated)
          f.notes.push_back(
              {"未收录该年的节假日安排，期限按 28 日估算；可在 powerlist.yaml 的 holidays: "
               "中加入该年的节假日安排（docs/holidays.md）",
               "no holiday calendar for that year: 28 days assumed; add the year "
               "with holidays: in powerlist.yaml (docs/holidays.md)"});
        break;  // one finding per item: one revision covers every law that changed
      }
    }
}

void check_catalog(RuleContext& ctx) {
  check_overlap(ctx);
  check_revisions(ctx);
  for (const auto& d : ctx.catalog.departments) {
    std::map<std::pair<std::string, int>, const PowerItem*> seen;
    for (const auto& item : d.powers) {
      if (!item.active() || item.name.value.empty() || !item.category.span.valid()) continue;
      auto k = std::make_pair(item.name.value, static_cast<int>(item.category.value));
      auto [it, fresh] = seen.emplace(k, &item);
      if (fresh) continue;
      auto& diag = ctx.sink.add(rule::catalog_duplicate_name, item.name.span, item_id(d, item),
                                {fmt::format("本部门已有同名同类别事项“{}”（{}）", item.name.value,
                                             it->second->key.value),
                                 fmt::format("another active {} item is named '{}' ({})",
                                             category_info(item.category.value).en, item.name.value,
                                             it->second->key.value)});
      diag.notes.push_back(
          {fmt::format("同名事项在第 {} 行", it->second->name.span.line),
           fmt::format("the other item is on line {}", it->second->name.span.line)});
    }
  }
}

}  // namespace powerlist
