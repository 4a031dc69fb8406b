// Tables over as many pages as they need: wrapped cells, header row repeated on each page.
#pragma once
#include <string>
#include <vector>

#include "pdf_writer.hpp"

namespace powerlist {

struct PdfColumn {
  std::string title;
  double width;
  double size = 8;  // font size of this column's cells
};

struct PdfTable {
  std::vector<PdfColumn> columns;
  std::vector<std::vector<std::string>> rows;
  std::string heading;  // drawn above the table on its first page
  double header_size = 8;
  double leading = 0;  // of the cells' lines (TextStyle::leading)
  double pad_y = 3;    // above and below a cell's text (flow_table)
};

// Page layout of a table: which rows go on which page (filled by plan_table).
struct TablePlan {
  std::vector<double> row_heights;
  std::vector<size_t> page_starts;  // first row of each page
  double header_height = 0;
  size_t pages() const { return page_starts.size(); }
};

constexpr double kMargin = 42, kTop = 48, kBottom = 64;

// Measures every row (pages are landscape A4) without drawing.
TablePlan plan_table(PdfWriter& w, const PdfTable& t);
// Draws the table from a fresh landscape page on; returns the page of each row.
std::vector<int> draw_table(PdfWriter& w, const PdfTable& t, const TablePlan& plan);

// Draws the table (no heading) from `y` on the current page, in its orientation, continuing on
// new pages with the header repeated; a row never splits (a row taller than a page is cut with an
// ellipsis). Returns the y below the last row.
double flow_table(PdfWriter& w, const PdfTable& t, double y);

}  // namespace powerlist
