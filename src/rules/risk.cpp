// risk/* — 廉政风险防控: every risk point has its measures; an item with an A-level point is
// published through at least two 公开载体; the powers that most need risk control have points.
#include <fmt/format.h>

#include "powerlist/rules.hpp"

namespace powerlist {

void check_risks(RuleContext& ctx) {
  for (const auto& d : ctx.catalog.departments)
    for (const auto& item : d.powers) {
      if (!item.active() || !item.category.span.valid()) continue;
      const std::string id = item_id(d, item);
      bool a_level = false;
      for (const auto& r : item.risks) {
        a_level = a_level || r.level.value == "A";
        if (r.measures.empty())
          ctx.sink.add(
              rule::risk_measures_missing, r.span, id,
              {fmt::format("廉政风险点“{}”（{}级，环节“{}”）没有防控措施（measures）",
                           r.point.empty() ? "（未写）" : r.point, r.level.value, r.step.value),
               fmt::format("risk point '{}' (level {}, step '{}') has no measures", r.point,
                           r.level.value, r.step.value)});
      }
      if (a_level && item.listed_publicly()) {
        const size_t forms = item.disclosure ? item.disclosure->forms.size() : 0;
        if (forms < 2)
          ctx.sink.add(
              rule::risk_a_level_disclosure,
              item.disclosure ? item.disclosure->span : item.key.span, id,
              {fmt::format(
                   "事项有 A 级廉政风险点，只通过 {} 种公开载体公开；A 级风险事项应至少通过两种"
                   "载体（政府网站、政务公开栏、办事指南、服务卡……）公开",
                   forms),
               fmt::format("the item has an A-level risk point but {} 公开载体; publish it "
                           "through at least two",
                           forms)});
      }
      const Category c = item.category.value;
      if (item.risks.empty() && (c == Category::Licensing || c == Category::Penalty ||
                                 c == Category::Coercion || c == Category::Levy))
        ctx.sink.add(
            rule::risk_none, item.key.span.valid() ? item.key.span : item.span, id,
            {fmt::format(
                 "{}事项没有标注廉政风险点（risks）：许可、处罚、强制、征收事项应排查风险点",
                 category_info(c).name),
             fmt::format("no risk point on this {} item", category_info(c).en)});
    }
}

}  // namespace powerlist
