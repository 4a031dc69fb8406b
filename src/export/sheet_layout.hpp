// Layout of the workbooks people open and print (review table, annotated copy): row heights
// for wrapped text and a print scale that keeps type readable. Spreadsheet programs do not fit
// rows to wrapped text on opening, and "fit to one page wide" shrinks 17 columns to ~2 pt.
#pragma once
#include <xlsxwriter.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "powerlist/text.hpp"

namespace powerlist {

// Lines a text takes in a column `width` characters wide (CJK characters count two).
inline size_t lines_in(std::string_view text, double width) {
  // A column of width w holds about 0.9 w display columns of 宋体 10 (margins, rounding).
  const size_t w = static_cast<size_t>(std::max(4.0, width * 0.9));
  size_t lines = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const size_t dw = display_width(text.substr(start, nl - start));
    lines += std::max<size_t>(1, (dw + w - 1) / w);
    start = nl + 1;
  }
  return lines;
}

// The height of a row of `lines` lines of 10-point text, within the format's 409-point limit.
inline double row_height(size_t lines) {
  return std::min(409.0, 13.5 * static_cast<double>(lines));
}

// Landscape A3, as many pages across as the columns need (printed near 100 %, text ≥ 9 pt),
// any number down.
inline void print_readable(lxw_worksheet* ws, const std::vector<double>& widths) {
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 8);  // A3
  // LibreOffice and Excel scale "fit to N pages wide" by the total width, about 133 width units
  // to a landscape A3 page at 100 % (measured: tests/cli/print_legibility.sh); asking for a
  // page per 115 units leaves room for the page breaks that fall between columns.
  double total = 0;
  for (double w : widths) total += w + 0.71;  // the padding a width is stored with
  const int pages = static_cast<int>(total / 115.0) + 1;
  worksheet_fit_to_pages(ws, static_cast<uint16_t>(std::clamp(pages, 1, 12)), 0);
}

}  // namespace powerlist
