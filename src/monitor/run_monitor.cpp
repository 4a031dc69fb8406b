// Cases × catalog: each case matched to its item (by code, else by name within its
// department), its due dates counted, its status as of a date, monitor/* findings at the
// ledger's cells, and the per-department monthly figures.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "powerlist/codes.hpp"
#include "powerlist/monitor.hpp"
#include "powerlist/session.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

const char* status_key(CaseStatus s) {
  switch (s) {
    case CaseStatus::OnTime:
      return "on_time";
    case CaseStatus::Late:
      return "late";
    case CaseStatus::LateStatutory:
      return "late_statutory";
    case CaseStatus::Open:
      return "open";
    case CaseStatus::Warning:
      return "warning";
    case CaseStatus::Overdue:
      return "overdue";
    case CaseStatus::OverdueStatutory:
      return "overdue_statutory";
    case CaseStatus::NotInCatalog:
      return "not_in_catalog";
    case CaseStatus::Undetermined:
      return "undetermined";
  }
  return "";
}

Message status_label(CaseStatus s) {
  switch (s) {
    case CaseStatus::OnTime:
      return {"按时办结", "finished on time"};
    case CaseStatus::Late:
      return {"超承诺时限办结", "finished after the promised date"};
    case CaseStatus::LateStatutory:
      return {"超法定时限办结", "finished after the statutory date"};
    case CaseStatus::Open:
      return {"在办", "open"};
    case CaseStatus::Warning:
      return {"黄牌预警", "yellow card"};
    case CaseStatus::Overdue:
      return {"红牌", "red card"};
    case CaseStatus::OverdueStatutory:
      return {"红牌，超法定时限", "red card, past the statutory date"};
    case CaseStatus::NotInCatalog:
      return {"清单外", "not in the catalog"};
    case CaseStatus::Undetermined:
      return {"无法判定", "undetermined"};
  }
  return {};
}

const char* card_of(CaseStatus s) {
  if (s == CaseStatus::Warning) return "yellow";
  if (s == CaseStatus::Overdue || s == CaseStatus::OverdueStatutory) return "red";
  return nullptr;
}

namespace {

// Names as compared: no whitespace, brackets or punctuation, full-width letters folded.
std::string norm(std::string_view s) {
  std::string out;
  for (char32_t c : decode_utf8(s)) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c == ' ' || c == 0x3000 || c == '\t' || c == '\r' || c == '\n' || c == 0xA0) continue;
    static const std::u32string skip = U"()（）《》〈〉“”\"'‘’、，,.。·-—_:：;；[]【】";
    if (skip.find(c) != std::u32string::npos) continue;
    append_utf8(out, c);
  }
  return out;
}

std::string day_str(long d) {
  return Date::from_days(d).str();
}

struct ItemRef {
  const Department* dept;
  const PowerItem* item;
};

class CatalogIndex {
 public:
  explicit CatalogIndex(const Catalog& c) {
    for (const auto& d : c.departments) {
      depts_.push_back(&d);
      for (const auto& p : d.powers) {
        const ItemRef ref{&d, &p};
        const ItemCodes codes = item_codes(c, d, p);
        add_code(codes.basic, ref);
        add_code(codes.implementation, ref);
        for (const auto& h : codes.handle) add_code(h.first, ref);
        add_code(p.baseline.value, ref);
        if (auto e = p.extra.find("职权编码"); e != p.extra.end()) add_code(e->second, ref);
        by_name_[{&d, norm(p.name.value)}].push_back(ref);
        by_name_any_[norm(p.name.value)].push_back(ref);
      }
    }
  }

  // The department a ledger names: by name, credit code or id; else the one whose name ends
  // with it (交通运输局 → 示范县交通运输局) when only one does.
  const Department* department(const std::string& text) const {
    if (text.empty()) return nullptr;
    auto memo = dept_memo_.find(text);
    if (memo != dept_memo_.end()) return memo->second;
    return dept_memo_[text] = find_department(text);
  }

 private:
  const Department* find_department(const std::string& text) const {
    const std::string n = norm(text);
    const Department* suffix = nullptr;
    int suffixes = 0;
    for (const Department* d : depts_) {
      if (norm(d->name.value) == n || d->credit_code.value == text || d->id.value == text) return d;
      const std::string dn = norm(d->name.value);
      if (n.size() >= 6 && (ends_with(dn, n) || ends_with(n, dn))) suffix = d, ++suffixes;
    }
    if (suffixes == 1) return suffix;
    // The organ without its place or level: 克拉玛依市农业农村局 and 地州市级农业农村局 (a
    // workbook's 行使主体) are the same 农业农村局 when only one department is.
    const std::string core = organ_core(n);
    const Department* same = nullptr;
    int sames = 0;
    for (const Department* d : depts_)
      if (!core.empty() && organ_core(norm(d->name.value)) == core) same = d, ++sames;
    return sames == 1 ? same : nullptr;
  }

  // The text after the last place or level word (市 县 区 旗 州 盟 级), when at least two
  // characters remain.
  static std::string organ_core(const std::string& name) {
    const std::u32string u = [&] {
      std::u32string out;
      for (char32_t c : decode_utf8(name)) out += c;
      return out;
    }();
    size_t cut = std::u32string::npos;
    for (size_t i = 0; i < u.size(); ++i)
      if (std::u32string_view(U"市县区旗州盟级").find(u[i]) != std::u32string_view::npos) cut = i;
    if (cut == std::u32string::npos || u.size() - cut - 1 < 2) return "";
    std::string out;
    for (size_t i = cut + 1; i < u.size(); ++i) append_utf8(out, u[i]);
    return out;
  }

 public:
  std::vector<ItemRef> by_code(const std::string& code) const {
    auto it = by_code_.find(code);
    return it == by_code_.end() ? std::vector<ItemRef>{} : it->second;
  }
  std::vector<ItemRef> by_name(const Department* d, const std::string& name) const {
    if (d) {
      auto it = by_name_.find({d, norm(name)});
      return it == by_name_.end() ? std::vector<ItemRef>{} : it->second;
    }
    auto it = by_name_any_.find(norm(name));
    return it == by_name_any_.end() ? std::vector<ItemRef>{} : it->second;
  }

 private:
  void add_code(const std::string& code, ItemRef ref) {
    if (code.empty()) return;
    auto& v = by_code_[code];
    for (const auto& r : v)
      if (r.item == ref.item) return;
    v.push_back(ref);
  }
  std::vector<const Department*> depts_;
  mutable std::unordered_map<std::string, const Department*> dept_memo_;
  std::unordered_map<std::string, std::vector<ItemRef>> by_code_;
  std::map<std::pair<const Department*, std::string>, std::vector<ItemRef>> by_name_;
  std::unordered_map<std::string, std::vector<ItemRef>> by_name_any_;
};

struct Match {
  const Department* dept = nullptr;
  const PowerItem* item = nullptr;
  Message why_not;  // for a case not in the catalog
};

Match match_case(const CatalogIndex& idx, const LedgerRead& l, const CaseRecord& c) {
  Match m;
  const std::string& dept_text = l.pool.at(c.department);
  const std::string& code = l.pool.at(c.code);
  const std::string& name = l.pool.at(c.name);
  m.dept = idx.department(dept_text);
  if (!dept_text.empty() && !m.dept)
    m.why_not = {fmt::format("目录中没有部门“{}”", dept_text),
                 fmt::format("the catalog has no department \"{}\"", dept_text)};
  auto pick = [&](std::vector<ItemRef> found, const char* how_zh, const char* how_en,
                  const std::string& key) -> bool {
    if (found.empty()) return false;
    if (m.dept) {
      std::vector<ItemRef> mine;
      for (const auto& r : found)
        if (r.dept == m.dept) mine.push_back(r);
      if (mine.empty()) {
        m.why_not = {fmt::format("{}“{}”对应的事项属于{}，不属于{}", how_zh, key,
                                 found.front().dept->name.value, m.dept->name.value),
                     fmt::format("the item of {} \"{}\" belongs to {}, not to {}", how_en, key,
                                 found.front().dept->name.value, m.dept->name.value)};
        return true;
      }
      found = mine;
    }
    if (found.size() > 1) {
      m.why_not = {fmt::format("{}“{}”对应目录中 {} 个事项，无法确定", how_zh, key, found.size()),
                   fmt::format("{} \"{}\" matches {} items", how_en, key, found.size())};
      return true;
    }
    m.item = found.front().item;
    m.dept = found.front().dept;
    m.why_not = {};
    return true;
  };
  if (!code.empty() && pick(idx.by_code(code), "编码", "code", code)) return m;
  // By name only within a department the catalog has (a name alone is not unique across
  // departments a ledger names but the catalog lacks).
  const bool unknown_dept = !dept_text.empty() && !m.dept;
  if (!unknown_dept && !name.empty() && pick(idx.by_name(m.dept, name), "事项名称", "name", name))
    return m;
  if (m.why_not.zh.empty()) {
    const std::string key = !code.empty() ? code : name;
    m.why_not = {fmt::format("目录中没有与“{}”对应的事项", key),
                 fmt::format("no item of the catalog matches \"{}\"", key)};
  }
  return m;
}

bool names_same_unit(const std::string& a, const std::string& b) {
  const std::string x = norm(a), y = norm(b);
  return x.find(y) != std::string::npos || y.find(x) != std::string::npos;
}

// Steps whose time the law does not count (the flowchart's excluded steps by name).
bool pausing_step_name(const std::string& s) {
  for (const char* w : {"补正", "听证", "鉴定", "检验", "检测", "检疫", "专家评审", "公示", "招标",
                        "拍卖", "特别程序"})
    if (s.find(w) != std::string::npos) return true;
  return false;
}

Span cell_span(uint32_t file, uint32_t row, uint32_t col) {
  Span s;
  s.file = file;
  s.line = row;
  s.col = col;
  return s;
}

// Ledgers repeat the same (code, name, department) over thousands of cases: match each
// combination once.
struct MatchKey {
  uint32_t code, name, department;
  bool operator==(const MatchKey& k) const {
    return code == k.code && name == k.name && department == k.department;
  }
};
struct MatchKeyHash {
  size_t operator()(const MatchKey& k) const {
    return std::hash<uint64_t>()((uint64_t(k.code) << 32) ^ (uint64_t(k.name) << 16) ^
                                 k.department);
  }
};

}  // namespace

MonitorResult run_monitor(Session& session, const LedgerRead& ledger, const MonitorOptions& o) {
  MonitorResult res;
  res.as_of = o.as_of;
  res.warn_days = o.warn_days;
  const long as_of = o.as_of.days();
  const Catalog& catalog = session.catalog();
  const CatalogIndex index(catalog);
  const WorkdayTable wd(session.calendar());
  std::unordered_map<const PowerItem*, const Flow*> flows;
  for (const auto& r : session.items())
    if (r.flow) flows[r.item] = &*r.flow;
  std::unordered_map<std::string, std::vector<const StepRecord*>> steps;
  for (const auto& s : ledger.steps) steps[s.case_id].push_back(&s);

  DiagSink& sink = res.findings;
  for (const auto& r : ledger.reported)
    sink.add(rule::monitor_bad_row, cell_span(r.file, r.row, 0), "", r.reason);

  std::map<std::pair<std::string, std::string>, MonthFigures> months;
  std::unordered_map<MatchKey, Match, MatchKeyHash> matches;
  res.cases.reserve(ledger.cases.size());
  for (const CaseRecord& c : ledger.cases) {
    CaseResult cr;
    cr.rec = &c;
    const MatchKey key{c.code, c.name, c.department};
    auto known = matches.find(key);
    if (known == matches.end()) known = matches.emplace(key, match_case(index, ledger, c)).first;
    const Match& m = known->second;
    cr.dept = m.dept;
    cr.item = m.item;
    cr.department = m.dept ? std::string_view(m.dept->name.value)
                           : std::string_view(ledger.pool.at(c.department));
    const uint32_t where_col = c.received_col ? c.received_col : c.id_col;
    const Span at = cell_span(c.file, c.row, where_col);
    cr.code = ledger.pool.at(c.code);
    if (m.item) {
      auto known_item = res.item_names.find(m.item);
      if (known_item == res.item_names.end())
        known_item =
            res.item_names
                .emplace(m.item, std::pair(powerlist::item_id(*m.dept, *m.item),
                                           item_codes(catalog, *m.dept, *m.item).implementation))
                .first;
      cr.item_id = known_item->second.first;
      if (!known_item->second.second.empty()) cr.code = known_item->second.second;
    }
    const std::string item_id(cr.item_id);
    for (const auto& p : c.problems) sink.add(rule::monitor_bad_row, at, item_id, p);
    bool estimated = false;
    // Pauses: the ledger's, and step records of steps the law does not count.
    std::vector<Pause> pauses = c.pauses;
    const Flow* flow = nullptr;
    if (m.item)
      if (auto f = flows.find(m.item); f != flows.end()) flow = f->second;
    if (auto s = steps.find(c.id); s != steps.end())
      for (const StepRecord* st : s->second) {
        const FlowStep* fs = flow ? flow->find(st->step) : nullptr;
        if ((fs && fs->excluded) || (!fs && pausing_step_name(st->step)))
          pauses.push_back({*st->start, st->end ? *st->end : -1, st->step});
      }

    if (!m.item) {
      cr.status = CaseStatus::NotInCatalog;
      cr.notes.push_back(m.why_not);
    } else if (m.item->retired && (!m.item->retired->date || !c.received ||
                                   *c.received >= m.item->retired->date->value.days())) {
      cr.status = CaseStatus::NotInCatalog;
      const std::string when =
          m.item->retired->date ? m.item->retired->date->value.str() : std::string("（日期不详）");
      cr.notes.push_back({fmt::format("事项“{}”已于 {} 取消", m.item->name.value, when),
                          fmt::format("item \"{}\" was retired on {}", m.item->name.value, when)});
    }
    if (cr.status == CaseStatus::NotInCatalog) {
      sink.add(rule::monitor_not_in_catalog, at, item_id,
               {fmt::format("办件 {} 不在职权目录中：{}", c.id, cr.notes.back().zh),
                fmt::format("case {} is not in the catalog: {}", c.id, cr.notes.back().en)});
    } else if (!c.problems.empty() || !c.received) {
      cr.status = CaseStatus::Undetermined;
      if (!c.problems.empty())
        cr.notes.push_back(c.problems.front());
      else
        cr.notes.push_back({"没有受理日期", "no received date"});
    } else if (*c.received > as_of) {
      cr.status = CaseStatus::Undetermined;
      cr.notes.push_back({fmt::format("受理日期晚于统计日期 {}", o.as_of.str()),
                          fmt::format("received after the as-of date {}", o.as_of.str())});
    } else {
      const Limits& lim = m.item->limits;
      DueDate prom, stat;
      // A pause without an end runs to the finish of a finished case, else to the as-of date.
      const long open_end = c.finished && *c.finished <= as_of ? *c.finished : as_of;
      if (lim.statutory) stat = due_date(wd, *c.received, lim.statutory->value, pauses, open_end);
      if (lim.promised) prom = due_date(wd, *c.received, lim.promised->value, pauses, open_end);
      if (!prom.day) prom = stat;
      cr.due_statutory = stat.day;
      cr.due_promised = prom.day;
      cr.paused_days = prom.day ? prom.paused_days : stat.paused_days;
      estimated = prom.estimated || stat.estimated;
      const bool finished = c.finished && *c.finished <= as_of;
      const long end = finished ? *c.finished : as_of;
      cr.days_used = working_days_between(wd, *c.received, end, &estimated) -
                     paused_working_days(wd, *c.received, end, pauses, open_end);
      if (!cr.due_promised) {
        cr.status = CaseStatus::Undetermined;
        cr.notes.push_back({"事项没有可计算的承诺时限或法定时限",
                            "the item has no promised or statutory limit to count"});
      } else if (finished) {
        if (cr.due_statutory && *c.finished > *cr.due_statutory)
          cr.status = CaseStatus::LateStatutory;
        else if (*c.finished > *cr.due_promised)
          cr.status = CaseStatus::Late;
        else
          cr.status = CaseStatus::OnTime, cr.early = *c.finished < *cr.due_promised;
      } else if (cr.due_statutory && as_of > *cr.due_statutory) {
        cr.status = CaseStatus::OverdueStatutory;
      } else if (as_of > *cr.due_promised) {
        cr.status = CaseStatus::Overdue;
      } else {
        cr.days_left = working_days_between(wd, as_of, *cr.due_promised, &estimated);
        cr.status = *cr.days_left <= o.warn_days ? CaseStatus::Warning : CaseStatus::Open;
      }
      // With step records: each step against its limit in the flowchart.
      if (flow)
        if (auto s = steps.find(c.id); s != steps.end()) {
          long worst = 0;
          for (const StepRecord* st : s->second) {
            const FlowStep* fs = flow->find(st->step);
            if (!fs || fs->excluded || !fs->limit) continue;
            bool est = false;
            const long stop = st->end ? *st->end : as_of;
            const DueDate due = due_date(wd, *st->start, *fs->limit, {}, as_of);
            if (!due.day || stop <= *due.day) continue;
            const long over = working_days_between(wd, *due.day, stop, &est);
            if (over > worst) {
              worst = over;
              cr.late_step = st->step;
            }
          }
          if (!cr.late_step.empty())
            cr.notes.push_back(
                {fmt::format("环节“{}”超过流程图时限 {} 个工作日", cr.late_step, worst),
                 fmt::format("step {} took {} working days longer than its limit", cr.late_step,
                             worst)});
        }
      const std::string due_zh = day_str(*cr.due_promised);
      const std::string stat_zh = cr.due_statutory ? day_str(*cr.due_statutory) : "—";
      switch (cr.status) {
        case CaseStatus::OverdueStatutory:
          sink.add(rule::monitor_overdue_statutory, at, item_id,
                   {fmt::format("办件 {} 未办结，已超过法定时限（{} 到期）", c.id, stat_zh),
                    fmt::format("case {} is open past its statutory due date {}", c.id, stat_zh)});
          break;
        case CaseStatus::Overdue:
          sink.add(rule::monitor_overdue, at, item_id,
                   {fmt::format("办件 {} 未办结，已超过承诺时限（{} 到期）", c.id, due_zh),
                    fmt::format("case {} is open past its promised due date {}", c.id, due_zh)});
          break;
        case CaseStatus::Warning:
          sink.add(
              rule::monitor_warning, at, item_id,
              {fmt::format("办件 {} 距承诺时限（{}）还剩 {} 个工作日", c.id, due_zh, *cr.days_left),
               fmt::format("case {} has {} working days left before {}", c.id, *cr.days_left,
                           due_zh)});
          break;
        case CaseStatus::LateStatutory:
          sink.add(rule::monitor_late_statutory, cell_span(c.file, c.row, c.finished_col), item_id,
                   {fmt::format("办件 {} 于 {} 办结，超过法定时限（{}）", c.id,
                                day_str(*c.finished), stat_zh),
                    fmt::format("case {} finished {}, after its statutory due date {}", c.id,
                                day_str(*c.finished), stat_zh)});
          break;
        case CaseStatus::Late:
          sink.add(rule::monitor_late, cell_span(c.file, c.row, c.finished_col), item_id,
                   {fmt::format("办件 {} 于 {} 办结，超过承诺时限（{}）", c.id,
                                day_str(*c.finished), due_zh),
                    fmt::format("case {} finished {}, after its promised due date {}", c.id,
                                day_str(*c.finished), due_zh)});
          break;
        default:
          break;
      }
    }
    if (m.item) {
      const std::string& unit = ledger.pool.at(c.unit);
      if (!unit.empty() && !m.item->handled_by.value.empty() &&
          !names_same_unit(unit, m.item->handled_by.value)) {
        const Message why{fmt::format("承办机构为“{}”，目录中该事项的承办机构为“{}”", unit,
                                      m.item->handled_by.value),
                          fmt::format("handled by \"{}\"; the catalog names \"{}\"", unit,
                                      m.item->handled_by.value)};
        cr.notes.push_back(why);
        sink.add(rule::monitor_unit_mismatch, at, item_id, why);
      }
      if (!m.item->is_public.value) cr.notes.push_back({"非公开事项", "a non-public item"});
    }
    if (estimated)
      cr.notes.push_back({"期间跨越没有节假日安排的年份，按周一至周五为工作日估算",
                          "the period crosses a year without a holiday calendar: Monday–Friday "
                          "counted as working days (estimated)"});
    if (!ledger.pool.at(c.state).empty() && !c.finished) {
      const std::string& st = ledger.pool.at(c.state);
      if (st.find("办结") != std::string::npos || st.find("结案") != std::string::npos)
        cr.notes.push_back({fmt::format("状态为“{}”，但没有办结日期", st),
                            fmt::format("state \"{}\" but no finished date", st)});
    }

    // The month's figures, under the department the case belongs to (or its row names).
    const std::string dept = cr.department.empty() ? "（未注明部门）" : std::string(cr.department);
    const std::string month = c.received ? day_str(*c.received).substr(0, 7) : "（无受理日期）";
    MonthFigures& f = months[{dept, month}];
    f.department = dept;
    f.month = month;
    ++f.received;
    switch (cr.status) {
      case CaseStatus::OnTime:
        ++f.finished, ++f.on_time, f.early += cr.early ? 1 : 0;
        break;
      case CaseStatus::Late:
        ++f.finished, ++f.late;
        break;
      case CaseStatus::LateStatutory:
        ++f.finished, ++f.late_statutory;
        break;
      case CaseStatus::Open:
        ++f.open;
        break;
      case CaseStatus::Warning:
        ++f.open, ++f.warning;
        break;
      case CaseStatus::Overdue:
        ++f.open, ++f.overdue;
        break;
      case CaseStatus::OverdueStatutory:
        ++f.open, ++f.overdue_statutory;
        break;
      case CaseStatus::NotInCatalog:
        ++f.not_in_catalog;
        break;
      case CaseStatus::Undetermined:
        ++f.undetermined;
        break;
    }
    const bool done = cr.status == CaseStatus::OnTime || cr.status == CaseStatus::Late ||
                      cr.status == CaseStatus::LateStatutory;
    if (done && cr.days_used && cr.due_promised) {
      bool est = false;
      f.days_used += *cr.days_used;
      f.days_promised += working_days_between(wd, *c.received, *cr.due_promised, &est);
      ++f.timed;
    }
    res.cases.push_back(std::move(cr));
  }
  for (auto& [_, f] : months) res.summary.push_back(std::move(f));
  return res;
}

}  // namespace powerlist
