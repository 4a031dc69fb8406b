// `powerlist audit`: the legal-affairs office's review report (审核意见) over every
// department: counts, findings with their legal reasoning, overlaps, items without basis,
// the promised/statutory ratio distribution and items whose cited laws changed.
#pragma once
#include <string>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

class LawRegistry;
class HolidayCalendar;

struct AuditFinding {
  std::string severity, rule, location, item, message, reasoning;
  std::vector<std::string> notes;
};

struct AuditDepartment {
  std::string id, name;
  std::vector<int> per_category;  // parallel to AuditReport::categories
  int total = 0, non_public = 0, retired = 0;
  size_t errors = 0, warnings = 0, notes = 0;
  std::vector<AuditFinding> findings;
};

struct AuditItemRow {
  std::string department, id, name, category, law, detail;
};

struct RatioBucket {
  std::string label;
  int count = 0;
};

struct AuditReport {
  std::string title, publisher, region, as_of, effective;
  std::vector<std::string> categories;  // names of the categories present, in code order
  std::vector<AuditDepartment> departments;
  AuditDepartment catalog_level;  // findings not tied to a department (project, lock, laws)
  size_t errors = 0, warnings = 0, notes = 0, items = 0, files = 0;
  std::vector<std::pair<std::string, size_t>> by_rule;  // rule → unsuppressed findings
  std::vector<AuditItemRow> overlaps, without_basis, law_changes;
  std::vector<RatioBucket> ratios;
  int ratio_items = 0;
  // The office's to-do: instruments the law base does not know (basis/unknown-law), by name.
  struct Unchecked {
    std::string name, level, where;
    size_t count = 0;
  };
  std::vector<Unchecked> unchecked;
};

struct AuditInput {
  const Catalog& catalog;
  const Sources& sources;
  const std::vector<Diagnostic>& diags;  // after finalize_diagnostics
  const LawRegistry& laws;
  const HolidayCalendar& calendar;
  size_t files = 0;
};

AuditReport build_audit(const AuditInput& in);
// The legal reasoning shown with a rule's findings (Chinese; cites the article behind it).
std::string audit_reasoning(const std::string& rule);
// 错误 / 警告 / 提示 for "error" / "warning" / "note".
const char* severity_zh(const std::string& severity);

std::string render_audit_html(const AuditReport& r, const std::string& template_dir,
                              std::string* error);
std::string render_audit_pdf(const AuditReport& r, std::string* error);

}  // namespace powerlist
