// catalog.json: the machine-readable export of every public item, resolved, with codes.
#include <fmt/format.h>

#include "powerlist/publish.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

std::string q(std::string_view s) {
  return "\"" + json_escape(s) + "\"";
}
std::string q_or_null(const std::string& s) {
  return s.empty() ? "null" : q(s);
}

template <class T, class F>
std::string list(const std::vector<T>& v, F each) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + each(v[i]);
  return out + "]";
}

std::string strings(const std::vector<std::string>& v) {
  return list(v, [](const std::string& s) { return q(s); });
}
std::string lstrings(const std::vector<LStr>& v) {
  return list(v, [](const LStr& s) { return q(s.value); });
}

std::string citation(const Citation& c) {
  return fmt::format("{{\"law\": {}, \"articles\": {}, \"version\": {}, \"text\": {}}}",
                     q(c.law.value),
                     list(c.articles, [](const Loc<ArticleRef>& a) { return q(a.value.str()); }),
                     c.version ? q(c.version->value.str()) : "null", q_or_null(c.text));
}

std::string duration(const std::optional<Loc<Duration>>& d) {
  return d ? q(d->value.str()) : "null";
}

std::string disclose_json(const std::map<std::string, std::string>& d) {
  if (d.empty()) return "null";
  auto get = [&](const char* k) {
    auto it = d.find(k);
    return it == d.end() ? std::string() : it->second;
  };
  return fmt::format("{{\"scope\": {}, \"form\": {}, \"timing\": {}}}", q_or_null(get("scope")),
                     q_or_null(get("form")), q_or_null(get("timing")));
}

// Second-wave fields: 廉政风险点, 服务承诺, 工作纪律, 委托机关, 协助配合, 裁量基准.
std::string policy_json(const PowerItem& it) {
  return fmt::format(
      "     \"risks\": {}, \"commitment\": {}, \"discipline\": {}, \"entrusted_by\": {}, "
      "\"revised\": {},\n"
      "     \"cooperation\": {}, \"discretion\": {},\n",
      list(it.risks,
           [](const Risk& r) {
             return fmt::format("{{\"step\": {}, \"level\": {}, \"point\": {}, \"measures\": {}}}",
                                q_or_null(r.step.value), q(r.level.value), q_or_null(r.point),
                                q_or_null(r.measures));
           }),
      q_or_null(it.commitment.value), q_or_null(it.discipline.value),
      q_or_null(it.entrusted_by.value), it.revised ? q(it.revised->value.str()) : "null",
      list(it.cooperation,
           [](const Cooperation& c) {
             return fmt::format("{{\"department\": {}, \"duty\": {}}}", q(c.department.value),
                                q_or_null(c.duty));
           }),
      list(it.discretion, [](const DiscretionRow& r) {
        return fmt::format("{{\"circumstance\": {}, \"penalty\": {}, \"range\": {}}}",
                           q(r.circumstance), q_or_null(r.penalty.value), q_or_null(r.range.value));
      }));
}

std::string step(const FlowStep& s) {
  const char* kind = s.kind == StepKind::Start ? "start" : s.kind == StepKind::End ? "end" : "step";
  return fmt::format(
      "{{\"id\": {}, \"kind\": \"{}\", \"actor\": {}, \"limit\": {}, \"counted\": {}, "
      "\"duty\": {}, \"basis\": {}, \"rights\": {}, \"risk\": {}, \"disclose\": {}, \"next\": {}}}",
      q(s.id), kind, q_or_null(s.actor), s.limit ? q(s.limit->str()) : "null",
      s.excluded ? "false" : "true", q_or_null(s.duty), q_or_null(s.basis), strings(s.rights_at),
      s.risk_level.empty()
          ? std::string("null")
          : fmt::format("{{\"level\": {}, \"point\": {}}}", q(s.risk_level), q(s.risk_point)),
      disclose_json(s.disclose), list(s.next, [](const Branch& b) {
        return fmt::format("{{\"to\": {}, \"when\": {}, \"loop\": {}}}", q(b.to.value),
                           q_or_null(b.when), b.loop ? "true" : "false");
      }));
}

std::string item_json(const PublicItem& p) {
  const Department& d = *p.dept;
  const PowerItem& it = *p.item;
  const auto& ci = category_info(it.category.value);
  std::string fees = it.fees_none ? "\"无\"" : list(it.fees, [](const Fee& f) {
    return fmt::format("{{\"name\": {}, \"standard\": {}, \"basis\": {}}}", q(f.name.value),
                       q(f.standard), f.basis ? citation(*f.basis) : "null");
  });
  std::string disclosure = "null";
  if (it.disclosure)
    disclosure = fmt::format("{{\"forms\": {}, \"scope\": {}, \"timing\": {}}}",
                             lstrings(it.disclosure->forms), q(it.disclosure->scope.value),
                             q(it.disclosure->timing.value));
  std::string duties = "{";
  for (const auto& [k, v] : it.duties)
    duties += (duties.size() > 1 ? ", " : "") + q(k) + ": " + q(v);
  duties += "}";
  std::string service = "null";
  if (it.service) {
    const Service& s = *it.service;
    service = fmt::format(
        "{{\"channels\": {}, \"visits\": {}, \"location\": {}, \"hours\": {}, \"objects\": {}, "
        "\"special\": {}}}",
        strings(s.channels), s.visits ? std::to_string(*s.visits) : "null", q_or_null(s.location),
        q_or_null(s.hours), q_or_null(s.objects), strings(s.special));
  }
  return fmt::format(
      "    {{\"id\": {}, \"codes\": {{\"basic\": {}, \"implementation\": {}, \"handle_items\": "
      "{}}},\n"
      "     \"department\": {{\"id\": {}, \"name\": {}, \"credit_code\": {}}},\n"
      "     \"key\": {}, \"name\": {}, \"category\": {}, \"category_code\": {}, \"parent\": {}, "
      "\"initiation\": {}, \"conditions\": {}, \"handled_by\": {}, \"responsible\": {},\n"
      "     \"basis\": {},\n"
      "     \"limits\": {{\"statutory\": {}, \"promised\": {}, \"statutory_basis\": {}}}, "
      "\"fees\": {}, \"disclosure\": {}, \"rights\": {},\n"
      "     \"penalties\": {}, \"measures\": {}, \"duties\": {}, \"accountability\": {},\n"
      "     \"materials\": {}, \"service\": {},\n"
      "{}"
      "     \"procedure\": {{\"template\": {}, \"steps\": {}}}}}",
      q(item_id(d, it)), q_or_null(p.codes.basic), q_or_null(p.codes.implementation),
      list(p.codes.handle,
           [](const std::pair<std::string, std::string>& h) {
             return fmt::format("{{\"code\": {}, \"name\": {}}}", q(h.first), q(h.second));
           }),
      q(d.id.value), q(d.name.value), q(d.credit_code.value), q(it.key.value), q(it.name.value),
      q(ci.name), q(ci.code), q_or_null(p.parent ? p.parent->key.value : ""),
      q(it.initiation.value == Initiation::OnApplication ? "依申请" : "依职权"),
      q_or_null(it.conditions.value), q(it.handled_by.value), q_or_null(it.responsible.value),
      list(it.basis, citation), duration(it.limits.statutory), duration(it.limits.promised),
      it.limits.statutory_basis ? citation(*it.limits.statutory_basis) : "null", fees, disclosure,
      lstrings(it.rights),
      list(it.penalties,
           [](const PenaltyKind& k) {
             return fmt::format("{{\"kind\": {}, \"max\": {}}}", q(k.kind.value),
                                k.max ? std::to_string(*k.max) : "null");
           }),
      lstrings(it.measures), duties, strings(it.accountability),
      list(it.materials,
           [](const Material& m) {
             return fmt::format(
                 "{{\"name\": {}, \"source\": {}, \"copies\": {}, \"required\": {}, \"note\": {}}}",
                 q(m.name.value), q_or_null(m.source), m.copies, m.required ? "true" : "false",
                 q_or_null(m.note));
           }),
      service, policy_json(it), p.flow ? q_or_null(p.flow->template_name) : "null",
      p.flow ? list(p.flow->steps, step) : "[]");
}

}  // namespace

std::string render_catalog_json(const Catalog& c, const std::vector<PublicItem>& items) {
  const Project& p = c.project;
  std::string out = fmt::format(
      "{{\n  \"version\": 1,\n  \"title\": {},\n  \"region\": {{\"code\": {}, \"name\": {}}},\n"
      "  \"level\": {},\n  \"publisher\": {},\n  \"effective\": {},\n  \"items\": [",
      q(p.title.value), q(p.region_code.value), q(p.region_name.value), q(p.level.value),
      q(p.publisher.value), p.effective ? q(p.effective->value.str()) : "null");
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ",\n" : "\n") + item_json(items[i]);
  out += items.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace powerlist
