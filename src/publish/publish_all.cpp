// build: every output into a temporary folder, then swapped into place.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

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

// Renders and writes one item's flowchart files; keeps the SVG for the site and the PDF.
std::string write_chart(PublicItem& p, const fs::path& dir, const PublishOptions& opts) {
  std::vector<std::string> formats = {"svg", "png", "pdf"};
  if (opts.dot) formats.push_back("dot");
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
  return "";
}

// Graphviz cannot run in threads, so large builds fork worker processes, each rendering a
// contiguous slice; the parent then reads the SVGs back. Any failure fails the build.
std::string write_charts_in_workers(std::vector<PublicItem*>& charts, const fs::path& dir,
                                    const PublishOptions& opts, unsigned jobs) {
  std::vector<pid_t> workers;
  const fs::path errors = dir / ".errors";
  std::error_code ec;
  fs::create_directories(errors, ec);
  const size_t per = (charts.size() + jobs - 1) / jobs;
  for (unsigned w = 0; w < jobs; ++w) {
    const size_t begin = w * per, end = std::min(charts.size(), begin + per);
    if (begin >= end) break;
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid < 0) return "无法创建子进程 / fork failed";
    if (pid == 0) {
      int rc = 0;
      for (size_t i = begin; i < end && rc == 0; ++i) {
        std::string err = write_chart(*charts[i], dir, opts);
        if (!err.empty()) {
          std::ofstream(errors / std::to_string(w)) << err;
          rc = 1;
        }
      }
      _exit(rc);
    }
    workers.push_back(pid);
  }
  std::string failure;
  size_t finished = 0;
  while (finished < workers.size()) {
    int status = 0;
    const pid_t pid = waitpid(-1, &status, WNOHANG);
    if (pid > 0) {
      ++finished;
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        failure = "流程图子进程失败 / a flowchart worker failed";
      continue;
    }
    if (pid < 0 && errno != EINTR) break;
    if (opts.progress) {  // progress: SVG files written so far
      size_t n = 0;
      for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".svg") ++n;
      report(opts, "流程图 flowcharts", std::min(n, charts.size()), charts.size() + 1);
    }
    usleep(100 * 1000);
  }
  for (const auto& e : fs::directory_iterator(errors, ec)) {
    std::ifstream in(e.path());
    std::getline(in, failure);
  }
  fs::remove_all(errors, ec);
  if (!failure.empty()) return failure;
  for (PublicItem* p : charts) {
    std::ifstream in(dir / (p->stem + ".svg"), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    p->svg = ss.str();
    if (p->svg.empty()) return "流程图缺失 / missing flowchart " + p->stem;
  }
  return "";
}

// flowcharts/<stem>.svg|png|pdf[|dot]
std::string write_flowcharts(std::vector<PublicItem>& items, const fs::path& dir,
                             const PublishOptions& opts) {
  std::vector<PublicItem*> charts;
  for (auto& p : items)
    if (p.flow) charts.push_back(&p);
  std::error_code ec;
  fs::create_directories(dir, ec);
  const unsigned jobs =
      std::max(1u, std::min<unsigned>(opts.jobs, static_cast<unsigned>(charts.size() / 8)));
  if (jobs > 1) return write_charts_in_workers(charts, dir, opts, jobs);
  size_t done = 0;
  for (PublicItem* p : charts) {
    std::string err = write_chart(*p, dir, opts);
    if (!err.empty()) return err;
    report(opts, "流程图 flowcharts", ++done, charts.size());
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
