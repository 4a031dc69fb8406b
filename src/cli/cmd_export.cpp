// `powerlist export DIR|FILE --format xlsx|csv -o FILE`: the review workbook the 法制办
// sends back — the catalog's columns, findings highlighted with comments, a summary sheet.
#include <fmt/format.h>

#include <filesystem>

#include "common.hpp"
#include "powerlist/export.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist {

void register_export(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub = app.add_subcommand(
      "export", tr("导出审核意见工作簿（xlsx：问题单元格标色并附批注，另有汇总表；或 csv）",
                   "the review workbook (xlsx with highlighted, commented cells and a summary; "
                   "or csv)"));
  auto opts = std::make_shared<CommonOptions>();
  auto paths = std::make_shared<std::vector<std::string>>();
  auto out = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("xlsx");
  sub->add_option(
      "paths", *paths,
      tr("目录文件夹、部门文件或工作簿", "catalog folder, department files or workbooks"));
  sub->add_option("--format", *format, tr("xlsx 或 csv", "xlsx or csv"))
      ->check(CLI::IsMember({"xlsx", "csv"}));
  sub->add_option("-o,--output", *out, tr("输出文件，如 审核意见.xlsx", "output file"))->required();
  auto annotate = std::make_shared<bool>(false);
  sub->add_flag(
      "--annotate", *annotate,
      tr("在部门自己的工作簿上标注：原样保留工作表、行列、合并单元格和文字，问题单元格标色加批注，"
         "每行加审核意见和建议实施依据两列，另加审核汇总表（输出 .xlsx）",
         "mark up the department's own workbook: its sheets, rows, merged cells and text "
         "kept, finding cells filled and commented, 审核意见 and 建议实施依据 columns, a "
         "summary sheet (.xlsx)"));
  sub->add_option("--as-of", opts->as_of,
                  tr("按指定日期审核（YYYY-MM-DD）", "audit as of this date"));
  sub->add_option("--map", opts->maps,
                  tr("工作簿列名对应的字段（可重复）", "workbook heading → field"));
  sub->add_option("--rule", opts->rules,
                  tr("调整规则级别 ID=off|warning|error", "override a rule"));
  add_common_options(sub, *opts, tr, false);
  add_region_option(sub, *opts, tr);
  sub->callback([opts, paths, out, format, annotate, &exit_code] {
    const Tr say{opts->lang()};
    if (*annotate && (paths->size() != 1 || !is_workbook_path(paths->front()))) {
      std::cerr << "powerlist: "
                << say("--annotate 需要一个部门的工作簿（.xls .xlsx .et .csv）",
                       "--annotate needs one department workbook (.xls .xlsx .et .csv)")
                << "\n";
      exit_code = kUsage;
      return;
    }
    CheckRun run = run_check(*paths, *opts);
    if (run.exit_code == kUsage) {
      std::cerr << "powerlist: " << run.usage_error << "\n";
      exit_code = kUsage;
      return;
    }
    Session& s = *run.session;
    ReviewTable table = build_review_table(s.catalog(), s.sources(), s.findings(), opts->lang());
    std::vector<RiskSource> risk_items;
    for (const auto& r : s.items())
      risk_items.push_back(
          {r.dept, r.item, r.flow ? &*r.flow : nullptr, r.codes.implementation, ""});
    table.risks = build_risk_overview(risk_items);
    std::string error, bytes;
    if (*annotate) {
      // The department's file read again for what the catalog does not keep: merged cells,
      // column widths, every cell as written.
      std::string source;
      const ReadStatus st =
          read_regular_file(paths->front(), WorkbookLimits{}.max_file_bytes, source);
      const WorkbookRead book = st == ReadStatus::Ok ? read_workbook(source) : WorkbookRead{};
      if (st != ReadStatus::Ok || !book.error.zh.empty()) {
        std::cerr << "powerlist: " << paths->front()
                  << say("：无法再次读取", ": cannot be read again") << "\n";
        exit_code = kUsage;
        return;
      }
      const AnnotateInput ain{
          book.book,    std::filesystem::path(paths->front()).filename().string(),
          s.catalog(),  s.sources(),
          s.findings(), s.import_report(),
          table,        opts->lang()};
      bytes = render_annotated_xlsx(ain, &error);
    } else {
      bytes = *format == "csv" ? render_review_csv(table) : render_review_xlsx(table, &error);
    }
    if (!error.empty()) {
      std::cerr << "powerlist: " << one_language(error, opts->lang()) << "\n";
      exit_code = kInternal;
      return;
    }
    const Message err = write_file_atomic(*out, bytes);
    if (!err.zh.empty()) {
      std::cerr << "powerlist: " << err.in(opts->lang()) << "\n";
      exit_code = kUsage;
      return;
    }
    size_t marked = 0;
    for (const auto& r : table.rows) marked += r.worst != Severity::Off;
    if (!opts->quiet)
      std::cout << fmt::format(say("审核意见已写入 {}：{} 项，其中 {} 项有问题\n",
                                   "review written to {}: {} items, {} with findings\n"),
                               *out, table.rows.size(), marked);
    exit_code = kOk;
  });
}

}  // namespace powerlist
