// Stage 6: outputs for the public and for other systems.
#pragma once
#include <string>

#include "powerlist/model.hpp"

namespace powerlist {

// catalog.json: every active public item, resolved (no non-public item appears).
std::string render_catalog_json(const Catalog& catalog);

// Writes every output into a temporary sibling of `out_dir`, then swaps it into place, so
// a failed build leaves the previous output untouched. Returns "" or an error message.
std::string publish_all(const Catalog& catalog, const std::string& out_dir);

}  // namespace powerlist
