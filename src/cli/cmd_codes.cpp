// `powerlist codes`: assign codes to new items, record retirements, rewrite powerlist.lock.
#include <fmt/format.h>

#include <ctime>
#include <filesystem>

#include "common.hpp"
#include "powerlist/codes.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

// The date written as `assigned`/`retired` when the source gives none: --date, else
// SOURCE_DATE_EPOCH (reproducible runs), else today's local date.
// The date written as `assigned`/`retired` when the source gives none: --date, else
// SOURCE_DATE_EPOCH (reproducible runs), else today's local date.
static std::optional<Date> codes_date(const std::string& given) {
  if (!given.empty()) return parse_date(given);
  return today();
}

static bool has_schema_errors(const DiagSink& sink) {
  for (const auto& d : sink.list())
    if (d.severity == Severity::Error && !d.suppressed && starts_with(d.rule, "schema/"))
      return true;
  return false;
}

int run_codes(const std::string& dir, const CommonOptions& o, const std::string& date_text,
              bool dry_run) {
  const Tr tr{o.lang()};
  auto today = codes_date(date_text);
  if (!today) {
    std::cerr << "powerlist: --date " << date_text
              << tr("：应为 YYYY-MM-DD", ": expected YYYY-MM-DD") << "\n";
    return kUsage;
  }
  CheckRun run = run_check_folder(dir, o, "codes");
  if (run.exit_code == kUsage) {
    return kUsage;
  }
  const Catalog& cat = run.load().catalog;
  // Codes are only given out when the whole catalog was read and the ledger is sound;
  // otherwise an item in a broken file could lose its number.
  if (!cat.lock.usable || has_schema_errors(run.load().diags)) {
    print_findings(run, o, {dir});
    std::cerr << tr("目录或锁文件有错误，未改写 powerlist.lock\n",
                    "the catalog or the lock has errors; powerlist.lock not rewritten\n");
    return kFindings;
  }
  AssignResult res = assign_codes(cat, cat.lock, *today);
  if (!o.quiet)
    for (const auto& m : res.log) std::cout << printable(m.in(o.lang())) << "\n";
  const std::string path = (std::filesystem::path(dir) / "powerlist.lock").string();
  const std::string text = render_lock(res.lock);
  const std::string before =
      cat.lock.present ? run.load().sources.get(cat.lock.file).text : std::string();
  const bool changed = text != before;
  if (changed && !dry_run) {
    const Message err = write_file_atomic(path, text);
    if (!err.zh.empty()) {
      std::cerr << "powerlist: " << err.in(o.lang()) << "\n";
      return kUsage;
    }
  }
  if (!o.quiet)
    std::cout << fmt::format(tr("新分配 {} 个，记录取消 {} 个，更新 {} 个；共 {} 条；{}\n",
                                "{} assigned, {} retired, {} updated; {} entries; {}\n"),
                             res.assigned, res.retired, res.updated, res.lock.entries.size(),
                             !changed  ? tr("powerlist.lock 无变化", "powerlist.lock unchanged")
                             : dry_run ? tr("未写入（--dry-run）", "not written (--dry-run)")
                                       : tr("已写入 powerlist.lock", "powerlist.lock written"));
  for (const auto& m : res.errors) std::cerr << "powerlist: " << printable(m.in(o.lang())) << "\n";
  if (!res.errors.empty()) return kFindings;
  // Items removed without a retirement record stay in the ledger and stay an error.
  for (const auto& d : run.load().diags.list())
    if (d.rule == rule::catalog_removed_silently.id() && !d.suppressed) {
      std::cerr << printable(d.message.in(o.lang())) << "\n";
      return kFindings;
    }
  return kOk;
}

void register_codes(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub = app.add_subcommand(
      "codes", tr("为新事项分配编码、记录取消事项并改写 powerlist.lock",
                  "assign codes to new items, record retirements, rewrite powerlist.lock"));
  auto opts = std::make_shared<CommonOptions>();
  auto dir = std::make_shared<std::string>(".");
  auto date = std::make_shared<std::string>();
  auto dry = std::make_shared<bool>(false);
  sub->add_option("dir", *dir, tr("目录文件夹（含 powerlist.yaml）", "catalog folder"));
  sub->add_option("--date", *date,
                  tr("记录的分配/取消日期（默认今天或 SOURCE_DATE_EPOCH）",
                     "date recorded for new codes and retirements (default: today)"));
  sub->add_flag("--dry-run", *dry,
                tr("只显示将要做的改动，不写文件", "show changes, write nothing"));
  add_common_options(sub, *opts, tr, false);
  sub->callback(
      [opts, dir, date, dry, &exit_code] { exit_code = run_codes(*dir, *opts, *date, *dry); });
}

}  // namespace powerlist
