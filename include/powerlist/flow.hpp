// Stage: procedures (流程). Templates from templates/procedures, resolution of an item's
// procedure into a graph of steps, the graph checks, and rendering with Graphviz.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

struct ProcedureTemplate {
  std::string name;
  Category category = Category::Other;
  std::optional<Duration> statutory;
  std::string statutory_basis, notes;
  std::vector<Step> steps;
  uint32_t file = 0;
};

class TemplateLibrary {
 public:
  void add(ProcedureTemplate t) { by_name_[t.name] = std::move(t); }
  const ProcedureTemplate* find(const std::string& name) const;
  const std::map<std::string, ProcedureTemplate>& all() const { return by_name_; }

 private:
  std::map<std::string, ProcedureTemplate> by_name_;
};

// Reads every templates/procedures/*.yaml (file name = template name).
TemplateLibrary load_templates(const std::string& dir, Sources& sources, DiagSink& sink);

struct FlowStep {
  std::string id, actor, duty, basis;
  StepKind kind = StepKind::Step;
  std::optional<Duration> limit;
  bool excluded = false;
  std::vector<Branch> next;
  std::vector<std::string> rights_at;
  std::string risk_level;  // "", "A", "B", "C": the highest of its risk points
  std::string risk_point;
  struct RiskPoint {
    std::string level, point, measures;
  };
  std::vector<RiskPoint> risks;                 // every 廉政风险点 at this step
  std::map<std::string, std::string> disclose;  // 公开: scope, form, timing
  bool actor_is_handled_by = false;  // filled from {承办机构}: unit/handled-by covers it
  Span span;                         // where a finding about this step points
};

struct Flow {
  std::vector<FlowStep> steps;
  std::map<std::string, size_t> index;
  std::string template_name;  // "" for explicit steps
  Span span;
  const FlowStep* find(const std::string& id) const;
};

// The item's procedure with template, overrides and placeholders applied ({承办机构},
// {负责人}). Reports flow/unknown-template and flow/unknown-step for overrides and risks.
std::optional<Flow> resolve_flow(const PowerItem& item, const TemplateLibrary& templates,
                                 DiagSink& sink, const std::string& item_id);

// Flow as the graph checks see it, for templates themselves (no item).
Flow flow_of_template(const ProcedureTemplate& t);

// Longest start→end path of counted steps (not excluded, no loop edges), in `unit`.
struct PathLength {
  Duration total;
  std::vector<std::string> path;
  bool converted = false;    // some step was in the other unit
  bool uncountable = false;  // a step in months: no conservative conversion exists
};
std::optional<PathLength> longest_path(const Flow& flow, TimeUnit unit);

// Graph checks (flow/*) over a resolved flow; `units` are the department's units.
void check_flow_graph(const Flow& flow, const std::vector<LStr>& units, DiagSink& sink,
                      const std::string& item_id);

// Graphviz output of one item's chart. Formats: dot, svg, png (a PDF is drawn from the SVG by
// the publish stage: chart_pdf_from_svg). Thread-safe (serialized).
struct ChartInfo {
  std::string title, code, category;
  std::string rights, supervision, complaint, limits, basis;
  std::string conditions;  // 行使条件: a box under the start node
};
std::string render_flow(const Flow& flow, const ChartInfo& info, const std::string& format,
                        std::string* error);

// The chart files a build writes (`build --formats`).
struct ChartFormats {
  bool svg = true, png = true, pdf = true, dot = false;
};

// One chart laid out once and rendered to each requested format. `pdf` (the chart's own
// file) and `page` (the chart as catalog.pdf draws it) are made from the SVG by the publish
// stage.
struct ChartFiles {
  std::string dot, svg, png, pdf, page;
  std::string error;  // "" on success
};
ChartFiles render_chart(const Flow& flow, const ChartInfo& info, const ChartFormats& formats);
// The chart as DOT before layout: everything that decides how it looks (`build --dot`).
std::string chart_source(const Flow& flow, const ChartInfo& info);
// Every field of `flow` and `info` the chart is drawn from, serialized: the chart cache's key
// (with the executable, which any change to how charts are drawn changes). A tenth of the
// cost of chart_source, which builds the Graphviz graph.
std::string chart_fingerprint(const Flow& flow, const ChartInfo& info);

// PNG charts are drawn at 150 dpi of the size they print at on A4 portrait (the per-chart PDF:
// 1:1, or narrowed to the page's 539-pt drawing width): a chart as wide as the page is 1,123 px.
constexpr double kChartPngDpi = 150;
constexpr double kA4ChartWidthPt = 595.28 - 2 * 20;

ChartInfo chart_info(const Department& dept, const PowerItem& item, const std::string& code);

// Charts are drawn with a subset of the system CJK font, made once per user and font version
// and kept in $XDG_CACHE_HOME/powerlist (src/flow/chart_font.cpp says why); call before the
// first chart is laid out. Returns the subset's identity (part of the chart cache key), ""
// when it cannot be had (charts then use the system font, as before).
std::string use_chart_font_subset();
// The subset's font file in use ("" when none): the PDF writer cuts its fonts from it, which
// is several times faster than from the whole system font.
const std::string& chart_font_subset_file(bool bold);
// The font family charts are laid out with ("Noto Sans CJK SC" unless a subset is in use).
const std::string& chart_font_family();
// The system CJK font's file and face index in `style` ("Regular", "Bold"), when fontconfig
// has the family itself (not a substitute).
bool system_face(const char* style, std::string* file, unsigned* index);
// An SVG drawn with the subset names the system family, as one drawn without it.
std::string chart_svg_family(std::string svg);

}  // namespace powerlist
