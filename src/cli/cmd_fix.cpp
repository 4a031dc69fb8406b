// `powerlist fix [DIR] [--write]`: the certain corrections as a diff of the YAML catalog, or
// written into its files; the others listed for a person.
#include <fmt/format.h>

#include <set>

#include "common.hpp"
#include "powerlist/export.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/report.hpp"

namespace powerlist {

void register_fix(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub = app.add_subcommand(
      "fix", tr("按确定的更正建议修改 YAML 目录（默认只显示差异，--write 写入）",
                "apply the certain corrections to a YAML catalog (a diff; --write to apply)"));
  auto opts = std::make_shared<CommonOptions>();
  auto dir = std::make_shared<std::string>(".");
  auto write = std::make_shared<bool>(false);
  sub->add_option("dir", *dir, tr("目录文件夹（默认当前文件夹）", "catalog folder (default .)"));
  sub->add_flag("--write", *write,
                tr("写入文件（只改确定的更正；注释和格式保持不变）",
                   "write the files (certain corrections only; comments and layout kept)"));
  sub->add_option("--as-of", opts->as_of,
                  tr("按指定日期审核（YYYY-MM-DD）", "audit as of this date"));
  add_common_options(sub, *opts, tr, false);
  add_region_option(sub, *opts, tr);
  sub->callback([opts, dir, write, &exit_code] {
    const Tr say{opts->lang()};
    CheckRun run = run_check({*dir}, *opts);
    if (run.exit_code == kUsage) {
      std::cerr << "powerlist: " << run.usage_error << "\n";
      exit_code = kUsage;
      return;
    }
    if (run.session->from_workbooks()) {
      std::cerr
          << "powerlist: "
          << say("fix 只修改 YAML 目录；工作簿请用 export --annotate 标注后由部门修改，或先 import",
                 "fix edits YAML catalogs; for a workbook use export --annotate, or import it")
          << "\n";
      exit_code = kUsage;
      return;
    }
    FixPlan plan = plan_fixes(run.session->sources(), run.session->findings());
    size_t edits = 0, applied = 0;
    std::set<std::string> files;
    // A rule reports one citation of an instrument per item: once it is corrected the next
    // one shows, so --write checks again until nothing certain is left (at most 5 rounds).
    for (int round = 0; round < 5 && !plan.files.empty(); ++round) {
      for (const auto& f : plan.files) {
        edits += f.edits;
        files.insert(f.display);
        if (!*write) {
          std::cout << unified_diff(f);
          continue;
        }
        const Message err = write_file_atomic(f.path, f.after);
        if (!err.zh.empty()) {
          std::cerr << "powerlist: " << err.in(opts->lang()) << "\n";
          exit_code = kInternal;
          return;
        }
      }
      applied += plan.applied.size();
      if (!*write) break;
      run = run_check({*dir}, *opts);
      if (run.exit_code == kUsage) {
        std::cerr << "powerlist: " << run.usage_error << "\n";
        exit_code = kInternal;
        return;
      }
      plan = plan_fixes(run.session->sources(), run.session->findings());
    }
    std::cerr << fmt::format(
        *write ? say("已更正 {} 处（{} 条发现，{} 个文件）。\n",
                     "applied {} edits ({} findings, {} files).\n")
               : say("可自动更正 {} 处（{} 条发现，{} 个文件）；加 --write 写入。\n",
                     "{} edits ({} findings, {} files) can be applied; add --write.\n"),
        edits, applied, files.size());
    if (!plan.manual.empty()) {
      std::cerr << fmt::format(
          say("另有 {} 条建议需人工核对：\n", "{} suggestions to check by hand:\n"),
          plan.manual.size());
      for (const Diagnostic* d : plan.manual)
        std::cerr << "  " << finding_location(run.session->sources().get(d->span.file), d->span)
                  << "  [" << d->rule << "]  " << d->fixes.front().title.in(opts->lang())
                  << (d->fixes.front().certain ? "" : say("（需核对）", " (to be checked)"))
                  << "\n";
    }
    exit_code = kOk;
  });
}

}  // namespace powerlist
