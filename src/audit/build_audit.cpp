// Gathers the audit report's figures from the catalog, its findings and the law registry.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "powerlist/audit.hpp"
#include "powerlist/calendar.hpp"
#include "powerlist/law.hpp"
#include "powerlist/report.hpp"
#include "powerlist/text.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist {

namespace {

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The letter's wording of a message: the article in force (in the annotated workbook, the
// correction and `law show`) is left out and a quotation cut to its first 20 characters. The
// quotation ends where the message's own words resume, so a ” inside it is the department's text.
std::string letter_wording(std::string m) {
  const size_t open = m.find("引文“");
  size_t close = std::string::npos;
  if (open != std::string::npos)
    for (const char* resume : {"”不是该条", "”在现行版本"})
      if (const size_t at = m.find(resume, open); at != std::string::npos && at < close) close = at;
  const size_t after = close == std::string::npos ? 0 : close;
  for (const char* tail : {"；现行条文：", "，其条文为：", "；条文为："})
    if (const size_t at = m.find(tail, after); at != std::string::npos) m.resize(at);
  if (close != std::string::npos && close < m.size()) {
    const std::string quote = m.substr(open + 9, close - open - 9);
    const std::string cut = utf8_prefix(quote, 20);
    if (cut.size() < quote.size()) m = m.substr(0, open + 9) + cut + "…" + m.substr(close);
  }
  return m;
}

// Where the department finds it in its own file: sheet!cell for a workbook, file:line else.
std::string location(const Span& s, const Sources& sources) {
  if (!s.file || s.file >= sources.size()) return "";
  const SourceFile& src = sources.get(s.file);
  if (src.is_sheet() && s.line && s.col)
    return fmt::format("{}!{}", src.sheet, cell_name(s.line - 1, s.col - 1));
  std::string where = std::filesystem::path(src.display).filename().string();
  if (s.line) where += fmt::format(":{}", s.line);
  return where;
}

AuditFinding finding_row(const Diagnostic& d, const Sources& sources) {
  AuditFinding f;
  f.severity = std::string(severity_name(d.severity));
  f.rule = d.rule;
  f.message = d.message.zh;
  for (const auto& n : d.notes) f.notes.push_back(n.zh);
  // A correction that already says 核对 needs no "（需核对）".
  for (const auto& fx : d.fixes)
    f.corrections.push_back(fx.title.zh +
                            (fx.certain || fx.title.zh.rfind("核对", 0) == 0 ? "" : "（需核对）"));
  f.location = location(d.span, sources);
  if (d.span.file && d.span.file < sources.size() && sources.get(d.span.file).is_sheet() &&
      d.span.line && d.span.col) {
    f.sheet = sources.get(d.span.file).sheet;
    f.cell = cell_name(d.span.line - 1, d.span.col - 1);
  }
  // Shared findings (共性问题) are matched on the whole message, not on its shortened wording.
  f.key = d.rule + '\n' + d.message.zh;
  for (const auto& n : d.notes) f.key += '\n' + n.zh;
  f.message = letter_wording(f.message);
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
  std::vector<int> counts;
  for (const auto& b : r.ratios) counts.push_back(b.count);
  const std::vector<int> pct = percentages(counts);
  for (size_t i = 0; i < pct.size(); ++i) r.ratios[i].percent = pct[i];
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
        // The version in force now, besides the first change after the cited one.
        const LawVersion* now = next;
        for (const auto& v : ins->versions)
          if (now->date < v.date && v.in_force() <= as_of) now = &v;
        r.law_changes.push_back(
            {d.name.value, item_id(d, it), it.name.value, "", ins->name,
             fmt::format("引用 {} 版；其后 {} 版于 {} 施行，应在 {} 前修订目录{}{}",
                         cited->date.str(), next->date.str(), next->in_force().str(),
                         due_date.str(), due.due ? "" : "（无节假日安排，按 28 日估算）",
                         now == next ? "" : fmt::format("；现行为 {} 版", now->date.str()))});
        break;  // one row per item and law is enough to ask for a revision
      }
    }
}

// Findings that three or more items share word for word move to 共性问题; an item left with
// nothing of its own leaves the item-by-item table.
void gather_common(AuditReport& r) {
  constexpr size_t kShared = 3;
  auto key = [](const AuditFinding& f) { return f.key; };
  std::map<std::string, std::set<int>> items_of;
  for (const auto& d : r.departments)
    for (const auto& it : d.items)
      if (!it.id.empty())
        for (const auto& f : it.findings) items_of[key(f)].insert(it.seq);
  std::map<std::string, size_t> common_at;
  for (auto& d : r.departments) {
    for (auto& it : d.items) {
      if (it.id.empty()) continue;
      std::vector<AuditFinding> own;
      for (auto& f : it.findings) {
        const std::string k = key(f);
        if (items_of[k].size() < kShared) {
          own.push_back(std::move(f));
          continue;
        }
        auto [pos, fresh] = common_at.try_emplace(k, r.common.size());
        if (fresh) r.common.push_back({f.severity, f.rule, f.message, f.notes, {}});
        AuditCommon& c = r.common[pos->second];
        std::string corrections;
        for (const auto& x : f.corrections) corrections += (corrections.empty() ? "" : "\n") + x;
        if (!c.uses.empty() && c.uses.back().seq == it.seq) {  // a second cell of the same item
          c.uses.back().where +=
              "、" + (!f.cell.empty() && f.sheet == it.sheet ? f.cell : f.location);
          if (!corrections.empty())
            c.uses.back().corrections +=
                (c.uses.back().corrections.empty() ? "" : "\n") + corrections;
        } else {
          c.uses.push_back({it.seq, it.name, f.location, corrections});
        }
      }
      it.findings = std::move(own);
    }
    d.items.erase(std::remove_if(d.items.begin(), d.items.end(),
                                 [](const AuditItem& it) { return it.findings.empty(); }),
                  d.items.end());
  }
}

// Every correction of a shared finding that starts the same way
// ("改为《农药管理条例》（2022年3月29日 修订）") says that once: the rows keep what differs
// (第二十四条). Cut after a closing bracket so no word is split.
void factor_corrections(AuditCommon& c) {
  const std::string check = "（需核对）";
  // Each use's lines, without a trailing （需核对） (said once after what differs).
  std::vector<std::vector<std::string>> split(c.uses.size());
  std::vector<bool> all_check(c.uses.size(), true);
  std::string prefix;
  bool first = true;
  for (size_t i = 0; i < c.uses.size(); ++i) {
    split[i] = split_lines(c.uses[i].corrections);
    if (split[i].empty()) return;  // an item without a correction: keep each whole
    for (const auto& l : split[i]) all_check[i] = all_check[i] && ends_with(l, check);
    for (auto& l : split[i]) {
      if (all_check[i]) l.resize(l.size() - check.size());
      if (first) prefix = l, first = false;
      size_t n = 0;
      while (n < prefix.size() && n < l.size() && prefix[n] == l[n]) ++n;
      prefix.resize(n);
    }
  }
  const size_t close = prefix.rfind("）"), title = prefix.rfind("》");
  const size_t cut = close == std::string::npos   ? title
                     : title == std::string::npos ? close
                                                  : std::max(close, title);
  if (cut == std::string::npos || cut < 6) return;
  prefix.resize(cut + 3);
  c.correction_head = prefix;
  bool any_tail = false;
  for (size_t i = 0; i < c.uses.size(); ++i) {
    std::string rest;
    for (const auto& l : split[i]) {
      std::string tail = l.substr(prefix.size());
      // "第六十九条；原第五十二条…": what follows a semicolon is a line of its own.
      if (tail.rfind("；", 0) == 0) tail = tail.substr(3);
      if (tail.empty()) continue;
      any_tail = true;
      rest += (rest.empty() ? "" : tail.find("；") != std::string::npos ? "\n" : "、") + tail;
    }
    c.uses[i].corrections = rest + (all_check[i] && !rest.empty() ? check : "");
  }
  // Nothing beyond the head (the version in force has no text in the law base): the rows say
  // nothing, and the head asks for the articles to be checked.
  if (!any_tail) {
    c.correction_head += "，并按其条文核对所引条款";
    for (auto& u : c.uses) u.corrections.clear();
    c.no_articles = true;
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
  // Findings by item; the letter lists them under the item, in the catalog's order.
  std::map<std::string, std::vector<AuditFinding>> by_item;
  std::map<std::string, std::string> names;  // item id → 事项名称
  for (const auto& d : c.departments)
    for (const auto& it : d.powers) names[item_id(d, it)] = it.name.value;
  std::map<std::string, size_t> by_rule;
  for (const auto& diag : in.diags) {
    if (diag.suppressed || diag.severity == Severity::Off) continue;
    AuditDepartment* target = &r.catalog_level;
    const std::string dept_id = diag.item.substr(0, diag.item.find('/'));
    if (!diag.item.empty() && dept_index.count(dept_id))
      target = &r.departments[dept_index[dept_id]];
    else if (file_dept.count(diag.span.file))
      target = &r.departments[file_dept[diag.span.file]];
    if (about_law_base(diag.rule)) {
      // The office's own to-do (未能核对的依据), not the department's problem: not tallied
      // against it, not among the opinions, not in the appendix's counts.
      ++r.law_base_findings;
      if (diag.rule == "basis/law-base-age" && r.law_base_note.empty())
        r.law_base_note = diag.message.zh;
      continue;
    }
    tally(*target, diag);
    ++by_rule[diag.rule];
    ++r.listed[diag.severity == Severity::Error ? 0 : diag.severity == Severity::Warning ? 1 : 2];
    if (diag.rule == rule::catalog_overlap.id())
      r.overlaps.push_back(
          {target->name, names.count(diag.item) ? names[diag.item] : diag.item, "", "", "",
           diag.message.zh + (diag.notes.empty() ? "" : "（" + diag.notes[0].zh + "）")});
    if (diag.item.empty() || target == &r.catalog_level) {
      if (target->items.empty() || !target->items.front().id.empty())
        target->items.insert(target->items.begin(), AuditItem{});
      target->items.front().findings.push_back(finding_row(diag, in.sources));
    } else {
      by_item[diag.item].push_back(finding_row(diag, in.sources));
    }
  }
  int seq = 0;
  for (const auto& d : c.departments) {
    AuditDepartment& a = r.departments[dept_index[d.id.value]];
    for (const auto& it : d.powers) {
      auto found = by_item.find(item_id(d, it));
      if (found == by_item.end()) continue;
      AuditItem item{++seq, found->first, it.name.value, "", 0, std::move(found->second)};
      if (it.source) {
        item.sheet = it.source->sheet;
        item.row = it.source->row;
      }
      a.items.push_back(std::move(item));
      by_item.erase(found);
    }
  }
  r.items_with_findings = static_cast<size_t>(seq);
  gather_common(r);
  for (auto& shared : r.common) factor_corrections(shared);
  for (auto& [id, findings] : by_item) {  // an item the catalog no longer has (never expected)
    if (r.catalog_level.items.empty() || !r.catalog_level.items.front().id.empty())
      r.catalog_level.items.insert(r.catalog_level.items.begin(), AuditItem{});
    for (auto& f : findings) r.catalog_level.items.front().findings.push_back(std::move(f));
  }
  r.by_rule.assign(by_rule.begin(), by_rule.end());
  ratio_distribution(r, c);
  r.effective = c.project.last_revision.value_or(as_of).str();
  law_changes(r, c, in.laws, in.calendar, as_of, c.project.last_revision.value_or(as_of));
  // An item whose superseded citation is already an opinion is not listed twice.
  std::set<std::string> superseded;
  for (const auto& diag : in.diags)
    if (!diag.suppressed && diag.rule == "basis/superseded-version") superseded.insert(diag.item);
  r.law_changes.erase(
      std::remove_if(r.law_changes.begin(), r.law_changes.end(),
                     [&](const AuditItemRow& row) { return superseded.count(row.id); }),
      r.law_changes.end());
  // The letter: the command line, else powerlist.yaml's `audit:`, else the defaults.
  const AuditSettings& set = c.project.audit;
  auto pick = [](const std::string& a, const std::string& b) { return a.empty() ? b : a; };
  r.to = pick(in.letter.to, set.to);
  r.one_submission = in.one_submission || r.departments.size() == 1;
  if (r.to.empty() && r.one_submission && !r.departments.empty())
    r.to = std::max_element(
               r.departments.begin(), r.departments.end(),
               [](const AuditDepartment& a, const AuditDepartment& b) { return a.total < b.total; })
               ->name;
  if (r.to.empty()) r.to = "各有关部门";
  r.number = pick(in.letter.number, set.number);
  r.issuer = pick(in.letter.issuer, set.issuer);
  r.date = (in.letter.date ? *in.letter.date : set.date ? *set.date : as_of).str_zh();
  unchecked_citations(r, in);
  return r;
}

}  // namespace powerlist
