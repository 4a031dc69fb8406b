// `powerlist diff OLD NEW`: what changed between two versions of a catalog, item by item and
// field by field (新增 / 取消 / 擅自删除 / 变更), with every limit change flagged.
#pragma once
#include <string>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

class Session;

struct FieldChange {
  std::string field;  // stable id: "limits.promised", "step:审查" …
  Message label;
  std::string old_value, new_value;  // "" = absent
  bool limit = false;                // 法定/承诺时限 or a step's 时限
};

struct ItemChange {
  std::string id, name, category, code;
  std::string date, reason;  // retirements
  bool non_public = false;   // marked in every rendering: the report is not for publication
  std::vector<FieldChange> changes;
};

struct CatalogDiff {
  std::string old_title, new_title;
  std::vector<ItemChange> added, retired, removed_silently, changed;
  size_t limit_changes = 0;  // items with at least one limit change
};

// Items are matched by "department-id/key". Procedures and codes come from each session's
// resolved items (resolved once there, their findings kept by the session).
CatalogDiff diff_catalogs(Session& old_session, Session& new_session);

std::string render_diff_text(const CatalogDiff& d, Lang lang);
std::string render_diff_json(const CatalogDiff& d);
// From templates/html/diff.tpl; "" with `error` set on a template problem.
std::string render_diff_html(const CatalogDiff& d, const std::string& template_dir,
                             std::string* error);

}  // namespace powerlist
