// Merged cells and column widths of an .xls workbook (xls_layout.cpp): what FreeXL does not
// report, so that an annotated copy keeps the department's layout and the import reads
// merged cells as it does in an .xlsx.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "powerlist/workbook.hpp"

namespace powerlist {

struct XlsSheetLayout {
  std::string name;
  std::vector<CellRange> merges;
  std::vector<double> col_widths;  // characters; 0 where the file sets none
};

// One entry per sheet of the workbook stream, in file order; empty when the bytes are not a
// readable, unencrypted BIFF8 compound file.
std::vector<XlsSheetLayout> read_xls_layout(std::string_view bytes);

}  // namespace powerlist
