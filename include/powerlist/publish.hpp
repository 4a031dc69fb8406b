// Stage 6: outputs for the public and for other systems.
#pragma once
#include <functional>
#include <string>

#include "powerlist/model.hpp"

namespace powerlist {

// catalog.json: every active public item, resolved (no non-public item appears).
std::string render_catalog_json(const Catalog& catalog);

class TemplateLibrary;

struct PublishOptions {
  bool dot = false;  // also write flowcharts/<name>.dot
  std::function<void(size_t done, size_t total)> progress;
};

// Writes every output into a temporary sibling of `out_dir`, then swaps it into place, so
// a failed build leaves the previous output untouched. Returns "" or an error message.
std::string publish_all(const Catalog& catalog, const TemplateLibrary& templates,
                        const std::string& out_dir, const PublishOptions& opts);

// File stem of an item's outputs: its code once codes exist, until then "<department>-<key>".
std::string output_stem(const Department& d, const PowerItem& item);

}  // namespace powerlist
