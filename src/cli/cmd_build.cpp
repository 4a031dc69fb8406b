#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include "common.hpp"
#include "powerlist/output_dir.hpp"
#include "powerlist/publish.hpp"

namespace powerlist {

namespace {

// "流程图 flowcharts 1200/3878  85/s  剩余 31 s" on one line of the terminal, redrawn at most
// ten times a second.
std::function<void(const std::string&, size_t, size_t)> progress_printer(Lang lang) {
  using Clock = std::chrono::steady_clock;
  struct State {
    std::string stage;
    Clock::time_point start, shown;
  };
  auto st = std::make_shared<State>();
  return [st, lang](const std::string& stage, size_t done, size_t total) {
    const auto now = Clock::now();
    if (stage != st->stage) {
      st->stage = stage;
      st->start = now;
      st->shown = {};
    }
    if (done != total && now - st->shown < std::chrono::milliseconds(100)) return;
    st->shown = now;
    const double secs = std::chrono::duration<double>(now - st->start).count();
    const double rate = secs > 0.2 ? static_cast<double>(done) / secs : 0;
    std::string line = fmt::format("{} {}/{}", stage, done, total);
    if (rate > 0 && total > done)
      line += fmt::format(
          lang == Lang::En ? "  {:.0f}/s  {:.0f} s left" : "  {:.0f}/秒  剩余 {:.0f} 秒", rate,
          static_cast<double>(total - done) / rate);
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    if (done == total) std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  };
}

}  // namespace

void register_build(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub =
      app.add_subcommand("build", tr("检查后生成全部输出（默认输出到 DIR/out）",
                                     "check, then write every output (default OUT: DIR/out)"));
  auto opts = std::make_shared<CommonOptions>();
  auto dir = std::make_shared<std::string>(".");
  auto out = std::make_shared<std::string>();
  auto dot = std::make_shared<bool>(false);
  auto assign = std::make_shared<bool>(false);
  auto internal = std::make_shared<bool>(false);
  auto formats = std::make_shared<std::vector<std::string>>();
  auto no_cache = std::make_shared<bool>(false);
  sub->add_option("dir", *dir, tr("目录文件夹（含 powerlist.yaml）", "catalog folder"));
  sub->add_option("-o,--output", *out, tr("输出文件夹", "output folder"));
  sub->add_flag("--dot", *dot,
                tr("同时输出流程图的 DOT 源文件", "also write the flowcharts' DOT files"));
  sub->add_flag(
      "--assign", *assign,
      tr("先为新事项分配编码（同 powerlist codes）", "assign codes first (as powerlist codes)"));
  sub->add_flag("--internal", *internal,
                tr("同时生成 internal/涉密不宜公开行政职权目录.pdf（不公开事项）",
                   "also write internal/ (the non-public items)"));
  sub->add_option("--formats", *formats,
                  tr("流程图格式：svg、png、pdf 中的一个或多个（默认全部）",
                     "chart formats: any of svg, png, pdf (default all)"))
      ->delimiter(',')
      ->check(CLI::IsMember({"svg", "png", "pdf"}));
  sub->add_flag("--no-cache", *no_cache,
                tr("不使用、不更新 OUT/.cache 中的流程图缓存", "neither use nor fill OUT/.cache"));
  add_common_options(sub, *opts, tr, true);
  sub->add_option("--as-of", opts->as_of,
                  tr("按指定日期审核（YYYY-MM-DD）", "audit as of this date (YYYY-MM-DD)"));
  sub->callback([opts, dir, out, dot, assign, internal, formats, no_cache, &exit_code] {
    const Tr say{opts->lang()};
    if (*assign) {
      CommonOptions quiet = *opts;
      quiet.quiet = true;
      quiet.format = "text";
      const int rc = run_codes(*dir, quiet, "", false);
      if (rc != kOk) {
        exit_code = rc;
        return;
      }
    }
    CheckRun run = run_check_folder(*dir, *opts, "build");
    if (run.exit_code == kUsage) {
      exit_code = kUsage;
      return;
    }
    // Findings go to stderr so that build output on stdout stays the list of written paths.
    const int findings = print_findings(run, *opts, {*dir});
    if (run.load().diags.has_errors()) {
      std::cerr << say("存在错误，未写入输出（原有输出保持不变）\n",
                       "errors found; nothing written (previous output kept)\n");
      exit_code = findings == kOk ? kFindings : findings;
      return;
    }
    const std::string out_dir =
        out->empty() ? (std::filesystem::path(*dir) / "out").string() : *out;
    Message refusal;
    auto output = OutputDir::open(out_dir, output_guard(run), refusal, [&] {
      std::cerr << fmt::format(say("另一个 powerlist build 正在写入 {}，等待其完成…\n",
                                   "another powerlist build is writing {}; waiting for it…\n"),
                               out_dir);
    });
    if (!output) {
      std::cerr << "powerlist: " << refusal.in(opts->lang()) << "\n";
      exit_code = kUsage;
      return;
    }
    PublishOptions po;
    if (!formats->empty()) {
      auto has = [&](const char* f) {
        return std::find(formats->begin(), formats->end(), f) != formats->end();
      };
      po.formats = {has("svg"), has("png"), has("pdf"), false};
    }
    po.formats.dot = *dot;
    po.internal = *internal;
    po.cache = !*no_cache;
    po.jobs = opts->jobs ? opts->jobs : std::max(1u, std::thread::hardware_concurrency());
    if (!opts->quiet && !opts->no_progress && isatty(STDERR_FILENO))
      po.progress = progress_printer(opts->lang());
    PublishStats stats;
    const Message err = publish_all(run.load().catalog, run.session->items(), *output, po, &stats);
    if (!err.zh.empty()) {
      std::cerr << "powerlist: " << err.in(opts->lang()) << "\n"
                << say("未写入输出（原有输出保持不变）\n",
                       "nothing written (previous output kept)\n");
      exit_code = kUsage;
      return;
    }
    if (!opts->quiet)
      std::cout << fmt::format(opts->lang() == Lang::En
                                   ? "charts: rendered {}, reused {}\noutputs written to {}\n"
                                   : "流程图：新绘制 {} 个，沿用缓存 {} 个\n输出已写入 {}\n",
                               stats.rendered, stats.reused, out_dir);
    exit_code = findings;
  });
}

}  // namespace powerlist
