// Due dates of cases against hand-counted dates (docs/monitor.md; calendars of 2025 and 2026
// as shipped in catalogs/holidays).
#include <catch2/catch.hpp>

#include "powerlist/monitor.hpp"
#include "powerlist/session.hpp"

using namespace powerlist;

namespace {

const WorkdayTable& table() {
  static const WorkdayTable t(shipped_data(POWERLIST_SOURCE_DIR)->calendar());
  return t;
}
long day(const char* s) {
  return parse_date(s)->days();
}
std::string str(const std::optional<long>& d) {
  return d ? Date::from_days(*d).str() : "none";
}
Duration limit(const char* s) {
  return *parse_duration(s);
}
DueDate due(const char* received, const char* lim, std::vector<Pause> pauses = {},
            const char* as_of = "2026-12-31") {
  return due_date(table(), day(received), limit(lim), pauses, day(as_of));
}

}  // namespace

TEST_CASE("working days skip the National Day week and count its make-up days",
          "[monitor][clock]") {
  // Received Friday 2025-09-26, the day before the make-up Sunday 09-28 and the 8-day holiday
  // 10-01…10-08; 10-11 (Saturday) is a make-up working day. Counted by hand:
  // 09-28 1, 09-29 2, 09-30 3, 10-09 4, 10-10 5, 10-11 6, 10-13 7, 10-14 8, 10-15 9, 10-16 10.
  auto d = due("2025-09-26", "10工作日");
  CHECK(str(d.day) == "2025-10-16");
  CHECK_FALSE(d.estimated);
  CHECK(str(due("2025-09-26", "20工作日").day) == "2025-10-30");
  // Received the last working day before the holiday: 10-09 1, 10-10 2, 10-11 3.
  CHECK(str(due("2025-09-30", "3工作日").day) == "2025-10-11");
}

TEST_CASE("a calendar-day limit whose last day is a holiday ends on the next working day",
          "[monitor][clock]") {
  // 2025-07-05 + 90 days = 2025-10-03 (National Day) → 2025-10-09.
  CHECK(str(due("2025-07-05", "90日").day) == "2025-10-09");
  // 2025-09-01 + 30 days = 2025-10-01 → 2025-10-09.
  CHECK(str(due("2025-09-01", "30日").day) == "2025-10-09");
  // A last day on an ordinary Saturday moves to Monday: 2025-11-01 + 7 = Saturday 11-08 → 11-10.
  CHECK(str(due("2025-11-01", "7日").day) == "2025-11-10");
  // The start day is not counted: received 2025-11-03 (Monday), 1日 → 11-04.
  CHECK(str(due("2025-11-03", "1日").day) == "2025-11-04");
}

TEST_CASE("pause periods are not counted", "[monitor][clock]") {
  // Over a weekend: received Thursday 2025-11-06, 5 working days, paused Fri 11-07 … Mon 11-10
  // (two working days paused): 11-11 1, 11-12 2, 11-13 3, 11-14 4, 11-17 5.
  auto d = due("2025-11-06", "5工作日", {{day("2025-11-07"), day("2025-11-10"), "补正"}});
  CHECK(str(d.day) == "2025-11-17");
  CHECK(d.paused_days == 2);
  // Over a holiday: received 2025-09-29, 5 working days, paused 09-30 … 10-10: the holiday
  // days were never working days, so only 09-30, 10-09 and 10-10 are paused:
  // 10-11 1, 10-13 2, 10-14 3, 10-15 4, 10-16 5.
  d = due("2025-09-29", "5工作日", {{day("2025-09-30"), day("2025-10-10"), "专家评审"}});
  CHECK(str(d.day) == "2025-10-16");
  CHECK(d.paused_days == 3);
  // Two periods, the second still open (to = -1) until the as-of date 2025-11-12:
  // received 11-03, paused 11-04 and 11-06…11-12; 11-05 1, 11-13 2, 11-14 3.
  d = due("2025-11-03", "3工作日",
          {{day("2025-11-04"), day("2025-11-04"), ""}, {day("2025-11-06"), -1, ""}}, "2025-11-12");
  CHECK(str(d.day) == "2025-11-14");
  // A 日 limit loses every paused day: 2025-11-03 + 10 days with 3 paused = 11-16 (Sunday) → 11-17.
  d = due("2025-11-03", "10日", {{day("2025-11-05"), day("2025-11-07"), "检验检测"}});
  CHECK(str(d.day) == "2025-11-17");
  CHECK(d.paused_days == 3);
}

TEST_CASE("a limit crossing a year without a calendar is estimated", "[monitor][clock]") {
  // The shipped calendars end with 2026; 2027 is counted Monday–Friday and marked estimated.
  auto d = due("2026-12-28", "10工作日");
  CHECK(d.estimated);
  // 12-29, 12-30, 12-31 (2026, by the calendar), then 2027-01-01 (Friday: a weekday, counted as
  // estimated) … 01-04 … 01-08, 01-11: ten.
  CHECK(str(d.day) == "2027-01-11");
  CHECK_FALSE(due("2026-06-01", "10工作日").estimated);
}

TEST_CASE("immediate and missing limits", "[monitor][clock]") {
  CHECK(str(due("2025-11-03", "即办").day) == "2025-11-03");
  Duration none;
  none.unit = TimeUnit::None;
  CHECK_FALSE(due_date(table(), day("2025-11-03"), none, {}, day("2025-12-01")).day);
}

TEST_CASE("working days between two dates", "[monitor][clock]") {
  bool est = false;
  CHECK(working_days_between(table(), day("2025-10-20"), day("2025-10-21"), &est) == 1);
  CHECK(working_days_between(table(), day("2025-09-30"), day("2025-10-10"), &est) == 2);
  CHECK(working_days_between(table(), day("2025-10-10"), day("2025-09-30"), &est) == -2);
  CHECK_FALSE(est);
}

TEST_CASE("ledger dates in every form, times of day ignored", "[monitor][ledger]") {
  for (const char* s :
       {"2025-09-26", "2025/9/26", "2025.9.26", "2025年9月26日", "20250926", "45926", "45926.75",
        "2025-09-26 17:45:00", "2025-09-26T09:30:00Z", "2025年9月26日 9时30分", " 2025-9-26 "})
    CHECK(parse_ledger_date(s)->str() == "2025-09-26");
  for (const char* s : {"", "2025-13-45", "2025-02-30", "明天", "9/26/2025", "2025-09-266",
                        "12345678901", "2025-09-26 另见备注"})
    CHECK_FALSE(parse_ledger_date(s));
  bool bad = false;
  auto ds = dates_in_cell("2025-10-01–2025-10-05；2025/10/8至2025年10月9日", &bad);
  REQUIRE(ds.size() == 4);
  CHECK(ds[3].str() == "2025-10-09");
  CHECK_FALSE(bad);
  dates_in_cell("2025-10-01至下周", &bad);
  CHECK_FALSE(bad);  // one date: the reader reports the open period, not the words
  dates_in_cell("2025-10-01至10-05", &bad);
  CHECK(bad);
}

TEST_CASE("hostile ledgers: a year with a month is no date, a pause to 2199 gives no due date",
          "[monitor][clock]") {
  CHECK_FALSE(parse_ledger_date("2025.9"));
  CHECK_FALSE(parse_ledger_date("2025"));
  CHECK(parse_ledger_date("45926")->str() == "2025-09-26");
  const auto d = due("2025-09-01", "20工作日", {{day("2025-09-02"), day("2199-12-30"), ""}});
  CHECK_FALSE(d.day);
  // Paused working days inside (received, end], each once, even where two pauses overlap.
  CHECK(paused_working_days(table(), day("2025-11-03"), day("2025-11-14"),
                            {{day("2025-11-04"), day("2025-11-06"), ""},
                             {day("2025-11-05"), day("2025-11-07"), ""}},
                            day("2025-11-30")) == 4);
}
