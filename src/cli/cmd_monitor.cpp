// `powerlist monitor [CATALOG] LEDGER…`: 电子监察 of a case ledger against the catalog.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "common.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/monitor.hpp"
#include "powerlist/user_options.hpp"

namespace powerlist {

namespace {

struct MonitorArgs {
  std::vector<std::string> paths;
  std::string as_of, format = "text", output, lang, fail_on, region;
  std::vector<std::string> maps, rules;
  int warn_days = 3;
  bool no_progress = false;
};

Message parse_ledger_maps(const std::vector<std::string>& maps,
                          std::map<std::string, LedgerField>& out) {
  for (const auto& m : maps) {
    const size_t eq = m.rfind('=');
    const auto f =
        eq == std::string::npos || eq == 0 ? std::nullopt : parse_ledger_field(m.substr(eq + 1));
    if (!f)
      return {
          "--map " + m +
              "：应为 列名=字段，字段可为 id, code, name, department, unit, received, finished, "
              "state, pause_from, pause_to, pause_reason, pause, node, time, step, step_start, "
              "step_end（或其中文列名）",
          "--map " + m +
              ": expected heading=field (id, code, name, department, unit, "
              "received, finished, state, pause_from, pause_to, pause_reason, "
              "pause, node, time, step, step_start, step_end)"};
    std::string key;
    for (char c : m.substr(0, eq))
      if (!std::isspace(static_cast<unsigned char>(c))) key += c;
    out[key] = *f;
  }
  return {};
}

// Writes what `make` produces, piece by piece, to stdout (no path) or to a temporary file in
// the target's folder that replaces `path` once complete; "" or why it failed.
std::string write_streamed(
    const std::string& path,
    const std::function<void(const std::function<void(std::string_view)>&)>& make) {
  if (path.empty()) {
    make([](std::string_view s) {
      std::cout.write(s.data(), static_cast<std::streamsize>(s.size()));
    });
    std::cout.flush();
    return std::cout ? "" : "cannot write to stdout";
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path tmp = (target.has_parent_path() ? target.parent_path() : fs::path(".")) /
                       fmt::format(".{}.{}.tmp", target.filename().string(), ::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return "cannot create " + tmp.string();
    make([&](std::string_view s) { f.write(s.data(), static_cast<std::streamsize>(s.size())); });
    if (!f.flush()) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return "cannot write " + path;
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return "cannot write " + path;
  }
  return "";
}

int run_monitor_command(const MonitorArgs& a) {
  const Lang lang = a.lang == "en" ? Lang::En : a.lang == "zh" ? Lang::Zh : env_language();
  const bool en = lang == Lang::En;
  auto usage = [&](const std::string& msg) {
    std::cerr << "powerlist: " << msg << "\n";
    return static_cast<int>(kUsage);
  };
  // [CATALOG] LEDGER…: with one path, the catalog is the current folder.
  std::string catalog = ".";
  std::vector<std::string> ledgers = a.paths;
  if (a.paths.size() >= 2) {
    catalog = a.paths.front();
    ledgers.erase(ledgers.begin());
  }
  if (ledgers.empty()) return usage(en ? "give a ledger (办件台账) file" : "请给出办件台账文件");
  MonitorOptions mo;
  mo.as_of = today();
  if (!a.as_of.empty()) {
    auto d = parse_date(a.as_of);
    if (!d)
      return usage("--as-of " + a.as_of + (en ? ": expected YYYY-MM-DD" : "：应为 YYYY-MM-DD"));
    mo.as_of = *d;
  }
  mo.warn_days = a.warn_days;
  LedgerOptions lo;
  if (Message bad = parse_ledger_maps(a.maps, lo.overrides); !bad.zh.empty())
    return usage(bad.in(lang));
  if (a.format == "xlsx" && a.output.empty())
    return usage(en ? "--format xlsx needs -o FILE.xlsx" : "--format xlsx 需要 -o 输出文件.xlsx");

  SessionOptions so;
  so.region = a.region;
  so.jobs = std::max(1u, std::thread::hardware_concurrency());
  if (Message bad = apply_user_options({a.rules, "", {}}, so); !bad.zh.empty())
    return usage(bad.in(lang));
  auto session = Session::open(std::vector<std::string>{catalog}, so);
  if (!session->fatal().empty()) return usage(one_language(session->fatal(), lang));

  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& p : ledgers) {
    std::string bytes;
    size_t size = 0;
    const ReadStatus st = read_regular_file(p, lo.limits.max_file_bytes, bytes, &size);
    if (st != ReadStatus::Ok)
      return usage(read_error_message(st, p, size, lo.limits.max_file_bytes).in(lang));
    files.emplace_back(std::filesystem::path(p).filename().string(), std::move(bytes));
  }
  const bool progress = !a.no_progress && isatty(STDERR_FILENO);
  if (progress)
    lo.progress = [&](size_t rows) {
      std::fprintf(stderr, "\r%s %zu", en ? "rows read" : "已读行数", rows);
    };
  Sources& sources = session->load().sources;
  LedgerRead ledger = read_ledgers(files, lo, sources);
  if (progress) std::fprintf(stderr, "\r\033[K");
  if (!ledger.fatal.zh.empty()) return usage(ledger.fatal.in(lang));

  MonitorResult result = run_monitor(*session, ledger, mo);
  SeverityPolicy policy;
  for (const auto& [id, sev] : so.rules) policy.overrides[id] = sev;
  std::vector<Suppression> none;
  finalize_diagnostics(result.findings.mutable_list(), policy, none, {});
  const MonitorReportInput in{result, ledger, sources, lang};

  std::string text;
  if (a.format == "json") {
    // Streamed: written as it is made, to stdout or to a temporary file renamed over -o.
    std::string err =
        write_streamed(a.output, [&](const auto& sink) { render_monitor_json(in, sink); });
    if (!err.empty()) {
      std::cerr << "powerlist: " << one_language(err, lang) << "\n";
      return kInternal;
    }
  } else if (a.format == "xlsx") {
    if (std::string err = write_monitor_xlsx(in, a.output); !err.empty()) {
      std::cerr << "powerlist: " << one_language(err, lang) << "\n";
      return kInternal;
    }
  } else {
    text = a.format == "html" ? render_monitor_html(in) : render_monitor_text(in);
    if (a.output.empty()) {
      std::cout << text;
    } else if (const Message err = write_file_atomic(a.output, text); !err.zh.empty()) {
      std::cerr << "powerlist: " << err.in(lang) << "\n";
      return kInternal;
    }
  }
  if (!a.output.empty() && a.format != "text")
    std::cerr << (en ? "written: " : "已写入：") << a.output << "\n";

  // Exit 1 on a red card or a case outside the catalog (a nightly job's alert); --fail-on
  // warning|error|never as in check changes the threshold to findings of that severity.
  if (a.fail_on == "never") return kOk;
  if (!a.fail_on.empty()) {
    const Severity s = parse_fail_on(a.fail_on);
    for (const auto& d : result.findings.list())
      if (!d.suppressed && d.severity >= s) return kFindings;
    return kOk;
  }
  for (const auto& c : result.cases)
    if (c.status == CaseStatus::Overdue || c.status == CaseStatus::OverdueStatutory ||
        c.status == CaseStatus::NotInCatalog)
      return kFindings;
  return kOk;
}

}  // namespace

void register_monitor(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub = app.add_subcommand(
      "monitor", tr("电子监察：将办件台账与职权目录对照（限时办结、黄牌红牌、清单外办件）",
                    "电子监察: hold a case ledger against the catalog (deadlines, cards, cases "
                    "outside the catalog)"));
  auto a = std::make_shared<MonitorArgs>();
  sub->add_option("paths", a->paths,
                  tr("[目录] 台账…：目录文件夹或工作簿（省略时为当前文件夹），然后一个或多个台账"
                     "（.xlsx .xls .csv）",
                     "[CATALOG] LEDGER…: the catalog (folder or workbook; the current folder "
                     "when omitted), then one or more ledgers (.xlsx .xls .csv)"))
      ->required();
  sub->add_option("--as-of", a->as_of,
                  tr("统计日期 YYYY-MM-DD（默认今天）", "as-of date (default today)"));
  sub->add_option("--warn-days", a->warn_days,
                  tr("距承诺时限不超过几个工作日给黄牌（默认 3）",
                     "yellow card within this many working days (default 3)"))
      ->check(CLI::Range(0, 60));
  sub->add_option("--format", a->format, tr("输出格式", "output format"))
      ->check(CLI::IsMember({"text", "json", "xlsx", "html"}));
  sub->add_option("-o,--output", a->output, tr("输出文件", "output file"));
  sub->add_option("--map", a->maps,
                  tr("台账列名=字段，如 --map 流水号=id（可多次）",
                     "ledger heading=field, e.g. --map 流水号=id (repeatable)"));
  sub->add_option("--region", a->region, tr("地区（地方性法规）", "region (local legislation)"));
  sub->add_option("--rule", a->rules, tr("规则=off|warning|error", "rule=off|warning|error"));
  sub->add_option("--fail-on", a->fail_on,
                  tr("退出码 1 的条件：默认有红牌或清单外办件；error|warning 为有该级别发现；never",
                     "exit 1 on: red cards or cases outside the catalog (default); error|warning: "
                     "findings of that severity; never"))
      ->check(CLI::IsMember({"error", "warning", "never"}));
  sub->add_option("--lang", a->lang, tr("消息语言 zh|en", "message language zh|en"))
      ->check(CLI::IsMember({"zh", "en"}));
  sub->add_flag("--no-progress", a->no_progress, tr("不显示进度", "no progress display"));
  sub->callback([a, &exit_code] { exit_code = run_monitor_command(*a); });
}

}  // namespace powerlist
