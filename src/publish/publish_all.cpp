// build: every output into a temporary folder, then swapped into place.
#include <filesystem>
#include <fstream>

#include "powerlist/flow.hpp"
#include "powerlist/law.hpp"
#include "powerlist/publish.hpp"

namespace fs = std::filesystem;

namespace powerlist {

namespace {

std::string write_file(const fs::path& p, const std::string& text) {
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  std::ofstream out(p, std::ios::binary);
  out << text;
  out.close();
  return out ? "" : "无法写入 / cannot write: " + p.string();
}

void report(const PublishOptions& opts, const char* stage, size_t done, size_t total) {
  if (opts.progress) opts.progress(stage, done, total);
}

// flowcharts/<stem>.svg|png|pdf[|dot]; keeps each SVG for the site and the printed catalog.
std::string write_flowcharts(std::vector<PublicItem>& items, const fs::path& dir,
                             const PublishOptions& opts) {
  std::vector<std::string> formats = {"svg", "png", "pdf"};
  if (opts.dot) formats.push_back("dot");
  size_t done = 0;
  for (auto& p : items) {
    if (!p.flow) continue;
    const ChartInfo info = chart_info(*p.dept, *p.item, p.codes.implementation);
    for (const auto& f : formats) {
      std::string error;
      std::string data = render_flow(*p.flow, info, f, &error);
      if (!error.empty()) return error;
      if (f == "pdf") normalize_pdf_dates(data);
      if (f == "svg") p.svg = data;
      std::string err = write_file(dir / (p.stem + "." + f), data);
      if (!err.empty()) return err;
    }
    report(opts, "流程图 flowcharts", ++done, items.size());
  }
  return "";
}

std::string write_outputs(const Catalog& catalog, const TemplateLibrary& templates,
                          const fs::path& tmp, const PublishOptions& opts) {
  std::vector<PublicItem> items = collect_public_items(catalog, templates);
  std::string err = write_flowcharts(items, tmp / "flowcharts", opts);
  if (!err.empty()) return err;
  err = write_file(tmp / "catalog.json", render_catalog_json(catalog, items));
  if (!err.empty()) return err;
  report(opts, "网页 site", 0, 1);
  SiteFiles site = render_site(catalog, items, data_dir() + "/templates/html");
  if (!site.error.empty()) return site.error;
  for (const auto& [name, text] : site.files) {
    err = write_file(tmp / "site" / name, text);
    if (!err.empty()) return err;
  }
  report(opts, "PDF catalog.pdf", 0, 1);
  std::string pdf = render_catalog_pdf(catalog, items, &err);
  if (!err.empty()) return err;
  err = write_file(tmp / "catalog.pdf", pdf);
  if (!err.empty()) return err;
  if (opts.internal) {
    std::string internal = render_internal_pdf(catalog, collect_internal_items(catalog), &err);
    if (!err.empty()) return err;
    err = write_file(tmp / "internal" / "涉密不宜公开行政职权目录.pdf", internal);
  }
  return err;
}

}  // namespace

std::string publish_all(const Catalog& catalog, const TemplateLibrary& templates,
                        const std::string& out_dir, const PublishOptions& opts) {
  std::error_code ec;
  const fs::path out = fs::absolute(out_dir, ec);
  const fs::path tmp = out.parent_path() / (out.filename().string() + ".tmp-powerlist");
  const fs::path old = out.parent_path() / (out.filename().string() + ".old-powerlist");
  fs::remove_all(tmp, ec);
  if (!fs::create_directories(tmp, ec) && ec)
    return "无法创建输出目录 / cannot create " + tmp.string();
  std::string err = write_outputs(catalog, templates, tmp, opts);
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
