#include <fmt/format.h>

#include <set>

#include "load_parts.hpp"

namespace powerlist {

static void load_contacts(Reader& r, Department& d, const YAML::Node& n, Span where) {
  const TableSpec* t = department_table()->find("contacts")->table();
  Fields f = r.fields(n, *t, where);
  if (!f.ok) return;
  Contacts c;
  c.span = f.span;
  if (auto v = r.str(f, "consult")) c.consult = v->value;
  if (auto v = r.str(f, "supervise")) c.supervise = v->value;
  if (f.has("complaint") && !f.get("complaint").IsNull()) {
    Fields cf = r.fields(f.get("complaint"), *t->find("complaint")->table(), f.span);
    if (cf.ok) {
      Complaint cp;
      cp.span = cf.span;
      if (auto v = r.str(cf, "phone")) cp.phone = v->value;
      if (auto v = r.str(cf, "web")) cp.web = v->value;
      if (auto v = r.str(cf, "address")) cp.address = v->value;
      if (!cp.phone.empty() || !cp.web.empty() || !cp.address.empty()) c.complaint = std::move(cp);
    }
  }
  if (f.has("supervision") && !f.get("supervision").IsNull()) {
    Fields sf = r.fields(f.get("supervision"), *t->find("supervision")->table(), f.span);
    if (sf.ok) {
      Supervision sv;
      sv.span = sf.span;
      if (auto v = r.str(sf, "internal")) sv.internal = v->value;
      for (auto& e : r.str_list(sf, "external")) sv.external.push_back(e.value);
      if (!sv.internal.empty() || !sv.external.empty()) c.supervision = std::move(sv);
    }
  }
  d.contacts = std::move(c);
}

static bool valid_id(const std::string& k) {
  if (k.empty() || k.size() > 32) return false;
  for (char c : k)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

Department load_department(Reader& r, const YAML::Node& root) {
  Department d;
  d.file = r.file();
  Span file_start{r.file(), 1, 1, 1, 2};
  Fields top = r.fields(root, *department_file_table(), file_start);
  if (!top.ok) return d;
  Fields f =
      r.fields(top.get("department"), *department_table(),
               top.has("department") ? r.span(top.entries.at("department").key) : file_start);
  d.span = f.span;
  d.loaded = f.ok;  // semantic rules skip a department whose header is unusable
  if (f.ok) {
    if (auto v = r.str(f, "id")) {
      d.id = *v;
      if (!valid_id(v->value))
        r.report(
            rule::schema_type, v->span,
            {fmt::format("部门标识“{}”只能由小写字母、数字和连字符组成（1–32 个字符）", v->value),
             fmt::format("department id '{}' must match [a-z0-9-]{{1,32}}", v->value)});
    }
    if (auto v = r.str(f, "name")) d.name = *v;
    if (auto v = r.str(f, "credit_code")) d.credit_code = *v;
    if (auto v = r.enum_value(f, "nature", department_table()->find("nature")->values))
      d.nature = *v;
    d.units = r.str_list(f, "units");
    if (f.has("contacts") && !f.get("contacts").IsNull())
      load_contacts(r, d, f.get("contacts"), f.span);
  }
  YAML::Node powers = top.get("powers");
  if (powers.IsDefined() && !powers.IsNull() && r.is_seq(powers, "powers")) {
    d.powers.reserve(powers.size());
    std::map<std::string, Span> seen;
    for (const auto& p : powers) {
      std::optional<PowerItem> loaded = load_item(r, p, d.id.value);
      if (!loaded) continue;
      PowerItem& item = *loaded;
      if (!item.key.value.empty()) {
        auto [it, fresh] = seen.emplace(item.key.value, item.key.span);
        if (!fresh) {
          auto& diag = r.report(
              rule::schema_duplicate_item, item.key.span,
              {fmt::format("事项标识“{}”在本部门中重复", item.key.value),
               fmt::format("item key '{}' used twice in this department", item.key.value)});
          diag.notes.push_back({fmt::format("第一次出现在第 {} 行", it->second.line),
                                fmt::format("first used on line {}", it->second.line)});
          continue;
        }
      }
      d.powers.push_back(std::move(item));
    }
    r.set_item("");
  }
  return d;
}

}  // namespace powerlist
