// site/: the public catalog as static HTML, from the ctemplate files in templates/html.
// Every template starts with {{%AUTOESCAPE context="HTML"}}, so each value from YAML is
// escaped for where it lands (text, attribute, URL); only the Graphviz SVG is inserted raw.
#include <ctemplate/template.h>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "powerlist/publish.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

// One spelling for "no limit" in everything published: "无" whether the catalog says 无 or
// leaves the limit out (catalog.pdf uses the same).
std::string limit_text(const std::optional<Loc<Duration>>& d) {
  return d ? d->value.str() : "无";
}

std::string site_footer(const Catalog& c) {
  if (!c.project.footer.empty()) return c.project.footer;
  const std::string& by = c.project.publisher.value;
  return (by.empty() ? std::string() : by + "发布。") + "未列入目录的权力不得行使。";
}

namespace {

using Dict = ctemplate::TemplateDictionary;

std::string articles_text(const Citation& c) {
  std::string out;
  for (const auto& a : c.articles) out += (out.empty() ? "" : "、") + a.value.str();
  return out;
}

std::string or_dash(const std::string& s) {
  return s.empty() ? "—" : s;
}

// The SVG document without its XML prolog and DOCTYPE, for inlining.
std::string inline_svg(const std::string& svg) {
  const size_t start = svg.find("<svg");
  return start == std::string::npos ? std::string() : svg.substr(start);
}

std::string read_text(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  *ok = static_cast<bool>(in);
  return ss.str();
}

void fill_index(Dict& dict, const Catalog& c, const std::vector<PublicItem>& items) {
  const Project& proj = c.project;
  dict.SetValue("TITLE", proj.title.value.empty() ? "行政职权目录" : proj.title.value);
  dict.SetValue("PUBLISHER", or_dash(proj.publisher.value));
  dict.SetValue("EFFECTIVE", proj.effective ? proj.effective->value.str() : "—");
  dict.SetValue("REGION", or_dash(proj.region_name.value));
  dict.SetValue("FOOTER", site_footer(c));
  dict.SetIntValue("TOTAL", static_cast<long>(items.size()));
  std::map<std::string, int> per_dept;
  std::map<int, int> per_cat;
  for (const auto& it : items) {
    per_dept[it.dept->id.value]++;
    per_cat[static_cast<int>(it.item->category.value)]++;
  }
  for (const auto& d : c.departments)
    if (per_dept.count(d.id.value)) {
      Dict* s = dict.AddSectionDictionary("DEPT");
      s->SetValue("ID", d.id.value);
      s->SetValue("NAME", d.name.value);
      s->SetIntValue("COUNT", per_dept[d.id.value]);
      per_dept.erase(d.id.value);  // a department split over files is listed once
    }
  for (const auto& [cat, n] : per_cat) {
    Dict* s = dict.AddSectionDictionary("CAT");
    const auto& ci = category_info(static_cast<Category>(cat));
    s->SetValue("CODE", ci.code);
    s->SetValue("NAME", ci.name);
    s->SetIntValue("COUNT", n);
    // The bar of the small 分类统计 chart: its share of the largest category.
    int most = 1;
    for (const auto& kv : per_cat) most = std::max(most, kv.second);
    s->SetIntValue("PCT", n * 100 / most);
  }
  size_t points = 0;
  for (const auto& p : items) points += p.item->risks.size();
  dict.SetIntValue("RISK_POINTS", static_cast<long>(points));
  int n = 0;
  for (const auto& p : items) {
    const PowerItem& it = *p.item;
    const auto& ci = category_info(it.category.value);
    Dict* s = dict.AddSectionDictionary("ITEM");
    s->SetIntValue("N", ++n);
    s->SetValue("DEPT_ID", p.dept->id.value);
    s->SetValue("DEPT_NAME", p.dept->name.value);
    s->SetValue("CAT_CODE", ci.code);
    s->SetValue("CATEGORY", ci.name);
    s->SetValue("CODE", or_dash(p.codes.implementation));
    s->SetValue("NAME", it.name.value);
    if (it.disclosure && !it.disclosure->scope.value.empty() &&
        it.disclosure->scope.value != "社会公开")
      s->AddSectionDictionary("SCOPE")->SetValue("SCOPE", it.disclosure->scope.value);
    s->SetValue("PAGE", p.stem + ".html");
    s->SetValue("HANDLED_BY", or_dash(it.handled_by.value));
    s->SetValue("STATUTORY", limit_text(it.limits.statutory));
    s->SetValue("PROMISED", limit_text(it.limits.promised));
    std::string search = it.name.value + " " + p.codes.implementation + " " + p.codes.basic + " " +
                         p.dept->name.value + " " + it.handled_by.value;
    for (const auto& b : it.basis) search += " " + citation_text(b) + " " + b.text;
    s->SetValue("SEARCH", search);
  }
}

// 责任事项 in the order a procedure runs, not the byte order of the YAML map.
std::vector<std::pair<std::string, std::string>> duties_in_order(
    const std::map<std::string, std::string>& duties) {
  static const char* stages[] = {"受理", "立案", "调查", "检查", "审查",     "告知",
                                 "听证", "决定", "送达", "执行", "事后监管", "其他"};
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* s : stages)
    if (auto it = duties.find(s); it != duties.end()) out.emplace_back(*it);
  for (const auto& kv : duties)
    if (std::find_if(out.begin(), out.end(), [&](const auto& o) { return o.first == kv.first; }) ==
        out.end())
      out.push_back(kv);
  return out;
}

// 公开 of one step: "受理通知书（相对人，受理时）".
std::string step_disclosure_text(const FlowStep& s) {
  auto get = [&](const char* k) {
    auto it = s.disclose.find(k);
    return it == s.disclose.end() ? std::string() : it->second;
  };
  std::string how;
  for (const char* k : {"scope", "timing"})
    if (!get(k).empty()) how += (how.empty() ? "" : "，") + get(k);
  std::string out = get("form");
  if (!how.empty()) out += (out.empty() ? "" : "") + ("（" + how + "）");
  return out;
}

// 廉政风险防控, 服务承诺, 工作纪律, 协助配合, 裁量基准: the policy elements of the item page.
void fill_item_policy(Dict& dict, const PowerItem& it) {
  if (!it.risks.empty()) {
    Dict* s = dict.AddSectionDictionary("RISKS");
    for (const auto& r : it.risks) {
      Dict* row = s->AddSectionDictionary("RISK");
      row->SetValue("LEVEL", r.level.value);
      row->SetValue("LEVEL_CLASS", r.level.value == "A" ? "a" : r.level.value == "B" ? "b" : "c");
      row->SetValue("STEP", or_dash(r.step.value));
      row->SetValue("POINT", or_dash(r.point));
      row->SetValue("MEASURES", or_dash(r.measures));
    }
  }
  if (!it.commitment.value.empty() || !it.discipline.value.empty()) {
    Dict* s = dict.AddSectionDictionary("PLEDGE");
    if (!it.commitment.value.empty())
      s->AddSectionDictionary("COMMITMENT")->SetValue("TEXT", it.commitment.value);
    if (!it.discipline.value.empty())
      s->AddSectionDictionary("DISCIPLINE")->SetValue("TEXT", it.discipline.value);
  }
  if (!it.cooperation.empty()) {
    Dict* s = dict.AddSectionDictionary("COOPERATION");
    for (const auto& co : it.cooperation) {
      Dict* row = s->AddSectionDictionary("COOP");
      row->SetValue("DEPT", or_dash(co.department.value));
      row->SetValue("DUTY", or_dash(co.duty));
    }
  }
  if (!it.discretion.empty()) {
    Dict* s = dict.AddSectionDictionary("DISCRETION");
    for (const auto& dr : it.discretion) {
      Dict* row = s->AddSectionDictionary("ROW");
      row->SetValue("CIRCUMSTANCE", or_dash(dr.circumstance));
      row->SetValue("PENALTY", or_dash(dr.penalty.value));
      row->SetValue("RANGE", or_dash(dr.range.value));
    }
  }
}

void fill_item(Dict& dict, const Catalog& c, const PublicItem& p, const std::string& svg) {
  const PowerItem& it = *p.item;
  const Department& d = *p.dept;
  const auto& ci = category_info(it.category.value);
  dict.SetValue("CATALOG_TITLE",
                c.project.title.value.empty() ? "行政职权目录" : c.project.title.value);
  dict.SetValue("PUBLISHER", c.project.publisher.value);
  dict.SetValue("FOOTER", site_footer(c));
  dict.SetValue("NAME", it.name.value);
  dict.SetValue("CATEGORY", ci.name);
  dict.SetValue("CAT_CODE", ci.code);
  dict.SetValue("CODE", or_dash(p.codes.implementation));
  dict.SetValue("BASIC", or_dash(p.codes.basic));
  for (const auto& [code, name] : p.codes.handle) {
    Dict* h = dict.AddSectionDictionary("HANDLE");
    h->SetValue("HNAME", name);
    h->SetValue("HCODE", code);
  }
  if (p.parent) dict.AddSectionDictionary("PARENT")->SetValue("PARENT_NAME", p.parent->name.value);
  dict.SetValue("DEPT_NAME", d.name.value);
  dict.SetValue("NATURE", d.nature.value.empty() ? "法定机关" : d.nature.value);
  dict.SetValue("HANDLED_BY", or_dash(it.handled_by.value));
  if (!it.entrusted_by.value.empty())
    dict.AddSectionDictionary("ENTRUSTED")->SetValue("ENTRUSTED_BY", it.entrusted_by.value);
  if (!it.responsible.value.empty())
    dict.AddSectionDictionary("RESPONSIBLE")->SetValue("RESPONSIBLE", it.responsible.value);
  dict.SetValue("INITIATION",
                it.initiation.value == Initiation::OnApplication ? "依申请" : "依职权");
  if (!it.conditions.value.empty())
    dict.AddSectionDictionary("CONDITIONS")->SetValue("CONDITIONS", it.conditions.value);
  dict.SetValue("STATUTORY", limit_text(it.limits.statutory));
  if (it.limits.statutory_basis)
    dict.AddSectionDictionary("STATUTORY_BASIS")
        ->SetValue("TEXT", citation_text(*it.limits.statutory_basis));
  dict.SetValue("PROMISED", limit_text(it.limits.promised));
  if (it.fees_none || it.fees.empty()) dict.ShowSection("NO_FEES");
  for (const auto& f : it.fees) {
    Dict* s = dict.AddSectionDictionary("FEE");
    s->SetValue("FNAME", f.name.value);
    s->SetValue("STANDARD", f.standard);
    if (f.basis) s->AddSectionDictionary("FBASIS")->SetValue("TEXT", citation_text(*f.basis));
  }
  if (!it.penalties.empty()) {
    std::vector<std::string> kinds;
    for (const auto& k : it.penalties)
      kinds.push_back(k.max ? fmt::format("{}（最高 {} 元）", k.kind.value, *k.max) : k.kind.value);
    dict.AddSectionDictionary("PENALTY")->SetValue("KINDS", join(kinds, "、"));
  }
  if (!it.measures.empty())
    dict.AddSectionDictionary("MEASURE")->SetValue("MEASURES", join_values(it.measures));
  dict.SetValue("FORMS", it.disclosure ? or_dash(join_values(it.disclosure->forms)) : "—");
  dict.SetValue("SCOPE", it.disclosure ? or_dash(it.disclosure->scope.value) : "—");
  dict.SetValue("TIMING", it.disclosure ? or_dash(it.disclosure->timing.value) : "—");
  for (const auto& b : it.basis) {
    Dict* s = dict.AddSectionDictionary("BASIS");
    s->SetValue("LAW", b.law.value);
    s->SetValue("ARTICLES", articles_text(b));
    if (b.version) s->AddSectionDictionary("VERSION")->SetValue("VERSION", b.version->value.str());
    if (!b.text.empty()) s->AddSectionDictionary("QUOTE")->SetValue("QUOTE", b.text);
  }
  dict.SetValue("RIGHTS", or_dash(join_values(it.rights)));
  dict.SetValue("CONSULT", d.contacts ? or_dash(d.contacts->consult) : "—");
  dict.SetValue("SUPERVISE", d.contacts ? or_dash(d.contacts->supervise) : "—");
  if (d.contacts && d.contacts->supervision) {
    const Supervision& s = *d.contacts->supervision;
    std::string text = s.internal.empty() ? "" : "内部：" + s.internal;
    if (!s.external.empty())
      text += (text.empty() ? "" : "；") + ("外部：" + join(s.external, "、"));
    dict.AddSectionDictionary("SUPERVISION")->SetValue("SUPERVISION", text);
  }
  dict.SetValue("COMPLAINT", or_dash(chart_info(d, it, "").complaint));  // as on the chart
  if (!it.duties.empty() || !it.accountability.empty()) {
    Dict* s = dict.AddSectionDictionary("DUTIES");
    for (const auto& [stage, text] : duties_in_order(it.duties)) {
      Dict* r = s->AddSectionDictionary("DUTY");
      r->SetValue("STAGE", stage);
      r->SetValue("TEXT", text);
    }
    if (!it.accountability.empty()) {
      Dict* a = s->AddSectionDictionary("ACCOUNT");
      for (const auto& t : it.accountability) a->AddSectionDictionary("CASE")->SetValue("TEXT", t);
    }
  }
  fill_item_policy(dict, it);
  if (!it.materials.empty() || it.service) {
    Dict* g = dict.AddSectionDictionary("GUIDE");
    if (!it.materials.empty()) {
      Dict* m = g->AddSectionDictionary("MATERIALS");
      int n = 0;
      for (const auto& mat : it.materials) {
        Dict* r = m->AddSectionDictionary("MATERIAL");
        r->SetIntValue("N", ++n);
        r->SetValue("MNAME", mat.name.value);
        r->SetValue("SOURCE", or_dash(mat.source));
        r->SetValue("COPIES", mat.copies > 0 ? std::to_string(mat.copies) : "—");
        r->SetValue("REQUIRED", mat.required ? "必要" : "非必要（容缺）");
        r->SetValue("NOTE", or_dash(mat.note));
      }
    }
    if (it.service) {
      const Service& s = *it.service;
      Dict* v = g->AddSectionDictionary("SERVICE");
      v->SetValue("CHANNELS", or_dash(join(s.channels, "、")));
      v->SetValue("VISITS", s.visits ? fmt::format("{} 次", *s.visits) : "—");
      v->SetValue("LOCATION", or_dash(s.location));
      v->SetValue("HOURS", or_dash(s.hours));
      v->SetValue("OBJECTS", or_dash(s.objects));
      v->SetValue("SPECIAL", or_dash(join(s.special, "、")));
    }
  }
  if (!svg.empty()) {
    Dict* ch = dict.AddSectionDictionary("CHART");
    ch->SetValue("SVG", inline_svg(svg));
    ch->SetValue("NAME", it.name.value);
    ch->SetValue("STEM", p.stem);
    if (p.flow) {
      Dict* st = ch->AddSectionDictionary("STEPS");
      for (const auto& s : p.flow->steps) {
        if (s.kind != StepKind::Step) continue;
        Dict* r = st->AddSectionDictionary("STEP");
        r->SetValue("SID", s.id);
        r->SetValue("ACTOR", or_dash(s.actor));
        r->SetValue("LIMIT", s.limit ? s.limit->str() + (s.excluded ? "（不计入时限）" : "") : "—");
        r->SetValue("DUTY", or_dash(s.duty));
        r->SetValue("DISCLOSE", or_dash(step_disclosure_text(s)));
      }
    }
  } else {
    dict.ShowSection("NO_CHART");
  }
}

bool expand(const std::string& path, Dict& dict, std::string* out) {
  return ctemplate::ExpandTemplate(path, ctemplate::DO_NOT_STRIP, &dict, out);
}

}  // namespace

Message render_item_page(const Catalog& catalog, const PublicItem& item,
                         const std::string& template_dir, const std::string& svg,
                         const SiteWriter& write) {
  Dict dict("item");
  fill_item(dict, catalog, item, svg);
  std::string page;
  if (!expand(template_dir + "/item.tpl", dict, &page)) {
    const std::string e = "网页模板有错误 / template error: " + template_dir + "/item.tpl";
    return {e, e};
  }
  return write(item.stem + ".html", page);
}

Message render_site(const Catalog& catalog, const std::vector<PublicItem>& items,
                    const std::string& template_dir, const SiteWriter& write,
                    const std::function<bool(const PublicItem&)>& page_written) {
  for (const char* asset : {"style.css", "app.js"}) {
    bool ok = false;
    std::string text = read_text(template_dir + "/" + asset, &ok);
    if (!ok) {
      const std::string e = "无法读取网页模板 / cannot read " + template_dir + "/" + asset;
      return {e, e};
    }
    if (Message err = write(asset, text); !err.zh.empty()) return err;
  }
  Dict index("index");
  fill_index(index, catalog, items);
  std::string html;
  if (!expand(template_dir + "/index.tpl", index, &html)) {
    const std::string e = "网页模板有错误 / template error: " + template_dir + "/index.tpl";
    return {e, e};
  }
  if (Message err = write("index.html", html); !err.zh.empty()) return err;
  for (const auto& p : items) {
    if (page_written && page_written(p)) continue;
    if (Message err = render_item_page(catalog, p, template_dir, "", write); !err.zh.empty())
      return err;
  }
  return {};
}

}  // namespace powerlist
