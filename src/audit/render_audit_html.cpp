// audit.html from templates/html/audit.tpl (auto-escaped): the same letter as audit.pdf.
#include <ctemplate/template.h>

#include "audit_text.hpp"
#include "powerlist/audit.hpp"

namespace powerlist {

namespace {

using Dict = ctemplate::TemplateDictionary;

void group(Dict& section, const std::string& sub, const AuditDepartment& d) {
  Dict* g = section.AddSectionDictionary("GROUP");
  if (!sub.empty()) g->SetValueAndShowSection("SUB", sub, "SUB");
  for (const auto& it : d.items) {
    Dict* row = g->AddSectionDictionary("ROW");
    row->SetValue("SEQ", it.id.empty() ? "—" : std::to_string(it.seq));
    row->SetValue("NAME", item_label(it));
    row->SetValue("OPINIONS", opinions_text(it));
  }
}

void table(Dict& section, const AuditTable& t) {
  Dict* tab = section.AddSectionDictionary("TABLE");
  for (const auto& c : t.columns) tab->AddSectionDictionary("TH")->SetValue("TEXT", c.first);
  for (const auto& row : t.rows) {
    Dict* tr = tab->AddSectionDictionary("TR");
    for (size_t i = 0; i < row.size(); ++i) {
      Dict* td = tr->AddSectionDictionary("TD");
      td->SetValue("TEXT", row[i]);
      if (i < t.numeric.size() && t.numeric[i]) td->ShowSection("NUM");
    }
  }
}

}  // namespace

std::string render_audit_html(const AuditReport& r, const std::string& template_dir,
                              std::string* error) {
  Dict dict("audit");
  dict.SetValue("TITLE", r.title.empty() ? "行政职权目录" : r.title);
  if (!r.number.empty()) dict.SetValueAndShowSection("NUMBER", r.number, "NUMBER");
  dict.SetValue("TO", r.to);
  dict.SetValue("OPENING", opening_text(r));
  dict.SetIntValue("DEPTS", static_cast<long>(r.departments.size()));
  dict.SetIntValue("ITEMS", static_cast<long>(r.items));
  dict.SetIntValue("ERRORS", static_cast<long>(r.errors));
  dict.SetIntValue("WARNINGS", static_cast<long>(r.warnings));
  dict.SetIntValue("NOTES", static_cast<long>(r.notes));
  for (const AuditSection& sec : audit_sections(r)) {
    Dict* s = dict.AddSectionDictionary("SECTION");
    s->SetValue("HEADING", sec.heading);
    if (!sec.intro.empty()) s->AddSectionDictionary("INTRO")->SetValue("TEXT", sec.intro);
    int k = 0;
    for (const AuditCommon* c : sec.commons) {
      Dict* cd = s->AddSectionDictionary("COMMON");
      cd->SetValue("HEADING", common_heading(++k, *c));
      table(*cd, common_table(*c));
    }
    for (const auto& [sub, dept] : sec.groups) group(*s, sub, *dept);
    if (!sec.table.columns.empty() && !sec.table.rows.empty()) table(*s, sec.table);
  }
  dict.SetValue("CLOSING", closing_text(r));
  dict.SetValue("ISSUER", r.issuer.empty() ? "（审核机关）" : r.issuer);
  dict.SetValue("DATE", r.date);
  if (!r.by_rule.empty()) {
    Dict* app = dict.AddSectionDictionary("APPENDIX");
    for (const auto& [rule, n] : r.by_rule) {
      Dict* s = app->AddSectionDictionary("RULE");
      s->SetValue("TITLE", rule_title(rule));
      s->SetValue("ID", rule);
      s->SetIntValue("N", static_cast<long>(n));
      s->SetValue("WHY", audit_reasoning(rule));
    }
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
