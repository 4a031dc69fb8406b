#include <fmt/format.h>

#include "powerlist/publish.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

std::string q(std::string_view s) {
  return "\"" + json_escape(s) + "\"";
}

std::string str_list(const std::vector<LStr>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + q(v[i].value);
  return out + "]";
}

std::string citation_json(const Citation& c) {
  std::string arts = "[";
  for (size_t i = 0; i < c.articles.size(); ++i)
    arts += (i ? ", " : "") + q(c.articles[i].value.str());
  arts += "]";
  return fmt::format("{{\"law\": {}, \"articles\": {}, \"version\": {}, \"text\": {}}}",
                     q(c.law.value), arts, c.version ? q(c.version->value.str()) : "null",
                     q(c.text));
}

std::string item_json(const Department& d, const PowerItem& it) {
  std::string basis = "[";
  for (size_t i = 0; i < it.basis.size(); ++i)
    basis += (i ? ", " : "") + citation_json(it.basis[i]);
  basis += "]";
  std::string fees = it.fees_none ? "\"无\"" : "[";
  if (!it.fees_none) {
    for (size_t i = 0; i < it.fees.size(); ++i)
      fees += (i ? ", " : "") + fmt::format("{{\"name\": {}, \"standard\": {}}}",
                                            q(it.fees[i].name.value), q(it.fees[i].standard));
    fees += "]";
  }
  const auto& ci = category_info(it.category.value);
  return fmt::format(
      "    {{\"id\": {}, \"department\": {}, \"department_name\": {}, \"key\": {}, \"name\": {}, "
      "\"category\": {}, \"category_code\": {}, \"parent\": {}, \"initiation\": {}, "
      "\"handled_by\": {}, "
      "\"basis\": {}, \"statutory_limit\": {}, \"promised_limit\": {}, \"fees\": {}, \"rights\": "
      "{}}}",
      q(d.id.value + "/" + it.key.value), q(d.id.value), q(d.name.value), q(it.key.value),
      q(it.name.value), q(ci.name), q(ci.code),
      it.parent.value.empty() ? "null" : q(it.parent.value),
      q(it.initiation.value == Initiation::OnApplication ? "依申请" : "依职权"),
      q(it.handled_by.value), basis,
      it.limits.statutory ? q(it.limits.statutory->value.str()) : "null",
      it.limits.promised ? q(it.limits.promised->value.str()) : "null", fees, str_list(it.rights));
}

}  // namespace

std::string render_catalog_json(const Catalog& c) {
  const Project& p = c.project;
  std::string out = fmt::format(
      "{{\n  \"version\": 1,\n  \"title\": {},\n  \"region\": {{\"code\": {}, \"name\": {}}},\n"
      "  \"publisher\": {},\n  \"effective\": {},\n  \"items\": [",
      q(p.title.value), q(p.region_code.value), q(p.region_name.value), q(p.publisher.value),
      p.effective ? q(p.effective->value.str()) : "null");
  bool first = true;
  for (const auto& d : c.departments)
    for (const auto& it : d.powers) {
      if (!it.active() || !it.is_public.value) continue;
      out += (first ? "\n" : ",\n") + item_json(d, it);
      first = false;
    }
  out += first ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace powerlist
