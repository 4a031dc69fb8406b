// build: every output into the OutputDir's staging folder, then swapped into place.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include "powerlist/flow.hpp"
#include "powerlist/law.hpp"
#include "powerlist/output_dir.hpp"
#include "powerlist/publish.hpp"
#include "powerlist/risk_overview.hpp"

namespace powerlist {

namespace {

void report(const PublishOptions& opts, const char* stage, size_t done, size_t total) {
  if (opts.progress) opts.progress(stage, done, total);
}

// Renders and writes one item's flowchart files; keeps the SVG for the site and the PDF.
Message write_chart(PublicItem& p, const std::string& dir, const OutputDir& out,
                    const PublishOptions& opts) {
  std::vector<std::string> formats = {"svg", "png", "pdf"};
  if (opts.dot) formats.push_back("dot");
  const ChartInfo info = chart_info(*p.dept, *p.item, p.codes.implementation);
  for (const auto& f : formats) {
    std::string error;
    std::string data = render_flow(*p.flow, info, f, &error);
    if (!error.empty()) return {error, error};
    if (f == "pdf") normalize_pdf_dates(data);
    if (f == "svg") p.svg = data;
    Message err = out.write(dir + p.stem + "." + f, data);
    if (!err.zh.empty()) return err;
  }
  return {};
}

// One line on the worker's pipe: "ok\n" per chart, or "err <zh>\t<en>\n" and exit.
void worker_main(std::vector<PublicItem*>& charts, const std::string& dir, size_t begin, size_t end,
                 const OutputDir& out, const PublishOptions& opts, int fd, pid_t parent) {
  // Die with the build: a killed build must not leave workers writing anywhere.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) _exit(1);
  for (size_t i = begin; i < end; ++i) {
    const Message err = write_chart(*charts[i], dir, out, opts);
    std::string line = err.zh.empty() ? "ok" : "err " + err.zh + "\t" + err.en;
    std::replace(line.begin(), line.end(), '\n', ' ');
    line += '\n';
    if (::write(fd, line.data(), line.size()) < 0 || !err.zh.empty()) _exit(1);
  }
  _exit(0);
}

// Graphviz cannot run in threads, so large builds fork worker processes, each rendering a
// contiguous slice and reporting each chart on a pipe; the parent then reads the SVGs back.
// Any failure fails the build with the worker's own message (e.g. a full disk).
Message write_charts_in_workers(std::vector<PublicItem*>& charts, const std::string& dir,
                                const OutputDir& out, const PublishOptions& opts, unsigned jobs) {
  struct Worker {
    pid_t pid;
    int fd;
    std::string buf;
  };
  std::vector<Worker> workers;
  const size_t per = (charts.size() + jobs - 1) / jobs;
  const pid_t self = ::getpid();
  Message failure;
  for (unsigned w = 0; w < jobs; ++w) {
    const size_t begin = w * per, end = std::min(charts.size(), begin + per);
    if (begin >= end) break;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      failure = {"无法创建管道", "pipe failed"};
      break;
    }
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
      ::close(fds[0]);
      ::close(fds[1]);
      failure = {"无法创建子进程", "fork failed"};
      break;
    }
    if (pid == 0) {
      ::close(fds[0]);
      for (const auto& other : workers) ::close(other.fd);
      worker_main(charts, dir, begin, end, out, opts, fds[1], self);
    }
    ::close(fds[1]);
    workers.push_back({pid, fds[0], {}});
  }
  size_t done = 0;
  size_t open_pipes = workers.size();
  while (open_pipes > 0) {
    std::vector<pollfd> pfds;
    for (const auto& w : workers)
      if (w.fd >= 0) pfds.push_back({w.fd, POLLIN, 0});
    if (::poll(pfds.data(), pfds.size(), -1) < 0 && errno != EINTR) break;
    for (auto& w : workers) {
      if (w.fd < 0) continue;
      char buf[4096];
      const ssize_t n = ::read(w.fd, buf, sizeof buf);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) {
        ::close(w.fd);
        w.fd = -1;
        --open_pipes;
        continue;
      }
      w.buf.append(buf, static_cast<size_t>(n));
      for (size_t nl; (nl = w.buf.find('\n')) != std::string::npos; w.buf.erase(0, nl + 1)) {
        const std::string line = w.buf.substr(0, nl);
        if (line == "ok") {
          report(opts, "流程图 flowcharts", ++done, charts.size());
        } else if (line.rfind("err ", 0) == 0 && failure.zh.empty()) {
          const size_t tab = line.find('\t');
          failure = {line.substr(4, tab - 4), tab == std::string::npos ? "" : line.substr(tab + 1)};
        }
      }
    }
  }
  for (const auto& w : workers) {
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    if ((!WIFEXITED(status) || WEXITSTATUS(status) != 0) && failure.zh.empty())
      failure = {"流程图子进程异常退出", "a flowchart worker failed"};
  }
  if (!failure.zh.empty()) return failure;
  for (PublicItem* p : charts) {
    p->svg = out.read_staged(dir + p->stem + ".svg");
    if (p->svg.empty()) return {"流程图缺失：" + p->stem, "missing flowchart " + p->stem};
  }
  return {};
}

// <dir><stem>.svg|png|pdf[|dot]
Message write_flowcharts(std::vector<PublicItem>& items, const std::string& dir,
                         const OutputDir& out, const PublishOptions& opts) {
  std::vector<PublicItem*> charts;
  for (auto& p : items)
    if (p.flow) charts.push_back(&p);
  const unsigned jobs =
      std::max(1u, std::min<unsigned>(opts.jobs, static_cast<unsigned>(charts.size() / 8)));
  if (jobs > 1) return write_charts_in_workers(charts, dir, out, opts, jobs);
  size_t done = 0;
  for (PublicItem* p : charts) {
    Message err = write_chart(*p, dir, out, opts);
    if (!err.zh.empty()) return err;
    report(opts, "流程图 flowcharts", ++done, charts.size());
  }
  return {};
}

Message write_outputs(const Catalog& catalog, const TemplateLibrary& templates,
                      const OutputDir& out, const PublishOptions& opts) {
  std::vector<PublicItem> items = collect_public_items(catalog, templates);
  Message err = write_flowcharts(items, "flowcharts/", out, opts);
  if (!err.zh.empty()) return err;
  err = out.write("catalog.json", render_catalog_json(catalog, items));
  if (!err.zh.empty()) return err;
  report(opts, "网页 site", 0, 1);
  SiteFiles site = render_site(catalog, items, data_dir() + "/templates/html");
  if (!site.error.empty()) return {site.error, site.error};
  for (const auto& [name, text] : site.files) {
    err = out.write("site/" + name, text);
    if (!err.zh.empty()) return err;
  }
  report(opts, "风险防控 risks", 0, 1);
  std::string error;
  const RiskOverview risks = public_risk_overview(items);
  std::string page = render_risk_page(catalog, risks, data_dir() + "/templates/html", &error);
  if (!error.empty()) return {error, error};
  if (!(err = out.write("site/risks.html", page)).zh.empty()) return err;
  std::string risk_pdf = render_risk_pdf(catalog, risks, &error);
  if (!error.empty()) return {error, error};
  if (!(err = out.write("risks.pdf", risk_pdf)).zh.empty()) return err;
  report(opts, "PDF catalog.pdf", 0, 1);
  std::string pdf = render_catalog_pdf(catalog, items, &error);
  if (!error.empty()) return {error, error};
  err = out.write("catalog.pdf", pdf);
  if (!err.zh.empty()) return err;
  if (opts.internal) {
    std::string internal = render_internal_pdf(catalog, collect_internal_items(catalog), &error);
    if (!error.empty()) return {error, error};
    err = out.write("internal/涉密不宜公开行政职权目录.pdf", internal);
    if (!err.zh.empty()) return err;
    // Charts of the items not listed publicly stay under internal/.
    std::vector<PublicItem> hidden = collect_internal_charts(catalog, templates);
    err = write_flowcharts(hidden, "internal/flowcharts/", out, opts);
  }
  return err;
}

}  // namespace

Message publish_all(const Catalog& catalog, const TemplateLibrary& templates, OutputDir& out,
                    const PublishOptions& opts) {
  Message err = write_outputs(catalog, templates, out, opts);
  if (!err.zh.empty()) return err;  // the OutputDir removes its staging folder
  return out.commit();
}

}  // namespace powerlist
