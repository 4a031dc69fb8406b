// The monitor's text and JSON reports (CLI.md "monitor"). Nothing that names an applicant is
// here: the ledger reader never read those columns.
#include <fmt/format.h>

#include <functional>
#include <map>

#include "powerlist/monitor.hpp"
#include "powerlist/report.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

std::string q(std::string_view s) {
  return "\"" + json_escape(s) + "\"";
}
std::string day_or_null(const std::optional<long>& d) {
  return d ? q(Date::from_days(*d).str()) : "null";
}
std::string num_or_null(const std::optional<long>& n) {
  return n ? std::to_string(*n) : "null";
}
std::string rate(double r) {
  return fmt::format("{:.3f}", r);
}

// The case's row as findings show it: ledger.csv:Sheet1!A5 (its number's cell).
std::string where(const MonitorReportInput& in, const CaseRecord& c) {
  Span s;
  s.file = c.file;
  s.line = c.row;
  s.col = c.id_col ? c.id_col : 1;
  return finding_location(in.sources.get(c.file), s);
}

struct Totals {
  long red = 0, yellow = 0, outside = 0, late_statutory = 0, late = 0, undetermined = 0;
};
Totals totals(const MonitorResult& r) {
  Totals t;
  for (const auto& c : r.cases) {
    if (c.status == CaseStatus::Overdue || c.status == CaseStatus::OverdueStatutory) ++t.red;
    if (c.status == CaseStatus::Warning) ++t.yellow;
    if (c.status == CaseStatus::NotInCatalog) ++t.outside;
    if (c.status == CaseStatus::LateStatutory) ++t.late_statutory;
    if (c.status == CaseStatus::Late) ++t.late;
    if (c.status == CaseStatus::Undetermined) ++t.undetermined;
  }
  return t;
}

}  // namespace

std::string render_monitor_text(const MonitorReportInput& in) {
  const MonitorResult& r = in.result;
  const bool en = in.lang == Lang::En;
  const Totals t = totals(r);
  std::string out =
      en ? fmt::format("电子监察 as of {} ({} cases; yellow card within {} working days)\n",
                       r.as_of.str(), r.cases.size(), r.warn_days)
         : fmt::format("电子监察：截至 {}，办件 {} 件（距承诺时限 {} 个工作日以内黄牌预警）\n",
                       r.as_of.str(), r.cases.size(), r.warn_days);
  out += en ? fmt::format(
                  "red cards {}, yellow cards {}, not in the catalog {}, finished after the "
                  "statutory date {}, after the promised date {}, undetermined {}\n",
                  t.red, t.yellow, t.outside, t.late_statutory, t.late, t.undetermined)
            : fmt::format(
                  "红牌 {} 件，黄牌 {} 件，清单外 {} 件，超法定时限办结 {} 件，超承诺时限办结 {} "
                  "件，无法判定 {} 件\n",
                  t.red, t.yellow, t.outside, t.late_statutory, t.late, t.undetermined);
  // Every row accounted for, per sheet (as import counts them).
  for (const auto& sh : in.ledger.sheets)
    out +=
        en ? fmt::format(
                 "  {}:{}: {} rows = {} heading + {} cases + {} node rows + {} step rows + "
                 "{} reported + {} empty\n",
                 sh.file, sh.sheet, sh.rows, sh.header_rows, sh.cases, sh.events, sh.steps,
                 sh.reported, sh.empty)
           : fmt::format(
                 "  {}:{}：{} 行 = 标题和表头 {} + 办件 {} + 节点记录 {} + 环节记录 {} + 报告 {} + "
                 "空行 {}\n",
                 sh.file, sh.sheet, sh.rows, sh.header_rows, sh.cases, sh.events, sh.steps,
                 sh.reported, sh.empty);
  // The cards first: what a leader acts on today.
  struct Group {
    const char* zh;
    const char* en;
    std::vector<CaseStatus> statuses;
  };
  const Group groups[] = {
      {"红牌（超期未办结）",
       "Red cards (open past the due date)",
       {CaseStatus::OverdueStatutory, CaseStatus::Overdue}},
      {"黄牌（临近承诺时限）", "Yellow cards (due soon)", {CaseStatus::Warning}},
      {"清单外办件", "Cases not in the catalog", {CaseStatus::NotInCatalog}},
      {"超法定时限办结", "Finished after the statutory date", {CaseStatus::LateStatutory}},
  };
  for (const auto& g : groups) {
    std::string lines;
    for (const auto& c : r.cases) {
      if (std::find(g.statuses.begin(), g.statuses.end(), c.status) == g.statuses.end()) continue;
      std::string due = c.due_promised ? Date::from_days(*c.due_promised).str() : "—";
      if ((c.status == CaseStatus::OverdueStatutory || c.status == CaseStatus::LateStatutory) &&
          c.due_statutory)
        due = Date::from_days(*c.due_statutory).str() + (en ? " (statutory)" : "（法定）");
      std::string detail = c.item ? c.item->name.value : "";
      if (!c.notes.empty() && c.status == CaseStatus::NotInCatalog)
        detail = c.notes.front().in(in.lang);
      lines += fmt::format(
          "  {}  {}  {}  {}  {} {}{}\n", where(in, *c.rec), c.rec->id,
          c.department.empty() ? "—" : c.department, detail, en ? "due" : "到期", due,
          c.days_left
              ? fmt::format(en ? ", {} working days left" : "，剩 {} 个工作日", *c.days_left)
              : "");
    }
    if (lines.empty()) continue;
    out += fmt::format("\n{}:\n{}", en ? g.en : g.zh, lines);
  }
  // Per department: the month's figures.
  out += en ? "\nBy department and month:\n" : "\n各部门分月：\n";
  for (const auto& f : r.summary)
    out += en ? fmt::format(
                    "  {} {}: received {}, finished {}, on time {} ({:.1f} %), early {}, "
                    "late {}, late statutory {}, open {}, yellow {}, red {}, statutory "
                    "red {}, not in the catalog {}, undetermined {}\n",
                    f.department, f.month, f.received, f.finished, f.on_time,
                    f.on_time_rate() * 100, f.early, f.late, f.late_statutory, f.open, f.warning,
                    f.overdue, f.overdue_statutory, f.not_in_catalog, f.undetermined)
              : fmt::format(
                    "  {} {}：受理 {}，办结 {}，按时办结 {}（{:.1f}%），提前办结 {}，超承诺 {}，"
                    "超法定 {}，在办 {}，黄牌 {}，红牌 {}，超法定红牌 {}，清单外 {}，无法判定 {}\n",
                    f.department, f.month, f.received, f.finished, f.on_time,
                    f.on_time_rate() * 100, f.early, f.late, f.late_statutory, f.open, f.warning,
                    f.overdue, f.overdue_statutory, f.not_in_catalog, f.undetermined);
  // Rows that could not be judged, with their cells.
  std::string bad;
  for (const auto& d : r.findings.list())
    if (d.rule == "monitor/bad-row" || d.rule == "monitor/unit-mismatch")
      bad += fmt::format("  {}  {}  {}\n", finding_location(in.sources.get(d.span.file), d.span),
                         d.rule, d.message.in(in.lang));
  if (!bad.empty()) out += (en ? "\nLedger rows to look at:\n" : "\n需核对的台账行：\n") + bad;
  return out;
}

void render_monitor_json(const MonitorReportInput& in,
                         const std::function<void(std::string_view)>& sink) {
  const MonitorResult& r = in.result;
  std::string out =
      fmt::format("{{\"version\": 1, \"as_of\": {}, \"warn_days\": {},\n \"cases\": [",
                  q(r.as_of.str()), r.warn_days);
  bool first = true;
  for (const auto& c : r.cases) {
    const CaseRecord& rec = *c.rec;
    std::string notes;
    for (const auto& n : c.notes) notes += (notes.empty() ? "" : ", ") + q(n.in(in.lang));
    const SourceFile& src = in.sources.get(rec.file);
    const char* card = card_of(c.status);
    out += fmt::format(
        "{}{{\"id\": {}, \"item\": {}, \"code\": {}, \"department\": {}, \"received\": {}, "
        "\"finished\": {}, \"due_promised\": {}, \"due_statutory\": {}, \"days_left\": {}, "
        "\"paused_days\": {}, \"days_used\": {}, \"status\": {}, \"status_zh\": {}, \"card\": {}, "
        "\"late_step\": {}, \"source\": {{\"file\": {}, \"sheet\": {}, \"row\": {}}}, \"notes\": "
        "[{}]}}",
        first ? "\n  " : ",\n  ", q(rec.id), c.item_id.empty() ? "null" : q(c.item_id),
        c.code.empty() ? "null" : q(c.code), c.department.empty() ? "null" : q(c.department),
        day_or_null(rec.received), day_or_null(rec.finished), day_or_null(c.due_promised),
        day_or_null(c.due_statutory), num_or_null(c.days_left), c.paused_days,
        num_or_null(c.days_used), q(status_key(c.status)), q(status_label(c.status).zh),
        card ? q(card) : "null", c.late_step.empty() ? "null" : q(c.late_step), q(src.display),
        q(src.sheet), rec.row, notes);
    first = false;
    if (out.size() > (1u << 20)) {
      sink(out);
      out.clear();
    }
  }
  out += first ? "]" : "\n ]";
  out += ",\n \"summary\": [";
  first = true;
  for (const auto& f : r.summary) {
    out += fmt::format(
        "{}{{\"department\": {}, \"month\": {}, \"received\": {}, \"finished\": {}, \"on_time\": "
        "{}, "
        "\"early\": {}, \"late\": {}, \"late_statutory\": {}, \"open\": {}, \"warning\": {}, "
        "\"overdue\": {}, \"overdue_statutory\": {}, \"not_in_catalog\": {}, \"undetermined\": {}, "
        "\"on_time_rate\": {}, \"avg_days_used\": {}, \"avg_days_promised\": {}}}",
        first ? "\n  " : ",\n  ", q(f.department), q(f.month), f.received, f.finished, f.on_time,
        f.early, f.late, f.late_statutory, f.open, f.warning, f.overdue, f.overdue_statutory,
        f.not_in_catalog, f.undetermined, f.finished ? rate(f.on_time_rate()) : "null",
        f.timed ? fmt::format("{:.1f}", double(f.days_used) / double(f.timed)) : "null",
        f.timed ? fmt::format("{:.1f}", double(f.days_promised) / double(f.timed)) : "null");
    first = false;
  }
  out += first ? "]" : "\n ]";
  out += ",\n \"findings\": [";
  const ReportInput ri{in.result.findings.list(), in.sources, in.lang};
  first = true;
  for (const auto& d : in.result.findings.list()) {
    if (d.suppressed) continue;
    out += std::string(first ? "\n  " : ",\n  ") + finding_json(ri, d) + "}";
    first = false;
    if (out.size() > (1u << 20)) {
      sink(out);
      out.clear();
    }
  }
  out += first ? "]" : "\n ]";
  const Counts n = count_findings(in.result.findings.list());
  out += fmt::format(
      ",\n \"counts\": {{\"errors\": {}, \"warnings\": {}, \"notes\": {}, \"cases\": {}}}}}\n",
      n.errors, n.warnings, n.notes, r.cases.size());
  sink(out);
}

std::string render_monitor_json(const MonitorReportInput& in) {
  std::string all;
  render_monitor_json(in, [&](std::string_view s) { all += s; });
  return all;
}

}  // namespace powerlist
