// 电子监察 (issue 25): every case of a ledger held against the catalog — its item, its due
// dates counted as the law counts (working-day calendar, pauses not counted), its status and
// card as of a date, the monthly 效能 figures per department, and monitor/* findings.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "powerlist/calendar.hpp"
#include "powerlist/date.hpp"
#include "powerlist/diag.hpp"
#include "powerlist/ledger.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

class Session;

// ---- Counting (src/monitor/case_clock.cpp) ----

// Working days as the holiday calendar has them, looked up in O(1) over the calendar's years;
// a year without a calendar counts Monday–Friday and marks the answer estimated.
class WorkdayTable {
 public:
  explicit WorkdayTable(const HolidayCalendar& cal);
  bool working(long day, bool* estimated) const;

 private:
  long first_ = 0;
  std::vector<char> flags_;  // per day from first_: 1 working, 0 off
};

struct DueDate {
  std::optional<long> day;  // nullopt: no limit (无) or an unusable one
  long paused_days = 0;     // days not counted because of a pause
  bool estimated = false;   // a year without a holiday calendar was crossed
};

// The due date of a case received on `received` under `limit`: the received day not counted;
// 工作日 by the calendar; 日 as calendar days, a last day off moved to the next working day;
// months as the same day of the month; days inside `pauses` (to = -1: open until `as_of`)
// not counted (working days for 工作日 limits, every day for 日 limits).
DueDate due_date(const WorkdayTable& wd, long received, const Duration& limit,
                 const std::vector<Pause>& pauses, long as_of);
// Working days in (from, to] inside a pause (each day once), an open pause running to `open_end`.
long paused_working_days(const WorkdayTable& wd, long from, long to,
                         const std::vector<Pause>& pauses, long open_end);
// Working days after `from` up to and including `to` (negative when `to` is earlier).
long working_days_between(const WorkdayTable& wd, long from, long to, bool* estimated);

// ---- Holding cases against the catalog (src/monitor/run_monitor.cpp) ----

enum class CaseStatus {
  OnTime,
  Late,
  LateStatutory,
  Open,
  Warning,
  Overdue,
  OverdueStatutory,
  NotInCatalog,
  Undetermined
};
const char* status_key(CaseStatus s);  // on_time …
Message status_label(CaseStatus s);    // 按时办结 …
const char* card_of(CaseStatus s);     // nullptr, "yellow", "red"

struct CaseResult {
  const CaseRecord* rec = nullptr;
  const Department* dept = nullptr;  // the matched department (or the one the row names)
  const PowerItem* item = nullptr;   // nullptr: not in the catalog
  // Views into the catalog, the ledger's pool or MonitorResult's caches (a million cases
  // should not hold a million copies of the same code and name).
  std::string_view item_id, code, department;
  std::optional<long> due_promised, due_statutory;
  std::optional<long> days_left;  // open cases
  long paused_days = 0;
  std::optional<long> days_used;  // working days from received to finished (or as_of)
  CaseStatus status = CaseStatus::Undetermined;
  bool early = false;
  std::vector<Message> notes;
  std::string late_step;  // with step records: the step over its limit by the most
};

struct MonthFigures {
  std::string department, month;
  long received = 0, finished = 0, on_time = 0, early = 0, late = 0, late_statutory = 0, open = 0,
       warning = 0, overdue = 0, overdue_statutory = 0, not_in_catalog = 0, undetermined = 0;
  long days_used = 0, days_promised = 0, timed = 0;  // sums over finished cases with a due date
  double on_time_rate() const { return finished ? double(on_time) / double(finished) : 0.0; }
};

struct MonitorOptions {
  Date as_of;
  int warn_days = 3;
};

struct MonitorResult {
  Date as_of;
  int warn_days = 3;
  std::vector<CaseResult> cases;      // ledger order
  std::vector<MonthFigures> summary;  // by department, then month
  DiagSink findings;                  // monitor/* at the ledger's cells
  // What CaseResult's views point at: per item, its id and implementation code (node-based
  // map, so the views stay valid).
  std::unordered_map<const PowerItem*, std::pair<std::string, std::string>> item_names;
};

// Holds every case of `ledger` against the session's catalog (all items, retired ones too)
// and calendar. `ledger` must outlive the result (cases point into it).
MonitorResult run_monitor(Session& session, const LedgerRead& ledger, const MonitorOptions& o);

// ---- Reports (src/monitor/render_*.cpp) ----
struct MonitorReportInput {
  const MonitorResult& result;
  const LedgerRead& ledger;
  const Sources& sources;
  Lang lang = Lang::Zh;
};
std::string render_monitor_text(const MonitorReportInput& in);
std::string render_monitor_json(const MonitorReportInput& in);
// The same, written in pieces (a year of a city's cases is half a gigabyte of JSON).
void render_monitor_json(const MonitorReportInput& in,
                         const std::function<void(std::string_view)>& sink);
std::string render_monitor_html(const MonitorReportInput& in);
// The 办件 and 汇总 sheets; "" on success, else why the file could not be written.
std::string write_monitor_xlsx(const MonitorReportInput& in, const std::string& path);

}  // namespace powerlist
