// `powerlist import FILE… -o DIR`: workbooks → a catalog folder (profile 权责清单), with
// the column mapping, what became of every row, and the citations it could not resolve.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "common.hpp"
#include "powerlist/export.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/text.hpp"

namespace fs = std::filesystem;

namespace powerlist {

namespace {

struct ImportArgs {
  std::vector<std::string> files;
  std::string out, region = "000000", region_name;
  bool force = false;
};

// The mapping of each distinct header layout, once.
void print_mappings(const ImportReport& rep, const Tr& tr) {
  std::map<std::string, std::vector<std::string>> layouts;  // mapping text → sheets
  for (const auto& s : rep.sheets) {
    if (!s.has_header) continue;
    std::string text;
    for (const auto& c : s.columns)
      text +=
          fmt::format("    {:>3}  {} → {}（{}）{}\n", column_letters(c.col), printable(c.header),
                      c.field_key, c.field_label, c.by_user ? tr("  [--map]", "  [--map]") : "");
    layouts[text].push_back(s.sheet);
  }
  for (const auto& [text, sheets] : layouts) {
    std::cout << tr("列对应（工作表 ", "column mapping (sheets ") << printable(join(sheets, "、"))
              << tr("）：\n", "):\n") << text;
  }
}

}  // namespace

void register_import(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub = app.add_subcommand(
      "import", tr("把权责清单工作簿（.xls .xlsx .et .csv）转换为目录文件夹（YAML）",
                   "workbooks (.xls .xlsx .et .csv) → a catalog folder (YAML)"));
  auto opts = std::make_shared<CommonOptions>();
  auto args = std::make_shared<ImportArgs>();
  sub->add_option("files", args->files, tr("工作簿（可多个，每个部门一个）", "workbooks"))
      ->required();
  sub->add_option("-o,--output", args->out, tr("写入的目录文件夹", "catalog folder to write"))
      ->required();
  sub->add_option("--map", opts->maps,
                  tr("列名对应的字段，如 --map 职权名称=事项名称（可重复）",
                     "heading → field, e.g. --map 职权名称=name (repeatable)"));
  sub->add_option(
      "--region", args->region,
      tr("地区：名称（如 新疆维吾尔自治区克拉玛依市，选择地方性法规并写入 powerlist.yaml）"
         "或 6 位行政区划代码（默认 000000 待填）",
         "region: a name (新疆维吾尔自治区克拉玛依市: selects the local legislation and "
         "goes to powerlist.yaml) or a 6-digit code (default 000000, to fill in)"));
  sub->add_option("--region-name", args->region_name, tr("行政区划名称", "region name"));
  sub->add_option("--as-of", opts->as_of,
                  tr("目录施行日期（YYYY-MM-DD，默认今天）", "effective date (default today)"));
  sub->add_flag("--force", args->force,
                tr("输出文件夹已有内容时仍然写入", "write into a non-empty output folder"));
  add_common_options(sub, *opts, tr, false);
  sub->add_option(
      "--laws", opts->laws,
      tr("追加的法规库文件（可重复）", "registry files added to the law base (repeatable)"));
  sub->callback([opts, args, &exit_code] {
    const Tr say{opts->lang()};
    const auto start = std::chrono::steady_clock::now();
    // --region is a code (the first wave's meaning) or a name, as check takes it.
    if (!args->region.empty() && !is_digits(args->region, 6)) {
      opts->region = args->region;
      if (args->region_name.empty()) args->region_name = args->region;
      args->region = "000000";
    }
    std::error_code ec;
    if (!args->force && fs::exists(args->out, ec) &&
        !(fs::is_directory(args->out, ec) && fs::is_empty(args->out, ec))) {
      std::cerr << "powerlist: "
                << fmt::format(say("{} 已存在且不为空，未写入；确需覆盖请加 --force",
                                   "{} exists and is not empty; nothing written (use --force)"),
                               args->out)
                << "\n";
      exit_code = kUsage;
      return;
    }
    for (const auto& f : args->files)
      if (!is_workbook_path(f)) {
        std::cerr << "powerlist: "
                  << fmt::format(say("{} 不是工作簿（.xls .xlsx .et .csv）或无法读取",
                                     "{} is not a workbook (.xls .xlsx .et .csv) or unreadable"),
                                 f)
                  << "\n";
        exit_code = kUsage;
        return;
      }
    if (opts->as_of.empty()) opts->as_of = today().str();
    CheckRun run = run_check(args->files, *opts);
    if (run.exit_code == kUsage) {
      std::cerr << "powerlist: " << run.usage_error << "\n";
      exit_code = kUsage;
      return;
    }
    Session& s = *run.session;
    const ImportReport& rep = s.import_report();
    if (!opts->quiet) print_mappings(rep, say);
    size_t items = 0, subs = 0, rows = 0, reported = 0, merged = 0;
    for (const auto& sh : rep.sheets) {
      items += sh.items;
      subs += sh.sub_items;
      rows += sh.rows;
    }
    for (const auto& r : rep.rows) (r.imported ? merged : reported) += 1;
    if (!opts->quiet) {
      std::cout << say("工作表：\n", "sheets:\n");
      for (const auto& sh : rep.sheets)
        std::cout << fmt::format(say("  {}:{}  {} 行 = 标题和表头 {} + 导入 {}（其中子项 {}）+ "
                                     "并入上一行 {} + 报告 {} + 空行 {}\n",
                                     "  {}:{}  {} rows = {} title/header + {} items ({} 子项) + {} "
                                     "merged + {} reported + "
                                     "{} empty\n"),
                                 printable(sh.file), printable(sh.sheet), sh.rows, sh.header_row,
                                 sh.items, sh.sub_items, sh.merged, sh.reported, sh.empty);
      if (!rep.rows.empty())
        std::cout << say("未单独导入的行：\n", "rows not imported as items:\n");
      // Consecutive rows of one sheet with one reason print as a range (a skipped sheet is
      // one line, not hundreds).
      for (size_t i = 0; i < rep.rows.size();) {
        const auto& r = rep.rows[i];
        size_t j = i + 1;
        while (j < rep.rows.size() && rep.rows[j].file == r.file && rep.rows[j].sheet == r.sheet &&
               rep.rows[j].row == rep.rows[j - 1].row + 1 && rep.rows[j].reason.zh == r.reason.zh)
          ++j;
        const uint32_t last = rep.rows[j - 1].row;
        const std::string span_text =
            last == r.row ? std::to_string(r.row) : fmt::format("{}–{}", r.row, last);
        std::cout << fmt::format("  {}:{}!{}  {}\n", printable(r.file), printable(r.sheet),
                                 say("第", "row ") + span_text + say("行", ""),
                                 printable(r.reason.in(opts->lang())));
        i = j;
      }
    }
    // Citations the registry cannot resolve, by name.
    std::map<std::string, size_t> unresolved;
    for (const auto& d : s.catalog().departments)
      for (const auto& it : d.powers)
        for (const auto& c : it.basis)
          if (!s.laws().find(c.law.value)) ++unresolved[c.law.value];
    // The same counts as check's summary.citations (one instrument once per item).
    const CitationCounts counted = count_citations(s.catalog(), s.laws());
    const FileSet files = render_catalog_yaml(s.catalog(), args->region, args->region_name);
    const std::string err = write_files(args->out, files, true);
    if (!err.empty()) {
      std::cerr << "powerlist: " << one_language(err, opts->lang()) << "\n";
      exit_code = kUsage;
      return;
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!opts->quiet) {
      if (!unresolved.empty()) {
        std::cout << say("法规库中找不到的依据（名称：次数）：\n",
                         "cited instruments not in the registry (name: count):\n");
        for (const auto& [name, n] : unresolved)
          std::cout << "  《" << printable(name) << "》: " << n << "\n";
      }
      std::cout << fmt::format(
          say("共 {} 行：导入 {} 项（子项 {} 个），并入上一行 {} 行，报告 {} 行；依据引用 {} 条，"
              "其中 {} 条不在法规库、{} 个单元格未能完全解析；{} 个部门 → {}（{:.2f} 秒）\n"
              "下一步：powerlist check {}\n",
              "{} rows: {} items ({} 子项), {} merged into the row above, {} reported; {} "
              "citations, {} not in the registry, {} cells not fully parsed; {} departments → {} "
              "({:.2f} s)\nnext: powerlist check {}\n"),
          rows, items, subs, merged, reported, counted.total, counted.total - counted.in_registry,
          rep.unparsed_basis_cells, s.catalog().departments.size(), args->out, secs, args->out);
    }
    exit_code = reported > 0 ? kFindings : kOk;
  });
}

}  // namespace powerlist
