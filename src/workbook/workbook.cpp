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

namespace {

// Keeps every sheet's rows in a compact grid, within the limits on kept cells and text.
class SheetCollector : public RowSink {
 public:
  SheetCollector(Workbook& book, const WorkbookLimits& limits) : book_(book), limits_(limits) {}
  void begin_sheet(const std::string& name) override {
    book_.sheets.emplace_back();
    book_.sheets.back().name = name;
  }
  Message row(uint32_t r, const std::vector<std::string>& cells) override {
    Sheet& sheet = book_.sheets.back();
    if (cells.size() > limits_.max_cols)
      return limit_exceeded(
          fmt::format("工作表“{}”第 {} 行有 {} 列，超过每行 {} 列的上限", sheet.name, r + 1,
                      cells.size(), limits_.max_cols),
          fmt::format("row {} of sheet '{}' has {} columns, over the limit of {} a row", r + 1,
                      sheet.name, cells.size(), limits_.max_cols));
    cells_ += cells.size();
    for (const auto& c : cells) text_ += c.size();
    if (cells_ > limits_.max_cells)
      return limit_exceeded(
          fmt::format("工作簿的单元格超过 {} 个的上限（读到工作表“{}”第 {} 行）", limits_.max_cells,
                      sheet.name, r + 1),
          fmt::format("the workbook has over {} cells, the limit (at row {} of sheet '{}')",
                      limits_.max_cells, r + 1, sheet.name));
    if (text_ > limits_.max_text_bytes)
      return limit_exceeded(
          fmt::format("工作簿的单元格文字超过 {} MB 的上限（读到工作表“{}”第 {} 行）",
                      limits_.max_text_bytes >> 20, sheet.name, r + 1),
          fmt::format("the workbook's cell text is over {} MB, the limit (at row {} of sheet '{}')",
                      limits_.max_text_bytes >> 20, r + 1, sheet.name));
    if (!sheet.grid->append_row(r, cells))
      return {fmt::format("工作表“{}”的行次序错乱（第 {} 行出现在后面的行之后），文件可能已损坏",
                          sheet.name, r + 1),
              fmt::format("rows of sheet '{}' are out of order (row {} after a later row); the "
                          "file may be damaged",
                          sheet.name, r + 1)};
    return {};
  }
  void column_width(uint32_t col, double chars) override {
    Sheet& sheet = book_.sheets.back();
    if (col >= limits_.max_cols) return;
    if (sheet.col_widths.size() <= col) sheet.col_widths.resize(col + 1, 0.0);
    sheet.col_widths[col] = chars;
  }
  void end_sheet(uint32_t rows, std::vector<CellRange> merges) override {
    Sheet& sheet = book_.sheets.back();
    sheet.grid->extend_to(rows);
    sheet.merges = std::move(merges);
  }

 private:
  Workbook& book_;
  const WorkbookLimits& limits_;
  size_t cells_ = 0, text_ = 0;
};

WorkbookRead collect(WorkbookFormat format, const std::string& bytes, const WorkbookLimits& limits,
                     Message (*stream)(const std::string&, const WorkbookLimits&, RowSink&)) {
  WorkbookRead out;
  out.book.format = format;
  SheetCollector sink(out.book, limits);
  out.error = stream(bytes, limits, sink);
  if (!out.error.zh.empty()) out.book.sheets.clear();
  return out;
}

// Hands the sheets of an .xls (read whole: FreeXL has no row stream) on to a sink.
Message replay(const WorkbookRead& read, RowSink& sink) {
  if (!read.error.zh.empty()) return read.error;
  std::vector<std::string> cells;
  for (const Sheet& sheet : read.book.sheets) {
    sink.begin_sheet(sheet.name);
    for (uint32_t r = 0; r < sheet.rows(); ++r) {
      cells.clear();
      for (uint32_t c = 0; c < sheet.cols(); ++c) cells.emplace_back(sheet.at(r, c));
      Message m = sink.row(r, cells);
      if (!m.zh.empty()) return m;
    }
    sink.end_sheet(sheet.rows(), sheet.merges);
  }
  return {};
}

}  // namespace

WorkbookRead read_csv(const std::string& bytes, const WorkbookLimits& limits) {
  return collect(WorkbookFormat::Csv, bytes, limits, stream_csv);
}

WorkbookRead read_xlsx(const std::string& bytes, const WorkbookLimits& limits) {
  return collect(WorkbookFormat::Xlsx, bytes, limits, stream_xlsx);
}

Message stream_workbook(const std::string& bytes, const WorkbookLimits& limits, RowSink& sink) {
  if (bytes.empty())
    return {"文件是空的（0 字节），不是工作簿", "the file is empty (0 bytes), not a workbook"};
  switch (detect_workbook_format(bytes)) {
    case WorkbookFormat::Xls:
      return replay(read_xls(bytes, limits), sink);
    case WorkbookFormat::Xlsx:
      return stream_xlsx(bytes, limits, sink);
    default:
      return stream_csv(bytes, limits, sink);
  }
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
