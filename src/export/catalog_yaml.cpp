// The catalog as YAML files (export.hpp): what `import` writes, in the order of FORMAT.md.
#include <fmt/format.h>

#include <map>

#include "powerlist/export.hpp"
#include "yaml_out.hpp"

namespace powerlist {

namespace {

// 行使层级 of the catalog from the items' 实施层级 (地州市级 → 市级 …), the most common one.
std::string catalog_level(const Catalog& c) {
  std::map<std::string, size_t> count;
  for (const auto& d : c.departments)
    for (const auto& it : d.powers) {
      const std::string& l = it.level.value;
      std::string level;
      if (l.find("乡") != std::string::npos || l.find("镇") != std::string::npos)
        level = "乡级";
      else if (l.find("县") != std::string::npos || l.find("区级") != std::string::npos)
        level = "县级";
      else if (l.find("市") != std::string::npos || l.find("州") != std::string::npos)
        level = "市级";
      else if (l.find("省") != std::string::npos || l.find("自治区") != std::string::npos)
        level = "省级";
      else if (l.find("国家") != std::string::npos)
        level = "国家级";
      if (!level.empty()) ++count[level];
    }
  std::string best = "县级";
  size_t n = 0;
  for (const auto& [level, k] : count)
    if (k > n) best = level, n = k;
  return best;
}

std::string citation_yaml(const Citation& c, int indent) {
  const int in = indent + 2;
  std::string out = yaml_entry(indent, yaml_field(in, "law", c.law.value));
  if (!c.tag.value.empty()) out += yaml_field(in, "tag", c.tag.value);
  if (!c.note.empty()) out += yaml_field(in, "note", c.note);
  if (c.version)
    out += std::string(static_cast<size_t>(in), ' ') + "version: " + c.version->value.str() + "\n";
  if (!c.articles.empty()) {
    out += std::string(static_cast<size_t>(in), ' ') + "articles: [";
    for (size_t i = 0; i < c.articles.size(); ++i)
      out += (i ? ", " : "") + yaml_quoted(c.articles[i].value.str());
    out += "]\n";
  }
  if (!c.text.empty()) out += yaml_field(in, "text", c.text);
  return out;
}

std::string item_yaml(const PowerItem& it) {
  std::string out = "  - key: " + it.key.value + "\n";
  auto field = [&](const char* key, const std::string& v) {
    if (!v.empty()) out += yaml_field(4, key, v);
  };
  field("name", it.name.value);
  if (it.category.span.valid()) field("category", category_info(it.category.value).name);
  field("parent", it.parent.value);
  field("seq", it.seq.value);
  if (it.source)
    out += fmt::format("    source: {{file: {}, sheet: {}, row: {}}}\n",
                       yaml_quoted(it.source->file), yaml_quoted(it.source->sheet), it.source->row);
  if (!it.basis.empty()) {
    out += "    basis:\n";
    for (const auto& c : it.basis) out += citation_yaml(c, 6);
  }
  field("basis_text", it.basis_text);
  field("handled_by", it.handled_by.value);
  field("level", it.level.value);
  field("authority", it.authority.value);
  field("conditions", it.conditions.value);
  if (it.has_limits) {
    out += "    limits:\n";
    if (it.limits.statutory) out += yaml_field(6, "statutory", it.limits.statutory->value.str());
    if (!it.limits.statutory_note.empty())
      out += yaml_field(6, "statutory_note", it.limits.statutory_note);
    if (it.limits.promised) out += yaml_field(6, "promised", it.limits.promised->value.str());
    if (!it.limits.promised_note.empty())
      out += yaml_field(6, "promised_note", it.limits.promised_note);
  }
  if (it.fees_none) out += "    fees: 无\n";
  if (!it.fees.empty()) {
    out += "    fees:\n";
    for (const auto& f : it.fees) {
      out += yaml_entry(6, yaml_field(8, "name", f.name.value));
      if (!f.standard.empty()) out += yaml_field(8, "standard", f.standard);
    }
  }
  if (it.disclosure && !it.disclosure->scope.value.empty())
    out += "    disclosure: {scope: " + yaml_quoted(it.disclosure->scope.value) + "}\n";
  if (!it.baseline.value.empty()) out += "    baseline: " + yaml_quoted(it.baseline.value) + "\n";
  if (it.service && !it.service->objects.empty()) {
    out += "    service:\n";
    out += yaml_field(6, "objects", it.service->objects);
  }
  if (!it.materials.empty()) {
    out += "    materials:\n";
    for (const auto& m : it.materials) out += yaml_entry(6, yaml_field(8, "name", m.name.value));
  }
  field("dept_duty", it.dept_duty.value);
  if (!it.duties.empty()) {
    out += "    duties:\n";
    for (const auto& [stage, text] : it.duties) out += yaml_field(6, yaml_quoted(stage), text);
  }
  field("duty_basis", it.duty_basis.value);
  field("accountable", it.accountable.value);
  if (!it.accountability.empty()) {
    out += "    accountability:\n";
    for (const auto& a : it.accountability) out += yaml_list_value(6, a);
  }
  field("note", it.note.value);
  if (!it.extra.empty()) {
    out += "    extra:\n";
    for (const auto& [k, v] : it.extra) out += yaml_field(6, yaml_quoted(k), v);
  }
  return out;
}

}  // namespace

FileSet render_catalog_yaml(const Catalog& c, const std::string& region_code,
                            const std::string& region_name) {
  FileSet files;
  const std::string effective =
      c.project.effective ? c.project.effective->value.str() : std::string("2026-01-01");
  files["powerlist.yaml"] = fmt::format(
      "# 由 powerlist import 从权责清单工作簿生成；请核对 region（行政区划代码）和 effective "
      "后提交。\n"
      "# Written by `powerlist import`; check region and effective, then commit.\n"
      "title: {}\n"
      "region: {{code: {}, name: {}}}\n"
      "level: {}\n"
      "effective: {}\n"
      "profile: 权责清单\n"
      "departments: [departments/*.yaml]\n",
      yaml_quoted(c.project.title.value.empty() ? "权责清单" : c.project.title.value),
      yaml_quoted(region_code), yaml_quoted(region_name), catalog_level(c), effective);
  for (const auto& d : c.departments) {
    std::string text = "department:\n";
    text += "  id: " + d.id.value + "\n";
    text += yaml_field(2, "name", d.name.value);
    if (!d.units.empty()) {
      text += "  units:\n";
      for (const auto& u : d.units) text += "    - " + yaml_quoted(u.value) + "\n";
    }
    text += "powers:\n";
    for (const auto& it : d.powers) text += item_yaml(it);
    files["departments/" + d.id.value + ".yaml"] = text;
  }
  return files;
}

}  // namespace powerlist
