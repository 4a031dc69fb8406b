#include <fmt/format.h>

#include "common.hpp"
#include "powerlist/calendar.hpp"
#include "powerlist/law.hpp"
#include "powerlist/session.hpp"

namespace powerlist {

void register_deadline(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub = app.add_subcommand(
      "deadline", tr("按节假日安排计算到期日（首行为 YYYY-MM-DD）",
                     "compute a due date with the holiday calendar (first line YYYY-MM-DD)"));
  auto from = std::make_shared<std::string>();
  auto limit = std::make_shared<std::string>();
  auto law = std::make_shared<std::string>();
  auto lang = std::make_shared<std::string>();
  auto holidays = std::make_shared<std::vector<std::string>>();
  sub->add_option("--from", *from,
                  tr("起算日 YYYY-MM-DD（当日不计入）", "start date YYYY-MM-DD (not counted)"))
      ->required();
  sub->add_option("--limit", *limit,
                  tr("时限，如 20工作日、15日、3个月", "limit, e.g. 20工作日, 15日, 3个月"))
      ->required();
  sub->add_option("--law", *law,
                  tr("按该法的期间计算规则（行政许可法、行政处罚法、行政强制法、行政复议法……）",
                     "count as this law does (行政许可法, 行政处罚法, 行政强制法, 行政复议法 …)"));
  sub->add_option("--holidays", *holidays,
                  tr("补充的节假日安排文件（如下一年的 2027.yaml，见 docs/holidays.md），可多次",
                     "an extra holiday calendar file (e.g. next year's 2027.yaml), repeatable"));
  sub->add_option("--lang", *lang, tr("消息语言 zh|en", "message language zh|en"))
      ->check(CLI::IsMember({"zh", "en"}));
  sub->callback([=, &exit_code] {
    const Lang l = *lang == "en" ? Lang::En : Lang::Zh;
    auto d = parse_date(*from);
    auto lim = parse_duration(*limit);
    if (!d || !lim) {
      std::cerr << "powerlist: "
                << (l == Lang::En
                        ? "--from must be YYYY-MM-DD and --limit a duration such as 20工作日"
                        : "--from 应为 YYYY-MM-DD，--limit 应为时限，如 20工作日")
                << "\n";
      exit_code = kUsage;
      return;
    }
    // The shipped calendars as every Session has them, plus the files given here.
    const auto shipped = shipped_data();
    HolidayCalendar cal = shipped->calendar();
    std::vector<std::string> errors = shipped->calendar_errors();
    for (const auto& h : *holidays) load_holiday_file(cal, h, errors);
    for (const auto& e : errors) std::cerr << "powerlist: " << e << "\n";
    if (!errors.empty()) {
      exit_code = kInternal;
      return;
    }
    DeadlineResult r = compute_deadline(cal, *d, *lim, *law);
    if (!r.due) {
      std::cerr << "powerlist: " << r.error.in(l) << "\n";
      exit_code = kUsage;
      return;
    }
    std::cout << r.due->str() << "\n";
    for (const auto& s : r.steps) std::cout << "  " << s.in(l) << "\n";
    exit_code = kOk;
  });
}

}  // namespace powerlist
