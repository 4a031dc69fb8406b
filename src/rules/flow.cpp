// flow/* plus the checks that need the procedure graph: limits/path-exceeds-promised,
// limits/step-missing and rights/reasons.
#include "powerlist/flow.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "powerlist/rules.hpp"

namespace powerlist {

namespace {

void check_path(RuleContext& ctx, const PowerItem& item, const Flow& flow, const std::string& id) {
  const auto& lim = item.limits;
  const Loc<Duration>* target = lim.promised    ? &*lim.promised
                                : lim.statutory ? &*lim.statutory
                                                : nullptr;
  if (!target) return;
  const Duration& t = target->value;
  if (t.unit != TimeUnit::WorkDays && t.unit != TimeUnit::Days && t.unit != TimeUnit::Immediate)
    return;
  const TimeUnit unit = t.unit == TimeUnit::Immediate ? TimeUnit::WorkDays : t.unit;
  auto path = longest_path(flow, unit);
  if (!path || path->total.milli <= t.milli) return;
  std::string route;
  for (const auto& s : path->path) route += (route.empty() ? "" : "→") + s;
  const char* which_zh = lim.promised ? "承诺时限" : "法定时限";
  const char* which_en = lim.promised ? "promised" : "statutory";
  auto& d = ctx.sink.add(rule::limits_path_exceeds_promised,
                         flow.span.valid() ? flow.span : item.span, id,
                         {fmt::format("流程最长路径 {} 合计 {}，超过{} {}", route,
                                      path->total.str(), which_zh, t.str()),
                          fmt::format("the longest path {} takes {}, more than the {} limit {}",
                                      route, path->total.str_en(), which_en, t.str_en())});
  if (path->converted)
    d.notes.push_back(
        {"其中部分环节的时限单位不同，已从严换算：n 日按 n 工作日计，n 工作日按 ⌈n×7/5⌉ 日计",
         "steps in the other unit were converted conservatively: n 日 as n 工作日, n 工作日 as "
         "⌈n×7/5⌉ 日"});
}

bool has_reasons(const PowerItem& item, const Flow& flow) {
  for (const auto& r : item.rights)
    if (r.value == "要求说明理由") return true;
  for (const auto& s : flow.steps) {
    if (s.id.find("说明理由") != std::string::npos || s.duty.find("说明理由") != std::string::npos)
      return true;
    if (std::find(s.rights_at.begin(), s.rights_at.end(), "要求说明理由") != s.rights_at.end())
      return true;
  }
  return false;
}

}  // namespace

void check_flows(RuleContext& ctx) {
  if (!ctx.templates) return;
  for (const auto& d : ctx.catalog.departments) {
    for (const auto& item : d.powers) {
      if (!item.active() || !item.category.span.valid()) continue;
      const std::string id = item_id(d, item);
      if (!item.procedure) {
        ctx.sink.add(rule::flow_missing, item.key.span.valid() ? item.key.span : item.span, id,
                     {"事项没有运行流程（procedure）：每项行政权力都应制作一个流程图",
                      "the item has no procedure: every power gets a flowchart"});
        continue;
      }
      // The session's resolution when there is one (resolved once for every output).
      std::optional<Flow> own;
      const Flow* flow = nullptr;
      if (ctx.flows) {
        auto it = ctx.flows->find(&item);
        if (it != ctx.flows->end()) flow = it->second;
        if (it != ctx.flows->end() && !flow) continue;  // unresolvable: already reported
      }
      if (!flow) {
        own = resolve_flow(item, *ctx.templates, ctx.sink, id);
        if (!own) continue;
        flow = &*own;
      }
      check_flow_graph(*flow, d.units, ctx.sink, id);
      if (item.initiation.value == Initiation::OnApplication)
        for (const auto& s : flow->steps)
          if (s.kind == StepKind::Step && !s.excluded && !s.limit)
            ctx.sink.add(rule::limits_step_missing, s.span, id,
                         {fmt::format("依申请流程的环节“{}”没有办理时限（limit）", s.id),
                          fmt::format("step '{}' of an 依申请 procedure has no limit", s.id)});
      check_path(ctx, item, *flow, id);
      if (item.category.value == Category::Licensing) {
        const bool denial =
            std::any_of(flow->steps.begin(), flow->steps.end(),
                        [](const FlowStep& s) { return s.id.find("不予") != std::string::npos; });
        if (denial && !has_reasons(item, *flow))
          ctx.sink.add(
              rule::rights_reasons, flow->span, id,
              {"行政许可有不予受理或不予许可的路径，但没有说明理由的环节或“要求说明理由”权利（行政"
               "许可法第三十八条）",
               "a licence with a denial path but no 说明理由 step or right (行政许可法 art. 38)"});
      }
    }
  }
}

}  // namespace powerlist
