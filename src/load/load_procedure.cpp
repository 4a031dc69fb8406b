#include <fmt/format.h>

#include "load_parts.hpp"

namespace powerlist {

static std::optional<Branch> load_branch(Reader& r, const YAML::Node& n) {
  Branch b;
  b.span = r.span(n);
  if (n.IsScalar()) {
    b.to = LStr{n.Scalar(), r.span(n)};
    return b;
  }
  Fields f = r.fields(n, *branch_table(), b.span);
  if (!f.ok) return std::nullopt;
  if (auto to = r.str(f, "to"))
    b.to = *to;
  else
    return std::nullopt;
  if (auto w = r.str(f, "when")) b.when = w->value;
  if (auto l = r.boolean(f, "loop")) b.loop = l->value;
  return b;
}

static std::vector<Branch> load_next(Reader& r, const YAML::Node& n) {
  std::vector<Branch> out;
  if (!n.IsDefined() || n.IsNull()) return out;
  if (n.IsScalar()) {
    out.push_back(Branch{LStr{n.Scalar(), r.span(n)}, "", false, r.span(n)});
    return out;
  }
  if (n.IsMap()) {
    if (auto b = load_branch(r, n)) out.push_back(std::move(*b));
    return out;
  }
  for (const auto& e : n)
    if (auto b = load_branch(r, e)) out.push_back(std::move(*b));
  return out;
}

std::optional<Step> load_step(Reader& r, const YAML::Node& n) {
  Fields f = r.fields(n, *step_table(), r.span(n));
  if (!f.ok) return std::nullopt;
  Step s;
  s.span = f.span;
  if (auto id = r.str(f, "id")) s.id = *id;
  if (auto k = r.enum_value(f, "kind", step_table()->find("kind")->values)) {
    const std::string& v = k->value;
    s.kind = (v == "start" || v == "开始") ? StepKind::Start
             : (v == "end" || v == "结束") ? StepKind::End
                                           : StepKind::Step;
  }
  if (auto a = r.str(f, "actor")) s.actor = *a;
  if (auto l = r.duration(f, "limit")) s.limit = *l;
  if (auto d = r.str(f, "duty")) s.duty = d->value;
  if (auto b = r.str(f, "basis")) s.basis = b->value;
  if (auto e = r.boolean(f, "excluded")) s.excluded = e->value;
  s.next = load_next(r, f.get("next"));
  s.rights_at = r.enum_list(f, "rights_at", rights_values());
  if (f.has("disclose")) {
    Fields d = r.fields(f.get("disclose"), *step_table()->find("disclose")->table(), f.span);
    if (d.ok) {
      if (auto v = r.str(d, "scope")) s.disclose["scope"] = v->value;
      if (auto v = r.str(d, "form")) s.disclose["form"] = v->value;
      if (auto v = r.str(d, "timing")) s.disclose["timing"] = v->value;
    }
  }
  return s;
}

std::optional<Procedure> load_procedure(Reader& r, const YAML::Node& n, Span where) {
  Fields f = r.fields(n, *item_table()->find("procedure")->table(), where);
  if (!f.ok) return std::nullopt;
  Procedure p;
  p.span = f.span;
  if (auto t = r.str(f, "template")) p.template_name = *t;
  p.actors = r.str_map(f, "actors");
  for (auto& [step, text] : r.str_map(f, "limits")) {
    auto d = parse_duration(text.value);
    if (!d) {
      r.report(rule::schema_type, text.span,
               {fmt::format("无法识别的时限“{}”", text.value),
                fmt::format("unrecognised duration '{}'", text.value)});
      continue;
    }
    p.limits.emplace(step, Loc<Duration>{*d, text.span});
  }
  YAML::Node steps = f.get("steps");
  // A 流程图 is read on one page: real procedures have under 30 steps. Far larger graphs
  // only make the layout slow (minutes for a few thousand decisions), so they are refused.
  constexpr size_t kMaxSteps = 150, kMaxEdges = 400;
  size_t edges = 0;
  bool too_large = false;
  if (steps.IsDefined() && !steps.IsNull() && r.is_seq(steps, "steps"))
    for (const auto& s : steps) {
      if (p.steps.size() == kMaxSteps) {
        r.report(rule::schema_too_large, r.span(steps),
                 {fmt::format("流程环节超过 {} 个，无法绘制为一页流程图；请拆分事项或合并环节",
                              kMaxSteps),
                  fmt::format("more than {} procedure steps cannot be drawn as a one-page "
                              "flowchart; split the item or merge steps",
                              kMaxSteps)});
        p.steps.clear();
        too_large = true;
        break;
      }
      if (auto st = load_step(r, s)) {
        edges += st->next.size();
        p.steps.push_back(std::move(*st));
      }
      if (edges > kMaxEdges) {
        r.report(rule::schema_too_large, r.span(steps),
                 {fmt::format("流程连线超过 {} 条，无法绘制为一页流程图", kMaxEdges),
                  fmt::format("more than {} procedure edges cannot be drawn as one flowchart",
                              kMaxEdges)});
        p.steps.clear();
        too_large = true;
        break;
      }
    }
  p.refused = too_large;
  if (p.template_name.value.empty() && p.steps.empty() && !too_large)
    r.report(
        rule::schema_required, p.span,
        {"流程须指定 template（模板）或 steps（环节）", "procedure needs a template or steps"});
  return p;
}

}  // namespace powerlist
