// .xlsx (Office Open XML) through libzip and expat: only the parts a 权责清单 needs —
// sheet names, shared strings, cell values and merged ranges. Every part is streamed with
// a running count of unpacked bytes, so a zip bomb stops at the limit.
#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <memory>

#include "powerlist/text.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist {

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

Message too_big(const WorkbookLimits& l) {
  return {
      fmt::format("工作簿解压后超过 {} MB（可能是压缩炸弹），不予读取", l.max_unpacked_bytes >> 20),
      fmt::format("the workbook unpacks to over {} MB (a zip bomb?); not read",
                  l.max_unpacked_bytes >> 20)};
}

const char* local_name(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

const char* attr(const char** atts, const char* key) {
  for (size_t i = 0; atts[i]; i += 2)
    if (std::strcmp(local_name(atts[i]), key) == 0) return atts[i + 1];
  return nullptr;
}

// Streams one part of the package through expat.
class PartParser {
 public:
  using Start = std::function<void(const char*, const char**)>;
  using End = std::function<void(const char*)>;
  using Text = std::function<void(const char*, int)>;

  PartParser(Start s, End e, Text t)
      : start_(std::move(s)), end_(std::move(e)), text_(std::move(t)) {}

  // "" on success; `unpacked` counts bytes over all parts of the package.
  Message parse(zip_t* z, const std::string& part, size_t& unpacked, const WorkbookLimits& l,
                bool required) {
    zip_file_t* f = zip_fopen(z, part.c_str(), 0);
    if (!f) {
      if (!required) return {};
      return {fmt::format("工作簿缺少必需的部分 {}（文件不完整或不是 .xlsx）", part),
              fmt::format("the workbook lacks its part {} (incomplete or not an .xlsx)", part)};
    }
    XML_Parser p = XML_ParserCreateNS(nullptr, ':');
    XML_SetUserData(p, this);
    XML_SetElementHandler(p, &PartParser::on_start, &PartParser::on_end);
    XML_SetCharacterDataHandler(p, &PartParser::on_text);
    Message err;
    char buf[1 << 16];
    for (;;) {
      const zip_int64_t n = zip_fread(f, buf, sizeof buf);
      if (n < 0) {
        err = {fmt::format("工作簿的 {} 无法解压（文件已损坏或被截断）", part),
               fmt::format("part {} cannot be unpacked (damaged or truncated file)", part)};
        break;
      }
      unpacked += static_cast<size_t>(n);
      if (unpacked > l.max_unpacked_bytes) {
        err = too_big(l);
        break;
      }
      if (XML_Parse(p, buf, static_cast<int>(n), n == 0) == XML_STATUS_ERROR) {
        err = {fmt::format("工作簿的 {} 不是有效的 XML（第 {} 行）：{}", part,
                           XML_GetCurrentLineNumber(p), XML_ErrorString(XML_GetErrorCode(p))),
               fmt::format("part {} is not valid XML (line {}): {}", part,
                           XML_GetCurrentLineNumber(p), XML_ErrorString(XML_GetErrorCode(p)))};
        break;
      }
      if (!stop_.zh.empty()) {
        err = stop_;
        break;
      }
      if (n == 0) break;
    }
    XML_ParserFree(p);
    zip_fclose(f);
    return err;
  }
  void stop(Message m) {
    if (stop_.zh.empty()) stop_ = std::move(m);
  }

 private:
  static void on_start(void* self, const char* name, const char** atts) {
    static_cast<PartParser*>(self)->start_(local_name(name), atts);
  }
  static void on_end(void* self, const char* name) {
    static_cast<PartParser*>(self)->end_(local_name(name));
  }
  static void on_text(void* self, const char* s, int len) {
    static_cast<PartParser*>(self)->text_(s, len);
  }
  Start start_;
  End end_;
  Text text_;
  Message stop_;
};

// "A1" → 0-based (row, col); false on anything else.
bool parse_ref(const char* ref, uint32_t& row, uint32_t& col) {
  if (!ref) return false;
  uint64_t c = 0, r = 0;
  const char* p = ref;
  while (*p >= 'A' && *p <= 'Z') {
    c = c * 26 + uint64_t(*p - 'A' + 1);
    if (c > 20000) return false;
    ++p;
  }
  if (c == 0) return false;
  while (*p >= '0' && *p <= '9') {
    r = r * 10 + uint64_t(*p - '0');
    if (r > 10'000'000) return false;
    ++p;
  }
  if (r == 0 || *p) return false;
  row = static_cast<uint32_t>(r - 1);
  col = static_cast<uint32_t>(c - 1);
  return true;
}

std::string resolve_target(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

struct SheetRef {
  std::string name, target;
};

Message read_sheet_list(zip_t* z, size_t& unpacked, const WorkbookLimits& l,
                        std::vector<SheetRef>& sheets) {
  std::map<std::string, std::string> rels;
  PartParser rel_parser(
      [&](const char* el, const char** a) {
        if (std::strcmp(el, "Relationship") == 0) {
          const char *id = attr(a, "Id"), *target = attr(a, "Target");
          if (id && target) rels[id] = target;
        }
      },
      [](const char*) {}, [](const char*, int) {});
  Message err = rel_parser.parse(z, "xl/_rels/workbook.xml.rels", unpacked, l, true);
  if (!err.zh.empty()) return err;
  std::vector<std::pair<std::string, std::string>> order;
  PartParser wb_parser(
      [&](const char* el, const char** a) {
        if (std::strcmp(el, "sheet") == 0) {
          const char *name = attr(a, "name"), *id = attr(a, "id");
          if (name && id) order.emplace_back(name, id);
        }
      },
      [](const char*) {}, [](const char*, int) {});
  err = wb_parser.parse(z, "xl/workbook.xml", unpacked, l, true);
  if (!err.zh.empty()) return err;
  for (const auto& [name, id] : order) {
    auto it = rels.find(id);
    if (it != rels.end()) sheets.push_back({name, resolve_target(it->second)});
  }
  return {};
}

Message read_shared_strings(zip_t* z, size_t& unpacked, const WorkbookLimits& l,
                            std::vector<std::string>& strings) {
  std::string cur;
  int depth_phonetic = 0;  // text of <rPh> runs (reading aids) is not cell text
  bool in_t = false, in_si = false;
  PartParser parser(
      [&](const char* el, const char**) {
        if (std::strcmp(el, "si") == 0) {
          in_si = true;
          cur.clear();
        } else if (std::strcmp(el, "rPh") == 0) {
          ++depth_phonetic;
        } else if (std::strcmp(el, "t") == 0) {
          in_t = true;
        }
      },
      [&](const char* el) {
        if (std::strcmp(el, "si") == 0) {
          in_si = false;
          strings.push_back(cur);
        } else if (std::strcmp(el, "rPh") == 0) {
          --depth_phonetic;
        } else if (std::strcmp(el, "t") == 0) {
          in_t = false;
        }
      },
      [&](const char* s, int len) {
        if (in_si && in_t && depth_phonetic == 0 && cur.size() < l.max_cell_bytes)
          cur.append(s, static_cast<size_t>(len));
      });
  return parser.parse(z, "xl/sharedStrings.xml", unpacked, l, false);
}

struct RawCell {
  uint32_t row, col;
  std::string text;
};

Message read_sheet(zip_t* z, const SheetRef& ref, const std::vector<std::string>& shared,
                   size_t& unpacked, size_t& total_cells, const WorkbookLimits& l, Sheet& out) {
  std::vector<RawCell> cells;
  uint32_t row = 0, next_col = 0, max_row = 0, max_col = 0;
  bool have_cell = false, in_value = false;
  std::string type, value;
  RawCell cur{};
  PartParser* self = nullptr;
  PartParser parser(
      [&](const char* el, const char** a) {
        if (std::strcmp(el, "row") == 0) {
          const char* r = attr(a, "r");
          row = r ? static_cast<uint32_t>(std::strtoul(r, nullptr, 10)) - 1 : row + 1;
          next_col = 0;
        } else if (std::strcmp(el, "c") == 0) {
          uint32_t rr = row, cc = next_col;
          if (const char* r = attr(a, "r")) parse_ref(r, rr, cc);
          const char* t = attr(a, "t");
          type = t ? t : "";
          value.clear();
          cur = {rr, cc, {}};
          have_cell = true;
          next_col = cc + 1;
        } else if (have_cell && (std::strcmp(el, "v") == 0 || std::strcmp(el, "t") == 0)) {
          in_value = true;
        } else if (std::strcmp(el, "mergeCell") == 0) {
          const char* ref_attr = attr(a, "ref");
          if (!ref_attr) return;
          const std::string r = ref_attr;
          const size_t colon = r.find(':');
          CellRange m;
          if (colon != std::string::npos &&
              parse_ref(r.substr(0, colon).c_str(), m.first_row, m.first_col) &&
              parse_ref(r.substr(colon + 1).c_str(), m.last_row, m.last_col) &&
              m.first_row <= m.last_row && m.first_col <= m.last_col && out.merges.size() < 100000)
            out.merges.push_back(m);
        }
      },
      [&](const char* el) {
        if (std::strcmp(el, "v") == 0 || std::strcmp(el, "t") == 0) {
          in_value = false;
        } else if (std::strcmp(el, "c") == 0 && have_cell) {
          have_cell = false;
          if (type == "s") {
            const unsigned long i = std::strtoul(value.c_str(), nullptr, 10);
            cur.text = i < shared.size() ? shared[i] : std::string();
          } else if (type == "b") {
            cur.text = value == "1" ? "TRUE" : "FALSE";
          } else {
            cur.text = value;  // n, str (formula result), inlineStr, e, d
          }
          if (cur.text.empty()) return;
          if (cur.row >= l.max_rows || cur.col >= l.max_cols || ++total_cells > l.max_cells) {
            self->stop(
                {fmt::format(
                     "工作表“{}”超过上限（{} 行、{} 列、共 {} 个单元格）；权责清单不会这么大，"
                     "请删除多余的行列后再检查",
                     ref.name, l.max_rows, l.max_cols, l.max_cells),
                 fmt::format("sheet '{}' is over the limits ({} rows, {} columns, {} cells in "
                             "all); delete the extra rows and columns first",
                             ref.name, l.max_rows, l.max_cols, l.max_cells)});
            return;
          }
          max_row = std::max(max_row, cur.row + 1);
          max_col = std::max(max_col, cur.col + 1);
          cells.push_back(std::move(cur));
        }
      },
      [&](const char* s, int len) {
        if (in_value && value.size() < l.max_cell_bytes) value.append(s, static_cast<size_t>(len));
      });
  self = &parser;
  Message err = parser.parse(z, ref.target, unpacked, l, true);
  if (!err.zh.empty()) return err;
  if (size_t(max_row) * max_col > l.max_cells)
    return {fmt::format("工作表“{}”的范围 {} 行 × {} 列过大", ref.name, max_row, max_col),
            fmt::format("sheet '{}' spans {} rows × {} columns, too large", ref.name, max_row,
                        max_col)};
  out.name = ref.name;
  out.rows = max_row;
  out.cols = max_col;
  out.cells.assign(size_t(max_row) * max_col, std::string());
  for (auto& c : cells) out.cells[size_t(c.row) * max_col + c.col] = std::move(c.text);
  return {};
}

}  // namespace

WorkbookRead read_xlsx(const std::string& bytes, const WorkbookLimits& limits) {
  WorkbookRead out;
  out.book.format = WorkbookFormat::Xlsx;
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!src) {
    out.error = {"无法读取 .xlsx 工作簿", "cannot read the .xlsx workbook"};
    return out;
  }
  Zip z(zip_open_from_source(src, ZIP_RDONLY, &zerr));
  if (!z) {
    zip_source_free(src);
    out.error = {"不是有效的 .xlsx 工作簿：压缩包已损坏或被截断",
                 "not a valid .xlsx workbook: the ZIP package is damaged or truncated"};
    zip_error_fini(&zerr);
    return out;
  }
  zip_error_fini(&zerr);
  size_t unpacked = 0, total_cells = 0;
  std::vector<SheetRef> refs;
  Message err = read_sheet_list(z.get(), unpacked, limits, refs);
  if (err.zh.empty() && refs.empty()) err = {"工作簿中没有工作表", "the workbook has no sheet"};
  std::vector<std::string> shared;
  if (err.zh.empty()) err = read_shared_strings(z.get(), unpacked, limits, shared);
  for (const auto& ref : refs) {
    if (!err.zh.empty()) break;
    Sheet sheet;
    err = read_sheet(z.get(), ref, shared, unpacked, total_cells, limits, sheet);
    if (err.zh.empty()) out.book.sheets.push_back(std::move(sheet));
  }
  out.error = err;
  if (!err.zh.empty()) out.book.sheets.clear();
  return out;
}

}  // namespace powerlist
