// The rule table of RULES.md, made from rule_list.def: id, default severity, summaries, the
// profile flag, whether it can carry a fix, its family and its audit reasoning.
#include <algorithm>

#include "powerlist/diag.hpp"

namespace powerlist {

const std::vector<RuleInfo>& all_rules() {
  using S = Severity;
  using P = ListProfile;
  static const std::vector<RuleInfo> rules = {
#define POWERLIST_RULE(constant, id, sev, zh, en, implemented, profile, fixable, family, reason) \
  {id, S::sev, zh, en, implemented, P::profile, fixable, family, reason},
#include "powerlist/rule_list.def"
#undef POWERLIST_RULE
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
