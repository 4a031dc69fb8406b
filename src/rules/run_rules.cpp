#include "powerlist/rules.hpp"

namespace powerlist {

Date RuleContext::as_of() const {
  const auto& e = catalog.project.effective;
  return e ? e->value : Date{2026, 1, 1};
}

void run_rules(const Catalog& catalog, DiagSink& sink, const LawRegistry* laws,
               const TemplateLibrary* templates) {
  RuleContext ctx{catalog, sink, laws, templates};
  check_units(ctx);
  check_disclosure(ctx);
  check_rights(ctx);
  check_catalog(ctx);
  check_codes(ctx);
  check_basis(ctx);
  check_limits(ctx);
  check_flows(ctx);
}

}  // namespace powerlist
