// Time limits (时限) with exact fixed-point arithmetic: amounts are kept in thousandths,
// so 0.2+0.4+0.3+0.1 工作日 is exactly 1 工作日.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace powerlist {

enum class TimeUnit { None, Immediate, WorkDays, Days, Months, Hours };

struct Duration {
  TimeUnit unit = TimeUnit::None;
  int64_t milli = 0;  // amount × 1000
  bool is_none() const { return unit == TimeUnit::None; }
  // Canonical spelling: "20工作日", "0.4工作日", "90日", "3个月", "24小时", "即办", "无".
  std::string str() const;
  std::string str_en() const;
};

// Parses every spelling of FORMAT.md ("20工作日", "20个工作日", "二十工作日", "0.4工作日",
// "90日", "90天", "3个月", "24小时", "即办", "无"). nullopt when unparsable.
std::optional<Duration> parse_duration(std::string_view text);

// Parses an Arabic or Chinese numeral (二十, 一百二十, 两, 〇, 0.5) into thousandths.
std::optional<int64_t> parse_number_milli(std::string_view text);

// Same unit (即办 counts as zero of any unit).
bool same_unit(const Duration& a, const Duration& b);
std::string_view unit_name_zh(TimeUnit u);

}  // namespace powerlist
