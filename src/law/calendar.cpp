#include "powerlist/calendar.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "powerlist/law.hpp"

namespace fs = std::filesystem;

namespace powerlist {

std::vector<int> HolidayCalendar::years() const {
  std::vector<int> out;
  for (const auto& [y, _] : years_) out.push_back(y);
  return out;
}

const HolidayCalendar::Year* HolidayCalendar::year(int y) const {
  auto it = years_.find(y);
  return it == years_.end() ? nullptr : &it->second;
}

std::optional<bool> HolidayCalendar::is_working_day(const Date& d) const {
  if (!year(d.y)) return std::nullopt;
  // A notice may settle days of the neighbouring years (the 2006 notice: 2005-12-31 上班;
  // 元旦 from 12-30): its own year first, then the next and the previous year's notice.
  const long n = d.days();
  for (int k : {d.y, d.y + 1, d.y - 1})
    if (const Year* y = year(k)) {
      if (y->workdays.count(n)) return true;
      if (y->holidays.count(n)) return false;
    }
  return d.weekday() <= 5;
}

bool load_holiday_file(HolidayCalendar& cal, const std::string& path,
                       std::vector<std::string>& errors) {
  try {
    YAML::Node n = YAML::LoadFile(path);
    HolidayCalendar::Year y;
    const int year = n["year"].as<int>();
    if (year < 1949 || year > 2200) throw std::runtime_error("year out of range");
    y.source = n["source"] ? n["source"].as<std::string>() : "";
    auto date = [&](const YAML::Node& x) {
      auto d = parse_date(x.as<std::string>());
      if (!d || d->y < year - 1 || d->y > year + 1)
        throw std::runtime_error("bad date " + x.as<std::string>());
      return *d;
    };
    for (const auto& h : n["holidays"]) {
      const long from = date(h["from"]).days(), to = date(h["to"]).days();
      if (to < from || to - from > 31) throw std::runtime_error("bad holiday range");
      for (long d = from; d <= to; ++d) y.holidays.insert(d);
    }
    for (const auto& w : n["workdays"]) y.workdays.insert(date(w).days());
    cal.add_year(year, std::move(y));
    return true;
  } catch (const std::exception& e) {
    errors.push_back(path + ": " + e.what());
    return false;
  }
}

HolidayCalendar load_holidays(const std::string& dir, std::vector<std::string>& errors) {
  HolidayCalendar cal;
  for (const auto& f : yaml_files_in(dir)) load_holiday_file(cal, f, errors);
  return cal;
}

namespace {

enum class Counting { Working, Natural };

// The counting rule of each procedure law, for periods given in 日.
Counting rule_for(const std::string& law, int64_t days, Message& why) {
  const std::string n = LawRegistry::normalize(law);
  if (n == "行政许可法") {
    why = {"行政许可法第八十二条：期限以工作日计算，不含法定节假日",
           "行政许可法 art. 82: periods count working days"};
    return Counting::Working;
  }
  if (n == "行政处罚法") {
    const bool w = days == 2 || days == 3 || days == 5 || days == 7;
    why = w ? Message{"行政处罚法第八十五条：二日、三日、五日、七日的规定是指工作日",
                      "行政处罚法 art. 85: 2-, 3-, 5- and 7-day periods are working days"}
            : Message{"行政处罚法第八十五条：该期限按自然日计算",
                      "行政处罚法 art. 85: this period counts natural days"};
    return w ? Counting::Working : Counting::Natural;
  }
  if (n == "行政强制法") {
    const bool w = days <= 10;
    why = w ? Message{"行政强制法第六十九条：十日以内期限的规定是指工作日",
                      "行政强制法 art. 69: periods of ten days or less are working days"}
            : Message{"行政强制法第六十九条：十日以上的期限按自然日计算",
                      "行政强制法 art. 69: longer periods count natural days"};
    return w ? Counting::Working : Counting::Natural;
  }
  if (n == "行政复议法") {
    const bool w = days == 3 || days == 5 || days == 7 || days == 10;
    why =
        w ? Message{"行政复议法第八十八条：三日、五日、七日、十日的规定是指工作日，不含法定休假日",
                    "行政复议法 art. 88: 3-, 5-, 7- and 10-day periods are working days"}
          : Message{"行政复议法第八十八条：其他期间按民事诉讼法计算",
                    "行政复议法 art. 88: other periods as in 民事诉讼法"};
    return w ? Counting::Working : Counting::Natural;
  }
  if (n == "政府信息公开条例") {
    why = {"政府信息公开条例：期限以工作日计算", "政府信息公开条例: periods are working days"};
    return Counting::Working;
  }
  why = {"按自然日计算", "counted in natural days"};
  return Counting::Natural;
}

Message missing_year(int y) {
  return {
      fmt::format("没有 {0} 年的节假日安排，无法按工作日计算。国务院办公厅发布该年通知后，按 "
                  "docs/holidays.md 写一个 {0}.yaml，用 --holidays 文件（deadline）或 "
                  "powerlist.yaml 的 holidays: 加入，或放进 POWERLIST_DATA 的 catalogs/holidays/",
                  y),
      fmt::format("no holiday calendar for {0}: working days cannot be counted. Once the State "
                  "Council notice is out, write {0}.yaml (docs/holidays.md) and add it with "
                  "--holidays (deadline), holidays: in powerlist.yaml, or POWERLIST_DATA's "
                  "catalogs/holidays/",
                  y)};
}

}  // namespace

DeadlineResult compute_deadline(const HolidayCalendar& cal, const Date& from, const Duration& limit,
                                const std::string& law) {
  DeadlineResult r;
  if (limit.unit == TimeUnit::None) {
    r.error = {"时限为“无”，没有到期日", "the limit is 无: there is no due date"};
    return r;
  }
  if (limit.unit == TimeUnit::Immediate) {
    r.due = from;
    r.steps.push_back({"即办：当日办结", "immediate: due the same day"});
    return r;
  }
  // Fractions of a day round up: a 0.4 工作日 step still ends on a whole day.
  const int64_t whole = (limit.milli + 999) / 1000;
  Counting counting = Counting::Natural;
  Message why;
  if (limit.unit == TimeUnit::WorkDays) {
    counting = Counting::Working;
    why = {"时限以工作日表示", "the limit is given in working days"};
  } else if (limit.unit == TimeUnit::Days) {
    counting = rule_for(law, whole, why);
  } else if (limit.unit == TimeUnit::Hours) {
    why = {"小时期限按自然日向上取整", "hours are rounded up to natural days"};
  } else {
    why = {"按月计算，到期月没有对应日的，以该月最后一日为期间届满日",
           "months: same day of the month, or its last day"};
  }
  r.steps.push_back(why);
  r.steps.push_back({fmt::format("起算日 {} 不计入（民事诉讼法第八十五条）", from.str()),
                     fmt::format("the start day {} is not counted", from.str())});
  Date d = from;
  if (counting == Counting::Working) {
    int64_t counted = 0;
    while (counted < whole) {
      d = Date::from_days(d.days() + 1);
      auto w = cal.is_working_day(d);
      if (!w) {
        r.error = missing_year(d.y);
        return r;
      }
      if (*w) ++counted;
    }
    r.steps.push_back(
        {fmt::format("数 {} 个工作日（跳过周末和法定节假日，调休上班日计入）", whole),
         fmt::format("counted {} working days (weekends and holidays skipped, 调休 days counted)",
                     whole)});
    r.due = d;
    return r;
  }
  if (limit.unit == TimeUnit::Months) {
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int m = d.m - 1 + static_cast<int>(whole);
    int y = d.y + m / 12;
    m = m % 12 + 1;
    int last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 1 : 0);
    d = Date{y, m, std::min(d.d, last)};
  } else {
    const int64_t days = limit.unit == TimeUnit::Hours ? (limit.milli + 23999) / 24000 : whole;
    d = Date::from_days(d.days() + static_cast<long>(days));
  }
  // 民事诉讼法第八十五条: a period ending on a 法定休假日 ends on the first day after it.
  const Date nominal = d;
  for (;;) {
    auto w = cal.is_working_day(d);
    if (!w) {
      r.error = missing_year(d.y);
      return r;
    }
    if (*w) break;
    d = Date::from_days(d.days() + 1);
  }
  if (!(nominal == d))
    r.steps.push_back(
        {fmt::format(
             "期间届满日 {} 是休息日或法定节假日，顺延至其后第一个工作日（民事诉讼法第八十五条）",
             nominal.str()),
         fmt::format("{} is a day off; the period ends on the next working day", nominal.str())});
  r.due = d;
  return r;
}

RevisionDue revision_due(const HolidayCalendar& cal, const Date& effective) {
  Duration twenty;
  twenty.unit = TimeUnit::WorkDays;
  twenty.milli = 20 * 1000;
  const DeadlineResult due = compute_deadline(cal, effective, twenty, "");
  if (due.due) return {*due.due, false};
  return {Date::from_days(effective.days() + 28), true};
}

}  // namespace powerlist
