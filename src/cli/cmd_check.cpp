#include "common.hpp"

namespace powerlist {

void register_check(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub = app.add_subcommand("check", tr("加载并校验目录，输出问题；不写任何文件",
                                             "load, validate and print findings; writes nothing"));
  auto opts = std::make_shared<CommonOptions>();
  auto paths = std::make_shared<std::vector<std::string>>();
  sub->add_option(
      "paths", *paths,
      tr("目录文件夹（含 powerlist.yaml）、部门文件，或权责清单工作簿（.xls .xlsx .et .csv）",
         "catalog folder, department files, or workbooks (.xls .xlsx .et .csv)"));
  add_common_options(sub, *opts, tr, true);
  add_region_option(sub, *opts, tr);
  sub->add_option("--as-of", opts->as_of,
                  tr("按指定日期审核（YYYY-MM-DD）", "audit as of this date (YYYY-MM-DD)"));
  sub->add_option("--map", opts->maps,
                  tr("工作簿列名对应的字段，如 --map 职权名称=事项名称（可重复）",
                     "workbook heading → field, e.g. --map 职权名称=name (repeatable)"));
  sub->callback([opts, paths, &exit_code] {
    CheckRun run = run_check(*paths, *opts);
    if (run.exit_code == kUsage) {
      std::cerr << "powerlist: " << run.usage_error << "\n";
      exit_code = kUsage;
      return;
    }
    exit_code = print_findings(run, *opts, *paths);
  });
}

}  // namespace powerlist
