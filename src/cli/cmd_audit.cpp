// `powerlist audit`: the review report over all departments, as HTML and PDF.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "common.hpp"
#include "powerlist/audit.hpp"
#include "powerlist/calendar.hpp"
#include "powerlist/codes.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/report.hpp"

namespace powerlist {

void register_audit(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub = app.add_subcommand(
      "audit", tr("生成法制审核意见（HTML 和 PDF）：各部门数量、问题及依据、交叉、无依据、时限统计",
                  "the legal-affairs review report over all departments (HTML and PDF)"));
  auto opts = std::make_shared<CommonOptions>();
  auto dir = std::make_shared<std::string>(".");
  auto out = std::make_shared<std::string>("audit.html");
  sub->add_option("dir", *dir, tr("目录文件夹（含 powerlist.yaml）", "catalog folder"));
  sub->add_option("-o,--output", *out,
                  tr("HTML 文件（同名 .pdf 一并生成；默认 audit.html）",
                     "HTML file; the PDF is written next to it (default audit.html)"));
  sub->add_option("--as-of", opts->as_of,
                  tr("审核基准日（YYYY-MM-DD，默认目录施行日期）", "audit as of this date"));
  add_common_options(sub, *opts, tr, false);
  sub->callback([opts, dir, out, &exit_code] {
    const Tr say{opts->lang()};
    const auto start = std::chrono::steady_clock::now();
    CheckRun run = run_check_folder(*dir, *opts, "audit");
    if (run.exit_code == kUsage) {
      exit_code = kUsage;
      return;
    }
    // The Session's calendar: the shipped years and the catalog's own `holidays:`.
    AuditInput in{run.load().catalog, run.load().sources,      run.load().diags.list(),
                  run.laws(),         run.session->calendar(), run.load().files};
    AuditReport report = build_audit(in);
    std::string error;
    const std::string html = render_audit_html(report, data_dir() + "/templates/html", &error);
    const std::string pdf = error.empty() ? render_audit_pdf(report, &error) : "";
    if (!error.empty()) {
      std::cerr << "powerlist: " << error << "\n";
      exit_code = kInternal;
      return;
    }
    // "-o rep", "-o rep.html" and "-o rep.pdf" all mean rep.html + rep.pdf.
    std::filesystem::path base(*out);
    const std::string ext = base.extension().string();
    if (ext == ".html" || ext == ".htm" || ext == ".pdf") base.replace_extension();
    const std::filesystem::path html_path = base.string() + ".html";
    const std::filesystem::path pdf_path = base.string() + ".pdf";
    std::error_code ec;
    if (html_path.has_parent_path())
      std::filesystem::create_directories(html_path.parent_path(), ec);
    for (const auto& [path, data] : {std::pair{html_path, &html}, std::pair{pdf_path, &pdf}}) {
      const Message err = write_file_atomic(path.string(), *data);
      if (!err.zh.empty()) {
        std::cerr << "powerlist: " << err.in(opts->lang()) << "\n";
        exit_code = kUsage;
        return;
      }
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!opts->quiet)
      std::cout << fmt::format(say("审核意见已写入 {} 和 {}（{} 个部门，{} 项；{} 个错误，{} "
                                   "个警告，{} 个提示；{:.2f} 秒）\n",
                                   "audit report written to {} and {} ({} departments, {} items; "
                                   "{} errors, {} warnings, {} notes; {:.2f} s)\n"),
                               html_path.string(), pdf_path.string(), report.departments.size(),
                               report.items, report.errors, report.warnings, report.notes, secs);
    exit_code = kOk;
  });
}

}  // namespace powerlist
