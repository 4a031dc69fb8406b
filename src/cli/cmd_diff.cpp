// `powerlist diff OLD NEW`: the change report between two catalog folders (e.g. two git
// revisions checked out with `git worktree add`).
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <thread>

#include "common.hpp"
#include "powerlist/diff.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/session.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

void register_diff(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub = app.add_subcommand(
      "diff", tr("比较两个版本的目录：新增、取消、变更（逐字段）",
                 "change report between two catalog folders: added, retired, changed"));
  auto old_dir = std::make_shared<std::string>();
  auto new_dir = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto out = std::make_shared<std::string>();
  auto lang = std::make_shared<std::string>();
  sub->add_option("old", *old_dir, tr("原目录文件夹", "old catalog folder"))->required();
  sub->add_option("new", *new_dir, tr("新目录文件夹", "new catalog folder"))->required();
  sub->add_option("--format", *format, tr("输出格式 text|json|html", "text|json|html"))
      ->check(CLI::IsMember({"text", "json", "html"}));
  sub->add_option("-o,--output", *out, tr("写入文件（默认标准输出）", "write to a file"));
  sub->add_option("--lang", *lang, tr("消息语言 zh|en", "message language zh|en"))
      ->check(CLI::IsMember({"zh", "en"}));
  sub->callback([=, &exit_code] {
    const Lang l = *lang == "en" ? Lang::En : Lang::Zh;
    const Tr t{l};
    SessionOptions so;
    so.jobs = std::max(1u, std::thread::hardware_concurrency());
    std::unique_ptr<Session> a = Session::open({*old_dir}, so);
    std::unique_ptr<Session> b = Session::open({*new_dir}, so);
    for (const Session* s : {a.get(), b.get()})
      if (!s->fatal().empty() || s->catalog().project.standalone) {
        std::cerr << "powerlist: "
                  << (s->fatal().empty() ? t("diff 需要两个含 powerlist.yaml 的目录文件夹",
                                             "diff needs two catalog folders")
                                         : one_language(s->fatal(), t.lang))
                  << "\n";
        exit_code = kUsage;
        return;
      }
    // A file that does not parse would make its items look removed: say so.
    for (const auto& [s, which] : {std::pair{a.get(), *old_dir}, std::pair{b.get(), *new_dir}})
      if (s->load().diags.has_errors())
        std::cerr << fmt::format(
            t("注意：{} 有格式错误（运行 powerlist check 查看），比较结果可能不完整\n",
              "note: {} has format errors (see powerlist check); the "
              "comparison may be incomplete\n"),
            which);
    CatalogDiff d = diff_catalogs(*a, *b);
    std::string text, error;
    if (*format == "json")
      text = render_diff_json(d);
    else if (*format == "html")
      text = render_diff_html(d, data_dir() + "/templates/html", &error);
    else
      text = render_diff_text(d, l);
    if (!error.empty()) {
      std::cerr << "powerlist: " << one_language(error, l) << "\n";
      exit_code = kInternal;
      return;
    }
    if (out->empty()) {
      std::cout << (*format == "text" ? printable(text) : text);
    } else {
      const Message err = write_file_atomic(*out, text);
      if (!err.zh.empty()) {
        std::cerr << "powerlist: " << err.in(l) << "\n";
        exit_code = kUsage;
        return;
      }
    }
    // Removing a power without a retirement record is an error (catalog/removed-silently).
    exit_code = d.removed_silently.empty() ? kOk : kFindings;
  });
}

}  // namespace powerlist
