// `powerlist audit`: the legal-affairs office's review report (审核意见) over every
// department: counts, findings with their legal reasoning, overlaps, items without basis,
// the promised/statutory ratio distribution and items whose cited laws changed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

class LawRegistry;
class HolidayCalendar;

// One finding as the 审核意见书 states it: where in the department's own file, what is wrong
// and the correction (the corrections' titles; "（需核对）" when not certain).
struct AuditFinding {
  std::string severity, rule, location, message;
  std::string sheet, cell;  // for a workbook: where, so a finding on the item's row says only E7
  std::string key;          // rule, whole message and notes: what "the same finding" means
  std::vector<std::string> notes, corrections;
};

// The findings of one item (序号 is the item's number in the whole document); id "" holds the
// findings not tied to an item.
struct AuditItem {
  int seq = 0;
  std::string id, name;
  std::string sheet;  // the item's row in the department's workbook ("" for YAML)
  uint32_t row = 0;
  std::vector<AuditFinding> findings;
};

// A finding several items share word for word (the same superseded law, the same wrong tag):
// said once, with the items it concerns and each one's correction.
struct AuditCommon {
  std::string severity, rule, message;
  std::vector<std::string> notes;
  std::string correction_head;  // what every correction starts with, said once ("改为《…》（…）")
  bool no_articles = false;  // no row has more than the head: the table has no 条文 column
  struct Use {
    int seq = 0;
    std::string name, where, corrections;
  };
  std::vector<Use> uses;
};

struct AuditDepartment {
  std::string id, name;
  std::vector<int> per_category;  // parallel to AuditReport::categories
  int total = 0, non_public = 0, retired = 0;
  size_t errors = 0, warnings = 0, notes = 0;
  std::vector<AuditItem> items;  // in catalog order; the general findings first
};

struct AuditItemRow {
  std::string department, id, name, category, law, detail;
};

struct RatioBucket {
  std::string label;
  int count = 0;
  int percent = 0;  // largest-remainder rounding: the buckets add up to 100
};

struct AuditReport {
  std::string title, publisher, region, as_of, effective;
  // The letter: 主送, 文号, 审核机关 and 成文日期 (written 2026年12月7日).
  std::string to, number, issuer, date;
  bool one_submission = false;
  std::vector<std::string> categories;  // names of the categories present, in code order
  std::vector<AuditDepartment> departments;
  AuditDepartment catalog_level;  // findings not tied to a department (project, lock, laws)
  size_t errors = 0, warnings = 0, notes = 0, items = 0, files = 0;  // as `check` counts them
  size_t listed[3] = {0, 0, 0};  // the opinions: errors, warnings, notes without the law base's
  size_t items_with_findings = 0;
  size_t law_base_findings =
      0;  // about the office's law base: listed under 未能核对, not as findings
  std::string law_base_note;                            // basis/law-base-age's message, once
  std::vector<std::pair<std::string, size_t>> by_rule;  // rule → unsuppressed findings
  std::vector<AuditCommon> common;                      // shared findings, said once (共性问题)
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

// Options of `audit` that override powerlist.yaml's `audit:` (empty = not given).
struct AuditLetter {
  std::string to, number, issuer;
  std::optional<Date> date;
};

struct AuditInput {
  const Catalog& catalog;
  const Sources& sources;
  const std::vector<Diagnostic>& diags;  // after finalize_diagnostics
  const LawRegistry& laws;
  const HolidayCalendar& calendar;
  size_t files = 0;
  AuditLetter letter;  // the command line's --to/--number/--issuer/--date
  // One department's workbook: however many 行使主体 its rows name, the letter answers one
  // submission (你单位, addressed to the unit with the most items).
  bool one_submission = false;
};

AuditReport build_audit(const AuditInput& in);
// The legal reasoning shown with a rule's findings (Chinese; cites the article behind it).
std::string audit_reasoning(const std::string& rule);
// 错误 / 警告 / 提示 for "error" / "warning" / "note".
const char* severity_zh(const std::string& severity);
// A rule's name as the document says it (RULES.md summary), or the id when unknown.
std::string rule_title(const std::string& rule);
// Integer percentages of `counts` that add up to 100 (largest remainder); all 0 when empty.
std::vector<int> percentages(const std::vector<int>& counts);

std::string render_audit_html(const AuditReport& r, const std::string& template_dir,
                              std::string* error);
std::string render_audit_pdf(const AuditReport& r, std::string* error);

}  // namespace powerlist
