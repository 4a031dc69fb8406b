// Due dates over Spring Festival and National Day, with 调休 working weekends, 2025 and 2026.
// Each expected date was counted by hand from the 国务院办公厅 notices.
#include "powerlist/calendar.hpp"

#include <catch2/catch.hpp>

using namespace powerlist;

static const HolidayCalendar& cal() {
  static const HolidayCalendar c = [] {
    std::vector<std::string> errors;
    auto x = load_holidays(std::string(POWERLIST_SOURCE_DIR) + "/catalogs/holidays", errors);
    if (!errors.empty()) throw std::runtime_error(errors.front());
    return x;
  }();
  return c;
}

static std::string due(const char* from, const char* limit, const char* law = "") {
  auto r = compute_deadline(cal(), *parse_date(from), *parse_duration(limit), law);
  return r.due ? r.due->str() : "error: " + r.error.en;
}

TEST_CASE("calendars for 2004-2026 load", "[calendar]") {
  std::vector<int> years;
  for (int y = 2004; y <= 2026; ++y) years.push_back(y);
  CHECK(cal().years() == years);
  CHECK(cal().is_working_day(Date{2026, 2, 14}) == true);   // 调休 Saturday
  CHECK(cal().is_working_day(Date{2026, 2, 16}) == false);  // 春节
  CHECK(cal().is_working_day(Date{2026, 3, 7}) == false);   // ordinary Saturday
  CHECK_FALSE(cal().is_working_day(Date{2027, 1, 4}).has_value());
}

TEST_CASE("working days across Spring Festival", "[calendar]") {
  // 2026: 2/15–2/23 off; 2/14 and 2/28 (Saturdays) are working days.
  CHECK(due("2026-02-12", "5工作日") == "2026-02-26");
  CHECK(due("2026-02-13", "10工作日") == "2026-03-05");
  // 2025: 1/28–2/4 off; 1/26 (Sunday) and 2/8 (Saturday) are working days.
  CHECK(due("2025-01-24", "3工作日") == "2025-02-05");
  CHECK(due("2025-02-05", "3工作日") == "2025-02-08");
}

TEST_CASE("working days across National Day", "[calendar]") {
  // 2026: 10/1–10/7 off; 9/20 (Sunday) and 10/10 (Saturday) are working days.
  CHECK(due("2026-09-30", "3工作日") == "2026-10-10");
  CHECK(due("2026-09-18", "2工作日") == "2026-09-21");
  // 2025: 10/1–10/8 off; 9/28 (Sunday) and 10/11 (Saturday) are working days.
  CHECK(due("2025-09-26", "5工作日") == "2025-10-10");
}

TEST_CASE("natural days end on the next working day after a holiday", "[calendar]") {
  CHECK(due("2025-09-21", "10日") == "2025-10-09");   // 10/1 falls in the holiday
  CHECK(due("2026-03-02", "10日") == "2026-03-12");   // a Thursday: no change
  CHECK(due("2026-01-31", "1个月") == "2026-02-28");  // month end; 2/28 is a 调休 working Saturday
  CHECK(due("2026-02-10", "即办") == "2026-02-10");
}

TEST_CASE("each law counts its own periods", "[calendar]") {
  CHECK(due("2026-02-05", "15日", "行政处罚法") ==
        "2026-02-24");  // natural; ends 2/20 in the holiday
  CHECK(due("2026-02-12", "5日", "行政处罚法") == "2026-02-26");  // 5日 are working days
  CHECK(due("2026-02-12", "5日", "中华人民共和国行政许可法") == "2026-02-26");
  CHECK(due("2026-02-12", "10日", "行政强制法") == "2026-03-04");     // ≤10日: working days
  CHECK(due("2026-02-12", "30日", "行政强制法") == "2026-03-16");     // natural: 3/14 is a Saturday
  CHECK(due("2026-02-12", "7日", "《行政复议法》") == "2026-02-28");  // 2/28 is a 调休 Saturday
}

TEST_CASE("a year without a calendar is an explicit error", "[calendar]") {
  const std::string e = due("2026-12-20", "20工作日");
  CHECK(e.rfind("error: no holiday calendar for 2027: working days cannot be counted", 0) == 0);
  // … and it says how to add the year.
  CHECK(e.find("holidays: in powerlist.yaml") != std::string::npos);
  CHECK(e.find("--holidays") != std::string::npos);
  CHECK(due("2026-02-12", "无").rfind("error:", 0) == 0);
}

TEST_CASE("historical notices: cross-year days and the 2020 extension", "[calendar]") {
  // The 2006 notice makes Saturday 2005-12-31 a working day.
  CHECK(cal().is_working_day(Date{2005, 12, 31}) == true);
  // The 2012 notice: 元旦 2012-01-01 to 01-03, Saturday 2011-12-31 worked.
  CHECK(cal().is_working_day(Date{2011, 12, 31}) == true);
  CHECK(cal().is_working_day(Date{2012, 1, 3}) == false);
  // 国办发明电〔2020〕1号 extended the Spring Festival to 2020-02-02; 02-01 was no longer worked.
  CHECK(cal().is_working_day(Date{2020, 1, 31}) == false);
  CHECK(cal().is_working_day(Date{2020, 2, 1}) == false);
  CHECK(cal().is_working_day(Date{2020, 2, 3}) == true);
  CHECK(due("2020-01-20", "10工作日") == "2020-02-11");
  // 2004-2007: the 五一 and 十一 golden weeks.
  CHECK(cal().is_working_day(Date{2007, 5, 7}) == false);
  CHECK(cal().is_working_day(Date{2007, 10, 5}) == false);
}
