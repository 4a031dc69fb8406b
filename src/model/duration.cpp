#include "powerlist/duration.hpp"

#include <vector>

#include "powerlist/text.hpp"

namespace powerlist {

static std::string amount_str(int64_t milli) {
  std::string s = std::to_string(milli / 1000);
  int64_t frac = milli % 1000;
  if (frac != 0) {
    std::string f = std::to_string(1000 + frac).substr(1);
    while (!f.empty() && f.back() == '0') f.pop_back();
    s += "." + f;
  }
  return s;
}

std::string_view unit_name_zh(TimeUnit u) {
  switch (u) {
    case TimeUnit::WorkDays:
      return "工作日";
    case TimeUnit::Days:
      return "日";
    case TimeUnit::Months:
      return "个月";
    case TimeUnit::Hours:
      return "小时";
    case TimeUnit::Immediate:
      return "即办";
    case TimeUnit::None:
      return "无";
  }
  return "";
}

std::string Duration::str() const {
  if (unit == TimeUnit::None) return "无";
  if (unit == TimeUnit::Immediate) return "即办";
  return amount_str(milli) + std::string(unit_name_zh(unit));
}

std::string Duration::str_en() const {
  switch (unit) {
    case TimeUnit::None:
      return "none";
    case TimeUnit::Immediate:
      return "immediate";
    case TimeUnit::WorkDays:
      return amount_str(milli) + " working days";
    case TimeUnit::Days:
      return amount_str(milli) + " days";
    case TimeUnit::Months:
      return amount_str(milli) + " months";
    case TimeUnit::Hours:
      return amount_str(milli) + " hours";
  }
  return "";
}

static int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

// Chinese integer numerals up to 9999 (十五, 二十, 一百二十, 一千零五).
static std::optional<int64_t> parse_chinese_int(const std::vector<char32_t>& cs) {
  if (cs.empty()) return std::nullopt;
  int64_t total = 0, digit = -1;
  bool any = false;
  for (char32_t c : cs) {
    int d = chinese_digit(c);
    if (d >= 0) {
      digit = d;
      any = true;
      continue;
    }
    int64_t mult = c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0;
    if (mult == 0) return std::nullopt;
    total += (digit < 0 ? 1 : digit) * mult;
    digit = -1;
    any = true;
  }
  if (!any) return std::nullopt;
  if (digit > 0) total += digit;
  return total;
}

std::optional<int64_t> parse_number_milli(std::string_view text) {
  std::string t = trim(text);
  if (t.empty()) return std::nullopt;
  bool arabic = true;
  for (char c : t)
    if (!((c >= '0' && c <= '9') || c == '.')) arabic = false;
  if (arabic) {
    auto dot = t.find('.');
    std::string ip = t.substr(0, dot), fp = dot == std::string::npos ? "" : t.substr(dot + 1);
    if (ip.empty() || ip.size() > 9 || fp.size() > 3 || fp.find('.') != std::string::npos)
      return std::nullopt;
    if (dot != std::string::npos && fp.empty()) return std::nullopt;
    while (fp.size() < 3) fp += '0';
    return std::stoll(ip) * 1000 + std::stoll(fp);
  }
  auto v = parse_chinese_int(decode_utf8(t));
  if (!v) return std::nullopt;
  return *v * 1000;
}

std::optional<Duration> parse_duration(std::string_view text) {
  std::string t = trim(text);
  if (t == "无" || t == "无时限" || t == "不适用") return Duration{TimeUnit::None, 0};
  if (t == "即办" || t == "即时办结" || t == "当场办结") return Duration{TimeUnit::Immediate, 0};
  struct Suffix {
    std::string_view s;
    TimeUnit u;
  };
  static const Suffix suffixes[] = {
      {"个工作日", TimeUnit::WorkDays}, {"工作日", TimeUnit::WorkDays},
      {"个自然日", TimeUnit::Days},     {"自然日", TimeUnit::Days},
      {"日", TimeUnit::Days},           {"天", TimeUnit::Days},
      {"个月", TimeUnit::Months},       {"月", TimeUnit::Months},
      {"小时", TimeUnit::Hours},
  };
  for (const auto& sf : suffixes) {
    if (!ends_with(t, sf.s)) continue;
    auto n = parse_number_milli(std::string_view(t).substr(0, t.size() - sf.s.size()));
    if (!n) return std::nullopt;
    return Duration{sf.u, *n};
  }
  return std::nullopt;
}

bool same_unit(const Duration& a, const Duration& b) {
  if (a.unit == TimeUnit::Immediate || b.unit == TimeUnit::Immediate) return true;
  return a.unit == b.unit;
}

}  // namespace powerlist
