// CSV (and tab-separated text) in UTF-8, UTF-8 with BOM, UTF-16 with BOM or GB18030 (the
// encoding WPS and Excel use for "CSV" on Chinese Windows). RFC 4180 quoting.
#include <fmt/format.h>

#include <algorithm>

#include "powerlist/text.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist {

namespace {

char guess_delimiter(std::string_view text) {
  size_t comma = 0, tab = 0, semi = 0;
  bool quoted = false;
  for (size_t i = 0; i < text.size() && i < 65536; ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    comma += c == ',';
    tab += c == '\t';
    semi += c == ';';
  }
  if (tab > comma && tab >= semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}

}  // namespace

Message stream_csv(const std::string& bytes, const WorkbookLimits& limits, RowSink& sink) {
  if (Message m = file_size_problem(bytes.size(), limits); !m.zh.empty()) return m;
  // UTF-8 is read in place; other encodings are converted once.
  std::string converted;
  std::string_view text;
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    text = std::string_view(bytes).substr(3);
  } else if (bytes.compare(0, 2, "\xFF\xFE") == 0) {
    if (convert_to_utf8(bytes.substr(2), "UTF-16LE", converted)) text = converted;
  } else if (bytes.compare(0, 2, "\xFE\xFF") == 0) {
    if (convert_to_utf8(bytes.substr(2), "UTF-16BE", converted)) text = converted;
  } else if (find_invalid_utf8(bytes) == std::string::npos) {
    text = bytes;
  } else if (convert_to_utf8(bytes, "GB18030", converted)) {
    text = converted;
  } else {
    return {"无法识别的文本编码：既不是 UTF-8 也不是 GB18030（GBK）；也可能是损坏的 Excel 文件",
            "unrecognised text encoding: neither UTF-8 nor GB18030 (GBK); or a damaged "
            "Excel file"};
  }
  if (find_invalid_utf8(text) != std::string::npos || text.find('\0') != std::string::npos)
    return {"文件含有二进制内容，不是 CSV 文本，也不是可识别的 Excel 工作簿",
            "the file holds binary data: neither CSV text nor a recognisable workbook"};
  const char delim = guess_delimiter(text);
  sink.begin_sheet("Sheet1");
  std::vector<std::string> row;
  std::string field;
  uint32_t record = 0, extent = 0;
  bool quoted = false, was_quoted = false;
  auto cell_too_long = [&] {
    return limit_exceeded(
        fmt::format("CSV 文件第 {} 行第 {} 列的单元格超过 {} KB 的上限", record + 1, row.size() + 1,
                    limits.max_cell_bytes >> 10),
        fmt::format("the cell in row {}, column {} of the CSV file is over the limit of {} KB",
                    record + 1, row.size() + 1, limits.max_cell_bytes >> 10));
  };
  auto end_field = [&]() -> Message {
    if (row.size() >= limits.max_cols)
      return limit_exceeded(
          fmt::format("CSV 文件第 {} 行超过每行 {} 列的上限", record + 1, limits.max_cols),
          fmt::format("row {} of the CSV file is over the limit of {} columns", record + 1,
                      limits.max_cols));
    row.push_back(std::move(field));
    field.clear();
    was_quoted = false;
    return {};
  };
  // A record of empty fields is an empty row: counted, not handed on.
  auto end_record = [&]() -> Message {
    Message m = end_field();
    if (!m.zh.empty()) return m;
    const bool blank =
        std::all_of(row.begin(), row.end(), [](const std::string& f) { return f.empty(); });
    if (!blank) {
      m = sink.row(record, row);
      if (!m.zh.empty()) return m;
      extent = record + 1;
    }
    row.clear();
    if (record == UINT32_MAX - 1)
      return limit_exceeded("CSV 文件的行数超过 4,294,967,294 行",
                            "the CSV file has over 4,294,967,294 rows");
    ++record;
    return {};
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
        continue;
      }
      if (field.size() >= limits.max_cell_bytes) return cell_too_long();
      field += c;
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == delim) {
      Message m = end_field();
      if (!m.zh.empty()) return m;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      Message m = end_record();
      if (!m.zh.empty()) return m;
    } else {
      if (field.size() >= limits.max_cell_bytes) return cell_too_long();
      field += c;
    }
  }
  if (!field.empty() || !row.empty() || was_quoted) {
    Message m = end_record();
    if (!m.zh.empty()) return m;
  }
  sink.end_sheet(extent, {});
  return {};
}

}  // namespace powerlist
