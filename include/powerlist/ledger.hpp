// The third front end (issue 25): a case ledger (办件台账) exported from a 政务服务 or 执法
// system — a workbook or CSV, told by content — streamed row by row through the workbook
// readers' RowSink and turned into cases (CaseRecord). No cell is kept: a row becomes a case
// or a reported row at once, so a ledger of millions of rows needs memory for its cases only.
// Columns are found by their headings (CLI.md "monitor"); applicant columns (申请人, 身份证号,
// 电话 …) are recognised so that they are never read.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "powerlist/date.hpp"
#include "powerlist/diag.hpp"
#include "powerlist/source.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist {

enum class LedgerField {
  Id,           // 办件编号
  Code,         // 事项编码
  Name,         // 事项名称
  Department,   // 实施主体 / 办理部门
  Unit,         // 承办机构
  Received,     // 受理日期
  Finished,     // 办结日期
  State,        // 状态
  PauseFrom,    // 暂停开始 (repeatable)
  PauseTo,      // 暂停结束 (repeatable)
  PauseReason,  // 暂停原因 (repeatable)
  Pause,        // 暂停: "起–止；起–止" in one cell
  Node,         // 节点 (event form)
  NodeTime,     // 时间 / 发生时间 (event form)
  Step,         // 环节 (step records)
  StepStart,    // 开始时间 (step records)
  StepEnd,      // 结束时间 (step records)
  Personal,     // 申请人, 身份证号, 电话 …: recognised, never read
};
const char* ledger_field_key(LedgerField f);  // id, code, … (for --map and docs)
std::optional<LedgerField> parse_ledger_field(const std::string& s);  // key or 中文 heading
// The field a heading names (whitespace ignored, a trailing number of a repeated pair too).
std::optional<LedgerField> ledger_field_of_heading(const std::string& heading);

// A date as ledgers write it: 2025-09-26, 2025/9/26, 2025.9.26, 2025年9月26日, 20250926, with
// or without a time of day (ignored), or an Excel serial date (45926, 45926.5).
std::optional<Date> parse_ledger_date(std::string_view text);
// Every date in a cell, in order ("2025-10-01–2025-10-05；2025-10-08至10-09" gives four when
// the later ones are complete); `bad` is set when some part looked like a date but was not.
std::vector<Date> dates_in_cell(std::string_view text, bool* bad);

struct Pause {
  long from = 0, to = 0;  // day numbers (Date::days()), inclusive
  std::string reason;
};

// Texts that repeat over a ledger (codes, names, departments) are kept once.
class StringPool {
 public:
  uint32_t add(const std::string& s);  // 0 is always ""
  const std::string& at(uint32_t i) const { return strings_[i]; }
  size_t size() const { return strings_.size(); }

 private:
  std::vector<std::string> strings_{std::string()};
  std::unordered_map<std::string, uint32_t> index_{{std::string(), 0}};
};

struct CaseRecord {
  std::string id;
  uint32_t code = 0, name = 0, department = 0, unit = 0, state = 0;  // in LedgerRead::pool
  std::optional<long> received, finished;                            // day numbers
  std::vector<Pause> pauses;
  std::vector<Message> problems;  // unreadable or impossible dates (monitor/bad-row)
  uint32_t file = 0, row = 0;     // the source sheet (Sources id) and its 1-based row
  uint32_t received_col = 0, finished_col = 0, id_col = 0;  // 1-based, 0 = none
};

struct StepRecord {
  std::string case_id, step;
  std::optional<long> start, end;
  uint32_t file = 0, row = 0;
};

struct LedgerOptions {
  std::map<std::string, LedgerField> overrides;  // --map 列名=字段 (heading without spaces)
  WorkbookLimits limits;
  std::function<void(size_t rows)> progress;  // every 100,000 rows
  // Cases one run holds (about 200 bytes each): a city's year is about a million; more is
  // refused with this bound named, so memory stays bounded whatever the file.
  size_t max_cases = 3'000'000;
};

struct LedgerRead {
  StringPool pool;
  std::vector<CaseRecord> cases;  // in ledger order (files, sheets, rows)
  std::vector<StepRecord> steps;
  struct Row {  // a row that did not become a case, and why
    uint32_t file = 0, row = 0;
    Message reason;
  };
  std::vector<Row> reported;
  struct SheetSummary {
    std::string file, sheet, kind;  // kind: cases, events, steps, none
    uint32_t rows = 0, header_rows = 0, cases = 0, events = 0, steps = 0, reported = 0, empty = 0;
    std::vector<std::pair<std::string, std::string>> columns;  // heading → field key
  };
  std::vector<SheetSummary> sheets;
  Message fatal;  // a ledger that cannot be read at all (exit 2)
};

// Reads ledgers (bytes with their display names) into cases. Each sheet becomes a SourceFile
// in `sources` (display = file name, sheet = sheet name) so findings point at sheet!cell.
LedgerRead read_ledgers(const std::vector<std::pair<std::string, std::string>>& files,
                        const LedgerOptions& options, Sources& sources);

}  // namespace powerlist
