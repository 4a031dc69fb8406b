// catalog/duplicate-name (lock-based catalog rules belong to the codes stage)
#include <fmt/format.h>

#include <map>

#include "powerlist/rules.hpp"

namespace powerlist {

void check_catalog(RuleContext& ctx) {
  for (const auto& d : ctx.catalog.departments) {
    std::map<std::pair<std::string, int>, const PowerItem*> seen;
    for (const auto& item : d.powers) {
      if (!item.active() || item.name.value.empty() || !item.category.span.valid()) continue;
      auto k = std::make_pair(item.name.value, static_cast<int>(item.category.value));
      auto [it, fresh] = seen.emplace(k, &item);
      if (fresh) continue;
      auto& diag =
          ctx.sink.add("catalog/duplicate-name", item.name.span, d.id.value + "/" + item.key.value,
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
