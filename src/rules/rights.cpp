// rights/statement-defense, rights/hearing, rights/remedy, rights/supervision-missing,
// rights/complaint-missing. rights/reasons needs the procedure graph (flow stage).
#include <fmt/format.h>

#include <algorithm>

#include "powerlist/rules.hpp"

namespace powerlist {

std::vector<std::string> declared_rights(const PowerItem& item) {
  std::vector<std::string> out;
  for (const auto& r : item.rights) out.push_back(r.value);
  if (item.procedure)
    for (const auto& s : item.procedure->steps)
      for (const auto& r : s.rights_at) out.push_back(r.value);
  return out;
}

static bool has(const std::vector<std::string>& v, const char* x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

static Span item_anchor(const PowerItem& item) {
  if (!item.rights.empty()) return item.rights.front().span;
  if (item.category.span.valid()) return item.category.span;
  return item.span;
}

// 行政处罚法第六十三条: kinds for which a hearing must be offered. 较大数额 is set locally,
// so a 罚款 counts only when its max reaches the configured threshold.
static std::string hearing_kind(const PowerItem& item, long long large_fine) {
  static const char* heavy[] = {"没收违法所得", "没收非法财物", "降低资质等级", "吊销许可证件",
                                "吊销营业执照", "责令停产停业", "责令关闭",     "限制从业"};
  for (const auto& p : item.penalties) {
    if (p.kind.value == "罚款" && p.max && *p.max >= large_fine) return "较大数额罚款";
    for (const char* h : heavy)
      if (p.kind.value == h) return h;
  }
  return "";
}

void check_rights(RuleContext& ctx) {
  const long long large_fine = ctx.catalog.project.large_fine;
  for (const auto& d : ctx.catalog.departments) {
    if (!d.loaded) continue;
    const Span dspan = d.span.valid() ? d.span : Span{d.file, 1, 1, 1, 2};
    const bool supervise =
        d.contacts && (!d.contacts->supervise.empty() || d.contacts->supervision);
    if (!supervise)
      ctx.sink.add(rule::rights_supervision_missing, d.contacts ? d.contacts->span : dspan, "",
                   {"部门没有监督电话（contacts.supervise）或监督制约渠道（contacts.supervision）",
                    "department has neither contacts.supervise nor contacts.supervision"});
    if (!d.contacts || !d.contacts->complaint)
      ctx.sink.add(rule::rights_complaint_missing, d.contacts ? d.contacts->span : dspan, "",
                   {"部门没有投诉举报途径（contacts.complaint）",
                    "department has no complaint channel (contacts.complaint)"});

    for (const auto& item : d.powers) {
      if (!item.active() || !item.category.span.valid()) continue;
      const std::string id = item_id(d, item);
      const auto rights = declared_rights(item);
      const Category c = item.category.value;
      if (c == Category::Penalty) {
        std::vector<std::string> missing;
        for (const char* r : {"陈述", "申辩"})
          if (!has(rights, r)) missing.emplace_back(r);
        if (!missing.empty()) {
          std::string m = missing.size() == 2 ? "陈述、申辩" : missing.front();
          ctx.sink.add(
              rule::rights_statement_defense, item_anchor(item), id,
              {fmt::format("行政处罚事项未列相对人{}权（行政处罚法第七条、第四十四条、第四十五条）",
                           m),
               fmt::format("行政处罚 without the right of {} (行政处罚法 arts. 7, 44, 45)", m)});
        }
        const std::string kind = hearing_kind(item, large_fine);
        if (!kind.empty() && !has(rights, "听证"))
          ctx.sink.add(
              rule::rights_hearing, item_anchor(item), id,
              {fmt::format("处罚种类含“{}”，应告知听证权（行政处罚法第六十三条）", kind),
               fmt::format(
                   "penalty kind '{}' requires offering a hearing (听证, 行政处罚法 art. 63)",
                   kind)});
      }
      const bool needs_remedy = c == Category::Licensing || c == Category::Penalty ||
                                c == Category::Coercion || c == Category::Levy ||
                                c == Category::Confirmation || c == Category::Adjudication;
      if (needs_remedy) {
        std::vector<std::string> missing;
        for (const char* r : {"复议", "诉讼"})
          if (!has(rights, r)) missing.emplace_back(r);
        if (!missing.empty()) {
          std::string m = missing.size() == 2 ? "复议和诉讼" : missing.front();
          ctx.sink.add(rule::rights_remedy, item_anchor(item), id,
                       {fmt::format("{}事项未列救济途径：{}（依法申请行政复议或者提起行政诉讼）",
                                    category_info(c).name, m),
                        fmt::format("{} item without the remedy of {}", category_info(c).en,
                                    missing.size() == 2 ? "复议 and 诉讼" : missing.front())});
        }
      }
    }
  }
}

}  // namespace powerlist
