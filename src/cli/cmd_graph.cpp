#include <fmt/format.h>

#include <fstream>

#include "common.hpp"
#include "powerlist/codes.hpp"
#include "powerlist/flow.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/publish.hpp"

namespace powerlist {

void register_graph(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub =
      app.add_subcommand("graph", tr("输出一个事项的权力运行流程图", "one item's flowchart"));
  auto args = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("svg");
  auto out = std::make_shared<std::string>();
  auto opts = std::make_shared<CommonOptions>();
  sub->add_option("args", *args,
                  tr("[目录] 事项（部门标识/事项标识）", "[DIR] ITEM (department-id/key)"))
      ->required()
      ->expected(1, 2);
  sub->add_option("-f,--format", *format, tr("格式", "format"))
      ->check(CLI::IsMember({"dot", "svg", "png", "pdf"}));
  sub->add_option("-o,--output", *out,
                  tr("输出文件（默认标准输出）", "output file (default stdout)"));
  add_common_options(sub, *opts, tr, false);
  sub->callback([=, &exit_code] {
    const std::string dir = args->size() == 2 ? (*args)[0] : ".";
    const std::string wanted = args->back();
    CheckRun run = run_check({dir}, *opts);
    if (run.exit_code == kUsage) {
      std::cerr << "powerlist: " << run.usage_error << "\n";
      exit_code = kUsage;
      return;
    }
    // The session's one resolution of every item: its codes and its procedure.
    const ResolvedItem* found = nullptr;
    for (const auto& r : run.session->items()) {
      const bool by_code = wanted.size() >= 12 && r.codes.assigned() &&
                           (r.codes.implementation == wanted || r.codes.basic == wanted);
      if (item_id(*r.dept, *r.item) == wanted || by_code) found = &r;
    }
    if (!found) {
      std::cerr << "powerlist: "
                << fmt::format(tr("没有事项 {}（写作 部门标识/事项标识 或编码）",
                                  "no item {} (write department-id/key or a code)"),
                               wanted)
                << "\n";
      exit_code = kUsage;
      return;
    }
    if (!found->flow) {
      std::cerr << "powerlist: "
                << fmt::format(
                       tr("事项 {} 没有可用的流程（procedure）", "item {} has no usable procedure"),
                       wanted)
                << "\n";
      exit_code = kFindings;
      return;
    }
    std::string error;
    // A PDF is drawn from the SVG by the catalogs' PDF writer, as `build` draws it.
    use_chart_font_subset();  // as `build` draws: the same bytes as its flowcharts/ files
    const ChartInfo info = chart_info(*found->dept, *found->item, found->codes.implementation);
    std::string data = render_flow(*found->flow, info, *format == "pdf" ? "svg" : *format, &error);
    if (error.empty() && *format == "pdf") data = chart_pdf_from_svg(data, info.title, &error);
    if (!error.empty()) {
      std::cerr << "powerlist: " << one_language(error, opts->lang()) << "\n";
      exit_code = kInternal;
      return;
    }
    if (out->empty()) {
      std::cout.write(data.data(), static_cast<std::streamsize>(data.size()));
    } else {
      const Message err = write_file_atomic(*out, data);
      if (!err.zh.empty()) {
        std::cerr << "powerlist: " << err.in(opts->lang()) << "\n";
        exit_code = kUsage;
        return;
      }
    }
    exit_code = kOk;
  });
}

}  // namespace powerlist
