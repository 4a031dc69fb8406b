// The 审核意见书's sentences, shared by the HTML and the PDF so both say the same thing.
#pragma once
#include <string>
#include <vector>

#include "powerlist/audit.hpp"

namespace powerlist {

// 一, 二, … 十, 十一 … (section numbers of a Chinese official document).
std::string section_number(int n);
// "你单位报送的《…》收悉。经审核，…" with the counts.
std::string opening_text(const AuditReport& r);
// What the department is asked to do, and by when.
std::string closing_text(const AuditReport& r);
std::string ratio_intro(const AuditReport& r);
std::string unchecked_intro(const AuditReport& r);
// A plain table of the document; widths in points of the PDF's 511-pt text width.
struct AuditTable {
  std::vector<std::pair<std::string, double>> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  // per column: right-aligned numbers
};

// One numbered section of the letter: the opinions item by item (groups, one per department),
// or an intro and a table. Sections with nothing to say are not made.
struct AuditSection {
  std::string heading;
  std::string intro;
  std::vector<std::pair<std::string, const AuditDepartment*>> groups;  // (sub-heading, findings)
  std::vector<const AuditCommon*> commons;  // 共性问题, each said once with its items
  AuditTable table;
};
std::vector<AuditSection> audit_sections(const AuditReport& r);

// "（一）【警告】message（涉及 N 项）" above a shared finding's table of items.
std::string common_heading(int n, const AuditCommon& c);
// The table of the items a shared finding concerns: 序号, 事项名称, 位置, 修改建议.
AuditTable common_table(const AuditCommon& c);
// 事项名称 and, for a workbook, its sheet and row.
std::string item_label(const AuditItem& it);
// One item's findings, one paragraph each — "【错误】E7：message（note）" — each followed by its
// corrections ("修改建议：…").
std::string opinions_text(const AuditItem& it);
// One finding of an item, as opinions_text writes it.
std::string opinion_text(const AuditItem& it, const AuditFinding& f);

}  // namespace powerlist
