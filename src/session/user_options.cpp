#include "powerlist/user_options.hpp"

#include "workbook/columns.hpp"

namespace powerlist {

Message parse_column_maps(const std::vector<std::string>& maps, std::map<std::string, Field>& out) {
  for (const auto& m : maps) {
    const size_t eq = m.rfind('=');
    const auto field = eq == std::string::npos ? std::nullopt : parse_field(m.substr(eq + 1));
    if (!field || eq == 0) {
      std::string keys;
      for (const auto& f : field_infos()) keys += std::string(keys.empty() ? "" : ", ") + f.key;
      return {"--map " + m + "：应为 列名=字段，字段可为：" + keys + "（或其中文列名）",
              "--map " + m + ": expected heading=field, field one of: " + keys};
    }
    out[header_key(m.substr(0, eq))] = *field;
  }
  return {};
}

Message apply_user_options(const UserOptions& u, SessionOptions& so) {
  for (const auto& r : u.rules) {
    const auto eq = r.find('=');
    const std::string id = r.substr(0, eq);
    const auto sev = eq == std::string::npos ? std::nullopt : parse_severity(r.substr(eq + 1));
    if (!find_rule(id) || !sev)
      return {"--rule " + r + "：应为 RULES.md 中的规则编号=off|warning|error",
              "--rule " + r + ": expected a rule id from RULES.md and off|warning|error"};
    so.rules.emplace_back(id, *sev);
  }
  if (!u.as_of.empty()) {
    so.as_of = parse_date(u.as_of);
    if (!so.as_of)
      return {"--as-of " + u.as_of + "：应为 YYYY-MM-DD",
              "--as-of " + u.as_of + ": expected YYYY-MM-DD"};
  }
  return parse_column_maps(u.maps, so.import.overrides);
}

Severity parse_fail_on(const std::string& s) {
  if (s == "warning") return Severity::Warning;
  if (s == "never") return static_cast<Severity>(99);  // above every severity: nothing fails
  return Severity::Error;
}

}  // namespace powerlist
