// The audit letter's small helpers: why each rule matters (rule_list.def), rule titles and
// percentages that add up to 100.

#include <fmt/format.h>

#include <algorithm>

#include "powerlist/audit.hpp"

namespace powerlist {

std::string audit_reasoning(const std::string& rule) {
  const RuleInfo* info = find_rule(rule);
  return info ? std::string(info->reason_zh) : std::string();
}

const char* severity_zh(const std::string& severity) {
  return severity == "error" ? "错误" : severity == "warning" ? "警告" : "提示";
}

std::string rule_title(const std::string& rule) {
  const RuleInfo* info = find_rule(rule);
  return info ? std::string(info->summary_zh) : rule;
}

std::vector<int> percentages(const std::vector<int>& counts) {
  long total = 0;
  for (int c : counts) total += c;
  std::vector<int> pct(counts.size(), 0);
  if (total <= 0) return pct;
  std::vector<std::pair<long, size_t>> remainders;  // (remainder, index), largest first
  int given = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    pct[i] = static_cast<int>(counts[i] * 100L / total);
    given += pct[i];
    remainders.push_back({counts[i] * 100L % total, i});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; given < 100 && k < remainders.size(); ++k, ++given)
    ++pct[remainders[k].second];
  return pct;
}

}  // namespace powerlist
