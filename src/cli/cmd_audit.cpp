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
      "audit",
      tr("生成合法性审核意见书（HTML 和 PDF）：逐项审核意见和修改建议、交叉、无依据、时限统计",
         "the legal-affairs office's review letter (HTML and PDF): findings item by item "
         "with corrections, overlaps, items without basis, limit statistics"));
  auto opts = std::make_shared<CommonOptions>();
  auto paths = std::make_shared<std::vector<std::string>>();
  auto out = std::make_shared<std::string>("audit.html");
  auto letter = std::make_shared<AuditLetter>();
  auto date_text = std::make_shared<std::string>();
  sub->add_option("paths", *paths,
                  tr("目录文件夹（含 powerlist.yaml），或一个或多个工作簿（.xlsx/.xls/.csv）",
                     "a catalog folder (holding powerlist.yaml), or one or more workbooks"));
  sub->add_option("--to", letter->to,
                  tr("主送机关（默认：报送部门；多个部门时为“各有关部门”）",
                     "addressee (default: the department, or 各有关部门)"));
  sub->add_option("--number", letter->number, tr("文号，如 示司审〔2026〕12号", "document number"));
  sub->add_option("--issuer", letter->issuer,
                  tr("署名的审核机关，如 示范县司法局", "issuing office"));
  sub->add_option(
      "--date", *date_text,
      tr("成文日期（YYYY-MM-DD，默认审核基准日）", "date of the letter (default: as-of)"));
  sub->add_option("-o,--output", *out,
                  tr("HTML 文件（同名 .pdf 一并生成；默认 audit.html）",
                     "HTML file; the PDF is written next to it (default audit.html)"));
  sub->add_option("--as-of", opts->as_of,
                  tr("审核基准日（YYYY-MM-DD，默认目录施行日期）", "audit as of this date"));
  add_common_options(sub, *opts, tr, false);
  sub->callback([opts, paths, out, letter, date_text, &exit_code] {
    const Tr say{opts->lang()};
    const auto start = std::chrono::steady_clock::now();
    if (!date_text->empty()) {
      letter->date = parse_date(*date_text);
      if (!letter->date) {
        std::cerr << "powerlist: --date " << *date_text
                  << say("：应为 YYYY-MM-DD", ": expected YYYY-MM-DD") << "\n";
        exit_code = kUsage;
        return;
      }
    }
    if (paths->empty()) paths->push_back(".");
    CheckRun run = run_check(*paths, *opts);
    if (run.exit_code == kUsage) {
      std::cerr << "powerlist: " << run.usage_error << "\n";
      exit_code = kUsage;
      return;
    }
    if (run.load().catalog.project.standalone && !run.session->from_workbooks()) {
      std::cerr << "powerlist: audit "
                << say("需要含 powerlist.yaml 的目录文件夹或工作簿",
                       "needs a catalog folder (holding powerlist.yaml) or workbooks")
                << "\n";
      exit_code = kUsage;
      return;
    }
    // The Session's calendar: the shipped years and the catalog's own `holidays:`.
    AuditInput in{run.load().catalog,
                  run.load().sources,
                  run.load().diags.list(),
                  run.laws(),
                  run.session->calendar(),
                  run.load().files,
                  *letter,
                  run.session->from_workbooks() && paths->size() == 1};
    AuditReport report = build_audit(in);
    std::string error;
    const std::string html = render_audit_html(report, data_dir() + "/templates/html", &error);
    const std::string pdf = error.empty() ? render_audit_pdf(report, &error) : "";
    if (!error.empty()) {
      std::cerr << "powerlist: " << one_language(error, opts->lang()) << "\n";
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
