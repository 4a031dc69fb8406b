// audit.pdf: the same report as audit.html, printed with the catalog's table layer.
#include <fmt/format.h>

#include "pdf/pdf_table.hpp"
#include "pdf/pdf_writer.hpp"
#include "powerlist/audit.hpp"
#include "powerlist/publish.hpp"

namespace powerlist {

namespace {

void section(PdfWriter& w, int parent, PdfTable t) {
  if (t.rows.empty()) t.rows.push_back({"（无）"});
  TablePlan plan = plan_table(w, t);
  const int first = w.page() + 1;
  draw_table(w, t, plan);
  w.outline(parent, t.heading, first);
}

void add_findings(PdfTable& t, const AuditDepartment& d) {
  for (const auto& f : d.findings) {
    std::string msg = f.message;
    for (const auto& n : f.notes) msg += "\n" + n;
    t.rows.push_back({d.name, severity_zh(f.severity), f.rule,
                      f.location + (f.item.empty() ? "" : "\n" + f.item), msg, f.reasoning});
  }
}

}  // namespace

std::string render_audit_pdf(const AuditReport& r, std::string* error) {
  const std::string title = (r.title.empty() ? "行政职权目录" : r.title) + " 合法性审核意见";
  PdfWriter w(title, r.publisher);
  w.new_page(false, false);
  TextStyle big;
  big.size = 24;
  big.bold = true;
  big.align = Align::Center;
  w.text(60, 200, kA4Short - 120, title, big);
  TextStyle body;
  body.size = 13;
  w.text(
      80, 360, kA4Short - 160,
      fmt::format(
          "审核基准日：{}\n目录施行日期：{}\n\n共审核 {} 个部门、{} 项职权（{} 个文件）。\n"
          "发现错误 {} 个、警告 {} 个、提示 {} 个。\n跨部门职责交叉 {} 处；无实施依据的事项 {} 项；"
          "法律法规修改后未及时修订的事项 {} 项。\n\n{}",
          r.as_of, r.effective, r.departments.size(), r.items, r.files, r.errors, r.warnings,
          r.notes, r.overlaps.size(), r.without_basis.size(), r.law_changes.size(),
          r.errors ? "存在错误的事项须更正后方可发布。" : "未发现须更正的错误。"),
      body);
  w.outline(0, "审核结论", 1);

  PdfTable counts;
  counts.heading = "一、各部门职权数量";
  counts.columns.push_back({"部门", 150});
  const double cw =
      std::max(36.0, (kA4Long - 2 * kMargin - 150 - 6 * 40) /
                         static_cast<double>(std::max<size_t>(1, r.categories.size())));
  for (const auto& c : r.categories) counts.columns.push_back({c, cw});
  for (const char* h : {"合计", "不公开", "已取消", "错误", "警告", "提示"})
    counts.columns.push_back({h, 40});
  for (const auto& d : r.departments) {
    std::vector<std::string> row = {d.name};
    for (int n : d.per_category) row.push_back(std::to_string(n));
    for (size_t n :
         {size_t(d.total), size_t(d.non_public), size_t(d.retired), d.errors, d.warnings, d.notes})
      row.push_back(std::to_string(n));
    counts.rows.push_back(std::move(row));
  }
  section(w, 0, counts);

  PdfTable findings;
  findings.heading =
      fmt::format("二、审核发现（错误 {}，警告 {}，提示 {}）", r.errors, r.warnings, r.notes);
  findings.columns = {{"部门", 90},  {"级别", 32},  {"规则", 95},
                      {"位置", 120}, {"问题", 236}, {"审核依据", 185}};
  for (const auto& d : r.departments) add_findings(findings, d);
  add_findings(findings, r.catalog_level);
  section(w, 0, findings);

  PdfTable overlaps;
  overlaps.heading = "三、跨部门职责交叉（多头执法）";
  overlaps.columns = {{"部门", 140}, {"事项", 140}, {"情况", 478}};
  for (const auto& o : r.overlaps) overlaps.rows.push_back({o.department, o.id, o.detail});
  section(w, 0, overlaps);

  PdfTable nobasis;
  nobasis.heading = "四、无实施依据的事项";
  nobasis.columns = {{"部门", 160}, {"事项", 160}, {"名称", 338}, {"类别", 100}};
  for (const auto& o : r.without_basis)
    nobasis.rows.push_back({o.department, o.id, o.name, o.category});
  section(w, 0, nobasis);

  PdfTable ratios;
  ratios.heading = fmt::format("五、承诺时限压缩情况（{} 项，承诺时限 ÷ 法定时限）", r.ratio_items);
  ratios.columns = {{"比例", 260}, {"事项数", 100}, {"占比", 398}};
  for (const auto& b : r.ratios)
    ratios.rows.push_back(
        {b.label, std::to_string(b.count),
         r.ratio_items ? fmt::format("{}%", b.count * 100 / r.ratio_items) : "—"});
  section(w, 0, ratios);

  PdfTable laws;
  laws.heading = "六、法律法规修改后未及时修订的事项（新版本施行满 20 个工作日）";
  laws.columns = {{"部门", 120}, {"事项", 180}, {"法律法规", 160}, {"情况", 298}};
  for (const auto& o : r.law_changes)
    laws.rows.push_back({o.department, o.name + "\n" + o.id, o.law, o.detail});
  section(w, 0, laws);

  PdfTable rules;
  rules.heading = "七、问题按规则统计";
  rules.columns = {{"规则", 180}, {"数量", 60}, {"审核依据", 518}};
  for (const auto& [rule, n] : r.by_rule)
    rules.rows.push_back({rule, std::to_string(n), audit_reasoning(rule)});
  section(w, 0, rules);

  if (!r.unchecked.empty()) {
    PdfTable un;
    un.heading = "八、未能核对的依据（审核机关待办；不计为部门的问题）";
    un.columns = {{"文件", 220}, {"推断层级", 90}, {"引用次数", 60}, {"位置", 388}};
    for (const auto& u : r.unchecked)
      un.rows.push_back({"《" + u.name + "》", u.level, std::to_string(u.count), u.where});
    section(w, 0, un);
  }

  return w.finish(error);
}

}  // namespace powerlist
