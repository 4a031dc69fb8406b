// risks.pdf: the 风险防控 overview in print. Tables from the publish table layer; the A-level
// heat map (department × step) drawn directly, one shade per count band.
#include <fmt/format.h>

#include <algorithm>

#include "pdf/pdf_flow.hpp"
#include "pdf/pdf_writer.hpp"
#include "powerlist/publish.hpp"
#include "powerlist/risk_overview.hpp"

namespace powerlist {

namespace {

std::string n(size_t v) {
  return std::to_string(v);
}

constexpr double kType = 9;  // every text of risks.pdf: legible as printed (issue 28)

// The heat map in the flow, continued on new pages with its header row.
void draw_heat_map(PdfFlow& f, const RiskOverview& o, int parent) {
  size_t max = 0;
  for (const auto& row : o.a_grid)
    for (size_t v : row) max = std::max(max, v);
  if (max == 0 || o.steps.empty()) return;
  PdfWriter& w = f.writer();
  const double name_w = 150, row_h = 20, usable = f.width() - name_w;
  const double cell_w = std::min(70.0, usable / static_cast<double>(o.steps.size()));
  TextStyle head;
  head.size = kType;
  head.bold = true;
  head.align = Align::Center;
  TextStyle cell = head;
  cell.bold = false;
  double header_h = 0;
  for (const auto& s : o.steps) header_h = std::max(header_h, w.measure(s, cell_w - 4, head));
  header_h += 6;
  f.heading("二、A 级风险点分布（部门 × 环节，格中数字为 A 级风险点个数，颜色越深越多）", 12,
            parent);
  auto header = [&] {
    double x = kMargin + name_w;
    for (const auto& s : o.steps) {
      w.set_rgb(0.93, 0.91, 0.89);
      w.rectangle(x, f.y(), cell_w, header_h);
      w.fill();
      w.set_rgb(0, 0, 0);
      w.text(x + 2, f.y() + 3, cell_w - 4, s, head);
      x += cell_w;
    }
    f.space(header_h);
  };
  f.need(header_h + row_h);
  header();
  for (size_t i = 0; i < o.depts.size(); ++i) {
    if (f.y() + row_h > w.height() - kBottom) {
      f.page();
      header();
    }
    const double y = f.y();
    w.set_rgb(0, 0, 0);
    w.text(kMargin + 2, y + 4, name_w - 4, o.depts[i].dept,
           TextStyle{kType, false, Align::Left, row_h - 4});
    double x = kMargin + name_w;
    for (size_t v : o.a_grid[i]) {
      // White for none, then from a pale to a deep red.
      const double t = v == 0 ? 0 : 0.25 + 0.75 * static_cast<double>(v) / static_cast<double>(max);
      w.set_rgb(1.0 - 0.22 * t, 1.0 - 0.84 * t, 1.0 - 0.84 * t);
      w.rectangle(x, y, cell_w, row_h);
      w.fill();
      if (t > 0.7)
        w.set_rgb(1, 1, 1);
      else
        w.set_rgb(0, 0, 0);
      w.text(x + 2, y + 4, cell_w - 4, v == 0 ? "·" : n(v), cell);
      x += cell_w;
    }
    w.set_rgb(0.6, 0.6, 0.6);
    w.set_line_width(0.4);
    w.rectangle(kMargin, y, name_w + cell_w * static_cast<double>(o.steps.size()), row_h);
    w.stroke();
    w.set_rgb(0, 0, 0);
    f.space(row_h);
  }
  f.space(8);
}

}  // namespace

std::string render_risk_pdf(const Catalog& c, const RiskOverview& o, std::string* error) {
  const std::string title = c.project.title.value.empty() ? "行政职权目录" : c.project.title.value;
  PdfWriter w("廉政风险防控一览", c.project.publisher.value);
  // One flow over landscape pages: sections follow each other instead of each opening a page.
  PdfFlow f(w, true);
  f.page();
  TextStyle big;
  big.size = 16;
  big.bold = true;
  f.text(title + "　廉政风险防控一览", big);
  TextStyle body;
  body.size = 11;
  f.text(fmt::format("共 {} 个风险点：A 级 {} 个、B 级 {} 个、C 级 {} 个", o.entries.size(),
                     o.total[0], o.total[1], o.total[2]),
         body);
  f.space(6);

  f.heading("一、各部门风险点数", 12, 0);
  PdfTable depts;
  depts.columns = {{"部门", 260}, {"事项数", 90}, {"有风险点的事项", 110},
                   {"A 级", 90},  {"B 级", 90},   {"C 级", 117.9}};
  for (const auto& d : o.depts)
    depts.rows.push_back({d.dept, n(d.items), n(d.items_with_risks), n(d.levels[0]), n(d.levels[1]),
                          n(d.levels[2])});
  size_t items = 0, with = 0;
  for (const auto& d : o.depts) items += d.items, with += d.items_with_risks;
  depts.rows.push_back({"合计", n(items), n(with), n(o.total[0]), n(o.total[1]), n(o.total[2])});
  f.table(depts, kType);

  draw_heat_map(f, o, 0);

  PdfTable counts;
  counts.columns = {{"部门", 220}, {"统计方式", 80}, {"环节或岗位", 200},
                    {"A 级", 85},  {"B 级", 85},     {"C 级", 87.9}};
  for (const auto& d : o.depts) {
    std::vector<std::pair<std::string, LevelCounts>> steps(d.by_step.begin(), d.by_step.end());
    std::stable_sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) {
      return procedure_stage_rank(a.first) < procedure_stage_rank(b.first);
    });
    for (const auto& [k, v] : steps)
      counts.rows.push_back({d.dept, "环节", k, n(v[0]), n(v[1]), n(v[2])});
    for (const auto& [k, v] : d.by_post)
      counts.rows.push_back({d.dept, "岗位", k, n(v[0]), n(v[1]), n(v[2])});
  }
  if (!counts.rows.empty()) {
    f.heading("三、按环节和岗位统计", 12, 0);
    f.table(counts, kType);
  }

  PdfTable list;
  list.columns = {{"序号", 30}, {"部门", 90}, {"事项", 140},   {"环节", 50},
                  {"岗位", 70}, {"等级", 32}, {"风险点", 160}, {"防控措施", 185.9}};
  size_t row = 0;
  for (const auto& e : o.entries)
    list.rows.push_back({n(++row), e.dept, e.item, e.step, e.post, e.level + "级",
                         e.point.empty() ? "—" : e.point,
                         e.measures.empty() ? "（未填写）" : e.measures});
  if (!list.rows.empty()) {
    f.heading("四、风险点及防控措施", 12, 0);
    f.table(list, kType);
  }
  return w.finish(error);
}

}  // namespace powerlist
