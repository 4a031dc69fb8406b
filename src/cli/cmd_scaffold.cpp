// init, schema, gen: commands that write scaffolding rather than check a catalog.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "common.hpp"
#include "powerlist/format_spec.hpp"
#include "powerlist/gen.hpp"

namespace powerlist {

void register_init(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub = app.add_subcommand(
      "init", tr("新建一个可通过检查的目录（含一个示例部门）",
                 "create a catalog with one example department that passes check"));
  auto dir = std::make_shared<std::string>(".");
  auto force = std::make_shared<bool>(false);
  sub->add_option("dir", *dir,
                  tr("目标文件夹（默认当前文件夹）", "target folder (default: current)"));
  sub->add_flag("--force", *force, tr("覆盖已有文件", "overwrite existing files"));
  sub->callback([dir, force, tr, &exit_code] {
    std::string err = write_files(*dir, init_catalog_files(), *force);
    if (!err.empty()) {
      std::cerr << "powerlist: " << one_language(err, tr.lang) << "\n";
      exit_code = kUsage;
      return;
    }
    // The new catalog starts with its codes, so that it checks clean.
    CommonOptions quiet;
    quiet.quiet = true;
    quiet.no_progress = true;
    if (run_codes(*dir, quiet, "", false) != kOk) {
      exit_code = kInternal;
      return;
    }
    std::cout << fmt::format(tr("已在 {} 新建目录。下一步：powerlist check {}\n",
                                "created a catalog in {}. Next: powerlist check {}\n"),
                             *dir, *dir);
  });
}

void register_schema(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub = app.add_subcommand("schema", tr("输出部门文件格式的 JSON Schema（用于编辑器补全）",
                                              "print the JSON Schema of the department format"));
  auto project = std::make_shared<bool>(false);
  sub->add_flag("--project", *project,
                tr("输出 powerlist.yaml 的 Schema", "schema of powerlist.yaml instead"));
  sub->callback([project, &exit_code] {
    std::cout << json_schema(*project);
    exit_code = kOk;
  });
}

void register_gen(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub =
      app.add_subcommand("gen", tr("生成任意规模的合成目录（用于基准测试）",
                                   "generate a synthetic catalog of any size (benchmarks)"));
  auto o = std::make_shared<GenOptions>();
  o->baseline_codes = true;  // as real catalogs: most items implement a national item
  auto dir = std::make_shared<std::string>("gen-catalog");
  sub->add_option("--items", o->items, tr("事项数", "number of items"))
      ->check(CLI::Range(1, 10000000));
  sub->add_option("--departments", o->departments, tr("部门数", "number of departments"))
      ->check(CLI::Range(1, 100000));
  sub->add_option("--seed", o->seed, tr("随机种子", "random seed"));
  auto cases = std::make_shared<size_t>(0);
  sub->add_option("--cases", *cases,
                  tr("另写一份含 N 件办件的合成台账 ledger.csv（用于 monitor 的测试和基准）",
                     "also write a synthetic ledger.csv of N cases (monitor tests, benchmarks)"))
      ->check(CLI::Range(size_t(1), size_t(10'000'000)));
  sub->add_option("-o,--output", *dir, tr("输出文件夹", "output folder"));
  auto lang = std::make_shared<std::string>();
  sub->add_option("--lang", *lang, tr("消息语言 zh|en", "message language zh|en"))
      ->check(CLI::IsMember({"zh", "en"}));
  auto force = std::make_shared<bool>(false);
  sub->add_flag("--force", *force,
                tr("输出文件夹已有内容时仍然写入（覆盖同名文件）",
                   "write into a non-empty output folder (overwrites files of the same name)"));
  sub->callback([o, dir, force, lang, cases, &exit_code] {
    const Tr say{*lang == "en" ? Lang::En : Lang::Zh};
    std::error_code ec;
    if (!*force && std::filesystem::exists(*dir, ec) &&
        !(std::filesystem::is_directory(*dir, ec) && std::filesystem::is_empty(*dir, ec))) {
      std::cerr << "powerlist: "
                << fmt::format(say("{} 已存在且不为空，未写入；确需覆盖请加 --force",
                                   "{} exists and is not empty; nothing written (use "
                                   "--force to overwrite)"),
                               *dir)
                << "\n";
      exit_code = kUsage;
      return;
    }
    std::string err = write_files(*dir, generate_catalog(*o), true);
    if (!err.empty()) {
      std::cerr << "powerlist: " << one_language(err, say.lang) << "\n";
      exit_code = kUsage;
      return;
    }
    // Codes as of a fixed date, so that the same --seed gives the same files.
    CommonOptions quiet;
    quiet.quiet = true;
    quiet.no_progress = true;
    exit_code = run_codes(*dir, quiet, "2026-01-01", false);
    if (exit_code != kOk || *cases == 0) return;
    // The ledger uses the codes just assigned: read the catalog back as monitor will.
    SessionOptions so;
    so.share_shipped_data = true;
    auto session = Session::open(std::vector<std::string>{*dir}, so);
    if (!session->fatal().empty()) {
      std::cerr << "powerlist: " << one_language(session->fatal(), say.lang) << "\n";
      exit_code = kInternal;
      return;
    }
    const std::string path = (std::filesystem::path(*dir) / "ledger.csv").string();
    std::ofstream f(path, std::ios::binary);
    LedgerGenOptions lo;
    lo.cases = *cases;
    lo.seed = o->seed;
    generate_ledger(session->catalog(), lo, [&](std::string_view s) {
      f.write(s.data(), static_cast<std::streamsize>(s.size()));
    });
    if (!f.flush()) {
      std::cerr << "powerlist: " << say("无法写入 ", "cannot write ") << path << "\n";
      exit_code = kInternal;
    }
  });
}

}  // namespace powerlist
