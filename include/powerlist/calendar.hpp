// Working days (工作日) from the yearly 国务院办公厅 holiday notices, and due dates counted
// the way each procedure law counts its periods (LEGAL-FACTS.md "How days are counted").
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "powerlist/date.hpp"
#include "powerlist/diag.hpp"
#include "powerlist/duration.hpp"

namespace powerlist {

class HolidayCalendar {
 public:
  struct Year {
    std::set<long> holidays;  // days off by the notice (weekends inside ranges included)
    std::set<long> workdays;  // 调休: weekend days that are working days
    std::string source;
  };
  void add_year(int year, Year y) { years_[year] = std::move(y); }
  bool has_year(int year) const { return years_.count(year) > 0; }
  std::vector<int> years() const;
  // nullopt when the year has no calendar: counting without one would silently be wrong.
  std::optional<bool> is_working_day(const Date& d) const;
  const Year* year(int y) const;

 private:
  std::map<int, Year> years_;
};

// Reads catalogs/holidays/<year>.yaml files; problems go to `errors` as messages.
HolidayCalendar load_holidays(const std::string& dir, std::vector<std::string>& errors);
// Adds one year's file (a user's, for a year the shipped data lacks, or replacing one);
// false with a message in `errors` when it cannot be read.
bool load_holiday_file(HolidayCalendar& cal, const std::string& path,
                       std::vector<std::string>& errors);

struct DeadlineResult {
  std::optional<Date> due;
  std::vector<Message> steps;  // how it was counted
  Message error;               // set when no due date can be given
};

// The catalog must be revised within 20 working days after a law's new version takes effect
// (规范行政权力运行: 法律法规修改后 20 个工作日内调整目录). `estimated`: no calendar for that
// year, counted as 28 natural days.
struct RevisionDue {
  Date date;
  bool estimated = false;
};
RevisionDue revision_due(const HolidayCalendar& cal, const Date& effective);

// `law` may be empty or any name/alias of the procedure laws with their own counting rule.
DeadlineResult compute_deadline(const HolidayCalendar& cal, const Date& from, const Duration& limit,
                                const std::string& law);

}  // namespace powerlist
