// The 效能监察 page: one self-contained HTML file (no script, no external asset) a leader reads
// at a glance — the cards by department, the monthly on-time rate, the slowest powers, then
// the red and yellow cards. Every text from the ledger or the catalog goes through
// xml_escape; the bars are CSS widths computed here.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "powerlist/monitor.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

std::string esc(std::string_view s) {
  return xml_escape(s);
}

std::string bar(double fraction, const char* color) {
  const double w = std::clamp(fraction, 0.0, 1.0) * 100.0;
  return fmt::format("<span class=bar style=\"width:{:.1f}%;background:{}\"></span>", w, color);
}

}  // namespace

std::string render_monitor_html(const MonitorReportInput& in) {
  const MonitorResult& r = in.result;
  const bool en = in.lang == Lang::En;
  auto t = [&](const char* zh, const char* e) { return en ? e : zh; };
  // Cards by department; months overall; items by lateness.
  struct DeptCards {
    long red = 0, yellow = 0, outside = 0, late = 0, cases = 0;
  };
  std::map<std::string, DeptCards> by_dept;
  struct MonthRate {
    long finished = 0, on_time = 0;
  };
  std::map<std::string, MonthRate> by_month;
  for (const auto& f : r.summary) {
    auto& d = by_dept[f.department];
    d.red += f.overdue + f.overdue_statutory;
    d.yellow += f.warning;
    d.outside += f.not_in_catalog;
    d.late += f.late + f.late_statutory;
    d.cases += f.received;
    auto& m = by_month[f.month];
    m.finished += f.finished;
    m.on_time += f.on_time;
  }
  struct Slow {
    std::string name, dept;
    long cases = 0, late = 0, used = 0, promised = 0;
  };
  std::map<const PowerItem*, Slow> slow;
  long red = 0, yellow = 0, outside = 0, finished = 0, on_time = 0;
  for (const auto& c : r.cases) {
    if (card_of(c.status) && std::string_view(card_of(c.status)) == "red") ++red;
    if (c.status == CaseStatus::Warning) ++yellow;
    if (c.status == CaseStatus::NotInCatalog) ++outside;
    const bool done = c.status == CaseStatus::OnTime || c.status == CaseStatus::Late ||
                      c.status == CaseStatus::LateStatutory;
    if (done) ++finished;
    if (c.status == CaseStatus::OnTime) ++on_time;
    if (!c.item) continue;
    Slow& s = slow[c.item];
    s.name = c.item->name.value;
    s.dept = std::string(c.department);
    ++s.cases;
    if (c.status == CaseStatus::Late || c.status == CaseStatus::LateStatutory ||
        c.status == CaseStatus::Overdue || c.status == CaseStatus::OverdueStatutory)
      ++s.late;
  }
  std::vector<Slow> slowest;
  for (auto& [_, s] : slow)
    if (s.late) slowest.push_back(s);
  std::sort(slowest.begin(), slowest.end(), [](const Slow& a, const Slow& b) {
    if (a.late * b.cases != b.late * a.cases) return a.late * b.cases > b.late * a.cases;
    return a.name < b.name;
  });
  if (slowest.size() > 10) slowest.resize(10);

  std::string h = fmt::format(
      "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">"
      "<meta name=viewport content=\"width=device-width, initial-scale=1\">"
      "<title>{} {}</title><style>"
      "body{{font-family:\"Noto Sans CJK SC\",\"Microsoft "
      "YaHei\",sans-serif;margin:24px;color:#222;"
      "max-width:1100px}}h1{{font-size:24px}}h2{{font-size:18px;margin-top:28px}}"
      ".kpis{{display:flex;flex-wrap:wrap;gap:12px}}.kpi{{border-radius:8px;padding:12px 18px;"
      "min-width:140px}}.kpi b{{display:block;font-size:30px}}.red{{background:#ffcdd2}}"
      ".yellow{{background:#fff59d}}.purple{{background:#e1bee7}}.green{{background:#c8e6c9}}"
      "table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ddd;"
      "padding:4px 6px;text-align:left;vertical-align:top}}th{{background:#f0f3f8}}"
      ".bar{{display:inline-block;height:12px;vertical-align:middle}}.num{{text-align:right;"
      "white-space:nowrap}}.date{{white-space:nowrap}}.track{{width:260px;background:#f3f3f3}}"
      "@media (max-width:600px){{.track{{width:120px}}body{{margin:8px}}}}"
      "</style></head><body>\n",
      en ? "en" : "zh-CN", t("效能监察", "Case monitoring"), esc(r.as_of.str()));
  h += fmt::format("<h1>{}（{} {}）</h1>\n", t("效能监察", "Case monitoring"), t("截至", "as of"),
                   esc(r.as_of.str()));
  const double rate = finished ? double(on_time) / double(finished) : 0.0;
  h += "<div class=kpis>";
  h += fmt::format("<div class=\"kpi red\"><b>{}</b>{}</div>", red,
                   t("红牌（超期未办结）", "red cards"));
  h += fmt::format("<div class=\"kpi yellow\"><b>{}</b>{}</div>", yellow,
                   t("黄牌（临近到期）", "yellow cards"));
  h += fmt::format("<div class=\"kpi purple\"><b>{}</b>{}</div>", outside,
                   t("清单外办件", "outside the catalog"));
  h += fmt::format("<div class=\"kpi green\"><b>{}</b>{}</div>",
                   finished ? fmt::format("{:.1f}%", rate * 100) : "—",
                   t("按承诺时限办结率", "on-time rate"));
  h += fmt::format("<div class=kpi><b>{}</b>{}</div></div>\n", r.cases.size(), t("办件", "cases"));

  long most = 1;
  for (const auto& [_, d] : by_dept) most = std::max(most, d.red + d.yellow + d.outside);
  h += fmt::format(
      "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th class=num>{}</th><th "
      "class=num>{}</th><th class=num>{}</th><th class=num>{}</th></tr>\n",
      t("各部门的牌", "Cards by department"), t("部门", "department"),
      t("红 / 黄 / 清单外", "red / yellow / outside"), t("红牌", "red"), t("黄牌", "yellow"),
      t("清单外", "outside"), t("办件", "cases"));
  for (const auto& [name, d] : by_dept)
    h += fmt::format(
        "<tr><td>{}</td><td class=track>{}{}{}</td><td class=num>{}</td><td class=num>{}</td>"
        "<td class=num>{}</td><td class=num>{}</td></tr>\n",
        esc(name), bar(double(d.red) / double(most), "#e53935"),
        bar(double(d.yellow) / double(most), "#fdd835"),
        bar(double(d.outside) / double(most), "#8e24aa"), d.red, d.yellow, d.outside, d.cases);
  h += "</table>\n";

  h += fmt::format(
      "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th class=num>{}</th><th "
      "class=num>{}</th></tr>\n",
      t("每月按承诺时限办结率", "On-time rate by month"), t("月份", "month"), t("办结率", "rate"),
      t("办结", "finished"), t("按时", "on time"));
  for (const auto& [month, m] : by_month) {
    if (!parse_date(month + "-01")) continue;  // cases without a received date
    const double mr = m.finished ? double(m.on_time) / double(m.finished) : 0.0;
    h += fmt::format(
        "<tr><td>{}</td><td class=track>{}</td><td class=num>{}</td><td "
        "class=num>{}</td></tr>\n",
        esc(month),
        bar(mr, mr >= 0.95  ? "#43a047"
                : mr >= 0.8 ? "#fb8c00"
                            : "#e53935"),
        m.finished, m.finished ? fmt::format("{} ({:.1f}%)", m.on_time, mr * 100) : "—");
  }
  h += "</table>\n";

  if (!slowest.empty()) {
    h += fmt::format(
        "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th class=num>{}</th><th "
        "class=num>{}</th></tr>\n",
        t("超时最多的事项", "Powers most often late"), t("事项", "power"), t("部门", "department"),
        t("超时 / 办件", "late / cases"), t("超时比例", "share"));
    for (const auto& s : slowest)
      h += fmt::format(
          "<tr><td>{}</td><td>{}</td><td class=num>{} / {}</td><td class=num>{:.0f}%</td></tr>\n",
          esc(s.name), esc(s.dept), s.late, s.cases,
          100.0 * static_cast<double>(s.late) / static_cast<double>(s.cases));
    h += "</table>\n";
  }

  // The page is read, not searched: the first 200 cases to act on, red first; the rest are
  // in the workbook and JSON.
  constexpr size_t kListed = 200;
  std::string cards;
  size_t listed = 0, unlisted = 0;
  std::vector<const CaseResult*> act;
  for (const auto& c : r.cases)
    if (card_of(c.status) || c.status == CaseStatus::NotInCatalog) act.push_back(&c);
  std::stable_sort(act.begin(), act.end(), [](const CaseResult* a, const CaseResult* b) {
    auto rank = [](CaseStatus s) {
      return s == CaseStatus::OverdueStatutory ? 0
             : s == CaseStatus::Overdue        ? 1
             : s == CaseStatus::NotInCatalog   ? 2
                                               : 3;
    };
    return rank(a->status) < rank(b->status);
  });
  for (const CaseResult* cp : act) {
    const CaseResult& c = *cp;
    if (listed == kListed) {
      ++unlisted;
      continue;
    }
    ++listed;
    const char* card = card_of(c.status);
    const char* cls = !card ? "purple" : std::string_view(card) == "red" ? "red" : "yellow";
    std::string note;
    for (const auto& n : c.notes) note += (note.empty() ? "" : "；") + n.in(in.lang);
    cards += fmt::format(
        "<tr class={}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td "
        "class=date>{}</td><td>{}</td></tr>\n",
        cls, esc(c.rec->id), esc(c.department),
        esc(c.item ? c.item->name.value : in.ledger.pool.at(c.rec->name)),
        esc(status_label(c.status).in(in.lang)),
        c.status == CaseStatus::OverdueStatutory && c.due_statutory
            ? Date::from_days(*c.due_statutory).str() + t("（法定）", " (statutory)")
        : c.due_promised ? Date::from_days(*c.due_promised).str()
                         : "—",
        esc(note));
  }
  if (!cards.empty())
    h += fmt::format(
        "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
        "<th>{}</th></tr>\n{}</table>\n",
        t("需督办的办件", "Cases to act on"), t("办件编号", "case"), t("部门", "department"),
        t("事项", "power"), t("状态", "status"), t("承诺到期", "due"), t("说明", "notes"), cards);
  if (unlisted)
    h += fmt::format(
        "<p>{}</p>\n",
        en ? fmt::format("{} more cases to act on are in the workbook (--format xlsx).", unlisted)
           : fmt::format("另有 {} 件需督办的办件未列出，见工作簿（--format xlsx）。", unlisted));
  h += "</body></html>\n";
  return h;
}

}  // namespace powerlist
