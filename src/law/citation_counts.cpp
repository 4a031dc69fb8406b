// summary.citations (law.hpp): one definition for `check` and `import`.
#include <map>
#include <set>

#include "powerlist/law.hpp"

namespace powerlist {

CitationCounts count_citations(const Catalog& catalog, const LawRegistry& laws) {
  CitationCounts out;
  std::map<int, size_t> by_level;  // LawLevel, or 99 for 不明
  for (const auto& d : catalog.departments)
    for (const auto& item : d.powers) {
      if (!item.active()) continue;
      std::set<std::string> named;  // one instrument once per item
      for (const auto& c : item.basis) {
        if (c.law.value.empty() || !named.insert(LawRegistry::normalize(c.law.value)).second)
          continue;
        ++out.total;
        const Instrument* ins = laws.find(c.law.value);
        out.in_registry += ins != nullptr;
        auto level = ins ? std::optional<LawLevel>(ins->level)
                         : infer_law_level(c.law.value, c.tag.value, c.note);
        ++by_level[level ? static_cast<int>(*level) : 99];
      }
    }
  for (const auto& [level, n] : by_level)
    out.by_level.emplace_back(level == 99 ? "不明" : law_level_name(static_cast<LawLevel>(level)),
                              n);
  return out;
}

}  // namespace powerlist
