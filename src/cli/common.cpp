#include "common.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <thread>

#include "powerlist/flow.hpp"
#include "powerlist/law.hpp"
#include "powerlist/output_dir.hpp"
#include "powerlist/report.hpp"
#include "powerlist/rules.hpp"
#include "powerlist/user_options.hpp"

namespace powerlist {

void add_common_options(CLI::App* app, CommonOptions& o, const Tr& tr, bool findings) {
  if (findings) {
    app->add_option("--format", o.format, tr("输出格式", "output format"))
        ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github"}));
    app->add_option("--fail-on", o.fail_on,
                    tr("在此级别及以上时退出码为 1", "exit 1 at or above this level"))
        ->check(CLI::IsMember({"error", "warning", "never"}));
    app->add_option("--rule", o.rules,
                    tr("调整规则级别 ID=off|warning|error（可重复）",
                       "override a rule: ID=off|warning|error (repeatable)"));
    app->add_flag("--show-suppressed", o.show_suppressed,
                  tr("列出被 # powerlist: ignore 忽略的问题", "list findings suppressed inline"));
    app->add_flag("--verbose", o.verbose,
                  tr("逐条列出法规库中没有的依据（默认每个文件一行）",
                     "list every citation the law base does not know (default: one line per "
                     "instrument)"));
  }
  app->add_option("--lang", o.lang_name, tr("消息语言 zh|en", "message language zh|en"))
      ->check(CLI::IsMember({"zh", "en"}));
  app->add_flag("--quiet,-q", o.quiet,
                tr("只输出问题，不输出汇总和进度", "only findings; no summary or progress"));
  app->add_option("--jobs,-j", o.jobs,
                  tr("并行任务数（默认：CPU 核数）", "parallel jobs (default: cores)"));
  app->add_flag("--no-progress", o.no_progress, tr("不显示进度", "no progress display"));
  app->add_flag("--allow-outside", o.allow_outside,
                tr("允许读取目录文件夹之外的部门文件、法规库和基本目录",
                   "allow department files, law registries and baselines outside the catalog"));
}

void add_region_option(CLI::App* app, CommonOptions& o, const Tr& tr) {
  app->add_option(
      "--region", o.region,
      tr("按此地区的地方性法规检查，如 新疆维吾尔自治区克拉玛依市（默认：powerlist.yaml "
         "的 region，工作簿则由行使主体和标题推断）",
         "check against this region's local legislation, e.g. 新疆维吾尔自治区克拉玛依市 "
         "(default: powerlist.yaml's region; for a workbook, inferred from its names)"));
  app->add_option("--laws", o.laws,
                  tr("追加的法规库文件（可重复；与 powerlist.yaml 的 laws: 相同的格式，如本地规章、"
                     "规范性文件）",
                     "registry files added to the law base (repeatable; the format of "
                     "powerlist.yaml's laws:)"));
}

// Says which region's local legislation a workbook was checked against (it has no region of
// its own), or that none was found.
void say_region(const Session& s, const CommonOptions& o) {
  if (o.quiet || !s.from_workbooks() || s.region().how == "given") return;
  const bool en = o.lang() == Lang::En;
  if (s.region().region.empty())
    std::cerr << (en ? "powerlist: no region found in the workbook's names; local legislation "
                       "is recognised by full name only (use --region)\n"
                     : "powerlist: 未能从工作簿的行使主体和标题推断地区，地方性法规只按全称识别"
                       "（可用 --region 指定）\n");
  else
    std::cerr << (en ? "powerlist: region " : "powerlist: 地区：") << s.region().region
              << (en ? " (inferred from the workbook's names; --region to change)\n"
                     : "（由工作簿的行使主体和标题推断；可用 --region 指定）\n");
}

CheckRun run_check(const std::vector<std::string>& paths, const CommonOptions& o) {
  CheckRun run;
  SessionOptions so;
  so.region = o.region;
  so.law_files = o.laws;
  so.jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  so.allow_outside = o.allow_outside;
  const bool show_progress = !o.quiet && !o.no_progress && isatty(STDERR_FILENO);
  if (show_progress)
    so.load_progress = [&](size_t done, size_t total) {
      std::fprintf(stderr, "\r%s %zu/%zu", o.lang() == Lang::En ? "loading" : "加载", done, total);
      if (done == total) std::fprintf(stderr, "\r\033[K");
    };
  // Validate --rule, --as-of and --map before doing any work: a typo is a usage error.
  if (const Message bad = apply_user_options({o.rules, o.as_of, o.maps}, so); !bad.zh.empty()) {
    run.exit_code = kUsage;
    run.usage_error = bad.in(o.lang());
    return run;
  }
  run.session = Session::open(paths, so);
  if (!run.session->fatal().empty()) {
    run.exit_code = kUsage;
    run.usage_error = one_language(run.session->fatal(), o.lang());
    return run;
  }
  say_region(*run.session, o);
  run.session->check();
  return run;
}

CheckRun run_check_folder(const std::string& dir, const CommonOptions& o, const char* command) {
  CheckRun run = run_check({dir}, o);
  if (run.exit_code == kUsage) {
    std::cerr << "powerlist: " << run.usage_error << "\n";
  } else if (run.load().catalog.project.standalone) {
    std::cerr << "powerlist: " << command
              << (o.lang() == Lang::En ? " needs a catalog folder (holding powerlist.yaml)"
                                       : " 需要含 powerlist.yaml 的目录文件夹")
              << "\n";
    run.exit_code = kUsage;
  }
  return run;
}

OutputGuard output_guard(const CheckRun& run) {
  OutputGuard g;
  g.catalog_root = run.load().catalog.root;
  for (size_t i = 1; i < run.load().sources.size(); ++i) {
    const SourceFile& f = run.load().sources.get(static_cast<uint32_t>(i));
    if (!f.builtin && !f.fs_path.empty()) g.sources.emplace_back(f.fs_path);
  }
  return g;
}

int print_findings(const CheckRun& run, const CommonOptions& o,
                   const std::vector<std::string>& paths) {
  const auto& diags = run.load().diags.list();
  ReportInput in{diags, run.load().sources};
  in.lang = o.lang();
  in.color = o.format == "text" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  in.show_suppressed = o.show_suppressed;
  in.verbose = o.verbose;
  in.fail_on = parse_fail_on(o.fail_on);
  in.files = run.load().files;
  in.items = run.load().catalog.item_count();
  std::map<std::string, std::string> names;
  for (const auto& d : run.load().catalog.departments)
    for (const auto& it : d.powers) names[item_id(d, it)] = it.name.value;
  in.item_names = &names;
  for (size_t i = 0; i < run.load().sources.size(); ++i)
    if (run.load().sources.get(static_cast<uint32_t>(i)).is_sheet()) ++in.sheets;
  const CitationCounts citations = count_citations(run.load().catalog, run.laws());
  in.citations = &citations;
  if (!run.load().catalog.root.empty()) {
    std::string root = paths.empty() ? "." : paths.front();
    if (root != "." && root != "./") in.uri_prefix = root.back() == '/' ? root : root + "/";
  }
  std::optional<std::string> rendered = render_report(o.format, in);
  const bool as_text = !rendered || o.format == "text";  // CLI11 admits only known formats
  std::string out = rendered ? std::move(*rendered) : render_text(in);
  if (as_text) {
    // Like a compiler, a clean run prints nothing; --quiet also drops the summary line.
    const Counts c = count_findings(diags);
    const bool shown_suppressed =
        o.show_suppressed &&
        std::any_of(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.suppressed; });
    if (c.errors + c.warnings + c.notes == 0 && !shown_suppressed) out.clear();
    if (o.quiet) {
      auto cut = out.rfind('\n', out.size() >= 2 ? out.size() - 2 : 0);
      out = cut == std::string::npos ? std::string() : out.substr(0, cut + 1);
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  for (const auto& d : diags)
    if (!d.suppressed && d.severity >= in.fail_on) return kFindings;
  return kOk;
}

std::string one_language(const std::string& message, Lang lang) {
  // "中文 / English: detail": the halves split at the first " / " whose left side holds
  // Chinese; a detail after the English half's colon (a path) belongs to both.
  const size_t slash = message.find(" / ");
  if (slash == std::string::npos) return message;
  const std::string zh = message.substr(0, slash), en = message.substr(slash + 3);
  bool chinese = false;
  for (unsigned char c : zh) chinese = chinese || c >= 0xE4;
  if (!chinese) return message;
  bool ascii = true;
  const size_t colon = en.find(": ");
  for (size_t i = 0; i < (colon == std::string::npos ? en.size() : colon); ++i)
    ascii = ascii && static_cast<unsigned char>(en[i]) < 0x80;
  if (!ascii) return message;
  if (lang == Lang::En) return en;
  // The detail (after the English colon) goes with the Chinese text too.
  const std::string detail = colon == std::string::npos ? "" : en.substr(colon + 2);
  const bool zh_has_colon =
      zh.find("：") != std::string::npos || zh.find(": ") != std::string::npos;
  return detail.empty() || zh_has_colon ? zh : zh + "：" + detail;
}

}  // namespace powerlist
