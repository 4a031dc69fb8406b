// flow/* checks on a resolved procedure graph, and the longest counted path. All passes are
// linear in steps + edges.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "powerlist/flow.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

bool looks_like_unit(const std::string& actor) {
  for (const char* suffix : {"股", "科", "室", "队", "所", "中心", "窗口"})
    if (ends_with(actor, suffix)) return true;
  return false;
}

// Edges by index; -1 targets (unknown steps) are dropped after being reported.
struct Graph {
  std::vector<std::vector<std::pair<size_t, const Branch*>>> out;
};

}  // namespace

void check_flow_graph(const Flow& flow, const std::vector<LStr>& units, DiagSink& sink,
                      const std::string& id) {
  const size_t n = flow.steps.size();
  Graph g;
  g.out.resize(n);
  std::vector<size_t> starts, ends;
  std::vector<std::string> reported_actors;  // one actor-unit finding per actor
  for (size_t i = 0; i < n; ++i) {
    const FlowStep& s = flow.steps[i];
    if (s.kind == StepKind::Start) starts.push_back(i);
    if (s.kind == StepKind::End) ends.push_back(i);
    for (const auto& b : s.next) {
      auto it = flow.index.find(b.to.value);
      if (it == flow.index.end()) {
        sink.add(
            rule::flow_unknown_step, b.to.span.valid() ? b.to.span : s.span, id,
            {fmt::format("环节“{}”的 next 指向不存在的环节“{}”", s.id, b.to.value),
             fmt::format("step '{}' goes to a step '{}' that does not exist", s.id, b.to.value)});
        continue;
      }
      g.out[i].push_back({it->second, &b});
    }
    if (s.next.size() >= 2)
      for (const auto& b : s.next)
        if (b.when.empty()) {
          sink.add(rule::flow_decision_label, b.span.valid() ? b.span : s.span, id,
                   {fmt::format("判断环节“{}”去往“{}”的出口缺少条件标签（when）", s.id, b.to.value),
                    fmt::format("decision '{}' has an exit to '{}' without a when label", s.id,
                                b.to.value)});
          break;
        }
    if (s.kind == StepKind::Step) {
      if (s.actor.empty())
        sink.add(rule::flow_actor_missing, s.span, id,
                 {fmt::format("环节“{}”没有承办岗位（actor）", s.id),
                  fmt::format("step '{}' has no actor", s.id)});
      else if (!s.actor_is_handled_by && looks_like_unit(s.actor) &&
               std::none_of(units.begin(), units.end(),
                            [&](const LStr& u) { return u.value == s.actor; }) &&
               std::find(reported_actors.begin(), reported_actors.end(), s.actor) ==
                   reported_actors.end() &&
               (reported_actors.push_back(s.actor), true))
        sink.add(
            rule::flow_actor_unit, s.span, id,
            {fmt::format("环节“{}”的承办岗位“{}”不是本部门内设机构", s.id, s.actor),
             fmt::format("actor '{}' of step '{}' is not one of department.units", s.actor, s.id)});
    }
  }
  if (starts.size() != 1) {
    sink.add(rule::flow_start, flow.span, id,
             {fmt::format("流程应有且只有一个开始环节（kind: start），现有 {} 个", starts.size()),
              fmt::format("a procedure needs exactly one start step; found {}", starts.size())});
  }
  if (ends.empty())
    sink.add(rule::flow_no_end, flow.span, id,
             {"流程没有结束环节（kind: end）", "the procedure has no end step"});
  if (starts.size() == 1) {
    std::vector<char> seen(n, 0);
    std::vector<size_t> stack{starts[0]};
    seen[starts[0]] = 1;
    while (!stack.empty()) {
      size_t v = stack.back();
      stack.pop_back();
      for (auto [w, _] : g.out[v])
        if (!seen[w]) seen[w] = 1, stack.push_back(w);
    }
    for (size_t i = 0; i < n; ++i)
      if (!seen[i])
        sink.add(rule::flow_unreachable, flow.steps[i].span, id,
                 {fmt::format("环节“{}”无法从开始环节到达", flow.steps[i].id),
                  fmt::format("step '{}' cannot be reached from the start", flow.steps[i].id)});
  }
  // Dead ends: a non-end step without next, or one from which no end can be reached.
  std::vector<std::vector<size_t>> rev(n);
  for (size_t v = 0; v < n; ++v)
    for (auto [w, _] : g.out[v]) rev[w].push_back(v);
  std::vector<char> reaches_end(n, 0);
  std::vector<size_t> stack(ends.begin(), ends.end());
  for (size_t e : ends) reaches_end[e] = 1;
  while (!stack.empty()) {
    size_t v = stack.back();
    stack.pop_back();
    for (size_t u : rev[v])
      if (!reaches_end[u]) reaches_end[u] = 1, stack.push_back(u);
  }
  if (!ends.empty())
    for (size_t i = 0; i < n; ++i) {
      const FlowStep& s = flow.steps[i];
      if (s.kind == StepKind::End || reaches_end[i]) continue;
      sink.add(rule::flow_dead_end, s.span, id,
               {s.next.empty() ? fmt::format("环节“{}”没有下一步（next），也不是结束环节", s.id)
                               : fmt::format("从环节“{}”无法到达任何结束环节", s.id),
                fmt::format("no end can be reached from step '{}'", s.id)});
    }
  // Cycles over edges not marked loop: iterative DFS with colours.
  std::vector<char> colour(n, 0);
  for (size_t root = 0; root < n; ++root) {
    if (colour[root]) continue;
    std::vector<std::pair<size_t, size_t>> st{{root, 0}};
    colour[root] = 1;
    while (!st.empty()) {
      auto& [v, k] = st.back();
      if (k == g.out[v].size()) {
        colour[v] = 2;
        st.pop_back();
        continue;
      }
      auto [w, b] = g.out[v][k++];
      if (b->loop) continue;
      if (colour[w] == 1) {
        sink.add(rule::flow_cycle, b->span.valid() ? b->span : flow.steps[v].span, id,
                 {fmt::format("“{}”→“{}”构成回路；回退边须标记 loop: true", flow.steps[v].id,
                              flow.steps[w].id),
                  fmt::format("'{}' → '{}' closes a cycle; mark a step back with loop: true",
                              flow.steps[v].id, flow.steps[w].id)});
      } else if (colour[w] == 0) {
        colour[w] = 1;
        st.push_back({w, 0});
      }
    }
  }
}

std::optional<PathLength> longest_path(const Flow& flow, TimeUnit unit) {
  const size_t n = flow.steps.size();
  std::vector<std::vector<size_t>> out(n);
  std::vector<size_t> indeg(n, 0);
  for (size_t v = 0; v < n; ++v)
    for (const auto& b : flow.steps[v].next) {
      if (b.loop) continue;
      auto it = flow.index.find(b.to.value);
      if (it == flow.index.end()) continue;
      out[v].push_back(it->second);
      ++indeg[it->second];
    }
  PathLength result;
  // Step weight in thousandths of `unit`; conversions are the conservative ones of RULES.md.
  std::vector<int64_t> weight(n, 0);
  for (size_t v = 0; v < n; ++v) {
    const FlowStep& s = flow.steps[v];
    if (s.excluded || !s.limit || s.kind != StepKind::Step) continue;
    const Duration& d = *s.limit;
    if (d.unit == TimeUnit::None || d.unit == TimeUnit::Immediate) continue;
    if (d.unit == unit) {
      weight[v] = d.milli;
    } else if (unit == TimeUnit::WorkDays &&
               (d.unit == TimeUnit::Days || d.unit == TimeUnit::Hours)) {
      weight[v] =
          d.unit == TimeUnit::Days ? d.milli : (d.milli + 23999) / 24000 * 1000;  // n 日 → n 工作日
      result.converted = true;
    } else if (unit == TimeUnit::Days && d.unit == TimeUnit::WorkDays) {
      weight[v] = (d.milli * 7 + 4999) / 5000 * 1000;  // n 工作日 → ⌈n × 7/5⌉ 日
      result.converted = true;
    } else if (unit == TimeUnit::Days && d.unit == TimeUnit::Hours) {
      weight[v] = (d.milli + 23999) / 24000 * 1000;
      result.converted = true;
    } else {
      result.uncountable = true;
    }
  }
  // Kahn's order; a remaining cycle (reported as flow/cycle) means no longest path.
  std::vector<size_t> order, queue;
  for (size_t v = 0; v < n; ++v)
    if (!indeg[v]) queue.push_back(v);
  while (!queue.empty()) {
    size_t v = queue.back();
    queue.pop_back();
    order.push_back(v);
    for (size_t w : out[v])
      if (--indeg[w] == 0) queue.push_back(w);
  }
  if (order.size() != n) return std::nullopt;
  std::vector<int64_t> best(n, -1);
  std::vector<size_t> prev(n, SIZE_MAX);
  for (size_t v = 0; v < n; ++v)
    if (flow.steps[v].kind == StepKind::Start) best[v] = weight[v];
  for (size_t v : order) {
    if (best[v] < 0) continue;
    for (size_t w : out[v])
      if (best[v] + weight[w] > best[w]) best[w] = best[v] + weight[w], prev[w] = v;
  }
  int64_t top = -1;
  size_t end = SIZE_MAX;
  for (size_t v = 0; v < n; ++v)
    if (flow.steps[v].kind == StepKind::End && best[v] > top) top = best[v], end = v;
  if (end == SIZE_MAX) return std::nullopt;
  for (size_t v = end; v != SIZE_MAX; v = prev[v]) result.path.push_back(flow.steps[v].id);
  std::reverse(result.path.begin(), result.path.end());
  result.total = Duration{unit, top};
  return result;
}

}  // namespace powerlist
