// Calendar dates (proleptic Gregorian), with day arithmetic for working-day counting.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace powerlist {

struct Date {
  int y = 0, m = 0, d = 0;
  bool valid() const { return y > 0; }
  std::string str() const;     // YYYY-MM-DD
  std::string str_zh() const;  // 2026年12月7日 (GB/T 9704: Arabic numerals)
  long days() const;           // days since 1970-01-01
  static Date from_days(long days);
  int weekday() const;  // 1 = Monday … 7 = Sunday
  friend bool operator<(const Date& a, const Date& b) { return a.days() < b.days(); }
  friend bool operator==(const Date& a, const Date& b) {
    return a.y == b.y && a.m == b.m && a.d == b.d;
  }
  friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
};

// Today's local date; SOURCE_DATE_EPOCH (reproducible-builds.org) when it is set.
Date today();

// Accepts YYYY-MM-DD (also YYYY-M-D and YYYY年M月D日); rejects impossible dates.
std::optional<Date> parse_date(std::string_view text);

}  // namespace powerlist
