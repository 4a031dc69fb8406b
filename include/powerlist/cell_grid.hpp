// The cell text of one sheet, kept compactly: one text arena and, per row, only the cells up
// to its last non-empty one. A million-row ledger costs its text plus 4 bytes a cell, where a
// std::string per cell cost 32 bytes and an allocation (issue 22: read whole, never cut).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace powerlist {

class CellGrid {
 public:
  CellGrid() : row_first_{0} {}
  // Rows stored so far (the last appended row + 1).
  uint32_t rows() const { return static_cast<uint32_t>(row_first_.size() - 1); }
  // The widest row's cell count.
  uint32_t cols() const { return cols_; }
  std::string_view at(uint32_t row, uint32_t col) const;
  // Stores row `row` (0-based); rows skipped since the last one are empty. Rows must come in
  // ascending order (returns false otherwise). Trailing empty cells are not stored.
  bool append_row(uint32_t row, const std::vector<std::string>& cells);
  // Pads the grid with empty rows up to `rows` (a sheet whose last rows are empty).
  void extend_to(uint32_t rows);
  size_t cell_count() const { return cell_end_.size(); }
  size_t text_bytes() const { return text_.size(); }

 private:
  std::string text_;
  std::vector<uint32_t> cell_end_;   // end offset of each stored cell in text_
  std::vector<uint32_t> row_first_;  // index of each row's first cell in cell_end_; rows + 1
  uint32_t cols_ = 0;
};

}  // namespace powerlist
