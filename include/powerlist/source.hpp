// Source files and spans. Every value loaded from YAML keeps a Span into one of these.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "powerlist/cell_grid.hpp"

namespace powerlist {

// 1-based line and column (columns count Unicode code points). line == 0: no location.
struct Span {
  uint32_t file = 0;
  uint32_t line = 0, col = 0, end_line = 0, end_col = 0;
  bool valid() const { return line > 0; }
};

struct SourceFile {
  std::string display;  // path as shown to users (relative to the catalog folder)
  std::string fs_path;  // path as opened on disk
  std::string text;     // the bytes, BOM removed
  std::vector<uint32_t> line_starts;
  bool builtin = false;  // shipped data (catalogs/), not one of the user's inputs
  // A sheet of a workbook: spans are (row, column), and excerpts show the cell's text.
  std::string sheet;
  std::shared_ptr<const CellGrid> grid;  // the sheet's cells
  bool is_sheet() const { return !sheet.empty(); }
  std::string_view cell_text(uint32_t row1, uint32_t col1) const;
  void index_lines();
  std::string_view line_text(uint32_t line1) const;
};

// Owns every file read during one run; file id 0 means "no file".
class Sources {
 public:
  Sources();
  uint32_t add(std::string display, std::string fs_path, std::string text);
  const SourceFile& get(uint32_t id) const { return *files_.at(id); }
  SourceFile& get_mut(uint32_t id) { return *files_.at(id); }
  size_t size() const { return files_.size(); }
  // Moves `other`'s files after these; file id k of `other` becomes k + the returned offset.
  uint32_t adopt(Sources&& other);

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

}  // namespace powerlist

namespace powerlist {
// The *.yaml files directly in `dir`, sorted (deterministic load order); empty if none.
std::vector<std::string> yaml_files_in(const std::string& dir);
}  // namespace powerlist
