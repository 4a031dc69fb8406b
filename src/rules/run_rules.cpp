#include "powerlist/rules.hpp"

namespace powerlist {

void run_rules(const Catalog& catalog, DiagSink& sink) {
  RuleContext ctx{catalog, sink};
  check_units(ctx);
  check_disclosure(ctx);
  check_rights(ctx);
  check_catalog(ctx);
}

}  // namespace powerlist
