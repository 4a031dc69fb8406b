// Front end for spreadsheets: the bytes of an .xls (BIFF8, also WPS .et), .xlsx or .csv file
// → sheets of cell text. The format is told by content, never by the file name.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

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
  uint32_t rows = 0, cols = 0;
  std::vector<std::string> cells;  // rows × cols, row-major; "" for an empty cell
  std::vector<CellRange> merges;   // known for .xlsx; .xls and .csv carry none
  const std::string& at(uint32_t r, uint32_t c) const;
};

struct Workbook {
  WorkbookFormat format = WorkbookFormat::Unknown;
  std::vector<Sheet> sheets;
};

// Bounds that keep a hostile file (zip bomb, a million empty rows, a giant cell) from taking
// unbounded memory or time. Real 权责清单 are far below every one of them.
struct WorkbookLimits {
  size_t max_file_bytes = 64u << 20;       // the file on disk
  size_t max_unpacked_bytes = 256u << 20;  // all xlsx parts together, unpacked
  size_t max_cells = 4'000'000;            // cells (rows × columns) over all sheets
  uint32_t max_rows = 100'000;             // rows in one sheet
  uint32_t max_cols = 512;                 // columns in one sheet
  size_t max_cell_bytes = 256u << 10;      // one cell's text (Excel allows 32,767 chars)
};

struct WorkbookRead {
  Workbook book;
  Message error;  // non-empty: the file cannot be read (unreadable, encrypted, damaged …)
};

// Detects the format from the first bytes: OLE2 compound file → xls, ZIP → xlsx, else csv.
WorkbookFormat detect_workbook_format(const std::string& bytes);
// True for a name that looks like a workbook (.xls .xlsx .xlsm .et .ett .csv), any case.
bool has_workbook_extension(const std::string& path);

// Reads a workbook from its bytes, whatever its format.
WorkbookRead read_workbook(const std::string& bytes, const WorkbookLimits& limits = {});

// The readers, one per format (src/workbook/read_*.cpp).
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
