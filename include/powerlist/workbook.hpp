// Front end for spreadsheets: the bytes of an .xls (BIFF8, also WPS .et), .xlsx or .csv file
// → sheets of cell text. The format is told by content, never by the file name.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "powerlist/cell_grid.hpp"
#include "powerlist/diag.hpp"

namespace powerlist {

enum class WorkbookFormat { Unknown, Xls, Xlsx, Csv };
const char* workbook_format_name(WorkbookFormat f);  // "xls", "xlsx", "csv"

// A rectangle of merged cells, 0-based and inclusive.
struct CellRange {
  uint32_t first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

struct Sheet {
  std::string name;
  std::shared_ptr<CellGrid> grid = std::make_shared<CellGrid>();  // shared with SourceFile
  std::vector<CellRange> merges;   // known for .xlsx; .xls and .csv carry none
  std::vector<double> col_widths;  // per column, in characters (0: not set); .xlsx only
  // The sheet's extent: its rows up to the last one counted (empty rows included), its widest row.
  uint32_t rows() const { return grid->rows(); }
  uint32_t cols() const { return grid->cols(); }
  std::string_view at(uint32_t r, uint32_t c) const { return grid->at(r, c); }
};

struct Workbook {
  WorkbookFormat format = WorkbookFormat::Unknown;
  std::vector<Sheet> sheets;
};

// Bounds against hostile input only (issue 22): a real sheet of any size the formats allow
// (.xlsx: 1,048,576 rows) is read whole; a file over a bound is refused with the bound named,
// never read in part. Memory is bounded by max_cells and max_text_bytes (4 bytes a cell plus
// its text), not by counting rows.
struct WorkbookLimits {
  size_t max_file_bytes = 512u << 20;          // the file on disk
  uint64_t max_zip_ratio = 200;                // .xlsx: unpacked bytes per packed byte (zip bombs)
  size_t min_unpacked_allowance = 256u << 20;  // … but always this much may unpack
  uint32_t max_cols = 16'384;                  // cells in one row (Excel's own limit, XFD)
  size_t max_cell_bytes = 256u << 10;          // one cell's text (Excel allows 32,767 characters)
  size_t max_shared_strings = 16'000'000;      // .xlsx shared string table entries
  size_t max_cells = 64'000'000;               // cells kept over all sheets
  size_t max_text_bytes = 512u << 20;          // cell text kept over all sheets
  // Items a set of workbooks may import as one catalog (about 6 KB of memory each once
  // checked): the catalogs of a province have tens of thousands; more is a ledger by mistake.
  size_t max_items = 150'000;
  // Seconds the .xls reader's child may take before it is stopped (a damaged file that sends
  // FreeXL round in circles must not hold the review desk's one worker for ever).
  unsigned max_xls_seconds = 300;
};

// The message for a file over one of the bounds: which bound, its value, where.
Message limit_exceeded(const std::string& what_zh, const std::string& what_en);
// limit_exceeded for a file over max_file_bytes; empty when within.
Message file_size_problem(size_t bytes, const WorkbookLimits& limits);

struct WorkbookRead {
  Workbook book;
  Message error;  // non-empty: the file cannot be read (unreadable, encrypted, damaged …)
};

// Rows as they are read, for readers that do not keep a sheet (a ledger of a million cases)
// and for the collector behind read_workbook.
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void begin_sheet(const std::string& name) = 0;
  // One row, 0-based; cells from column 0, trailing empty cells may be missing. Rows come in
  // ascending order; empty rows may be skipped. A non-empty message stops the reading and is
  // the reader's error.
  virtual Message row(uint32_t row, const std::vector<std::string>& cells) = 0;
  // `rows`: the sheet's extent (a sheet's last rows may be empty but counted, as in .xls).
  virtual void end_sheet(uint32_t rows, std::vector<CellRange> merges) = 0;
  // A column's width as the file sets it (.xlsx <col>), before the sheet's rows; most sinks
  // do not need it.
  virtual void column_width(uint32_t /*col*/, double /*chars*/) {}
};

// Detects the format from the first bytes: OLE2 compound file → xls, ZIP → xlsx, else csv.
WorkbookFormat detect_workbook_format(const std::string& bytes);
// True for a name that looks like a workbook (.xls .xlsx .xlsm .et .ett .csv), any case.
bool has_workbook_extension(const std::string& path);

// Streams a workbook's rows, whatever its format; the message is empty on success.
Message stream_workbook(const std::string& bytes, const WorkbookLimits& limits, RowSink& sink);
// Reads a workbook from its bytes into sheets, whatever its format.
WorkbookRead read_workbook(const std::string& bytes, const WorkbookLimits& limits = {});

// The readers, one per format (src/workbook/read_*.cpp). .csv and .xlsx stream; .xls (at most
// 65,536 rows by its format) is read by FreeXL in a child process and then handed on.
Message stream_csv(const std::string& bytes, const WorkbookLimits& limits, RowSink& sink);
Message stream_xlsx(const std::string& bytes, const WorkbookLimits& limits, RowSink& sink);
WorkbookRead read_xls(const std::string& bytes, const WorkbookLimits& limits);
WorkbookRead read_xlsx(const std::string& bytes, const WorkbookLimits& limits);
WorkbookRead read_csv(const std::string& bytes, const WorkbookLimits& limits);

// "A1"-style name of a 0-based cell; column letters for a 0-based column.
std::string cell_name(uint32_t row, uint32_t col);
std::string column_letters(uint32_t col);

}  // namespace powerlist

// ---- Workbook front end: sheets → the catalog model (src/workbook/build_catalog.cpp) ----
#include <map>
#include <optional>

#include "powerlist/date.hpp"

namespace powerlist {

struct LoadResult;
enum class Field;

struct ImportOptions {
  std::map<std::string, Field> overrides;  // --map 列名=字段 (heading, whitespace removed)
  std::optional<Date> as_of;               // the catalog's effective date
  WorkbookLimits limits;
};

// What became of every row and column, for `import` to print and tests to check.
struct ImportReport {
  struct Column {
    std::string header, field_key, field_label;
    uint32_t col = 0;
    bool by_user = false;
  };
  struct SheetSummary {
    std::string file, sheet;
    bool has_header = false;
    // rows = header_row (title and header rows) + items + merged + reported + empty
    uint32_t header_row = 0, rows = 0, items = 0, sub_items = 0, merged = 0, reported = 0,
             empty = 0;
    std::vector<Column> columns;
  };
  struct Row {
    std::string file, sheet;
    uint32_t row = 0;  // 1-based
    Message reason;
    bool imported = false;  // merged into another row rather than dropped
  };
  std::vector<SheetSummary> sheets;
  std::vector<Row> rows;  // rows not imported as items (reported or merged), with why
  size_t citations = 0, unparsed_basis_cells = 0;
};

// Reads workbooks into `result` as one catalog with profile 权责清单: a SourceFile per sheet,
// a department per 行使主体, items (and 子项) with spans at their cells, findings for rows
// and cells that cannot be read. A workbook that cannot be read at all sets result.fatal.
void load_workbooks(LoadResult& result, const std::vector<std::string>& paths,
                    const ImportOptions& options, ImportReport& report);
// The same for one workbook already in memory (the fuzzers), shown as `display`.
void load_workbook_bytes(LoadResult& result, const std::string& display, const std::string& bytes,
                         const ImportOptions& options, ImportReport& report);

}  // namespace powerlist
