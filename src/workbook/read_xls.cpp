// BIFF .xls (Excel 97–2003, also WPS .et) through FreeXL (Debian libfreexl), in the child
// process xls_child.cpp starts: the reading, the answer's wire format and the child's main.
#include <fmt/format.h>
#include <freexl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "powerlist/fsio.hpp"
#include "powerlist/workbook.hpp"
#include "xls_reader.hpp"

namespace powerlist {

namespace {

// FreeXL reads from a path: the bytes are handed over through an anonymous memory file, so
// the reader works the same on a file, a fuzzer's input or a test's bytes.
class MemoryFile {
 public:
  explicit MemoryFile(const std::string& bytes) : fd_(memory_file(bytes)) {}
  ~MemoryFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool ok() const { return fd_ >= 0; }
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_ = -1;
};

class Handle {
 public:
  ~Handle() {
    if (h_) freexl_close(h_);
  }
  const void** out() { return &h_; }
  const void* get() const { return h_; }

 private:
  const void* h_ = nullptr;
};

// Numbers as a person typed them: 1 not 1.0, 2.5 as 2.5.
std::string number_text(double v) {
  if (std::isfinite(v) && std::fabs(v) < 1e15 && v == std::floor(v))
    return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

bool mentions_encrypted_package(const std::string& bytes) {
  // An encrypted .xlsx is an OLE container with an "EncryptedPackage" stream (UTF-16LE name).
  static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
  return bytes.find(std::string(name, sizeof name - 1)) != std::string::npos;
}

Message open_error(int rc, const std::string& bytes) {
  if (mentions_encrypted_package(bytes))
    return {"工作簿已加密（设置了打开密码），无法读取；请另存为不加密的文件后再检查",
            "the workbook is encrypted (has an opening password); save an unencrypted copy first"};
  if (rc == FREEXL_BIFF_WORKBOOK_NOT_FOUND)
    return {"这是一个 OLE 复合文档，但其中没有 Excel 工作表（可能是 Word 文档或已损坏）",
            "an OLE compound file without an Excel workbook stream (a Word file, or damaged)"};
  if (rc == FREEXL_INSUFFICIENT_MEMORY)
    return {"工作簿过大，无法读取", "the workbook is too large to read"};
  return {fmt::format("无法读取 .xls 工作簿：文件已损坏或被截断（FreeXL 错误 {}）", rc),
          fmt::format("cannot read the .xls workbook: damaged or truncated (FreeXL error {})", rc)};
}

}  // namespace

// Reads the workbook in this process (see xls_child.cpp for why it runs in a child).
WorkbookRead read_xls_in_process(const std::string& bytes, const WorkbookLimits& limits) {
  WorkbookRead out;
  out.book.format = WorkbookFormat::Xls;
  MemoryFile mem(bytes);
  if (!mem.ok()) {
    out.error = {"无法创建临时内存文件", "cannot create a memory file"};
    return out;
  }
  Handle h;
  const int rc = freexl_open(mem.path().c_str(), h.out());
  if (rc != FREEXL_OK) {
    out.error = open_error(rc, bytes);
    return out;
  }
  unsigned int info = 0;
  if (freexl_get_info(h.get(), FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
      info == FREEXL_BIFF_OBFUSCATED) {
    out.error = {"工作簿设置了密码保护，无法读取；请另存为不加密的文件后再检查",
                 "the workbook is password-protected; save an unprotected copy first"};
    return out;
  }
  unsigned int sheets = 0;
  freexl_get_info(h.get(), FREEXL_BIFF_SHEET_COUNT, &sheets);
  size_t total_cells = 0, total_text = 0;
  for (unsigned short s = 0; s < sheets; ++s) {
    Sheet sheet;
    const char* name = nullptr;
    if (freexl_get_worksheet_name(h.get(), s, &name) == FREEXL_OK && name) sheet.name = name;
    if (sheet.name.empty()) sheet.name = fmt::format("Sheet{}", s + 1);
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_select_active_worksheet(h.get(), s) != FREEXL_OK ||
        freexl_worksheet_dimensions(h.get(), &rows, &cols) != FREEXL_OK) {
      out.error = {fmt::format("工作表“{}”无法读取（文件可能已损坏）", sheet.name),
                   fmt::format("sheet '{}' cannot be read (damaged file?)", sheet.name)};
      return out;
    }
    if (cols > limits.max_cols) {
      out.error =
          limit_exceeded(fmt::format("工作表“{}”有 {} 列，超过每行 {} 列的上限", sheet.name, cols,
                                     limits.max_cols),
                         fmt::format("sheet '{}' has {} columns, over the limit of {} a row",
                                     sheet.name, cols, limits.max_cols));
      return out;
    }
    std::vector<std::string> cells(cols);
    for (unsigned int r = 0; r < rows; ++r) {
      for (unsigned short c = 0; c < cols; ++c) {
        FreeXL_CellValue v{};
        std::string& text = cells[c];
        text.clear();
        if (freexl_get_cell_value(h.get(), r, c, &v) != FREEXL_OK) continue;
        switch (v.type) {
          case FREEXL_CELL_INT:
            text = std::to_string(v.value.int_value);
            break;
          case FREEXL_CELL_DOUBLE:
            text = number_text(v.value.double_value);
            break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT:
          case FREEXL_CELL_DATE:
          case FREEXL_CELL_DATETIME:
          case FREEXL_CELL_TIME:
            if (v.value.text_value) text = v.value.text_value;
            break;
          default:
            break;
        }
        if (text.size() > limits.max_cell_bytes) {
          out.error =
              limit_exceeded(fmt::format("工作表“{}”的单元格 {} 超过 {} KB 的上限", sheet.name,
                                         cell_name(r, c), limits.max_cell_bytes >> 10),
                             fmt::format("cell {} of sheet '{}' is over the limit of {} KB",
                                         cell_name(r, c), sheet.name, limits.max_cell_bytes >> 10));
          return out;
        }
        total_text += text.size();
      }
      total_cells += cols;
      if (total_cells > limits.max_cells || total_text > limits.max_text_bytes) {
        out.error = limit_exceeded(
            fmt::format("工作簿超过 {} 个单元格或 {} MB 文字的上限（读到工作表“{}”第 {} 行）",
                        limits.max_cells, limits.max_text_bytes >> 20, sheet.name, r + 1),
            fmt::format("the workbook is over {} cells or {} MB of text, the limits (at row {} "
                        "of sheet '{}')",
                        limits.max_cells, limits.max_text_bytes >> 20, r + 1, sheet.name));
        return out;
      }
      sheet.grid->append_row(r, cells);
    }
    sheet.grid->extend_to(rows);
    out.book.sheets.push_back(std::move(sheet));
  }
  return out;
}

namespace {

void put_u32(std::string& out, uint32_t v) {
  out.append(reinterpret_cast<const char*>(&v), 4);
}
void put_str(std::string& out, const std::string& s) {
  put_u32(out, static_cast<uint32_t>(s.size()));
  out += s;
}

}  // namespace

std::string serialize_xls_read(const WorkbookRead& r) {
  std::string out;
  put_str(out, r.error.zh);
  put_str(out, r.error.en);
  put_u32(out, static_cast<uint32_t>(r.book.sheets.size()));
  for (const Sheet& sh : r.book.sheets) {
    put_str(out, sh.name);
    put_u32(out, sh.rows());
    put_u32(out, sh.cols());
    for (uint32_t row = 0; row < sh.rows(); ++row)
      for (uint32_t c = 0; c < sh.cols(); ++c) put_str(out, std::string(sh.at(row, c)));
  }
  return out;
}

namespace {

class Reader {
 public:
  explicit Reader(const std::string& s) : s_(s) {}
  bool u32(uint32_t& v) {
    if (s_.size() - at_ < 4) return false;
    std::memcpy(&v, s_.data() + at_, 4);
    at_ += 4;
    return true;
  }
  bool str(std::string& v) {
    uint32_t n = 0;
    if (!u32(n) || s_.size() - at_ < n) return false;
    v.assign(s_, at_, n);
    at_ += n;
    return true;
  }
  bool done() const { return at_ == s_.size(); }

 private:
  const std::string& s_;
  size_t at_ = 0;
};

}  // namespace

bool deserialize_xls_read(const std::string& in, WorkbookRead& r, const WorkbookLimits& limits) {
  Reader rd(in);
  uint32_t sheets = 0;
  if (!rd.str(r.error.zh) || !rd.str(r.error.en) || !rd.u32(sheets)) return false;
  size_t cells = 0;
  for (uint32_t i = 0; i < sheets; ++i) {
    Sheet sh;
    uint32_t rows = 0, cols = 0;
    if (!rd.str(sh.name) || !rd.u32(rows) || !rd.u32(cols)) return false;
    if (cols > limits.max_cols || rows > 65'536) return false;  // BIFF8's own bounds
    cells += size_t(rows) * cols;
    if (cells > limits.max_cells) return false;
    std::vector<std::string> row(cols);
    for (uint32_t at = 0; at < rows; ++at) {
      for (auto& c : row)
        if (!rd.str(c)) return false;
      sh.grid->append_row(at, row);
    }
    sh.grid->extend_to(rows);
    r.book.sheets.push_back(std::move(sh));
  }
  return rd.done();
}

// ---- The child: powerlist-xls-reader (or a fork where it is not found) ----

std::string xls_child_answer(const std::string& bytes, const WorkbookLimits& limits) {
  // Let the tests show what a user sees when FreeXL dies on, or loops over, a damaged file.
  if (std::getenv("POWERLIST_TEST_XLS_READER_DIES")) std::abort();
  if (std::getenv("POWERLIST_TEST_XLS_READER_HANGS")) ::pause();
  return serialize_xls_read(read_xls_in_process(bytes, limits));
}

std::vector<std::string> xls_reader_arguments(const WorkbookLimits& limits) {
  return {std::to_string(limits.max_cols), std::to_string(limits.max_cell_bytes),
          std::to_string(limits.max_cells), std::to_string(limits.max_text_bytes)};
}

namespace {

bool parse_size(const char* text, size_t& out) {
  char* end = nullptr;
  errno = 0;
  const unsigned long long v = std::strtoull(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0') return false;
  out = static_cast<size_t>(v);
  return true;
}

}  // namespace

int xls_reader_main(int argc, char** argv) {
  WorkbookLimits limits;
  size_t cols = 0;
  if (argc != 5 || !parse_size(argv[1], cols) || !parse_size(argv[2], limits.max_cell_bytes) ||
      !parse_size(argv[3], limits.max_cells) || !parse_size(argv[4], limits.max_text_bytes)) {
    std::fputs(
        "powerlist-xls-reader: started by powerlist to read an .xls workbook; "
        "not for use on its own\n",
        stderr);
    return 2;
  }
  limits.max_cols = static_cast<uint32_t>(cols);
  std::string bytes;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(0, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return 1;
    if (n == 0) break;
    bytes.append(buf, static_cast<size_t>(n));
  }
  const bool ok = write_all(1, xls_child_answer(bytes, limits)) == 0;
  // _exit: what FreeXL left allocated is the system's to reclaim (as in the forked reader).
  ::_exit(ok ? 0 : 1);
}

}  // namespace powerlist
