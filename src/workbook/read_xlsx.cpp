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

// What the package may unpack to: its packed size times the ratio no real workbook reaches
// (XML of a sheet packs 10–30 times), but never less than the allowance.
struct Unpacking {
  size_t done = 0, allowed = 0;
  uint64_t ratio = 0;
};

Message too_big(const Unpacking& u) {
  return limit_exceeded(
      fmt::format("工作簿解压后超过 {} MB（压缩包大小的 {} 倍，可能是压缩炸弹）", u.allowed >> 20,
                  u.ratio),
      fmt::format("the workbook unpacks to over {} MB ({} times its packed size: a zip bomb?)",
                  u.allowed >> 20, u.ratio));
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
  Message parse(zip_t* z, const std::string& part, Unpacking& unpacked, bool required) {
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
      unpacked.done += static_cast<size_t>(n);
      if (unpacked.done > unpacked.allowed) {
        err = too_big(unpacked);
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

Message read_sheet_list(zip_t* z, Unpacking& unpacked, std::vector<SheetRef>& sheets) {
  std::map<std::string, std::string> rels;
  PartParser rel_parser(
      [&](const char* el, const char** a) {
        if (std::strcmp(el, "Relationship") == 0) {
          const char *id = attr(a, "Id"), *target = attr(a, "Target");
          if (id && target) rels[id] = target;
        }
      },
      [](const char*) {}, [](const char*, int) {});
  Message err = rel_parser.parse(z, "xl/_rels/workbook.xml.rels", unpacked, true);
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
  err = wb_parser.parse(z, "xl/workbook.xml", unpacked, true);
  if (!err.zh.empty()) return err;
  for (const auto& [name, id] : order) {
    auto it = rels.find(id);
    if (it != rels.end()) sheets.push_back({name, resolve_target(it->second)});
  }
  return {};
}

Message read_shared_strings(zip_t* z, Unpacking& unpacked, const WorkbookLimits& l,
                            std::vector<std::string>& strings) {
  std::string cur;
  int depth_phonetic = 0;  // text of <rPh> runs (reading aids) is not cell text
  bool in_t = false, in_si = false;
  size_t bytes = 0;
  PartParser* self = nullptr;
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
          bytes += cur.size();
          if (strings.size() >= l.max_shared_strings)
            self->stop(limit_exceeded(
                fmt::format("工作簿的共享字符串超过 {} 个的上限", l.max_shared_strings),
                fmt::format("the workbook has over {} shared strings, the limit",
                            l.max_shared_strings)));
          else if (bytes > l.max_text_bytes)
            self->stop(limit_exceeded(
                fmt::format("工作簿的共享字符串超过 {} MB 的上限", l.max_text_bytes >> 20),
                fmt::format("the workbook's shared strings are over {} MB, the limit",
                            l.max_text_bytes >> 20)));
          else
            strings.push_back(cur);
        } else if (std::strcmp(el, "rPh") == 0) {
          --depth_phonetic;
        } else if (std::strcmp(el, "t") == 0) {
          in_t = false;
        }
      },
      [&](const char* s, int len) {
        if (!(in_si && in_t && depth_phonetic == 0)) return;
        if (cur.size() + size_t(len) > l.max_cell_bytes) {
          self->stop(limit_exceeded(
              fmt::format("工作簿第 {} 个共享字符串超过单元格 {} KB 的上限", strings.size() + 1,
                          l.max_cell_bytes >> 10),
              fmt::format("shared string {} of the workbook is over the cell limit of {} KB",
                          strings.size() + 1, l.max_cell_bytes >> 10)));
          return;
        }
        cur.append(s, static_cast<size_t>(len));
      });
  self = &parser;
  return parser.parse(z, "xl/sharedStrings.xml", unpacked, false);
}

// Streams one sheet's rows to the sink as each </row> closes; merged ranges (written after
// the cells) go with the sheet's end.
Message stream_sheet(zip_t* z, const SheetRef& ref, const std::vector<std::string>& shared,
                     Unpacking& unpacked, const WorkbookLimits& l, RowSink& sink) {
  std::vector<std::string> cells;
  std::vector<CellRange> merges;
  uint32_t row = 0, next_col = 0, extent = 0, cur_row = 0, cur_col = 0;
  bool have_cell = false, in_value = false, seen_row = false, row_has_text = false;
  std::string type, value;
  PartParser* self = nullptr;
  auto flush_row = [&] {
    if (!row_has_text) return;
    Message m = sink.row(row, cells);
    if (!m.zh.empty()) self->stop(std::move(m));
    extent = std::max(extent, row + 1);
  };
  sink.begin_sheet(ref.name);
  PartParser parser(
      [&](const char* el, const char** a) {
        if (std::strcmp(el, "row") == 0) {
          const char* r = attr(a, "r");
          const unsigned long n = r ? std::strtoul(r, nullptr, 10) : 0;
          if (n >= 1 && n <= 10'000'000)
            row = static_cast<uint32_t>(n - 1);
          else if (seen_row)
            ++row;  // <row> without a number: the one after the last
          seen_row = true;
          next_col = 0;
          row_has_text = false;
          cells.clear();
        } else if (std::strcmp(el, "c") == 0) {
          uint32_t rr = row, cc = next_col;
          if (const char* r = attr(a, "r")) parse_ref(r, rr, cc);
          const char* t = attr(a, "t");
          type = t ? t : "";
          value.clear();
          cur_row = rr;
          cur_col = cc;
          have_cell = true;
          next_col = cc + 1;
        } else if (have_cell && (std::strcmp(el, "v") == 0 || std::strcmp(el, "t") == 0)) {
          in_value = true;
        } else if (std::strcmp(el, "col") == 0) {
          // <col min="2" max="4" width="12.5"/>: 1-based columns, width in characters.
          const char* mn = attr(a, "min");
          const char* mx = attr(a, "max");
          const char* w = attr(a, "width");
          if (!mn || !w) return;
          const unsigned long lo = std::strtoul(mn, nullptr, 10);
          const unsigned long hi = mx ? std::strtoul(mx, nullptr, 10) : lo;
          const double width = std::strtod(w, nullptr);
          if (lo < 1 || hi < lo || !(width > 0 && width < 256)) return;
          for (unsigned long c = lo; c <= hi && c <= 256; ++c)
            sink.column_width(static_cast<uint32_t>(c - 1), width);
        } else if (std::strcmp(el, "mergeCell") == 0) {
          const char* ref_attr = attr(a, "ref");
          if (!ref_attr) return;
          const std::string r = ref_attr;
          const size_t colon = r.find(':');
          CellRange m;
          if (colon != std::string::npos &&
              parse_ref(r.substr(0, colon).c_str(), m.first_row, m.first_col) &&
              parse_ref(r.substr(colon + 1).c_str(), m.last_row, m.last_col) &&
              m.first_row <= m.last_row && m.first_col <= m.last_col && merges.size() < 100000)
            merges.push_back(m);
        }
      },
      [&](const char* el) {
        if (std::strcmp(el, "v") == 0 || std::strcmp(el, "t") == 0) {
          in_value = false;
        } else if (std::strcmp(el, "row") == 0) {
          flush_row();
        } else if (std::strcmp(el, "c") == 0 && have_cell) {
          have_cell = false;
          std::string text;
          if (type == "s") {
            const unsigned long i = std::strtoul(value.c_str(), nullptr, 10);
            if (i < shared.size()) text = shared[i];
          } else if (type == "b") {
            text = value == "1" ? "TRUE" : "FALSE";
          } else {
            text = std::move(value);  // n, str (formula result), inlineStr, e, d
          }
          if (text.empty()) return;
          if (cur_row != row) {
            // A cell whose reference names another row than its <row>: a damaged sheet.
            self->stop({fmt::format("工作表“{}”的单元格 {} 不在它所在的行 {} 中，文件可能已损坏",
                                    ref.name, cell_name(cur_row, cur_col), row + 1),
                        fmt::format("cell {} of sheet '{}' sits in row {}; the file may be "
                                    "damaged",
                                    cell_name(cur_row, cur_col), ref.name, row + 1)});
            return;
          }
          if (cur_col >= l.max_cols) {
            self->stop(limit_exceeded(
                fmt::format("工作表“{}”的单元格 {} 超出每行 {} 列的上限", ref.name,
                            cell_name(cur_row, cur_col), l.max_cols),
                fmt::format("cell {} of sheet '{}' is beyond the limit of {} columns a row",
                            cell_name(cur_row, cur_col), ref.name, l.max_cols)));
            return;
          }
          if (cells.size() <= cur_col) cells.resize(cur_col + 1);
          cells[cur_col] = std::move(text);
          row_has_text = true;
        }
      },
      [&](const char* s, int len) {
        if (!in_value) return;
        if (value.size() + size_t(len) > l.max_cell_bytes) {
          self->stop(limit_exceeded(
              fmt::format("工作表“{}”的单元格 {} 超过 {} KB 的上限", ref.name,
                          cell_name(cur_row, cur_col), l.max_cell_bytes >> 10),
              fmt::format("cell {} of sheet '{}' is over the limit of {} KB",
                          cell_name(cur_row, cur_col), ref.name, l.max_cell_bytes >> 10)));
          return;
        }
        value.append(s, static_cast<size_t>(len));
      });
  self = &parser;
  Message err = parser.parse(z, ref.target, unpacked, true);
  if (!err.zh.empty()) return err;
  sink.end_sheet(extent, std::move(merges));
  return {};
}

}  // namespace

Message stream_xlsx(const std::string& bytes, const WorkbookLimits& limits, RowSink& sink) {
  if (Message m = file_size_problem(bytes.size(), limits); !m.zh.empty()) return m;
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!src) return {"无法读取 .xlsx 工作簿", "cannot read the .xlsx workbook"};
  Zip z(zip_open_from_source(src, ZIP_RDONLY, &zerr));
  if (!z) {
    zip_source_free(src);
    zip_error_fini(&zerr);
    return {"不是有效的 .xlsx 工作簿：压缩包已损坏或被截断",
            "not a valid .xlsx workbook: the ZIP package is damaged or truncated"};
  }
  zip_error_fini(&zerr);
  Unpacking unpacked;
  unpacked.ratio = limits.max_zip_ratio;
  unpacked.allowed = std::max<size_t>(limits.min_unpacked_allowance,
                                      bytes.size() * static_cast<size_t>(limits.max_zip_ratio));
  std::vector<SheetRef> refs;
  Message err = read_sheet_list(z.get(), unpacked, refs);
  if (!err.zh.empty()) return err;
  if (refs.empty()) return {"工作簿中没有工作表", "the workbook has no sheet"};
  std::vector<std::string> shared;
  err = read_shared_strings(z.get(), unpacked, limits, shared);
  for (const auto& ref : refs) {
    if (!err.zh.empty()) break;
    err = stream_sheet(z.get(), ref, shared, unpacked, limits, sink);
  }
  return err;
}

}  // namespace powerlist
