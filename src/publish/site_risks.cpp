// site/risks.html: the 风险防控 overview page (templates/html/risks.tpl).
#include <ctemplate/template.h>

#include "powerlist/publish.hpp"
#include "powerlist/risk_overview.hpp"

namespace powerlist {

namespace {

using Dict = ctemplate::TemplateDictionary;

void set_levels(Dict* d, const LevelCounts& c) {
  d->SetIntValue("A", static_cast<long>(c[0]));
  d->SetIntValue("B", static_cast<long>(c[1]));
  d->SetIntValue("C", static_cast<long>(c[2]));
}

void add_counts(Dict* d, const char* section, const std::map<std::string, LevelCounts>& counts,
                bool by_stage) {
  std::vector<std::pair<std::string, LevelCounts>> rows(counts.begin(), counts.end());
  if (by_stage)
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return procedure_stage_rank(a.first) < procedure_stage_rank(b.first);
    });
  for (const auto& [key, c] : rows) {
    Dict* r = d->AddSectionDictionary(section);
    r->SetValue("KEY", key);
    set_levels(r, c);
  }
}

// 0 for none, then four shades relative to the largest cell.
int heat(size_t count, size_t max) {
  if (count == 0 || max == 0) return 0;
  return 1 + static_cast<int>((count - 1) * 4 / max);
}

}  // namespace

std::string render_risk_page(const Catalog& c, const RiskOverview& o,
                             const std::string& template_dir, std::string* error) {
  Dict dict("risks");
  dict.SetValue("TITLE", c.project.title.value.empty() ? "行政职权目录" : c.project.title.value);
  dict.SetValue("PUBLISHER", c.project.publisher.value);
  dict.SetValue("FOOTER", site_footer(c));
  dict.SetIntValue("POINTS", static_cast<long>(o.entries.size()));
  set_levels(&dict, o.total);
  size_t items = 0, with = 0, max = 0;
  for (const auto& row : o.a_grid)
    for (size_t v : row) max = std::max(max, v);
  for (size_t i = 0; i < o.depts.size(); ++i) {
    const DeptRisks& d = o.depts[i];
    items += d.items;
    with += d.items_with_risks;
    Dict* s = dict.AddSectionDictionary("DEPT");
    s->SetIntValue("N", static_cast<long>(i + 1));
    s->SetValue("NAME", d.dept);
    s->SetIntValue("ITEMS", static_cast<long>(d.items));
    s->SetIntValue("WITH", static_cast<long>(d.items_with_risks));
    set_levels(s, d.levels);
    add_counts(s, "BY_STEP", d.by_step, true);
    add_counts(s, "BY_POST", d.by_post, false);
    Dict* list = nullptr;
    for (const RiskEntry& e : o.entries) {
      if (e.dept != d.dept) continue;
      if (!list) list = s->AddSectionDictionary("LIST");
      Dict* r = list->AddSectionDictionary("ENTRY");
      r->SetValue("LEVEL", e.level);
      r->SetValue("LEVEL_CLASS", e.level == "A" ? "a" : e.level == "B" ? "b" : "c");
      r->SetValue("ITEM", e.item);
      if (e.stem.empty()) {
        r->ShowSection("NOLINK");
      } else {
        r->AddSectionDictionary("LINK")->SetValue("PAGE", e.stem + ".html");
      }
      r->SetValue("STEP", e.step);
      r->SetValue("POST", e.post);
      r->SetValue("POINT", e.point.empty() ? "—" : e.point);
      r->SetValue("MEASURES", e.measures.empty() ? "（未填写）" : e.measures);
    }
  }
  dict.SetIntValue("ITEMS", static_cast<long>(items));
  dict.SetIntValue("WITH", static_cast<long>(with));
  if (max > 0) {
    Dict* g = dict.AddSectionDictionary("GRID");
    for (const auto& s : o.steps) g->AddSectionDictionary("COL")->SetValue("STEP", s);
    for (size_t i = 0; i < o.depts.size(); ++i) {
      Dict* r = g->AddSectionDictionary("ROW");
      r->SetValue("NAME", o.depts[i].dept);
      for (size_t v : o.a_grid[i]) {
        Dict* cell = r->AddSectionDictionary("CELL");
        cell->SetIntValue("COUNT", static_cast<long>(v));
        cell->SetIntValue("HEAT", heat(v, max));
      }
    }
  }
  std::string out;
  if (!ctemplate::ExpandTemplate(template_dir + "/risks.tpl", ctemplate::DO_NOT_STRIP, &dict,
                                 &out)) {
    if (error) *error = "网页模板有错误 / template error: " + template_dir + "/risks.tpl";
    return "";
  }
  return out;
}

}  // namespace powerlist
