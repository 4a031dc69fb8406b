// Format detection, dispatch to the readers, and cell names (workbook.hpp).
#include "powerlist/workbook.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace powerlist {

const char* workbook_format_name(WorkbookFormat f) {
  switch (f) {
    case WorkbookFormat::Xls:
      return "xls";
    case WorkbookFormat::Xlsx:
      return "xlsx";
    case WorkbookFormat::Csv:
      return "csv";
    case WorkbookFormat::Unknown:
      break;
  }
  return "unknown";
}

const std::string& Sheet::at(uint32_t r, uint32_t c) const {
  static const std::string empty;
  if (r >= rows || c >= cols) return empty;
  return cells[static_cast<size_t>(r) * cols + c];
}

WorkbookFormat detect_workbook_format(const std::string& bytes) {
  static const unsigned char ole[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  if (bytes.size() >= 8 &&
      std::equal(ole, ole + 8, reinterpret_cast<const unsigned char*>(bytes.data())))
    return WorkbookFormat::Xls;
  if (bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0) return WorkbookFormat::Xlsx;
  return WorkbookFormat::Csv;
}

bool has_workbook_extension(const std::string& path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return false;
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == "xls" || ext == "xlsx" || ext == "xlsm" || ext == "et" || ext == "ett" ||
         ext == "csv";
}

WorkbookRead read_workbook(const std::string& bytes, const WorkbookLimits& limits) {
  if (bytes.empty()) {
    WorkbookRead r;
    r.error = {"文件是空的（0 字节），不是工作簿", "the file is empty (0 bytes), not a workbook"};
    return r;
  }
  switch (detect_workbook_format(bytes)) {
    case WorkbookFormat::Xls:
      return read_xls(bytes, limits);
    case WorkbookFormat::Xlsx:
      return read_xlsx(bytes, limits);
    default:
      return read_csv(bytes, limits);
  }
}

std::string column_letters(uint32_t col) {
  std::string s;
  for (uint64_t c = uint64_t(col) + 1; c > 0; c = (c - 1) / 26)
    s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

std::string cell_name(uint32_t row, uint32_t col) {
  return column_letters(col) + std::to_string(row + 1);
}

}  // namespace powerlist
