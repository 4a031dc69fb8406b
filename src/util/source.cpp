#include "powerlist/source.hpp"

namespace powerlist {

void SourceFile::index_lines() {
  line_starts.clear();
  line_starts.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts.push_back(static_cast<uint32_t>(i + 1));
}

std::string_view SourceFile::line_text(uint32_t line1) const {
  if (line1 == 0 || line1 > line_starts.size()) return {};
  const size_t b = line_starts[line1 - 1];
  size_t e = line1 < line_starts.size() ? line_starts[line1] - 1 : text.size();
  if (e > b && text[e - 1] == '\r') --e;
  return std::string_view(text).substr(b, e - b);
}

std::string_view SourceFile::cell_text(uint32_t row1, uint32_t col1) const {
  if (row1 == 0 || col1 == 0 || !grid) return {};
  return grid->at(row1 - 1, col1 - 1);
}

Sources::Sources() {
  files_.push_back(std::make_unique<SourceFile>());
}

uint32_t Sources::add(std::string display, std::string fs_path, std::string text) {
  auto f = std::make_unique<SourceFile>();
  f->display = std::move(display);
  f->fs_path = std::move(fs_path);
  f->text = std::move(text);
  f->index_lines();
  files_.push_back(std::move(f));
  return static_cast<uint32_t>(files_.size() - 1);
}

uint32_t Sources::adopt(Sources&& other) {
  const auto offset = static_cast<uint32_t>(files_.size() - 1);  // id 0 is no file in both
  for (size_t i = 1; i < other.files_.size(); ++i) files_.push_back(std::move(other.files_[i]));
  other.files_.resize(1);
  return offset;
}

}  // namespace powerlist

#include <algorithm>
#include <filesystem>

namespace powerlist {

std::vector<std::string> yaml_files_in(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace powerlist
