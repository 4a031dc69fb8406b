// audit.html from templates/html/audit.tpl (auto-escaped).
#include <ctemplate/template.h>

#include "powerlist/audit.hpp"

namespace powerlist {

namespace {

using Dict = ctemplate::TemplateDictionary;

void group(Dict& dict, const AuditDepartment& d) {
  if (d.findings.empty()) return;
  Dict* g = dict.AddSectionDictionary("GROUP");
  g->SetValue("NAME", d.name);
  g->SetIntValue("E", static_cast<long>(d.errors));
  g->SetIntValue("W", static_cast<long>(d.warnings));
  g->SetIntValue("NOTE", static_cast<long>(d.notes));
  for (const auto& f : d.findings) {
    Dict* r = g->AddSectionDictionary("F");
    r->SetValue("SEV", f.severity);
    r->SetValue("SEV_ZH", severity_zh(f.severity));
    r->SetValue("RULE", f.rule);
    r->SetValue("LOC", f.location);
    if (!f.item.empty()) r->AddSectionDictionary("ITEM")->SetValue("ITEM", f.item);
    r->SetValue("MSG", f.message);
    for (const auto& n : f.notes) r->AddSectionDictionary("N")->SetValue("TEXT", n);
    r->SetValue("WHY", f.reasoning);
  }
}

}  // namespace

std::string render_audit_html(const AuditReport& r, const std::string& template_dir,
                              std::string* error) {
  Dict dict("audit");
  dict.SetValue("TITLE", r.title.empty() ? "行政职权目录" : r.title);
  dict.SetValue("AS_OF", r.as_of);
  dict.SetValue("EFFECTIVE", r.effective);
  dict.SetValue("PUBLISHER", r.publisher);
  dict.SetIntValue("DEPTS", static_cast<long>(r.departments.size()));
  dict.SetIntValue("ITEMS", static_cast<long>(r.items));
  dict.SetIntValue("FILES", static_cast<long>(r.files));
  dict.SetIntValue("ERRORS", static_cast<long>(r.errors));
  dict.SetIntValue("WARNINGS", static_cast<long>(r.warnings));
  dict.SetIntValue("NOTES", static_cast<long>(r.notes));
  if (r.errors + r.warnings + r.notes == 0) dict.ShowSection("CLEAN");
  if (r.errors) dict.ShowSection("HAS_ERRORS");
  for (const auto& c : r.categories) dict.AddSectionDictionary("CAT")->SetValue("NAME", c);
  for (const auto& d : r.departments) {
    Dict* row = dict.AddSectionDictionary("DEPT");
    row->SetValue("NAME", d.name);
    for (int n : d.per_category) row->AddSectionDictionary("CELL")->SetIntValue("N", n);
    row->SetIntValue("TOTAL", d.total);
    row->SetIntValue("NON_PUBLIC", d.non_public);
    row->SetIntValue("RETIRED", d.retired);
    row->SetIntValue("E", static_cast<long>(d.errors));
    row->SetIntValue("W", static_cast<long>(d.warnings));
    row->SetIntValue("NOTE", static_cast<long>(d.notes));
  }
  for (const auto& d : r.departments) group(dict, d);
  group(dict, r.catalog_level);
  if (r.errors + r.warnings + r.notes == 0) dict.ShowSection("NO_FINDINGS");
  if (r.overlaps.empty()) dict.ShowSection("NO_OVERLAP");
  Dict* overlaps = r.overlaps.empty() ? nullptr : dict.AddSectionDictionary("OVERLAP_TABLE");
  for (const auto& o : r.overlaps) {
    Dict* s = overlaps->AddSectionDictionary("OVERLAP");
    s->SetValue("DEPT", o.department);
    s->SetValue("ID", o.id);
    s->SetValue("DETAIL", o.detail);
  }
  if (r.without_basis.empty()) dict.ShowSection("NO_NOBASIS");
  Dict* nobasis = r.without_basis.empty() ? nullptr : dict.AddSectionDictionary("NOBASIS_TABLE");
  for (const auto& o : r.without_basis) {
    Dict* s = nobasis->AddSectionDictionary("NOBASIS");
    s->SetValue("DEPT", o.department);
    s->SetValue("ID", o.id);
    s->SetValue("NAME", o.name);
    s->SetValue("CAT", o.category);
  }
  dict.SetIntValue("RATIO_ITEMS", r.ratio_items);
  for (const auto& b : r.ratios) {
    Dict* s = dict.AddSectionDictionary("RATIO");
    s->SetValue("LABEL", b.label);
    s->SetIntValue("N", b.count);
    s->SetIntValue("PCT", r.ratio_items ? b.count * 100 / r.ratio_items : 0);
  }
  if (r.law_changes.empty()) dict.ShowSection("NO_LAWCHANGE");
  Dict* changes = r.law_changes.empty() ? nullptr : dict.AddSectionDictionary("LAWCHANGE_TABLE");
  for (const auto& o : r.law_changes) {
    Dict* s = changes->AddSectionDictionary("LAWCHANGE");
    s->SetValue("DEPT", o.department);
    s->SetValue("ID", o.id);
    s->SetValue("NAME", o.name);
    s->SetValue("LAW", o.law);
    s->SetValue("DETAIL", o.detail);
  }
  if (!r.unchecked.empty()) {
    Dict* un = dict.AddSectionDictionary("UNCHECKED_TABLE");
    for (const auto& u : r.unchecked) {
      Dict* s = un->AddSectionDictionary("UNCHECKED");
      s->SetValue("NAME", u.name);
      s->SetValue("LEVEL", u.level);
      s->SetIntValue("N", static_cast<long>(u.count));
      s->SetValue("WHERE", u.where);
    }
  }
  for (const auto& [rule, n] : r.by_rule) {
    Dict* s = dict.AddSectionDictionary("RULE");
    s->SetValue("ID", rule);
    s->SetIntValue("N", static_cast<long>(n));
    s->SetValue("WHY", audit_reasoning(rule));
  }
  std::string out;
  if (!ctemplate::ExpandTemplate(template_dir + "/audit.tpl", ctemplate::DO_NOT_STRIP, &dict,
                                 &out)) {
    if (error) *error = "网页模板有错误 / template error: " + template_dir + "/audit.tpl";
    return "";
  }
  return out;
}

}  // namespace powerlist
