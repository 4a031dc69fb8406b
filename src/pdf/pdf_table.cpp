#include "pdf_table.hpp"

#include <algorithm>

namespace powerlist {

namespace {

constexpr double kPad = 3, kHeadingSize = 14;

double heading_height(PdfWriter& w, const PdfTable& t) {
  if (t.heading.empty()) return 0;
  TextStyle st;
  st.size = kHeadingSize;
  st.bold = true;
  return w.measure(t.heading, kA4Long - 2 * kMargin, st) + 8;
}

double usable(bool first, double heading, double header) {
  return kA4Short - kTop - kBottom - header - (first ? heading : 0);
}

TextStyle cell_style(const PdfColumn& c, double max_height, double leading = 0) {
  TextStyle st;
  st.size = c.size;
  st.leading = leading;
  st.max_height = max_height;
  return st;
}

}  // namespace

TablePlan plan_table(PdfWriter& w, const PdfTable& t) {
  TablePlan plan;
  const double heading = heading_height(w, t);
  for (const auto& c : t.columns) {
    TextStyle st;
    st.size = t.header_size;
    st.bold = true;
    plan.header_height = std::max(plan.header_height, w.measure(c.title, c.width - 2 * kPad, st));
  }
  plan.header_height += 2 * kPad;
  // A cell taller than a page is cut with an ellipsis rather than split.
  const double max_cell = usable(false, heading, plan.header_height) - 2 * kPad;
  for (const auto& row : t.rows) {
    double h = 0;
    for (size_t i = 0; i < t.columns.size() && i < row.size(); ++i)
      h = std::max(
          h, w.measure(row[i], t.columns[i].width - 2 * kPad, cell_style(t.columns[i], max_cell)));
    plan.row_heights.push_back(h + 2 * kPad);
  }
  plan.page_starts.push_back(0);
  double left = usable(true, heading, plan.header_height);
  for (size_t r = 0; r < plan.row_heights.size(); ++r) {
    if (plan.row_heights[r] > left && r != plan.page_starts.back()) {
      plan.page_starts.push_back(r);
      left = usable(false, heading, plan.header_height);
    }
    left -= plan.row_heights[r];
  }
  return plan;
}

static void draw_row(PdfWriter& w, const PdfTable& t, const std::vector<std::string>& cells,
                     double y, double h, bool header, double max_cell, double pad_y = kPad) {
  double x = kMargin, total = 0;
  for (const auto& c : t.columns) total += c.width;
  if (header) {
    w.set_rgb(0.93, 0.91, 0.89);
    w.rectangle(kMargin, y, total, h);
    w.fill();
  }
  w.set_rgb(0, 0, 0);
  w.set_line_width(0.5);
  for (size_t i = 0; i < t.columns.size(); ++i) {
    const PdfColumn& c = t.columns[i];
    w.rectangle(x, y, c.width, h);
    w.stroke();
    TextStyle st = cell_style(c, max_cell, t.leading);
    if (header) {
      st.size = t.header_size;
      st.bold = true;
      st.align = Align::Center;
    }
    if (i < cells.size()) w.text(x + kPad, y + pad_y, c.width - 2 * kPad, cells[i], st);
    x += c.width;
  }
}

std::vector<int> draw_table(PdfWriter& w, const PdfTable& t, const TablePlan& plan) {
  std::vector<int> row_pages(t.rows.size(), 0);
  const double heading = heading_height(w, t);
  const double max_cell = usable(false, heading, plan.header_height) - 2 * kPad;
  std::vector<std::string> titles;
  for (const auto& c : t.columns) titles.push_back(c.title);
  for (size_t p = 0; p < plan.pages(); ++p) {
    w.new_page(true);
    double y = kTop;
    if (p == 0 && heading > 0) {
      TextStyle st;
      st.size = kHeadingSize;
      st.bold = true;
      w.text(kMargin, y, kA4Long - 2 * kMargin, t.heading, st);
      y += heading;
    }
    draw_row(w, t, titles, y, plan.header_height, true, max_cell);  // repeated on each page
    y += plan.header_height;
    const size_t end = p + 1 < plan.pages() ? plan.page_starts[p + 1] : t.rows.size();
    for (size_t r = plan.page_starts[p]; r < end; ++r) {
      draw_row(w, t, t.rows[r], y, plan.row_heights[r], false, max_cell);
      row_pages[r] = w.page();
      y += plan.row_heights[r];
    }
  }
  return row_pages;
}

double flow_table(PdfWriter& w, const PdfTable& t, double y) {
  std::vector<std::string> titles;
  TextStyle head;
  head.size = t.header_size;
  head.bold = true;
  double header = 0;
  for (const auto& c : t.columns) {
    titles.push_back(c.title);
    header = std::max(header, w.measure(c.title, c.width - 2 * kPad, head));
  }
  header += 2 * kPad;
  const double bottom = w.height() - kBottom;
  const double max_cell = bottom - kTop - header - 2 * t.pad_y;
  std::vector<double> heights;
  for (const auto& row : t.rows) {
    double h = 0;
    for (size_t i = 0; i < t.columns.size() && i < row.size(); ++i)
      h = std::max(h, w.measure(row[i], t.columns[i].width - 2 * kPad,
                                cell_style(t.columns[i], max_cell, t.leading)));
    heights.push_back(h + 2 * t.pad_y);
  }
  // The header and the first row stay together.
  if (!heights.empty() && y + header + heights[0] > bottom) {
    w.new_page(w.width() > w.height());
    y = kTop;
  }
  draw_row(w, t, titles, y, header, true, max_cell);
  y += header;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (y + heights[r] > bottom) {
      w.new_page(w.width() > w.height());
      y = kTop;
      draw_row(w, t, titles, y, header, true, max_cell);
      y += header;
    }
    draw_row(w, t, t.rows[r], y, heights[r], false, max_cell, t.pad_y);
    y += heights[r];
  }
  return y;
}

}  // namespace powerlist
