// Stage 6: outputs for the public and for other systems (CLI.md "build outputs").
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "powerlist/codes.hpp"
#include "powerlist/flow.hpp"
#include "powerlist/model.hpp"
#include "powerlist/session.hpp"

namespace powerlist {

// One active public item with everything the outputs show, resolved once.
struct PublicItem {
  const Department* dept = nullptr;
  const PowerItem* item = nullptr;
  // The 主项 of a 子项 when it is itself active and public; a non-public parent is never
  // named, keyed or coded in a public output.
  const PowerItem* parent = nullptr;
  ItemCodes codes;
  std::string stem;  // output file stem: the 实施编码, or "<dept>-<key>" before `codes`
  const Flow* flow = nullptr;  // the session's resolution (nullptr without a procedure)
  std::string chart;  // the chart's cache key ("" without a procedure), set while publishing
};

// One file of an item's rendered chart ("svg", or "page": as catalog.pdf draws it); "" when
// the item has no chart.
using ChartPart = std::function<std::string(const PublicItem&, const char* ext)>;

// Active public items in catalog order (departments, then items); nothing non-public.
// `resolved` is the session's one resolution of every active item.
std::vector<PublicItem> collect_public_items(const std::vector<ResolvedItem>& resolved);
// Active items not listed publicly that have a procedure, for internal/flowcharts/.
std::vector<PublicItem> collect_internal_charts(const std::vector<ResolvedItem>& resolved);
// Active items with `public: false` or disclosure scope 内部 (for out/internal only).
std::vector<std::pair<const Department*, const PowerItem*>> collect_internal_items(
    const Catalog& catalog);

// catalog.json: every active public item, resolved, with codes.
std::string render_catalog_json(const Catalog& catalog, const std::vector<PublicItem>& items);

// site/: index.html, one <stem>.html per item, style.css, app.js, each handed to `write`
// (file name, contents) as soon as it is made. `template_dir` holds the ctemplate files
// (templates/html). An item with a chart has its page written with the chart
// (render_item_page, by the chart's worker): `page_written` says which to skip here; the
// others get a page without a chart. Returns the first error ("" on success).
using SiteWriter = std::function<Message(const std::string& name, const std::string& text)>;
Message render_site(const Catalog& catalog, const std::vector<PublicItem>& items,
                    const std::string& template_dir, const SiteWriter& write,
                    const std::function<bool(const PublicItem&)>& page_written = {});
// site/<stem>.html of one item with its chart's SVG ("" for none).
Message render_item_page(const Catalog& catalog, const PublicItem& item,
                         const std::string& template_dir, const std::string& svg,
                         const SiteWriter& write);

struct RiskOverview;
// The 廉政风险点 of the public items, for site/risks.html and risks.pdf.
RiskOverview public_risk_overview(const std::vector<PublicItem>& items);
// site/risks.html ("" with `error` set).
std::string render_risk_page(const Catalog& catalog, const RiskOverview& overview,
                             const std::string& template_dir, std::string* error);
// risks.pdf: counts per department, the A-level heat map, every point with its measures.
std::string render_risk_pdf(const Catalog& catalog, const RiskOverview& overview,
                            std::string* error);

// A chart's own PDF from its SVG, drawn by the catalogs' PDF writer as `build` draws it.
std::string chart_pdf_from_svg(const std::string& svg, const std::string& title,
                               std::string* error);
// The printed 行政职权目录: cover, contents, tables by category, flowcharts.
// Returns the PDF bytes, or "" with `error` set.
// The site's footer: powerlist.yaml `publication.footer`, else "<发布机关>发布。未列入目录的权力
// 不得行使。" (never the tool's name).
std::string site_footer(const Catalog& c);
// A limit as everything published spells it: "无" when there is none or none is given.
std::string limit_text(const std::optional<Loc<Duration>>& d);

std::string render_catalog_pdf(const Catalog& catalog, const std::vector<PublicItem>& items,
                               const ChartPart& chart, std::string* error);
// 涉密不宜公开行政职权目录: name, category, reason of the non-public items.
std::string render_internal_pdf(
    const Catalog& catalog,
    const std::vector<std::pair<const Department*, const PowerItem*>>& items, std::string* error);

struct PublishOptions {
  ChartFormats formats;   // the chart files to write (dot: flowcharts/<stem>.dot)
  bool internal = false;  // write out/internal/ for the non-public items
  bool cache = true;      // reuse charts from OUT/.cache/charts
  // Flowcharts are rendered by this many worker processes (Graphviz is not thread-safe).
  unsigned jobs = 1;
  std::function<void(const std::string& stage, size_t done, size_t total)> progress;
};

// What a build did, for its summary line.
struct PublishStats {
  size_t rendered = 0, reused = 0;  // charts drawn now / taken from the cache
};

class OutputDir;
// Writes every output into `out`'s staging folder, then commits it, so a failed build
// leaves the previous output untouched. Returns an empty message on success.
Message publish_all(const Catalog& catalog, const std::vector<ResolvedItem>& resolved,
                    OutputDir& out, const PublishOptions& opts, PublishStats* stats = nullptr);

}  // namespace powerlist
