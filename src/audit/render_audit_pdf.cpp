// audit.pdf: the 审核意见书 as a letter on portrait A4 — 文号, title, addressee, the opinions
// item by item with the department's own cells and the corrections, the sections that have
// something to say, the issuer and date, and each rule's reasoning once in an appendix.
#include <fmt/format.h>

#include "audit_text.hpp"
#include "pdf/pdf_flow.hpp"
#include "pdf/pdf_writer.hpp"
#include "powerlist/audit.hpp"

namespace powerlist {

namespace {

constexpr double kWidth = kA4Short - 2 * kMargin;  // 511 pt of text width
constexpr double kBody = 12, kCell = 9;

TextStyle body_style() {
  TextStyle st;
  st.size = kBody;
  return st;
}

// The title on one line, or broken before 的合法性审核意见 — never a lone character on a line.
std::string title_lines(PdfWriter& w, const std::string& title, const TextStyle& st) {
  const std::string head = "关于《" + title + "》", tail = "的合法性审核意见";
  if (w.text_width(head + tail, st) <= kWidth) return head + tail;
  return head + "\n" + tail;
}

void findings_table(PdfFlow& l, const AuditDepartment& d) {
  PdfTable t;
  t.columns = {{"序号", 24}, {"事项名称", 100}, {"审核意见及修改建议", 387}};
  // A row a finding, 序号 and name on the item's first: rows never split across pages, and an
  // item with many findings must not be cut short.
  for (const auto& it : d.items)
    for (size_t k = 0; k < it.findings.size(); ++k)
      t.rows.push_back({k               ? ""
                        : it.id.empty() ? "—"
                                        : std::to_string(it.seq),
                        k ? "" : item_label(it), opinion_text(it, it.findings[k])});
  l.table(t, kCell);
}

void draw(PdfFlow& l, const AuditTable& at) {
  if (at.columns.empty() || at.rows.empty()) return;
  PdfTable t;
  for (const auto& [name, width] : at.columns) t.columns.push_back({name, width});
  t.rows = at.rows;
  l.table(t, kCell);
}

}  // namespace

std::string render_audit_pdf(const AuditReport& r, std::string* error) {
  const std::string title = r.title.empty() ? "行政职权目录" : r.title;
  PdfWriter w("关于《" + title + "》的合法性审核意见", r.issuer.empty() ? r.publisher : r.issuer);
  PdfFlow l(w, false);
  l.page();
  TextStyle centred = body_style();
  centred.align = Align::Center;
  if (!r.number.empty()) {
    l.text(r.number, centred);
    l.space(10);
  }
  TextStyle big;
  big.size = 18;
  big.bold = true;
  big.align = Align::Center;
  l.text(title_lines(w, title, big), big);
  l.space(16);
  w.outline(0, "审核意见书", 1);
  l.text(r.to + "：", body_style());
  l.space(4);
  l.text(opening_text(r), body_style());
  l.space(6);

  for (const AuditSection& sec : audit_sections(r)) {
    const int parent = l.heading(sec.heading, kBody + 1, 0);
    if (!sec.intro.empty()) {
      l.text(sec.intro, body_style());
      l.space(4);
    }
    int k = 0;
    for (const AuditCommon* c : sec.commons) {
      l.text(common_heading(++k, *c), body_style());
      l.space(2);
      draw(l, common_table(*c));
    }
    for (const auto& [sub, dept] : sec.groups) {
      if (!sub.empty()) l.heading(sub, kBody + 1, parent);
      findings_table(l, *dept);
    }
    draw(l, sec.table);
  }
  l.space(8);
  l.text(closing_text(r), body_style());
  l.space(30);
  TextStyle right = body_style();
  right.align = Align::Right;
  l.text((r.issuer.empty() ? "（审核机关）" : r.issuer) + "\n" + r.date, right);

  if (!r.by_rule.empty()) {
    l.page();
    w.outline(0, "附件：审核依据", w.page());
    TextStyle st = body_style();
    st.bold = true;
    l.text("附件", st);
    l.space(6);
    l.text("审核依据", big);
    l.space(10);
    PdfTable t;
    t.columns = {{"问题类型", 130}, {"数量", 36}, {"审核依据", 345}};
    for (const auto& [rule, count] : r.by_rule)
      t.rows.push_back({rule_title(rule), std::to_string(count), audit_reasoning(rule)});
    l.table(t, kCell);
  }
  return w.finish(error);
}

}  // namespace powerlist
