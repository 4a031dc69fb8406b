// Why each rule matters, as the audit report states it next to the findings (rule_list.def).

#include "powerlist/audit.hpp"

namespace powerlist {

std::string audit_reasoning(const std::string& rule) {
  const RuleInfo* info = find_rule(rule);
  return info ? std::string(info->reason_zh) : std::string();
}

const char* severity_zh(const std::string& severity) {
  return severity == "error" ? "错误" : severity == "warning" ? "警告" : "提示";
}

}  // namespace powerlist
