#include "powerlist/date.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>

#include "powerlist/text.hpp"

namespace powerlist {

std::string Date::str() const {
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

std::string Date::str_zh() const {
  return fmt::format("{}年{}月{}日", y, m, d);
}

// Howard Hinnant's days_from_civil.
long Date::days() const {
  int yy = y - (m <= 2 ? 1 : 0);
  const long era = (yy >= 0 ? yy : yy - 399) / 400;
  const long yoe = yy - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  Date r;
  r.d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  r.m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  r.y = static_cast<int>(yoe + era * 400 + (r.m <= 2 ? 1 : 0));
  return r;
}

int Date::weekday() const {
  long w = (days() + 3) % 7;  // 1970-01-01 was a Thursday
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

static bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

std::optional<Date> parse_date(std::string_view text) {
  std::string t = trim(text);
  int parts[3] = {0, 0, 0};
  int idx = 0;
  size_t digits = 0;
  for (size_t i = 0; i < t.size();) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      // A fourth number ("2026-01-01-5") is no date (found by fuzz_lock).
      if (idx > 2 || ++digits > 4) return std::nullopt;
      parts[idx] = parts[idx] * 10 + (c - '0');
      ++i;
      continue;
    }
    if (digits == 0 || idx >= 3) return std::nullopt;
    std::string_view rest = std::string_view(t).substr(i);
    size_t skip = 0;
    if (c == '-' || c == '/' || c == '.')
      skip = 1;
    else if (starts_with(rest, "年") || starts_with(rest, "月") || starts_with(rest, "日"))
      skip = 3;
    else
      return std::nullopt;
    ++idx;
    digits = 0;
    i += skip;
  }
  if (idx == 3) idx = 2;  // trailing 日
  if (idx != 2 || (digits == 0 && parts[2] == 0)) return std::nullopt;
  Date d{parts[0], parts[1], parts[2]};
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.y < 1900 || d.y > 2200 || d.m < 1 || d.m > 12 || d.d < 1) return std::nullopt;
  int maxd = mdays[d.m - 1] + (d.m == 2 && leap(d.y) ? 1 : 0);
  if (d.d > maxd) return std::nullopt;
  return d;
}

Date today() {
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e)
    t = static_cast<std::time_t>(std::atoll(e));
  std::tm tm{};
  localtime_r(&t, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace powerlist
