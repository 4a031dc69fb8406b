// CSV (and tab-separated text) in UTF-8, UTF-8 with BOM, UTF-16 with BOM or GB18030 (the
// encoding WPS and Excel use for "CSV" on Chinese Windows). RFC 4180 quoting.
#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>

#include "powerlist/text.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist {

namespace {

// Converts with iconv; false when `in` is not valid in `from`.
bool convert(const std::string& in, const char* from, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  size_t used = 0;
  bool ok = true;
  while (src_left > 0) {
    char* dst = out.data() + used;
    size_t dst_left = out.size() - used;
    const size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
    used = out.size() - dst_left;
    if (rc == static_cast<size_t>(-1)) {
      if (errno == E2BIG) {
        out.resize(out.size() * 2);
        continue;
      }
      ok = false;
      break;
    }
  }
  iconv_close(cd);
  out.resize(used);
  return ok;
}

char guess_delimiter(const std::string& text) {
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

WorkbookRead read_csv(const std::string& bytes, const WorkbookLimits& limits) {
  WorkbookRead out;
  out.book.format = WorkbookFormat::Csv;
  std::string text;
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    text = bytes.substr(3);
  } else if (bytes.compare(0, 2, "\xFF\xFE") == 0) {
    if (!convert(bytes.substr(2), "UTF-16LE", text)) text.clear();
  } else if (bytes.compare(0, 2, "\xFE\xFF") == 0) {
    if (!convert(bytes.substr(2), "UTF-16BE", text)) text.clear();
  } else if (find_invalid_utf8(bytes) == std::string::npos) {
    text = bytes;
  } else if (!convert(bytes, "GB18030", text)) {
    out.error = {
        "无法识别的文本编码：既不是 UTF-8 也不是 GB18030（GBK）；也可能是损坏的 Excel 文件",
        "unrecognised text encoding: neither UTF-8 nor GB18030 (GBK); or a damaged "
        "Excel file"};
    return out;
  }
  if (find_invalid_utf8(text) != std::string::npos || text.find('\0') != std::string::npos) {
    out.error = {"文件含有二进制内容，不是 CSV 文本，也不是可识别的 Excel 工作簿",
                 "the file holds binary data: neither CSV text nor a recognisable workbook"};
    return out;
  }
  const char delim = guess_delimiter(text);
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, was_quoted = false;
  size_t cells = 0;
  auto end_field = [&] {
    rows.back().push_back(std::move(field));
    field.clear();
    was_quoted = false;
    ++cells;
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
      } else if (field.size() < limits.max_cell_bytes) {
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == delim) {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_field();
      rows.emplace_back();
      if (rows.size() > limits.max_rows) break;
    } else if (field.size() < limits.max_cell_bytes) {
      field += c;
    }
    if (cells > limits.max_cells) break;
  }
  if (!field.empty() || !rows.back().empty()) end_field();
  while (!rows.empty() && std::all_of(rows.back().begin(), rows.back().end(),
                                      [](const std::string& f) { return f.empty(); }))
    rows.pop_back();
  if (rows.size() > limits.max_rows || cells > limits.max_cells) {
    out.error = {
        fmt::format("CSV 文件超过上限（{} 行、共 {} 个单元格）", limits.max_rows, limits.max_cells),
        fmt::format("the CSV file is over the limits ({} rows, {} cells)", limits.max_rows,
                    limits.max_cells)};
    return out;
  }
  Sheet sheet;
  sheet.name = "Sheet1";
  sheet.rows = static_cast<uint32_t>(rows.size());
  for (const auto& r : rows)
    sheet.cols = std::max<uint32_t>(sheet.cols, static_cast<uint32_t>(r.size()));
  if (sheet.cols > limits.max_cols) {
    out.error = {fmt::format("CSV 文件有 {} 列，超过上限 {} 列", sheet.cols, limits.max_cols),
                 fmt::format("the CSV file has {} columns, over the limit of {}", sheet.cols,
                             limits.max_cols)};
    return out;
  }
  sheet.cells.assign(size_t(sheet.rows) * sheet.cols, std::string());
  for (uint32_t r = 0; r < sheet.rows; ++r)
    for (uint32_t c = 0; c < rows[r].size(); ++c)
      sheet.cells[size_t(r) * sheet.cols + c] = std::move(rows[r][c]);
  out.book.sheets.push_back(std::move(sheet));
  return out;
}

}  // namespace powerlist
