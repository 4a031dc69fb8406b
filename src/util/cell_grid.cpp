#include "powerlist/cell_grid.hpp"

namespace powerlist {

std::string_view CellGrid::at(uint32_t row, uint32_t col) const {
  if (row >= rows()) return {};
  const uint32_t first = row_first_[row], count = row_first_[row + 1] - first;
  if (col >= count) return {};
  const size_t i = size_t(first) + col;
  const uint32_t begin = i == 0 ? 0 : cell_end_[i - 1];
  return std::string_view(text_).substr(begin, cell_end_[i] - begin);
}

bool CellGrid::append_row(uint32_t row, const std::vector<std::string>& cells) {
  if (row < rows()) return false;
  extend_to(row);
  size_t n = cells.size();
  while (n > 0 && cells[n - 1].empty()) --n;
  for (size_t c = 0; c < n; ++c) {
    text_ += cells[c];
    cell_end_.push_back(static_cast<uint32_t>(text_.size()));
  }
  row_first_.push_back(static_cast<uint32_t>(cell_end_.size()));
  if (n > cols_) cols_ = static_cast<uint32_t>(n);
  return true;
}

void CellGrid::extend_to(uint32_t rows_wanted) {
  while (rows() < rows_wanted) row_first_.push_back(static_cast<uint32_t>(cell_end_.size()));
}

}  // namespace powerlist
