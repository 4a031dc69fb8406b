// An item's procedure → Flow: template steps (with {承办机构}/{负责人} filled in), then the
// item's actors/limits overrides, then its explicit steps (same id replaces, new id adds).
#include <fmt/format.h>

#include "powerlist/flow.hpp"

namespace powerlist {

const FlowStep* Flow::find(const std::string& id) const {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &steps[it->second];
}

static std::string fill(const std::string& actor, const PowerItem* item) {
  if (!item) return actor;
  if (actor == "{承办机构}")
    return item->handled_by.value.empty() ? "承办机构" : item->handled_by.value;
  if (actor == "{负责人}")
    return item->responsible.value.empty() ? "机关负责人" : item->responsible.value;
  return actor;
}

static FlowStep from_step(const Step& s, const PowerItem* item, Span where) {
  FlowStep f;
  f.id = s.id.value;
  f.kind = s.kind;
  f.actor = fill(s.actor.value, item);
  f.actor_is_handled_by = item && s.actor.value == "{承办机构}";
  f.duty = s.duty;
  f.basis = s.basis;
  if (s.limit) f.limit = s.limit->value;
  f.excluded = s.excluded;
  f.next = s.next;
  f.disclose = s.disclose;
  for (const auto& r : s.rights_at) f.rights_at.push_back(r.value);
  f.span = where.valid() ? where : s.span;
  if (where.valid())
    for (auto& b : f.next)
      b.span = b.to.span = where;  // template edges point at the item's procedure
  return f;
}

static void reindex(Flow& f) {
  f.index.clear();
  for (size_t i = 0; i < f.steps.size(); ++i) f.index.emplace(f.steps[i].id, i);
}

Flow flow_of_template(const ProcedureTemplate& t) {
  Flow f;
  f.template_name = t.name;
  for (const auto& s : t.steps) f.steps.push_back(from_step(s, nullptr, {}));
  reindex(f);
  return f;
}

std::optional<Flow> resolve_flow(const PowerItem& item, const TemplateLibrary& templates,
                                 DiagSink& sink, const std::string& item_id) {
  if (!item.procedure || item.procedure->refused) return std::nullopt;
  const Procedure& p = *item.procedure;
  Flow f;
  f.span = p.span;
  if (!p.template_name.value.empty()) {
    const ProcedureTemplate* t = templates.find(p.template_name.value);
    if (!t) {
      std::vector<std::string> names;
      for (const auto& [n, _] : templates.all()) names.push_back(n);
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : "、") + n;
      sink.add(rule::flow_unknown_template, p.template_name.span, item_id,
               {fmt::format("没有名为“{}”的流程模板；可用：{}", p.template_name.value, list),
                fmt::format("no procedure template named '{}'", p.template_name.value)});
      return std::nullopt;
    }
    f.template_name = t->name;
    for (const auto& s : t->steps) f.steps.push_back(from_step(s, &item, p.template_name.span));
  }
  reindex(f);
  for (const auto& s : p.steps) {
    FlowStep fs = from_step(s, &item, {});
    auto [it, fresh] = f.index.emplace(fs.id, f.steps.size());
    if (fresh)
      f.steps.push_back(std::move(fs));
    else
      f.steps[it->second] = std::move(fs);
  }
  auto unknown = [&](const std::string& step, Span at, const char* what_zh, const char* what_en) {
    sink.add(rule::flow_unknown_step, at, item_id,
             {fmt::format("{}引用了不存在的环节“{}”", what_zh, step),
              fmt::format("{} names a step '{}' that does not exist", what_en, step)});
  };
  for (const auto& [step, actor] : p.actors) {
    auto it = f.index.find(step);
    if (it == f.index.end()) {
      unknown(step, actor.span, "actors（岗位）", "actors");
    } else {
      f.steps[it->second].actor = actor.value;
      f.steps[it->second].actor_is_handled_by = false;
    }
  }
  for (const auto& [step, limit] : p.limits) {
    auto it = f.index.find(step);
    if (it == f.index.end())
      unknown(step, limit.span, "limits（时限）", "limits");
    else
      f.steps[it->second].limit = limit.value;
  }
  for (const auto& r : item.risks) {
    auto it = f.index.find(r.step.value);
    if (it == f.index.end()) {
      unknown(r.step.value, r.step.span, "risks（廉政风险点）", "risks");
      continue;
    }
    FlowStep& s = f.steps[it->second];
    if (s.risk_level.empty() || r.level.value < s.risk_level) s.risk_level = r.level.value;
    s.risk_point += (s.risk_point.empty() ? "" : "；") + r.point;
    s.risks.push_back({r.level.value, r.point, r.measures});
  }
  return f;
}

}  // namespace powerlist
