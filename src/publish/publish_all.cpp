// build: every output into the OutputDir's staging folder, then swapped into place.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <utility>

#include "chart_cache.hpp"
#include "child_job.hpp"
#include "pdf/pdf_chart.hpp"
#include "powerlist/flow.hpp"
#include "powerlist/fork_pool.hpp"
#include "powerlist/law.hpp"
#include "powerlist/output_dir.hpp"
#include "powerlist/publish.hpp"
#include "powerlist/risk_overview.hpp"

namespace powerlist {

namespace {

void report(const PublishOptions& opts, const char* stage, size_t done, size_t total) {
  if (opts.progress) opts.progress(stage, done, total);
}

// Where charts go: `dir` for their files; with `site_of`, each item's site page is written
// with its chart (by the worker that has the SVG in hand), the rest of the site after.
struct ChartTarget {
  std::string dir;
  const Catalog* site_of = nullptr;
  // With `tell_fd`, each chart once stored is told ("<index in items_base> <key>\n") to the
  // child drawing catalog.pdf alongside.
  int tell_fd = -1;
  const PublicItem* items_base = nullptr;
};

void tell(const ChartTarget& to, const PublicItem& p) {
  if (to.tell_fd < 0) return;
  const std::string line = fmt::format("{} {}\n", &p - to.items_base, p.chart);
  // MSG_NOSIGNAL: a child that has failed and gone must not take the build down with SIGPIPE.
  for (size_t done = 0; done < line.size();) {
    const ssize_t n = ::send(to.tell_fd, line.data() + done, line.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the child reports its own failure
    done += static_cast<size_t>(n);
  }
}

// The child drawing catalog.pdf alongside learns each chart's key from `tell`, as it needs it.
class ToldKeys {
 public:
  ToldKeys(int fd, size_t items) : fd_(fd), keys_(items) {}
  // The key of the item at `index`, waited for; "" once the teller has closed its end.
  const std::string& key(size_t index) {
    while (keys_[index].empty() && !over_) {
      char b[4096];
      const ssize_t n = ::read(fd_, b, sizeof b);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        over_ = true;
        break;
      }
      buf_.append(b, static_cast<size_t>(n));
      for (size_t nl; (nl = buf_.find('\n')) != std::string::npos; buf_.erase(0, nl + 1)) {
        size_t i = 0;
        char key[64] = {0};
        if (std::sscanf(buf_.c_str(), "%zu %63s", &i, key) == 2 && i < keys_.size()) keys_[i] = key;
      }
    }
    return keys_[index];
  }

 private:
  int fd_;
  std::vector<std::string> keys_;
  std::string buf_;
  bool over_ = false;
};

// A file descriptor closed when it goes out of scope (or by close()).
struct Fd {
  int fd = -1;
  ~Fd() { close(); }
  void close() {
    if (fd >= 0) ::close(std::exchange(fd, -1));
  }
};

// Renders (or takes from the cache) one item's chart and places its files; `p.chart` gets
// the cache key, `rendered` whether it was drawn now. Files come as links to the cache's
// parts, so their bytes are written once.
Message write_chart(PublicItem& p, const ChartTarget& to, const OutputDir& out,
                    const PublishOptions& opts, const ChartCache& cache, bool* rendered) {
  const ChartInfo info = chart_info(*p.dept, *p.item, p.codes.implementation);
  p.chart = cache.key(chart_fingerprint(*p.flow, info), opts.formats);
  *rendered = !cache.check(p.chart, opts.formats);
  ChartFiles files;
  bool stored = !*rendered;
  if (*rendered) {
    files = render_chart(*p.flow, info, opts.formats);
    if (!files.error.empty()) return {files.error, files.error};
    std::string error;
    files.page = pdf_chart_from_svg(files.svg, &error);
    if (!files.page.empty() && opts.formats.pdf)
      files.pdf = pdf_chart_file(files.page, p.item->name.value, &error);
    if (!error.empty()) return {error, error};
    stored = cache.save(p.chart, files);
    if (!stored) p.chart.clear();  // site and catalog.pdf cannot read it back: fail below
  }
  const std::pair<bool, const char*> parts[] = {
      {opts.formats.svg, "svg"}, {opts.formats.png, "png"}, {opts.formats.pdf, "pdf"}};
  for (const auto& [wanted, ext] : parts) {
    if (!wanted) continue;
    const std::string rel = to.dir + p.stem + "." + ext;
    const std::string& bytes = ext[1] == 'v' ? files.svg : ext[1] == 'n' ? files.png : files.pdf;
    Message err = stored ? out.link(rel, cache.file(p.chart, ext)) : out.write(rel, bytes);
    if (!err.zh.empty()) return err;
  }
  if (opts.formats.dot) {
    const std::string source = chart_source(*p.flow, info);
    if (Message e = out.write(to.dir + p.stem + ".dot", source); !e.zh.empty()) return e;
  }
  if (to.site_of && stored) {
    const std::string svg = *rendered ? files.svg : cache.part(p.chart, "svg");
    if (svg.empty()) return {"流程图缺失：" + p.stem, "missing flowchart " + p.stem};
    Message e = render_item_page(*to.site_of, p, data_dir() + "/templates/html", svg,
                                 [&](const std::string& name, const std::string& text) {
                                   const std::string kept = cache.keep_bytes(text, "html");
                                   return kept.empty() ? out.write("site/" + name, text)
                                                       : out.link("site/" + name, kept);
                                 });
    if (!e.zh.empty()) return e;
  }
  return stored ? Message{}
                : Message{"无法写入流程图缓存（磁盘已满？）：" + p.stem,
                          "cannot store the chart in OUT/.cache (disk full?): " + p.stem};
}

// Graphviz cannot run in threads, so large builds fork worker processes (util's fork pool),
// worker w of n rendering charts w, w + n, w + 2n … (so charts are done in catalog order, which
// the catalog.pdf drawn alongside follows) and saying for each chart on its pipe
// "ok <index> <r|c> <key>" (rendered or from the cache), or "err <zh>\t<en>" and stopping.
// Any failure fails the build with the worker's own message (e.g. a full disk).
Message write_charts_in_workers(std::vector<PublicItem*>& charts, const ChartTarget& to,
                                const OutputDir& out, const PublishOptions& opts,
                                const ChartCache& cache, unsigned jobs, PublishStats& stats) {
  size_t done = 0;
  Message failure;
  ForkPool pool;
  pool.workers = static_cast<unsigned>(std::min<size_t>(jobs, charts.size()));
  pool.parent_only_fds = {to.tell_fd};  // only the parent tells
  pool.work = [&](unsigned w, unsigned n, const std::function<bool(const std::string&)>& say) {
    for (size_t i = w; i < charts.size(); i += n) {
      bool rendered = false;
      const Message err = write_chart(*charts[i], to, out, opts, cache, &rendered);
      if (!err.zh.empty()) {
        say("err " + err.zh + "\t" + err.en);
        return false;
      }
      if (!say(fmt::format("ok {} {} {}", i, rendered ? 'r' : 'c', charts[i]->chart))) return false;
    }
    return true;
  };
  pool.heard = [&](unsigned, const std::string& line) {
    size_t index = 0;
    char how = 0;
    char key[64] = {0};
    if (std::sscanf(line.c_str(), "ok %zu %c %63s", &index, &how, key) == 3 &&
        index < charts.size()) {
      charts[index]->chart = key;
      tell(to, *charts[index]);
      ++(how == 'r' ? stats.rendered : stats.reused);
      report(opts, "流程图 flowcharts", ++done, charts.size());
    } else if (line.rfind("err ", 0) == 0 && failure.zh.empty()) {
      const size_t tab = line.find('\t');
      failure = {line.substr(4, tab - 4), tab == std::string::npos ? "" : line.substr(tab + 1)};
    }
  };
  const Message pool_failure = run_fork_pool(pool);
  if (!failure.zh.empty()) return failure;
  if (!pool_failure.zh.empty())
    return {"流程图子进程异常退出：" + pool_failure.zh,
            "a flowchart worker failed: " + pool_failure.en};
  for (PublicItem* p : charts)
    if (p->chart.empty()) return {"流程图缺失：" + p->stem, "missing flowchart " + p->stem};
  return {};
}

// <dir><stem>.svg|png|pdf[|dot]
Message write_flowcharts(std::vector<PublicItem>& items, const ChartTarget& to,
                         const OutputDir& out, const PublishOptions& opts, const ChartCache& cache,
                         PublishStats& stats) {
  std::vector<PublicItem*> charts;
  for (auto& p : items)
    if (p.flow) charts.push_back(&p);
  // In the order catalog.pdf draws them (by category, then catalog order), which is drawn
  // alongside from the store as they come.
  std::stable_sort(charts.begin(), charts.end(), [](const PublicItem* a, const PublicItem* b) {
    return static_cast<int>(a->item->category.value) < static_cast<int>(b->item->category.value);
  });
  const unsigned jobs =
      std::max(1u, std::min<unsigned>(opts.jobs, static_cast<unsigned>(charts.size() / 8)));
  if (jobs > 1) return write_charts_in_workers(charts, to, out, opts, cache, jobs, stats);
  size_t done = 0;
  for (PublicItem* p : charts) {
    bool rendered = false;
    Message err = write_chart(*p, to, out, opts, cache, &rendered);
    if (!err.zh.empty()) return err;
    tell(to, *p);
    ++(rendered ? stats.rendered : stats.reused);
    report(opts, "流程图 flowcharts", ++done, charts.size());
  }
  return {};
}

Message write_outputs(const Catalog& catalog, const std::vector<ResolvedItem>& resolved,
                      const OutputDir& out, const PublishOptions& opts, const ChartCache& cache,
                      PublishStats& stats) {
  std::vector<PublicItem> items = collect_public_items(resolved);
  const ChartPart chart = [&](const PublicItem& p, const char* ext) {
    return p.chart.empty() ? std::string() : cache.part(p.chart, ext);
  };
  auto draw_risk_pdf = [&]() -> Message {
    std::string error;
    std::string pdf = render_risk_pdf(catalog, public_risk_overview(items), &error);
    if (!error.empty()) return {error, error};
    return out.write("risks.pdf", pdf);
  };
  auto draw_pdfs = [&](const ChartPart& part, bool announce) -> Message {
    std::string error;
    if (announce) report(opts, "PDF catalog.pdf", 0, 1);  // not over the charts' progress
    std::string pdf = render_catalog_pdf(catalog, items, part, &error);
    if (!error.empty()) return {error, error};
    return out.write("catalog.pdf", pdf);
  };
  // risks.pdf needs no chart: drawn by its own child from the start (catalog.pdf, which
  // follows the charts, is the longer path when the charts are cheap).
  ChildJob risk_pdf(draw_risk_pdf, opts.jobs > 1);
  // With more than one job, catalog.pdf is drawn by a child while the charts are rendered,
  // each chart page as soon as this process tells it the chart's key (the workers go in
  // catalog order); the end of the socket says the charts are over, so a chart that never
  // comes fails the PDF.
  std::optional<ChildJob> pdfs;
  int tell_fds[2] = {-1, -1};
  if (opts.jobs > 1 && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, tell_fds) == 0)
    pdfs.emplace(
        [&]() -> Message {
          ::close(tell_fds[1]);
          ToldKeys told(tell_fds[0], items.size());
          for (PublicItem& p : items)
            if (p.flow) p.chart = "-";  // a chart page for each: its key comes when told
          return draw_pdfs(
              [&](const PublicItem& p, const char* ext) {
                const std::string& key = told.key(static_cast<size_t>(&p - items.data()));
                return key.empty() ? std::string() : cache.part(key, ext);
              },
              false);
        },
        true);
  // The parent keeps the telling end only; closed before `pdfs` waits (declared after it),
  // on every path, so the child sees the end.
  Fd tell_end{tell_fds[1]};
  Fd{tell_fds[0]}.close();
  if (pdfs && !pdfs->forked()) {  // no child to be had: drawn here after the charts
    pdfs.reset();
    tell_end.close();
  }
  Message err = write_flowcharts(items, {"flowcharts/", &catalog, tell_end.fd, items.data()}, out,
                                 opts, cache, stats);
  tell_end.close();
  if (!err.zh.empty()) return err;
  if (!pdfs) pdfs.emplace([&] { return draw_pdfs(chart, true); }, false);
  err = out.write("catalog.json", render_catalog_json(catalog, items));
  if (!err.zh.empty()) return err;
  report(opts, "网页 site", 0, 1);
  err = render_site(
      catalog, items, data_dir() + "/templates/html",
      [&](const std::string& name, const std::string& text) {
        return out.write("site/" + name, text);
      },
      [](const PublicItem& p) { return !p.chart.empty(); });  // written with the charts
  if (!err.zh.empty()) return err;
  report(opts, "风险防控 risks", 0, 1);
  std::string error;
  const RiskOverview risks = public_risk_overview(items);
  std::string page = render_risk_page(catalog, risks, data_dir() + "/templates/html", &error);
  if (!error.empty()) return {error, error};
  if (!(err = out.write("site/risks.html", page)).zh.empty()) return err;
  if (!(err = pdfs->wait()).zh.empty()) return err;
  if (!(err = risk_pdf.wait()).zh.empty()) return err;
  if (opts.internal) {
    std::string internal = render_internal_pdf(catalog, collect_internal_items(catalog), &error);
    if (!error.empty()) return {error, error};
    err = out.write("internal/涉密不宜公开行政职权目录.pdf", internal);
    if (!err.zh.empty()) return err;
    // Charts of the items not listed publicly stay under internal/ and out of the cache,
    // which lives in OUT: they are rendered through a private store, removed at once.
    const std::filesystem::path hidden_store = out.staging() / ".internal-charts";
    std::vector<PublicItem> hidden = collect_internal_charts(resolved);
    PublishOptions hidden_opts = opts;
    err = write_flowcharts(hidden, {"internal/flowcharts/"}, out, hidden_opts,
                           ChartCache(hidden_store.string(), cache.font()), stats);
    std::error_code ec;
    std::filesystem::remove_all(hidden_store, ec);
    if (!err.zh.empty()) return err;
  }
  std::set<std::string> keep;
  for (const auto& p : items)
    if (!p.chart.empty()) keep.insert(p.chart);
  cache.prune(keep);
  return err;
}

}  // namespace

Message publish_all(const Catalog& catalog, const std::vector<ResolvedItem>& resolved,
                    OutputDir& out, const PublishOptions& opts, PublishStats* stats) {
  // Without the cache, charts still pass through a private store inside the staging folder
  // (site and catalog.pdf read them back), removed before the commit.
  const std::filesystem::path store =
      opts.cache ? out.path() / kOutputCache / "charts" : out.staging() / ".charts";
  const ChartCache cache(store.string(), use_chart_font_subset());
  PublishStats local;
  Message err = write_outputs(catalog, resolved, out, opts, cache, stats ? *stats : local);
  std::error_code ec;
  if (!opts.cache) std::filesystem::remove_all(store, ec);
  if (!err.zh.empty()) return err;  // the OutputDir removes its staging folder
  return out.commit();
}

}  // namespace powerlist
