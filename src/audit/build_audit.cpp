// Gathers the audit report's figures from the catalog, its findings and the law registry.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "powerlist/audit.hpp"
#include "powerlist/calendar.hpp"
#include "powerlist/law.hpp"
#include "powerlist/report.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist {

namespace {

AuditFinding finding_row(const Diagnostic& d, const Sources& sources) {
  AuditFinding f;
  f.severity = std::string(severity_name(d.severity));
  f.rule = d.rule;
  f.item = d.item;
  f.message = d.message.zh;
  for (const auto& n : d.notes) f.notes.push_back(n.zh);
  f.reasoning = audit_reasoning(d.rule);
  if (d.span.file && d.span.file < sources.size()) {
    f.location = sources.get(d.span.file).display;
    if (d.span.line) f.location += fmt::format(":{}:{}", d.span.line, d.span.col);
  }
  return f;
}

void tally(AuditDepartment& d, const Diagnostic& diag) {
  if (diag.severity == Severity::Error) ++d.errors;
  if (diag.severity == Severity::Warning) ++d.warnings;
  if (diag.severity == Severity::Note) ++d.notes;
}

// Promised ÷ statutory for items whose two limits share a unit.
void ratio_distribution(AuditReport& r, const Catalog& c) {
  r.ratios = {{"≤ 1/3", 0},         {"1/3 – 1/2", 0},
              {"1/2 – 2/3", 0},     {"2/3 – 1（未缩短三分之一）", 0},
              {"= 1（未压缩）", 0}, {"> 1（超过法定时限）", 0}};
  for (const auto& d : c.departments)
    for (const auto& it : d.powers) {
      const auto& l = it.limits;
      if (!it.active() || !l.statutory || !l.promised) continue;
      const Duration& s = l.statutory->value;
      const Duration& p = l.promised->value;
      if (s.unit != p.unit || s.milli <= 0) continue;
      ++r.ratio_items;
      // Exact comparisons on integers: p/s against 1/3, 1/2, 2/3, 1.
      const long long P = p.milli, S = s.milli;
      size_t b = 3 * P <= S ? 0 : 2 * P <= S ? 1 : 3 * P <= 2 * S ? 2 : P < S ? 3 : P == S ? 4 : 5;
      ++r.ratios[b].count;
    }
}

// Items citing a version that a newer one replaced more than 20 working days before the
// as-of date: the catalog should have been revised within 20 working days of the change.
// basis/unknown-law by instrument: what the office must check itself or add to its law base.
void unchecked_citations(AuditReport& r, const AuditInput& in) {
  std::map<std::string, size_t> at;
  for (const auto& d : in.diags) {
    if (d.suppressed || d.rule != "basis/unknown-law") continue;
    const std::string& m = d.message.zh;
    const size_t open = m.find("“"), close = m.find("”", open == std::string::npos ? 0 : open);
    const std::string name = open == std::string::npos || close == std::string::npos
                                 ? m
                                 : m.substr(open + 3, close - open - 3);
    auto [it, fresh] = at.try_emplace(name, r.unchecked.size());
    if (fresh) {
      const size_t lp = m.find("（按"), rp = m.find("判断", lp == std::string::npos ? 0 : lp);
      r.unchecked.push_back(
          {name,
           lp == std::string::npos || rp == std::string::npos ? "" : m.substr(lp + 6, rp - lp - 6),
           "", 0});
    }
    AuditReport::Unchecked& u = r.unchecked[it->second];
    const SourceFile& src = in.sources.get(d.span.file);
    const std::string where =
        src.is_sheet() ? fmt::format("{}!{}", src.sheet, cell_name(d.span.line - 1, d.span.col - 1))
                       : fmt::format("{}:{}", src.display, d.span.line);
    if (u.count < 10) u.where += (u.where.empty() ? "" : "、") + where;
    ++u.count;
  }
  for (auto& u : r.unchecked)
    if (u.count > 10) u.where += fmt::format(" 等 {} 处", u.count);
}

void law_changes(AuditReport& r, const Catalog& c, const LawRegistry& laws,
                 const HolidayCalendar& cal, Date as_of, Date last_revision) {
  for (const auto& d : c.departments)
    for (const auto& it : d.powers) {
      if (!it.active()) continue;
      for (const auto& cit : it.basis) {
        const Instrument* ins = laws.find(cit.law.value);
        if (!ins || ins->versions.empty()) continue;
        // The version the item cites: the one named, else the one in force at the revision.
        const LawVersion* cited = nullptr;
        for (const auto& v : ins->versions) {
          if (cit.version ? v.date == cit.version->value : v.in_force() <= last_revision)
            cited = &v;
        }
        if (!cited) continue;
        const LawVersion* next = nullptr;
        for (const auto& v : ins->versions)
          if (cited->date < v.date && v.in_force() <= as_of) {
            next = &v;
            break;
          }
        if (!next) continue;
        Duration twenty;
        twenty.unit = TimeUnit::WorkDays;
        twenty.milli = 20 * 1000;
        DeadlineResult due = compute_deadline(cal, next->in_force(), twenty, "");
        const Date due_date = due.due ? *due.due : Date::from_days(next->in_force().days() + 28);
        if (!(due_date < as_of)) continue;
        r.law_changes.push_back(
            {d.name.value, item_id(d, it), it.name.value, "", ins->name,
             fmt::format("引用 {} 版；{} 版 {} 施行，应在 {} 前修订目录{}", cited->date.str(),
                         next->date.str(), next->in_force().str(), due_date.str(),
                         due.due ? "" : "（无节假日安排，按 28 日估算）")});
        break;  // one row per item and law is enough to ask for a revision
      }
    }
}

}  // namespace

AuditReport build_audit(const AuditInput& in) {
  const Catalog& c = in.catalog;
  AuditReport r;
  r.title = c.project.title.value;
  r.publisher = c.project.publisher.value;
  r.region = c.project.region_name.value;
  const Date as_of = c.project.effective ? c.project.effective->value : Date{2026, 1, 1};
  r.as_of = as_of.str();
  r.files = in.files;
  r.items = c.item_count();
  const Counts counts = count_findings(in.diags);
  r.errors = counts.errors;
  r.warnings = counts.warnings;
  r.notes = counts.notes;

  std::map<int, size_t> cat_column;
  for (const auto& d : c.departments)
    for (const auto& it : d.powers)
      if (it.category.span.valid()) cat_column[static_cast<int>(it.category.value)] = 0;
  for (auto& [cat, col] : cat_column) {
    col = r.categories.size();
    r.categories.push_back(category_info(static_cast<Category>(cat)).name);
  }
  std::map<std::string, size_t> dept_index;  // a department split over files is one row
  std::map<uint32_t, size_t> file_dept;
  for (const auto& d : c.departments) {
    auto [pos, fresh] = dept_index.emplace(d.id.value, r.departments.size());
    if (fresh) {
      AuditDepartment a;
      a.id = d.id.value;
      a.name = d.name.value.empty() ? d.id.value : d.name.value;
      a.per_category.assign(r.categories.size(), 0);
      r.departments.push_back(std::move(a));
    }
    file_dept[d.file] = pos->second;
    AuditDepartment& a = r.departments[pos->second];
    for (const auto& it : d.powers) {
      if (!it.active()) {
        ++a.retired;
        continue;
      }
      ++a.total;
      if (!it.listed_publicly()) ++a.non_public;
      if (it.category.span.valid())
        ++a.per_category[cat_column[static_cast<int>(it.category.value)]];
      if (it.basis.empty() && it.category.value != Category::Internal)
        r.without_basis.push_back(
            {d.name.value, item_id(d, it), it.name.value,
             it.category.span.valid() ? category_info(it.category.value).name : "", "",
             "没有实施依据"});
    }
  }
  r.catalog_level.name = "目录及共用文件（powerlist.yaml、锁文件、法规库、基本目录）";
  std::map<std::string, size_t> by_rule;
  for (const auto& diag : in.diags) {
    if (diag.suppressed || diag.severity == Severity::Off) continue;
    ++by_rule[diag.rule];
    AuditDepartment* target = &r.catalog_level;
    const std::string dept_id = diag.item.substr(0, diag.item.find('/'));
    if (!diag.item.empty() && dept_index.count(dept_id))
      target = &r.departments[dept_index[dept_id]];
    else if (file_dept.count(diag.span.file))
      target = &r.departments[file_dept[diag.span.file]];
    target->findings.push_back(finding_row(diag, in.sources));
    tally(*target, diag);
    if (diag.rule == rule::catalog_overlap.id())
      r.overlaps.push_back(
          {target->name, diag.item, "", "", "",
           diag.message.zh + (diag.notes.empty() ? "" : "（" + diag.notes[0].zh + "）")});
  }
  r.by_rule.assign(by_rule.begin(), by_rule.end());
  ratio_distribution(r, c);
  r.effective = c.project.last_revision.value_or(as_of).str();
  law_changes(r, c, in.laws, in.calendar, as_of, c.project.last_revision.value_or(as_of));
  unchecked_citations(r, in);
  return r;
}

}  // namespace powerlist
