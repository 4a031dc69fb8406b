#include <algorithm>
#include <unordered_map>

#include "powerlist/rules.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

// Under profile 权责清单 a catalog is the published list: the fields of a 职权目录 that the
// list does not have (办理时限, 流程, 公开, 相对人权利, 编码, 风险点) are not asked for (RULES.md,
// second wave). Rights and contacts the list does state are still checked.
// Which items and department files state rights or contacts, computed once (a catalog has
// tens of thousands of items and as many rights findings: one lookup each).
struct ListProfileFacts {
  std::unordered_map<std::string, bool> item_states_rights;
  std::unordered_map<uint32_t, bool> file_has_contacts;
  explicit ListProfileFacts(const Catalog& c) {
    for (const auto& dep : c.departments) {
      file_has_contacts.emplace(dep.file, dep.contacts.has_value());
      file_has_contacts.emplace(dep.span.file, dep.contacts.has_value());
      for (const auto& it : dep.powers)
        item_states_rights.emplace(item_id(dep, it), !declared_rights(it).empty());
    }
  }
};

bool silenced_by_list_profile(const ListProfileFacts& facts, const Diagnostic& d) {
  const RuleInfo* info = find_rule(d.rule);
  if (!info || info->list_profile == ListProfile::Always) return false;
  if (info->list_profile == ListProfile::ServiceField) return true;
  // Department-level: only when the department gives no contacts at all.
  if (d.item.empty()) {
    const auto f = facts.file_has_contacts.find(d.span.file);
    return f == facts.file_has_contacts.end() || !f->second;
  }
  // Item-level: only items that state no rights.
  const auto it = facts.item_states_rights.find(d.item);
  return it == facts.item_states_rights.end() || !it->second;
}

}  // namespace

Date judged_on(const Catalog& catalog) {
  const auto& e = catalog.project.effective;
  return e ? e->value : Date{2026, 1, 1};
}

Date RuleContext::as_of() const {
  return judged_on(catalog);
}

void run_rules(const Catalog& catalog, DiagSink& sink, const LawRegistry* laws,
               const TemplateLibrary* templates, const HolidayCalendar* calendar,
               const std::map<const PowerItem*, const Flow*>* flows) {
  RuleContext ctx{catalog, sink, laws, templates, calendar, flows};
  check_units(ctx);
  check_disclosure(ctx);
  check_rights(ctx);
  check_catalog(ctx);
  check_codes(ctx);
  check_basis(ctx);
  check_limits(ctx);
  check_flows(ctx);
  check_risks(ctx);
  check_discretion(ctx);
  if (catalog.project.profile == Profile::DutyList) {
    const ListProfileFacts facts(catalog);
    auto& list = sink.mutable_list();
    list.erase(
        std::remove_if(list.begin(), list.end(),
                       [&](const Diagnostic& d) { return silenced_by_list_profile(facts, d); }),
        list.end());
  }
}

}  // namespace powerlist
