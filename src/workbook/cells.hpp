// Cell text as catalogs write it: names wrapped every few characters, long texts with hard
// line breaks, merged cells, several limits in one cell.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "powerlist/duration.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist {

// A name as one line: whitespace (also full-width spaces and line breaks) removed, except a
// single space between two ASCII letters or digits (GB 50016).
std::string clean_name(std::string_view s);
// Long text: CRLF → LF, trailing spaces cut, runs of blank lines collapsed; a cell broken every
// few characters (lines shorter than 8 characters on average) is joined back into one line.
std::string clean_text(std::string_view s);
// The first duration written anywhere in `s` (告知承诺制：20个工作日 → 20工作日).
std::optional<Duration> first_duration(const std::string& s);
// 2025年克拉玛依市统计局权责清单 → 克拉玛依市统计局; "" when nothing is left.
std::string department_from_title(const std::string& title);

// Merged ranges of a sheet: a cell in a lower row of a vertical merge reads the merge's
// top-left cell; cells right of the first column of a merge are empty.
class MergeMap {
 public:
  explicit MergeMap(const Sheet& sheet);
  struct Origin {
    uint32_t row, col;
    bool merged_from_above;
  };
  Origin origin(uint32_t row, uint32_t col) const;

 private:
  const Sheet& sheet_;
  std::vector<int32_t> owner_;  // per cell: index into sheet.merges, -1 when not merged
};

}  // namespace powerlist
