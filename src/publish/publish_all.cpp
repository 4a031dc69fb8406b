#include <filesystem>
#include <fstream>

#include "powerlist/flow.hpp"
#include "powerlist/publish.hpp"

namespace fs = std::filesystem;

namespace powerlist {

static std::string write_file(const fs::path& p, const std::string& text) {
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  std::ofstream out(p, std::ios::binary);
  out << text;
  out.close();
  return out ? "" : "无法写入 / cannot write: " + p.string();
}

std::string output_stem(const Department& d, const PowerItem& item) {
  return d.id.value + "-" + item.key.value;
}

static std::string write_flowcharts(const Catalog& catalog, const TemplateLibrary& templates,
                                    const fs::path& dir, const PublishOptions& opts) {
  std::vector<std::pair<const Department*, const PowerItem*>> items;
  for (const auto& d : catalog.departments)
    for (const auto& it : d.powers)
      if (it.active() && it.is_public.value && it.procedure) items.push_back({&d, &it});
  size_t done = 0;
  for (const auto& [d, it] : items) {
    DiagSink ignored;  // findings were reported by check; build runs only when there are no errors
    auto flow = resolve_flow(*it, templates, ignored, d->id.value + "/" + it->key.value);
    if (!flow) continue;
    const ChartInfo info = chart_info(*d, *it, "");
    std::vector<std::string> formats = {"svg", "png", "pdf"};
    if (opts.dot) formats.push_back("dot");
    for (const auto& f : formats) {
      std::string error;
      std::string data = render_flow(*flow, info, f, &error);
      if (!error.empty()) return error;
      std::string err = write_file(dir / (output_stem(*d, *it) + "." + f), data);
      if (!err.empty()) return err;
    }
    if (opts.progress) opts.progress(++done, items.size());
  }
  return "";
}

std::string publish_all(const Catalog& catalog, const TemplateLibrary& templates,
                        const std::string& out_dir, const PublishOptions& opts) {
  std::error_code ec;
  const fs::path out = fs::absolute(out_dir, ec);
  const fs::path tmp = out.parent_path() / (out.filename().string() + ".tmp-powerlist");
  const fs::path old = out.parent_path() / (out.filename().string() + ".old-powerlist");
  fs::remove_all(tmp, ec);
  if (!fs::create_directories(tmp, ec) && ec)
    return "无法创建输出目录 / cannot create " + tmp.string();
  std::string err = write_file(tmp / "catalog.json", render_catalog_json(catalog));
  if (err.empty()) err = write_flowcharts(catalog, templates, tmp / "flowcharts", opts);
  if (!err.empty()) {
    fs::remove_all(tmp, ec);
    return err;
  }
  // Swap in: the old output is moved aside first, so a crash leaves one complete tree.
  fs::remove_all(old, ec);
  if (fs::exists(out, ec)) fs::rename(out, old, ec);
  fs::rename(tmp, out, ec);
  if (ec) return "无法替换输出目录 / cannot replace " + out.string() + ": " + ec.message();
  fs::remove_all(old, ec);
  return "";
}

}  // namespace powerlist
