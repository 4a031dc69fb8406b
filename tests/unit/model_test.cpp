#include "powerlist/model.hpp"

#include <catch2/catch.hpp>

#include "powerlist/date.hpp"
#include "powerlist/duration.hpp"
#include "powerlist/rules.hpp"

using namespace powerlist;

TEST_CASE("durations parse every documented spelling", "[duration]") {
  auto d = [](const char* s) { return parse_duration(s); };
  CHECK(d("20工作日")->milli == 20000);
  CHECK(d("20工作日")->unit == TimeUnit::WorkDays);
  CHECK(d("20个工作日")->milli == 20000);
  CHECK(d("二十工作日")->milli == 20000);
  CHECK(d("十五个工作日")->milli == 15000);
  CHECK(d("一百二十日")->milli == 120000);
  CHECK(d("两个月")->unit == TimeUnit::Months);
  CHECK(d("0.4工作日")->milli == 400);
  CHECK(d("90日")->unit == TimeUnit::Days);
  CHECK(d("90天")->unit == TimeUnit::Days);
  CHECK(d("3个月")->milli == 3000);
  CHECK(d("24小时")->unit == TimeUnit::Hours);
  CHECK(d("即办")->unit == TimeUnit::Immediate);
  CHECK(d("无")->is_none());
  CHECK_FALSE(d("十来天"));
  CHECK_FALSE(d("20"));
  CHECK_FALSE(d("1.2.3工作日"));
  CHECK_FALSE(d(".5日"));
  CHECK_FALSE(d("0.0001工作日"));
}

TEST_CASE("duration arithmetic is exact", "[duration]") {
  int64_t sum = 0;
  for (const char* s : {"0.2工作日", "0.4工作日", "0.3工作日", "0.1工作日"})
    sum += parse_duration(s)->milli;
  CHECK(sum == parse_duration("1工作日")->milli);
  CHECK(Duration{TimeUnit::WorkDays, 1500}.str() == "1.5工作日");
  CHECK(Duration{TimeUnit::Days, 90000}.str() == "90日");
  CHECK(Duration{TimeUnit::WorkDays, 400}.str_en() == "0.4 working days");
  CHECK_FALSE(same_unit(*parse_duration("10日"), *parse_duration("20工作日")));
  CHECK(same_unit(*parse_duration("即办"), *parse_duration("20工作日")));
}

TEST_CASE("dates", "[date]") {
  CHECK(parse_date("2026-01-01")->str() == "2026-01-01");
  CHECK(parse_date("2026年2月3日")->str() == "2026-02-03");
  CHECK_FALSE(parse_date("2026-01-01-5"));  // fuzz_lock: a fourth number overflowed
  CHECK_FALSE(parse_date("2026年1月1日2"));
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK(parse_date("2024-02-29"));
  CHECK_FALSE(parse_date("2025-02-29"));
  CHECK_FALSE(parse_date("2026-1"));
  CHECK(Date{2026, 1, 1}.weekday() == 4);  // a Thursday
  CHECK(Date::from_days(Date{2025, 12, 31}.days() + 1) == Date{2026, 1, 1});
}

TEST_CASE("article references", "[citation]") {
  CHECK(parse_article_ref("40")->article == 40);
  auto r = parse_article_ref("40.2.3");
  CHECK((r->article == 40 && r->paragraph == 2 && r->item == 3));
  CHECK(parse_article_ref("第四十二条")->article == 42);
  auto c = parse_article_ref("第六十三条第一款第二项");
  CHECK((c->article == 63 && c->paragraph == 1 && c->item == 2));
  CHECK(parse_article_ref("第40条")->article == 40);
  CHECK(parse_article_ref("40.2")->str() == "第四十条第二款");
  CHECK(parse_article_ref("110")->str() == "第一百一十条");
  CHECK(parse_article_ref("105")->str() == "第一百零五条");
  CHECK(parse_article_ref("四十")->article == 40);  // bare numerals mean 第N条
  CHECK_FALSE(parse_article_ref("40.x"));
  CHECK_FALSE(parse_article_ref("1.2.3.4"));
}

TEST_CASE("categories accept names, codes and letters", "[category]") {
  bool legacy = false;
  CHECK(parse_category("行政许可", &legacy) == Category::Licensing);
  CHECK(parse_category("02", &legacy) == Category::Penalty);
  CHECK(parse_category("QZ", &legacy) == Category::Coercion);
  CHECK_FALSE(legacy);
  CHECK(parse_category("监督检查", &legacy) == Category::Inspection);
  CHECK(legacy);
  CHECK(parse_category("非行政许可审批", &legacy) == Category::Other);
  CHECK_FALSE(parse_category("行政许诺", &legacy));
}

TEST_CASE("GB 32100 credit code check character", "[unit]") {
  CHECK(valid_credit_code("11360827MB0123456H"));
  CHECK(valid_credit_code("91350100M000100Y43"));  // a published example code
  CHECK_FALSE(valid_credit_code("11360827MB0123456J"));
  CHECK_FALSE(valid_credit_code("11360827MB012345"));
  CHECK_FALSE(valid_credit_code("11360827MI0123456H"));  // I is not in the charset
  CHECK(credit_code_check_char("11360827MB0123457") == 'L');
}
