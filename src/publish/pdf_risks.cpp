// risks.pdf: the 风险防控 overview in print. Tables from the publish table layer; the A-level
// heat map (department × step) drawn directly, one shade per count band.
#include <fmt/format.h>

#include <algorithm>

#include "pdf/pdf_table.hpp"
#include "pdf/pdf_writer.hpp"
#include "powerlist/publish.hpp"
#include "powerlist/risk_overview.hpp"

namespace powerlist {

namespace {

std::string n(size_t v) {
  return std::to_string(v);
}

// The heat map over as many landscape pages as the departments need.
void draw_heat_map(PdfWriter& w, const RiskOverview& o) {
  size_t max = 0;
  for (const auto& row : o.a_grid)
    for (size_t v : row) max = std::max(max, v);
  if (max == 0 || o.steps.empty()) return;
  const double name_w = 150, row_h = 20, usable = kA4Long - 2 * kMargin - name_w;
  const double cell_w = std::min(70.0, usable / static_cast<double>(o.steps.size()));
  TextStyle head;
  head.size = 8;
  head.bold = true;
  head.align = Align::Center;
  TextStyle cell = head;
  cell.bold = false;
  const size_t per_page = static_cast<size_t>((kA4Short - kTop - kBottom - 80) / row_h);
  for (size_t first = 0; first < o.depts.size(); first += per_page) {
    w.new_page(true);
    TextStyle h;
    h.size = 12;
    h.bold = true;
    double y = kTop;
    y += w.text(kMargin, y, kA4Long - 2 * kMargin,
                "二、A 级风险点分布（部门 × 环节，格中数字为 A 级风险点个数，颜色越深越多）", h) +
         8;
    double header_h = 0;
    for (const auto& s : o.steps) header_h = std::max(header_h, w.measure(s, cell_w - 4, head));
    header_h += 6;
    double x = kMargin + name_w;
    for (const auto& s : o.steps) {
      w.set_rgb(0.93, 0.91, 0.89);
      w.rectangle(x, y, cell_w, header_h);
      w.fill();
      w.set_rgb(0, 0, 0);
      w.text(x + 2, y + 3, cell_w - 4, s, head);
      x += cell_w;
    }
    y += header_h;
    for (size_t i = first; i < std::min(o.depts.size(), first + per_page); ++i) {
      w.set_rgb(0, 0, 0);
      w.text(kMargin + 2, y + 4, name_w - 4, o.depts[i].dept,
             TextStyle{8, false, Align::Left, row_h - 4});
      x = kMargin + name_w;
      for (size_t v : o.a_grid[i]) {
        // White for none, then from a pale to a deep red.
        const double t =
            v == 0 ? 0 : 0.25 + 0.75 * static_cast<double>(v) / static_cast<double>(max);
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
      y += row_h;
    }
  }
}

}  // namespace

std::string render_risk_pdf(const Catalog& c, const RiskOverview& o, std::string* error) {
  const std::string title = c.project.title.value.empty() ? "行政职权目录" : c.project.title.value;
  PdfWriter w("廉政风险防控一览", c.project.publisher.value);

  PdfTable depts;
  depts.heading = fmt::format(
      "{}　廉政风险防控一览\n共 {} 个风险点：A 级 {} 个、B 级 {} 个、C 级 {} "
      "个\n\n一、各部门风险点数",
      title, o.entries.size(), o.total[0], o.total[1], o.total[2]);
  depts.columns = {{"部门", 260}, {"事项数", 90}, {"有风险点的事项", 110},
                   {"A 级", 90},  {"B 级", 90},   {"C 级", 117.9}};
  for (const auto& d : o.depts)
    depts.rows.push_back({d.dept, n(d.items), n(d.items_with_risks), n(d.levels[0]), n(d.levels[1]),
                          n(d.levels[2])});
  size_t items = 0, with = 0;
  for (const auto& d : o.depts) items += d.items, with += d.items_with_risks;
  depts.rows.push_back({"合计", n(items), n(with), n(o.total[0]), n(o.total[1]), n(o.total[2])});
  draw_table(w, depts, plan_table(w, depts));
  w.outline(0, "一、各部门风险点数", 1);

  const int heat_page = w.page() + 1;
  draw_heat_map(w, o);
  if (w.page() >= heat_page) w.outline(0, "二、A 级风险点分布", heat_page);

  PdfTable counts;
  counts.heading = "三、按环节和岗位统计";
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
    const int page = w.page() + 1;
    draw_table(w, counts, plan_table(w, counts));
    w.outline(0, counts.heading, page);
  }

  PdfTable list;
  list.heading = "四、风险点及防控措施";
  list.columns = {{"序号", 30}, {"部门", 90}, {"事项", 140},   {"环节", 50},
                  {"岗位", 70}, {"等级", 32}, {"风险点", 160}, {"防控措施", 185.9}};
  size_t row = 0;
  for (const auto& e : o.entries)
    list.rows.push_back({n(++row), e.dept, e.item, e.step, e.post, e.level + "级",
                         e.point.empty() ? "—" : e.point,
                         e.measures.empty() ? "（未填写）" : e.measures});
  if (!list.rows.empty()) {
    const int page = w.page() + 1;
    draw_table(w, list, plan_table(w, list));
    w.outline(0, list.heading, page);
  }
  return w.finish(error);
}

}  // namespace powerlist
