#include <algorithm>
#include <set>

#include "powerlist/rules.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

// Under profile 权责清单 a catalog is the published list: the fields of a 职权目录 that the
// list does not have (办理时限, 流程, 公开, 相对人权利, 编码, 风险点) are not asked for (RULES.md,
// second wave). Rights and contacts the list does state are still checked.
bool silenced_by_list_profile(const Catalog& c, const Diagnostic& d) {
  static const std::set<std::string_view> service_rules = {"flow/missing",
                                                           "disclosure/missing",
                                                           "limits/statutory-missing",
                                                           "limits/promised-missing",
                                                           "limits/step-missing",
                                                           "code/unassigned",
                                                           "disclosure/incomplete",
                                                           "risk/none",
                                                           "risk/a-level-disclosure"};
  if (service_rules.count(d.rule)) return true;
  if (!starts_with(d.rule, "rights/")) return false;
  // Department-level: only when the department gives no contacts at all.
  if (d.item.empty()) {
    for (const auto& dep : c.departments)
      if (dep.file == d.span.file || dep.span.file == d.span.file) return !dep.contacts.has_value();
    return true;
  }
  // Item-level: only items that state no rights.
  for (const auto& dep : c.departments)
    for (const auto& it : dep.powers)
      if (item_id(dep, it) == d.item) return declared_rights(it).empty();
  return true;
}

}  // namespace

Date RuleContext::as_of() const {
  const auto& e = catalog.project.effective;
  return e ? e->value : Date{2026, 1, 1};
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
    auto& list = sink.mutable_list();
    list.erase(
        std::remove_if(list.begin(), list.end(),
                       [&](const Diagnostic& d) { return silenced_by_list_profile(catalog, d); }),
        list.end());
  }
}

}  // namespace powerlist
