// Due dates of cases, counted as the procedure laws count periods (docs/monitor.md):
// 民事诉讼法第八十五条 (the start day not counted; a period ending on a day off ends on the next
// working day), 行政许可法第四十二条、第四十五条 (工作日; 听证、检验、检测、鉴定、专家评审 not
// counted) and the yearly 国务院办公厅 holiday notices with their make-up working days.
#include <algorithm>

#include "powerlist/monitor.hpp"

namespace powerlist {

namespace {
// Flags: 1 working, 0 day off (both by the calendar); 3 / 2 the same, estimated (no calendar).
constexpr char kWork = 1, kOff = 0, kWorkGuess = 3, kOffGuess = 2;

bool weekday_working(long day) {
  return Date::from_days(day).weekday() <= 5;
}
}  // namespace

WorkdayTable::WorkdayTable(const HolidayCalendar& cal) {
  const auto years = cal.years();
  if (years.empty()) return;
  first_ = Date{years.front(), 1, 1}.days();
  const long last = Date{years.back(), 12, 31}.days();
  flags_.resize(static_cast<size_t>(last - first_ + 1));
  for (long d = first_; d <= last; ++d) {
    auto w = cal.is_working_day(Date::from_days(d));
    flags_[static_cast<size_t>(d - first_)] =
        w ? (*w ? kWork : kOff) : (weekday_working(d) ? kWorkGuess : kOffGuess);
  }
}

bool WorkdayTable::working(long day, bool* estimated) const {
  if (day >= first_ && day - first_ < static_cast<long>(flags_.size())) {
    const char f = flags_[static_cast<size_t>(day - first_)];
    if (f >= kOffGuess) *estimated = true;
    return f == kWork || f == kWorkGuess;
  }
  *estimated = true;
  return weekday_working(day);
}

namespace {

bool paused(const std::vector<Pause>& pauses, long day, long as_of) {
  for (const auto& p : pauses)
    if (day >= p.from && day <= (p.to < 0 ? std::max(as_of, p.from) : p.to)) return true;
  return false;
}

// Longest limit counted (a catalog may say 365日; anything longer is not a case's limit), and
// the longest pause a due date is pushed by (longer: no due date; a hostile ledger's pause to
// 2199 must not cost a loop of 60,000 days per case).
constexpr int64_t kMaxDays = 20'000;
constexpr long kMaxPausedDays = 3'660;

}  // namespace

DueDate due_date(const WorkdayTable& wd, long received, const Duration& limit,
                 const std::vector<Pause>& pauses, long as_of) {
  DueDate r;
  if (limit.unit == TimeUnit::None) return r;
  if (limit.unit == TimeUnit::Immediate) {
    r.day = received;
    return r;
  }
  // A fraction of a day still ends on a whole day.
  int64_t whole = (limit.milli + 999) / 1000;
  if (limit.unit == TimeUnit::Hours) whole = (limit.milli + 23'999) / 24'000;
  if (whole <= 0 || whole > kMaxDays) return r;
  long d = received;
  const long give_up = received + static_cast<long>(whole) * 2 + 14 + kMaxPausedDays;
  if (limit.unit == TimeUnit::WorkDays) {
    for (int64_t counted = 0; counted < whole;) {
      if (++d > give_up) return DueDate{};
      const bool w = wd.working(d, &r.estimated);
      if (paused(pauses, d, as_of)) {
        if (w) ++r.paused_days;
        continue;
      }
      if (w) ++counted;
    }
    r.day = d;
    return r;
  }
  if (limit.unit == TimeUnit::Months) {
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const Date from = Date::from_days(received);
    int m = from.m - 1 + static_cast<int>(whole);
    const int y = from.y + m / 12;
    m = m % 12 + 1;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int last = mdays[m - 1] + (m == 2 && leap ? 1 : 0);
    const long nominal = Date{y, m, std::min(from.d, last)}.days();
    // Every paused day inside the period lengthens it by a day.
    for (long x = received + 1; x <= nominal + r.paused_days; ++x) {
      if (x > give_up + 400) return DueDate{};
      if (paused(pauses, x, as_of)) ++r.paused_days;
    }
    d = nominal + r.paused_days;
  } else {  // 日 (and hours rounded up to days): calendar days, paused days not counted
    for (int64_t counted = 0; counted < whole;) {
      if (++d > give_up) return DueDate{};
      if (paused(pauses, d, as_of)) {
        ++r.paused_days;
        continue;
      }
      ++counted;
    }
  }
  while (!wd.working(d, &r.estimated)) ++d;  // 民事诉讼法第八十五条
  r.day = d;
  return r;
}

long paused_working_days(const WorkdayTable& wd, long from, long to,
                         const std::vector<Pause>& pauses, long open_end) {
  if (pauses.empty()) return 0;
  long lo = to + 1, hi = from;
  for (const auto& p : pauses) {
    lo = std::min(lo, std::max(p.from, from + 1));
    hi = std::max(hi, std::min(p.to < 0 ? std::max(open_end, p.from) : p.to, to));
  }
  long n = 0;
  bool est = false;
  for (long d = lo; d <= hi && d - lo <= kMaxDays; ++d)
    if (paused(pauses, d, open_end) && wd.working(d, &est)) ++n;
  return n;
}

long working_days_between(const WorkdayTable& wd, long from, long to, bool* estimated) {
  if (to < from) return -working_days_between(wd, to, from, estimated);
  long n = 0;
  for (long d = from + 1; d <= to; ++d)
    if (wd.working(d, estimated)) ++n;
  return n;
}

}  // namespace powerlist
