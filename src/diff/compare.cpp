// Item-by-item comparison of two catalogs. Items are matched by "department-id/key" (the
// identity the lock uses), so renaming an item is a change, not a removal.
#include <fmt/format.h>

#include <map>
#include <set>

#include "powerlist/codes.hpp"
#include "powerlist/diff.hpp"
#include "powerlist/flow.hpp"
#include "powerlist/session.hpp"

namespace powerlist {

namespace {

struct Ref {
  const Department* d;
  const PowerItem* it;
  const ResolvedItem* resolved;  // null for a retired item: the session resolves active ones
};

std::map<std::string, Ref> index(Session& s) {
  std::map<const PowerItem*, const ResolvedItem*> resolved;
  for (const auto& r : s.items()) resolved[r.item] = &r;
  std::map<std::string, Ref> out;
  for (const auto& d : s.catalog().departments)
    for (const auto& it : d.powers)
      if (!it.key.value.empty()) {
        auto found = resolved.find(&it);
        out.emplace(item_id(d, it),
                    Ref{&d, &it, found == resolved.end() ? nullptr : found->second});
      }
  return out;
}

std::string implementation_code(const Catalog& c, const Ref& r) {
  return r.resolved ? r.resolved->codes.implementation : item_codes(c, *r.d, *r.it).implementation;
}

// With the version, since a new version of the same article is a change of basis.
std::string citation(const Citation& c) {
  return citation_text(c) + (c.version ? "（" + c.version->value.str() + "）" : "");
}

struct Field {
  std::string id;
  Message label;
  std::string value;
  bool limit = false;
  std::string time;  // for limit fields: what a limit change compares (a step's limit only)
};

// Every compared field of an item as text, in display order.
std::vector<Field> snapshot(const Catalog& c, const Ref& r, const TemplateLibrary& templates) {
  const PowerItem& it = *r.it;
  std::vector<Field> f;
  auto add = [&](std::string id, const char* zh, const char* en, std::string v, bool lim = false) {
    f.push_back({std::move(id), {zh, en}, v, lim, lim ? v : ""});
  };
  add("name", "名称", "name", it.name.value);
  add("category", "权力类别", "category",
      it.category.span.valid() ? category_info(it.category.value).name : "");
  add("code", "实施编码", "implementation code", implementation_code(c, r));
  add("baseline", "基本目录编码", "baseline code", it.baseline.value);
  add("parent", "主项", "parent item", it.parent.value);
  add("initiation", "行使方式", "initiation",
      it.initiation.value == Initiation::OnApplication ? "依申请"
      : it.initiation.value == Initiation::ExOfficio   ? "依职权"
                                                       : "");
  add("conditions", "行使条件", "conditions", it.conditions.value);
  add("handled_by", "承办机构", "handling unit", it.handled_by.value);
  add("responsible", "负责人", "responsible post", it.responsible.value);
  std::string basis;
  for (const auto& b : it.basis) basis += (basis.empty() ? "" : "；") + citation(b);
  add("basis", "实施依据", "legal basis", basis);
  add("limits.statutory", "法定时限", "statutory limit",
      it.limits.statutory ? it.limits.statutory->value.str() : "", true);
  add("limits.promised", "承诺时限", "promised limit",
      it.limits.promised ? it.limits.promised->value.str() : "", true);
  add("limits.statutory_basis", "法定时限依据", "statutory limit basis",
      it.limits.statutory_basis ? citation(*it.limits.statutory_basis) : "");
  std::string fees = it.fees_none ? "无" : "";
  for (const auto& fee : it.fees)
    fees += (fees.empty() ? "" : "；") + fee.name.value + " " + fee.standard +
            (fee.basis ? " " + citation(*fee.basis) : "");
  add("fees", "收费", "fees", fees);
  add("public", "是否公开", "public", it.is_public.value ? "公开" : "不公开");
  if (it.disclosure)
    add("disclosure", "公开形式/范围/时间", "disclosure",
        join_values(it.disclosure->forms) + "；" + it.disclosure->scope.value + "；" +
            it.disclosure->timing.value);
  add("rights", "相对人权利", "rights", join_values(it.rights));
  std::string pen;
  for (const auto& p : it.penalties)
    pen +=
        (pen.empty() ? "" : "、") + p.kind.value + (p.max ? fmt::format("（≤{}元）", *p.max) : "");
  add("penalties", "处罚种类", "penalty kinds", pen);
  add("measures", "强制措施", "coercive measures", join_values(it.measures));
  if (it.procedure) {
    std::optional<Flow> retired_flow;
    if (!r.resolved) {
      // A retired item (compared when it comes back): its procedure is checked by no rule,
      // so what resolving it finds is nobody's finding.
      DiagSink not_checked;
      retired_flow = resolve_flow(it, templates, not_checked, "");
    }
    const std::optional<Flow>& flow = r.resolved ? r.resolved->flow : retired_flow;
    add("procedure.template", "流程模板", "procedure template", it.procedure->template_name.value);
    if (flow)
      for (const auto& s : flow->steps) {
        if (s.kind != StepKind::Step) continue;
        std::string next;
        for (const auto& b : s.next) next += (next.empty() ? "" : "、") + b.to.value;
        const std::string time =
            (s.limit ? s.limit->str() : "—") + (s.excluded ? "（不计入时限）" : "");
        f.push_back({"step:" + s.id,
                     {"流程环节「" + s.id + "」", "step '" + s.id + "'"},
                     fmt::format("承办 {}；时限 {}；下一环节 {}", s.actor.empty() ? "—" : s.actor,
                                 time, next.empty() ? "—" : next),
                     true,
                     time});
      }
  }
  return f;
}

ItemChange header(const Catalog& c, const Ref& r) {
  ItemChange ch;
  ch.id = item_id(*r.d, *r.it);
  ch.name = r.it->name.value;
  ch.category = r.it->category.span.valid() ? category_info(r.it->category.value).name : "";
  ch.code = implementation_code(c, r);
  ch.non_public = !r.it->listed_publicly();
  return ch;
}

// Field changes; a limit field counts as a limit change only when its time changed (a
// step whose actor changed is a change, not a limit change).
std::vector<FieldChange> compare(const std::vector<Field>& a, const std::vector<Field>& b) {
  std::vector<FieldChange> out;
  std::map<std::string, const Field*> in_a, in_b;
  for (const auto& f : a) in_a[f.id] = &f;
  for (const auto& f : b) in_b[f.id] = &f;
  std::vector<const Field*> order;  // new order, then fields only in the old version
  for (const auto& f : b) order.push_back(&f);
  for (const auto& f : a)
    if (!in_b.count(f.id)) order.push_back(&f);
  for (const Field* f : order) {
    const Field* fa = in_a.count(f->id) ? in_a[f->id] : nullptr;
    const Field* fb = in_b.count(f->id) ? in_b[f->id] : nullptr;
    const std::string ov = fa ? fa->value : "", nv = fb ? fb->value : "";
    if (ov == nv) continue;
    const bool limit = f->limit && (fa ? fa->time : "") != (fb ? fb->time : "");
    out.push_back({f->id, f->label, ov, nv, limit});
  }
  return out;
}

}  // namespace

CatalogDiff diff_catalogs(Session& old_session, Session& new_session) {
  const Catalog& oc = old_session.catalog();
  const Catalog& nc = new_session.catalog();
  CatalogDiff d;
  d.old_title = oc.project.title.value;
  d.new_title = nc.project.title.value;
  const auto olds = index(old_session), news = index(new_session);
  for (const auto& [id, n] : news) {
    auto o = olds.find(id);
    const bool was_active = o != olds.end() && o->second.it->active();
    if (!n.it->active()) {
      if (o == olds.end() || was_active) {
        ItemChange ch = header(nc, n);
        const Retirement& r = *n.it->retired;
        ch.date = r.date ? r.date->value.str() : "";
        ch.reason = r.reason.value;
        d.retired.push_back(std::move(ch));
      }
      continue;
    }
    if (o == olds.end()) {
      d.added.push_back(header(nc, n));
      continue;
    }
    ItemChange ch = header(nc, n);
    ch.changes = compare(snapshot(oc, o->second, old_session.templates()),
                         snapshot(nc, n, new_session.templates()));
    if (!was_active)
      ch.changes.insert(ch.changes.begin(),
                        {"status", {"状态", "status"}, "已取消", "有效", false});
    if (ch.changes.empty()) continue;
    for (const auto& f : ch.changes)
      if (f.limit) {
        ++d.limit_changes;
        break;
      }
    d.changed.push_back(std::move(ch));
  }
  for (const auto& [id, o] : olds) {
    if (news.count(id) || !o.it->active()) continue;
    // Gone from the sources: a retirement only if the new lock records one.
    auto e = nc.lock.entries.find(id);
    ItemChange ch = header(oc, o);
    if (e != nc.lock.entries.end() && !e->second.active) {
      ch.date = e->second.retired ? e->second.retired->str() : "";
      ch.reason = e->second.reason;
      d.retired.push_back(std::move(ch));
    } else {
      d.removed_silently.push_back(std::move(ch));
    }
  }
  return d;
}

}  // namespace powerlist
