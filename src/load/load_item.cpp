#include <fmt/format.h>

#include <cctype>

#include "load_parts.hpp"
#include "powerlist/citation_text.hpp"
#include "powerlist/load.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

static bool valid_key(const std::string& k, size_t max_len) {
  if (k.empty() || k.size() > max_len) return false;
  for (char c : k)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

static void load_limits(Reader& r, PowerItem& item, const YAML::Node& n, Span where) {
  Fields f = r.fields(n, *item_table()->find("limits")->table(), where);
  if (!f.ok) return;
  item.has_limits = true;
  item.limits.span = f.span;
  item.limits.statutory_given = f.has("statutory");
  item.limits.promised_given = f.has("promised");
  if (auto d = r.duration(f, "statutory")) item.limits.statutory = *d;
  if (f.has("statutory_basis"))
    item.limits.statutory_basis = load_citation(r, f.get("statutory_basis"), f.span);
  if (auto d = r.duration(f, "promised")) item.limits.promised = *d;
  if (auto v = r.str(f, "statutory_note")) item.limits.statutory_note = v->value;
  if (auto v = r.str(f, "promised_note")) item.limits.promised_note = v->value;
}

static void load_fees(Reader& r, PowerItem& item, const YAML::Node& n) {
  if (n.IsScalar()) {
    if (n.Scalar() == "无" || n.Scalar() == "不收费") {
      item.fees_none = true;
      return;
    }
    r.report(rule::schema_type, r.span(n),
             {fmt::format("收费应为“无”或收费项目列表，实际为“{}”", n.Scalar()),
              fmt::format("fees must be 无 or a list of fees, found '{}'", n.Scalar())});
    return;
  }
  if (!r.is_seq(n, "fees")) return;
  for (const auto& e : n) {
    Fields f = r.fields(e, *item_table()->find("fees")->table(), r.span(e));
    if (!f.ok) continue;
    Fee fee;
    fee.span = f.span;
    if (auto v = r.str(f, "name")) fee.name = *v;
    if (auto v = r.str(f, "standard")) fee.standard = v->value;
    if (f.has("basis")) fee.basis = load_citation(r, f.get("basis"), f.span);
    item.fees.push_back(std::move(fee));
  }
}

static void load_penalties(Reader& r, PowerItem& item, const YAML::Node& n) {
  if (!r.is_seq(n, "penalties")) return;
  for (const auto& e : n) {
    if (e.IsScalar()) {
      if (auto v = r.enum_scalar(e, "penalties", penalty_values()))
        item.penalties.push_back({*v, std::nullopt});
      continue;
    }
    Fields f = r.fields(e, *item_table()->find("penalties")->table(), r.span(e));
    if (!f.ok) continue;
    auto kind = r.enum_value(f, "kind", penalty_values());
    if (!kind) continue;
    PenaltyKind p{*kind, std::nullopt};
    if (auto m = r.integer(f, "max")) p.max = m->value;
    item.penalties.push_back(std::move(p));
  }
}

template <class T, class Fn>
static void load_map_list(Reader& r, const Fields& f, std::string_view key, std::vector<T>& out,
                          Fn fn) {
  YAML::Node n = f.get(key);
  if (!n.IsDefined() || n.IsNull() || !r.is_seq(n, key)) return;
  const TableSpec* t = item_table()->find(key)->table();
  for (const auto& e : n) {
    Fields ef = r.fields(e, *t, r.span(e));
    if (ef.ok) out.push_back(fn(ef));
  }
}

static void load_guide_parts(Reader& r, PowerItem& item, const Fields& f) {
  load_map_list(r, f, "risks", item.risks, [&](const Fields& e) {
    Risk k;
    k.span = e.span;
    if (auto v = r.str(e, "step")) k.step = *v;
    if (auto v = r.enum_value(e, "level", {"A", "B", "C"})) k.level = *v;
    if (auto v = r.str(e, "point")) k.point = v->value;
    if (auto v = r.str(e, "measures")) k.measures = v->value;
    return k;
  });
  load_map_list(r, f, "handle_items", item.handle_items, [&](const Fields& e) {
    HandleItem h;
    if (auto v = r.str(e, "code")) {
      h.code = *v;
      if (!is_digits(v->value, 2))
        r.report(rule::schema_type, v->span,
                 {fmt::format("业务办理项编码“{}”应为两位数字（加引号，如 \"01\"）", v->value),
                  fmt::format("handle item code '{}' must be two digits (quoted, e.g. \"01\")",
                              v->value)});
    }
    if (auto v = r.str(e, "name")) h.name = *v;
    return h;
  });
  load_map_list(r, f, "materials", item.materials, [&](const Fields& e) {
    Material m;
    if (auto v = r.str(e, "name")) m.name = *v;
    if (auto v = r.str(e, "source")) m.source = v->value;
    if (auto v = r.integer(e, "copies")) m.copies = static_cast<int>(v->value);
    if (auto v = r.boolean(e, "required")) m.required = v->value;
    if (auto v = r.str(e, "note")) m.note = v->value;
    return m;
  });
  if (f.has("service")) {
    Fields s = r.fields(f.get("service"), *item_table()->find("service")->table(), f.span);
    if (s.ok) {
      Service sv;
      sv.span = s.span;
      for (auto& v : r.str_list(s, "channels")) sv.channels.push_back(v.value);
      for (auto& v : r.str_list(s, "special")) sv.special.push_back(v.value);
      if (auto v = r.integer(s, "visits")) sv.visits = static_cast<int>(v->value);
      if (auto v = r.str(s, "location")) sv.location = v->value;
      if (auto v = r.str(s, "hours")) sv.hours = v->value;
      if (auto v = r.str(s, "objects")) sv.objects = v->value;
      item.service = std::move(sv);
    }
  }
}

static void load_disclosure_parts(Reader& r, PowerItem& item, const Fields& f) {
  if (f.has("disclosure")) {
    Fields d = r.fields(f.get("disclosure"), *item_table()->find("disclosure")->table(), f.span);
    if (d.ok) {
      Disclosure dis;
      dis.span = d.span;
      dis.forms = r.str_list(d, "forms");
      const TableSpec* t = item_table()->find("disclosure")->table();
      if (auto v = r.enum_value(d, "scope", t->find("scope")->values))
        dis.scope = *v;
      else
        dis.scope_invalid = d.has("scope");
      if (auto v = r.enum_value(d, "timing", t->find("timing")->values))
        dis.timing = *v;
      else
        dis.timing_invalid = d.has("timing");
      item.disclosure = std::move(dis);
    }
  }
  if (auto p = r.boolean(f, "public")) item.is_public = *p;
  if (f.has("secrecy")) {
    Fields s = r.fields(f.get("secrecy"), *item_table()->find("secrecy")->table(), f.span);
    if (s.ok) {
      Secrecy sec;
      sec.span = s.span;
      if (auto v = r.str(s, "reason")) sec.reason = *v;
      if (s.has("basis")) sec.basis = load_citation(r, s.get("basis"), s.span);
      item.secrecy = std::move(sec);
    }
  }
  if (f.has("retired")) {
    Fields s = r.fields(f.get("retired"), *item_table()->find("retired")->table(), f.span);
    if (s.ok) {
      Retirement ret;
      ret.span = s.span;
      if (auto v = r.date(s, "date")) ret.date = *v;
      if (auto v = r.str(s, "reason")) ret.reason = *v;
      if (s.has("basis")) ret.basis = load_citation(r, s.get("basis"), s.span);
      item.retired = std::move(ret);
    }
  }
}

// The columns of a published 权责清单, the import source and the issue-12 elements.
static void load_list_columns(Reader& r, PowerItem& item, const Fields& f) {
  for (auto [key, field] : {std::pair{"seq", &item.seq},
                            {"level", &item.level},
                            {"authority", &item.authority},
                            {"dept_duty", &item.dept_duty},
                            {"duty_basis", &item.duty_basis},
                            {"accountable", &item.accountable},
                            {"note", &item.note},
                            {"commitment", &item.commitment},
                            {"discipline", &item.discipline},
                            {"entrusted_by", &item.entrusted_by}})
    if (auto v = r.str(f, key)) *field = *v;
  for (auto& [column, text] : r.str_map(f, "extra")) item.extra[column] = text.value;
  if (auto v = r.str(f, "basis_text")) {
    item.basis_text = v->value;
    report_basis_leftovers(r.sink(), v->span, r.item(), parse_basis_text(v->value));
  }
  if (f.has("source")) {
    Fields s = r.fields(f.get("source"), *item_table()->find("source")->table(), f.span);
    if (s.ok) {
      SourceRef src;
      src.span = s.span;
      if (auto v = r.str(s, "file")) src.file = v->value;
      if (auto v = r.str(s, "sheet")) src.sheet = v->value;
      if (auto v = r.integer(s, "row"); v && v->value > 0 && v->value < (1LL << 31))
        src.row = static_cast<uint32_t>(v->value);
      item.source = std::move(src);
    }
  }
  if (auto v = r.date(f, "revised")) item.revised = *v;
  load_map_list(r, f, "cooperation", item.cooperation, [&](const Fields& e) {
    Cooperation c;
    c.span = e.span;
    if (auto v = r.str(e, "department")) c.department = *v;
    if (auto v = r.str(e, "duty")) c.duty = v->value;
    return c;
  });
  load_map_list(r, f, "discretion", item.discretion, [&](const Fields& e) {
    DiscretionRow d;
    d.span = e.span;
    if (auto v = r.str(e, "circumstance")) d.circumstance = v->value;
    if (auto v = r.enum_value(e, "penalty", penalty_values())) d.penalty = *v;
    if (auto v = r.str(e, "range")) d.range = *v;
    return d;
  });
}

std::optional<PowerItem> load_item(Reader& r, const YAML::Node& n, const std::string& dept_id) {
  PowerItem item;
  item.span = r.span(n);
  // The item id is known only after `key` is read; findings before that carry none.
  r.set_item("");
  if (n.IsMap()) {
    YAML::Node k = n["key"].IsDefined() ? n["key"] : n["标识"];
    if (k.IsDefined() && k.IsScalar()) r.set_item(dept_id + "/" + k.Scalar());
  }
  Fields f = r.fields(n, *item_table(), item.span);
  if (!f.ok) return std::nullopt;
  if (auto v = r.str(f, "key")) {
    item.key = *v;
    if (!valid_key(v->value, 48))
      r.report(
          rule::schema_type, v->span,
          {fmt::format("事项标识“{}”只能由小写字母、数字和连字符组成（1–48 个字符）", v->value),
           fmt::format("item key '{}' must match [a-z0-9-]{{1,48}}", v->value)});
  }
  if (auto v = r.str(f, "name")) item.name = *v;
  if (auto v = r.str(f, "category")) {
    bool legacy = false;
    auto c = parse_category(v->value, &legacy);
    if (!c) {
      std::vector<std::string> names;
      for (const auto& ci : categories()) names.emplace_back(ci.name);
      std::string hint = closest_match(v->value, names);
      Message m{
          fmt::format("无效的权力类别“{}”，可选：行政许可、行政处罚、行政强制、行政征收、行政给付、"
                      "行政检查、行政确认、行政奖励、行政裁决、其他行政权力、内部管理、公共服务（或"
                      "其代码）",
                      v->value),
          fmt::format("invalid category '{}'; use a name, two-digit code or letter code of "
                      "GB/T 39046 A.1",
                      v->value)};
      if (!hint.empty()) {
        m.zh += fmt::format("；是否应为“{}”？", hint);
        m.en += fmt::format("; did you mean '{}'?", hint);
      }
      r.report(rule::schema_enum, v->span, std::move(m));
    } else {
      item.category = {*c, v->span};
      item.legacy_category = legacy;
      if (legacy)
        r.report(rule::schema_legacy_category, v->span,
                 {fmt::format("旧类别“{}”按“{}”处理", v->value, category_info(*c).name),
                  fmt::format("legacy category '{}' treated as '{}'", v->value,
                              category_info(*c).name)});
    }
  }
  if (auto v = r.str(f, "parent")) item.parent = *v;
  item.has_basis_key = f.has("basis") && !f.get("basis").IsNull();
  item.basis = load_citations(r, f, "basis");
  if (auto v = r.enum_value(f, "initiation", {"依申请", "依职权"}))
    item.initiation = {v->value == "依申请" ? Initiation::OnApplication : Initiation::ExOfficio,
                       v->span};
  if (auto v = r.str(f, "conditions")) item.conditions = *v;
  if (auto v = r.str(f, "handled_by")) item.handled_by = *v;
  if (auto v = r.str(f, "responsible")) item.responsible = *v;
  if (f.has("limits")) load_limits(r, item, f.get("limits"), f.span);
  if (f.has("fees")) load_fees(r, item, f.get("fees"));
  load_disclosure_parts(r, item, f);
  item.rights = r.enum_list(f, "rights", rights_values());
  if (f.has("penalties")) load_penalties(r, item, f.get("penalties"));
  item.measures = r.enum_list(f, "measures", measure_values());
  for (auto& [stage, text] : r.str_map(f, "duties")) item.duties[stage] = text.value;
  for (auto& v : r.str_list(f, "accountability")) item.accountability.push_back(v.value);
  if (f.has("procedure")) item.procedure = load_procedure(r, f.get("procedure"), f.span);
  if (auto v = r.str(f, "baseline")) {
    item.baseline = *v;
    if (!is_digits(v->value, 12))
      r.report(rule::schema_type, v->span,
               {fmt::format("基本编码“{}”应为 12 位数字（加引号）", v->value),
                fmt::format("baseline code '{}' must be 12 digits (quoted)", v->value)});
  }
  load_guide_parts(r, item, f);
  load_list_columns(r, item, f);
  if (item.initiation.value == Initiation::OnApplication && !f.has("conditions") && !item.retired &&
      r.profile() == Profile::PowerCatalog)
    r.report(rule::schema_required, item.initiation.span,
             {"依申请事项须填写 conditions（行使条件）", "an 依申请 item needs conditions"});
  return item;
}

}  // namespace powerlist
