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

struct DeadlineResult {
  std::optional<Date> due;
  std::vector<Message> steps;  // how it was counted
  Message error;               // set when no due date can be given
};

// `law` may be empty or any name/alias of the procedure laws with their own counting rule.
DeadlineResult compute_deadline(const HolidayCalendar& cal, const Date& from, const Duration& limit,
                                const std::string& law);

}  // namespace powerlist
