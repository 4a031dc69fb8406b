#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "common.hpp"
#include "powerlist/output_dir.hpp"
#include "powerlist/publish.hpp"

namespace powerlist {

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
  add_common_options(sub, *opts, tr, true);
  sub->add_option("--as-of", opts->as_of,
                  tr("按指定日期审核（YYYY-MM-DD）", "audit as of this date (YYYY-MM-DD)"));
  sub->callback([opts, dir, out, dot, assign, internal, &exit_code] {
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
    po.dot = *dot;
    po.internal = *internal;
    po.jobs = opts->jobs ? opts->jobs : std::max(1u, std::thread::hardware_concurrency());
    if (!opts->quiet && !opts->no_progress && isatty(STDERR_FILENO))
      po.progress = [](const std::string& stage, size_t done, size_t total) {
        std::fprintf(stderr, "\r\033[K%s %zu/%zu", stage.c_str(), done, total);
        if (done == total) std::fprintf(stderr, "\r\033[K");
      };
    const Message err = publish_all(run.load().catalog, run.templates(), *output, po);
    if (!err.zh.empty()) {
      std::cerr << "powerlist: " << err.in(opts->lang()) << "\n"
                << say("未写入输出（原有输出保持不变）\n",
                       "nothing written (previous output kept)\n");
      exit_code = kUsage;
      return;
    }
    if (!opts->quiet)
      std::cout << fmt::format(
          opts->lang() == Lang::En ? "outputs written to {}\n" : "输出已写入 {}\n", out_dir);
    exit_code = findings;
  });
}

}  // namespace powerlist
