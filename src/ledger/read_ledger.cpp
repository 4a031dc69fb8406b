// Ledger rows → cases. Each sheet's header row is found by its headings among the first rows;
// the sheet is then a case list (one row per case), an event list (one row per node: 受理,
// 补正告知, 补交受理, 特别程序开始/结束, 办结 — in one sheet with a 节点 column or one sheet per
// node), or step records (办件编号, 环节, 开始, 结束). Rows are turned into values as they
// arrive and never kept as cells.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "ledger/ledger_parts.hpp"
#include "powerlist/ledger.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

uint32_t StringPool::add(const std::string& s) {
  auto it = index_.find(s);
  if (it != index_.end()) return it->second;
  const auto id = static_cast<uint32_t>(strings_.size());
  strings_.push_back(s);
  index_.emplace(s, id);
  return id;
}

namespace {

enum class SheetKind { None, Cases, Events, Steps };

const char* kind_name(SheetKind k) {
  switch (k) {
    case SheetKind::Cases:
      return "cases";
    case SheetKind::Events:
      return "events";
    case SheetKind::Steps:
      return "steps";
    default:
      return "none";
  }
}

struct Layout {
  SheetKind kind = SheetKind::None;
  std::vector<std::optional<LedgerField>> fields;  // per column
  Node sheet_node = Node::Unknown;                 // one sheet per node
  uint32_t time_col = UINT32_MAX;                  // the node's time (events)
  bool any(LedgerField f) const {
    return std::any_of(fields.begin(), fields.end(), [&](const auto& x) { return x == f; });
  }
};

Layout detect(const std::vector<std::string>& cells, const std::string& sheet,
              const std::map<std::string, LedgerField>& overrides) {
  Layout l;
  std::vector<std::string> headings;
  for (const auto& c : cells) {
    const std::string h = squeeze(c);
    headings.push_back(h);
    auto o = overrides.find(h);
    l.fields.push_back(o != overrides.end() ? std::optional(o->second)
                                            : ledger_field_of_heading(c));
  }
  using F = LedgerField;
  const bool id = l.any(F::Id), key = id || l.any(F::Code) || l.any(F::Name);
  if (id && l.any(F::Step) && (l.any(F::StepStart) || l.any(F::StepEnd))) {
    l.kind = SheetKind::Steps;
  } else if (id && l.any(F::Node) && l.any(F::NodeTime)) {
    l.kind = SheetKind::Events;
  } else if (key && l.any(F::Received)) {
    l.kind = SheetKind::Cases;
  } else if (id && (l.sheet_node = node_of(sheet)) != Node::Unknown) {
    // One sheet per node: its time is the node's own column, else any …时间/…日期 column.
    for (F f : {F::Finished, F::PauseFrom, F::PauseTo, F::NodeTime})
      for (uint32_t c = 0; c < l.fields.size() && l.time_col == UINT32_MAX; ++c)
        if (l.fields[c] == f) l.time_col = c;
    for (uint32_t c = 0; c < headings.size() && l.time_col == UINT32_MAX; ++c)
      if (!l.fields[c] && (ends_with(headings[c], "时间") || ends_with(headings[c], "日期")))
        l.time_col = c;
    if (l.time_col != UINT32_MAX) l.kind = SheetKind::Events;
  }
  return l;
}

Message bad_date(const char* what_zh, const char* what_en, const std::string& text) {
  return {fmt::format("{}“{}”不是可识别的日期", what_zh, utf8_prefix(text, 40)),
          fmt::format("{} \"{}\" is not a date", what_en, utf8_prefix(text, 40))};
}

class LedgerSink : public RowSink {
 public:
  LedgerSink(LedgerRead& out, Sources& sources, const LedgerOptions& o, std::string file,
             std::unordered_map<std::string, uint32_t>& ids, std::vector<Event>& events,
             size_t& rows_seen)
      : out_(out),
        sources_(sources),
        o_(o),
        file_(std::move(file)),
        ids_(ids),
        events_(events),
        rows_seen_(rows_seen) {}

  void begin_sheet(const std::string& name) override {
    src_ = sources_.add(file_, file_, "");
    sources_.get_mut(src_).sheet = name.empty() ? "Sheet1" : name;
    sheet_ = sources_.get(src_).sheet;
    layout_ = Layout{};
    found_ = false;
    looked_ = 0;
    first_row_ = 0;
    counts_ = LedgerRead::SheetSummary{};
    counts_.file = file_;
    counts_.sheet = sheet_;
  }

  Message row(uint32_t r, const std::vector<std::string>& cells) override {
    if (++rows_seen_ % 100'000 == 0 && o_.progress) o_.progress(rows_seen_);
    if (!found_) {
      if (blank(cells)) return {};
      if (looked_ == 0) first_row_ = r;
      ++looked_;
      Layout l = detect(cells, sheet_, o_.overrides);
      if (l.kind != SheetKind::None) {
        layout_ = std::move(l);
        found_ = true;
        counts_.header_rows = r + 1;
        for (size_t c = 0; c < cells.size(); ++c)
          if (layout_.fields[c])
            counts_.columns.emplace_back(squeeze(cells[c]), ledger_field_key(*layout_.fields[c]));
        return {};
      }
      if (looked_ >= 20) found_ = true;  // no header: the rest is reported with the sheet
      return {};
    }
    if (layout_.kind == SheetKind::None) {
      if (!blank(cells)) ++counts_.reported;
      return {};
    }
    if (layout_.kind == SheetKind::Steps) return step_row(r, cells);
    if (layout_.kind == SheetKind::Events) return event_row(r, cells);
    return case_row(r, cells);
  }

  void end_sheet(uint32_t rows, std::vector<CellRange>) override {
    counts_.rows = rows;
    counts_.kind = kind_name(layout_.kind);
    if (layout_.kind == SheetKind::None) {
      counts_.reported += looked_;
      if (counts_.reported > 0)
        out_.reported.push_back(
            {src_,
             first_row_ + 1,
             {fmt::format("工作表没有台账表头（需有受理日期和办件编号、事项编码或事项名称，或 "
                          "办件编号、节点和时间），其中 {} 行有内容，均未读入；可用 --map "
                          "列名=字段 指定",
                          counts_.reported),
              fmt::format("no ledger header (受理日期 with 办件编号, 事项编码 or 事项名称; or "
                          "办件编号, 节点 and 时间): {} rows with content not read; name the "
                          "columns with --map",
                          counts_.reported)}});
    }
    const uint32_t used =
        counts_.header_rows + counts_.cases + counts_.events + counts_.steps + counts_.reported;
    counts_.empty = rows > used ? rows - used : 0;
    out_.sheets.push_back(counts_);
  }

 private:
  static bool blank(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
      return std::all_of(c.begin(), c.end(),
                         [](char ch) { return std::isspace((unsigned char)ch); });
    });
  }

  std::optional<LedgerField> field(size_t c) const {
    return c < layout_.fields.size() ? layout_.fields[c] : std::nullopt;
  }

  // Reported rows are all counted; the first 10,000 of a run are kept with their reason (a
  // file of junk must not hold a message per line).
  void report(uint32_t r, Message why) {
    ++counts_.reported;
    if (out_.reported.size() < kKeptReports) {
      out_.reported.push_back({src_, r + 1, std::move(why)});
    } else if (out_.reported.size() == kKeptReports) {
      out_.reported.push_back(
          {src_,
           r + 1,
           {"另有更多行无法读入，只列出前 10000 行；各工作表的行数统计见报告开头",
            "more rows could not be read; only the first 10,000 are listed (see the "
            "per-sheet counts)"}});
    }
  }
  static constexpr size_t kKeptReports = 10'000;

  Message case_row(uint32_t r, const std::vector<std::string>& cells) {
    using F = LedgerField;
    CaseRecord c;
    c.file = src_;
    c.row = r + 1;
    std::vector<std::pair<std::string, uint32_t>> froms, tos;
    std::vector<std::string> reasons;
    bool any = false;
    for (size_t col = 0; col < cells.size(); ++col) {
      auto f = field(col);
      if (!f || *f == F::Personal) continue;
      const std::string text = trim(cells[col]);
      if (text.empty()) continue;
      any = true;
      const auto col1 = static_cast<uint32_t>(col + 1);
      switch (*f) {
        case F::Id:
          c.id = squeeze(text), c.id_col = col1;
          break;
        case F::Code:
          c.code = out_.pool.add(squeeze(text));
          break;
        case F::Name:
          c.name = out_.pool.add(squeeze(text));
          break;
        case F::Department:
          c.department = out_.pool.add(squeeze(text));
          break;
        case F::Unit:
          c.unit = out_.pool.add(squeeze(text));
          break;
        case F::State:
          c.state = out_.pool.add(squeeze(text));
          break;
        case F::Received:
          c.received_col = col1;
          if (auto d = parse_ledger_date(text))
            c.received = d->days();
          else
            c.problems.push_back(bad_date("受理日期", "received date", text));
          break;
        case F::Finished:
          c.finished_col = col1;
          if (auto d = parse_ledger_date(text))
            c.finished = d->days();
          else
            c.problems.push_back(bad_date("办结日期", "finished date", text));
          break;
        case F::PauseFrom:
          froms.emplace_back(text, col1);
          break;
        case F::PauseTo:
          tos.emplace_back(text, col1);
          break;
        case F::PauseReason:
          reasons.push_back(text);
          break;
        case F::Pause:
          pause_cell(c, text);
          break;
        default:
          break;
      }
    }
    if (!any) {
      // Text only in columns that are no ledger field (备注 …): reported, not lost.
      if (!blank(cells))
        report(r, {"行中只有台账字段以外的列，没有办件编号、事项或日期",
                   "a row with text only in columns that are no ledger field"});
      return {};
    }
    for (size_t k = 0; k < std::max(froms.size(), tos.size()); ++k) {
      auto from = k < froms.size() ? parse_ledger_date(froms[k].first) : std::nullopt;
      auto to = k < tos.size() ? parse_ledger_date(tos[k].first) : std::nullopt;
      if ((k < froms.size() && !from) || (k < tos.size() && !to) || (!from && to)) {
        c.problems.push_back({"暂停期间的日期无法识别或缺少开始日期",
                              "a pause period's date is unreadable or its start is missing"});
        continue;
      }
      if (!from) continue;
      add_pause(c, from->days(), to ? to->days() : -1, k < reasons.size() ? reasons[k] : "");
    }
    if (c.id.empty() && c.code == 0 && c.name == 0) {
      report(r, {"行中没有办件编号、事项编码或事项名称", "no case number, item code or item name"});
      return {};
    }
    if (!c.received && c.received_col == 0)
      c.problems.push_back({"没有受理日期", "no received date"});
    if (c.received && c.finished && *c.finished < *c.received)
      c.problems.push_back(
          {fmt::format("办结日期 {} 早于受理日期 {}", Date::from_days(*c.finished).str(),
                       Date::from_days(*c.received).str()),
           fmt::format("finished {} before received {}", Date::from_days(*c.finished).str(),
                       Date::from_days(*c.received).str())});
    if (!c.id.empty()) {
      auto [it, fresh] = ids_.emplace(c.id, static_cast<uint32_t>(out_.cases.size()));
      if (!fresh) {
        const CaseRecord& first = out_.cases[it->second];
        c.problems.push_back({fmt::format("办件编号 {} 与 {}!第 {} 行重复", c.id,
                                          sources_.get(first.file).sheet, first.row),
                              fmt::format("case number {} repeats {}!row {}", c.id,
                                          sources_.get(first.file).sheet, first.row)});
      }
    }
    ++counts_.cases;
    return push_case(std::move(c));
  }

  Message push_case(CaseRecord c) {
    if (out_.cases.size() >= o_.max_cases)
      return limit_exceeded(
          fmt::format("办件数（上限 {}，请按月份或部门拆分台账）", o_.max_cases),
          fmt::format("cases (at most {}; split the ledger by month or department)", o_.max_cases));
    out_.cases.push_back(std::move(c));
    return {};
  }

  void add_pause(CaseRecord& c, long from, long to, const std::string& reason) {
    if (to >= 0 && to < from) {
      c.problems.push_back({fmt::format("暂停结束 {} 早于暂停开始 {}", Date::from_days(to).str(),
                                        Date::from_days(from).str()),
                            fmt::format("pause ends {} before it starts {}",
                                        Date::from_days(to).str(), Date::from_days(from).str())});
      return;
    }
    c.pauses.push_back({from, to, reason});
  }

  void pause_cell(CaseRecord& c, const std::string& text) {
    bool bad = false;
    auto ds = dates_in_cell(text, &bad);
    if (bad || ds.empty()) {
      c.problems.push_back(bad_date("暂停期间", "pause period", text));
      return;
    }
    for (size_t k = 0; k < ds.size(); k += 2)
      add_pause(c, ds[k].days(), k + 1 < ds.size() ? ds[k + 1].days() : -1, "");
  }

  Message event_row(uint32_t r, const std::vector<std::string>& cells) {
    using F = LedgerField;
    Event e;
    e.file = src_;
    e.row = r + 1;
    e.node = layout_.sheet_node;
    std::string time_text;
    bool any = false;
    for (size_t col = 0; col < cells.size(); ++col) {
      const std::string text = trim(cells[col]);
      if (text.empty()) continue;
      auto f = field(col);
      if (col == layout_.time_col) {
        time_text = text, e.col = static_cast<uint32_t>(col + 1), any = true;
        continue;
      }
      if (!f || *f == F::Personal) continue;
      any = true;
      switch (*f) {
        case F::Id:
          e.id = squeeze(text);
          break;
        case F::Node:
          e.node = node_of(text);
          break;
        case F::NodeTime:
          time_text = text, e.col = static_cast<uint32_t>(col + 1);
          break;
        case F::Code:
          e.code = out_.pool.add(squeeze(text));
          break;
        case F::Name:
          e.name = out_.pool.add(squeeze(text));
          break;
        case F::Department:
          e.department = out_.pool.add(squeeze(text));
          break;
        case F::Unit:
          e.unit = out_.pool.add(squeeze(text));
          break;
        case F::PauseReason:
          e.reason = out_.pool.add(text);
          break;
        default:
          break;
      }
    }
    if (!any) return {};
    if (e.id.empty()) {
      report(r, {"节点记录没有办件编号", "an event row without a case number"});
      return {};
    }
    if (e.node == Node::Unknown) {
      report(r, {"无法识别的节点（应为受理、补正告知、补交受理、特别程序开始、特别程序结束或办结）",
                 "unknown node (受理, 补正告知, 补交受理, 特别程序开始, 特别程序结束 or 办结)"});
      return {};
    }
    auto d = parse_ledger_date(time_text);
    if (!d) {
      report(r, time_text.empty() ? Message{"节点记录没有时间", "an event row without a time"}
                                  : bad_date("节点时间", "event time", time_text));
      return {};
    }
    e.day = d->days();
    e.minute = minute_of_day(time_text);
    ++counts_.events;
    if (events_.size() >= o_.max_cases * 4)
      return limit_exceeded(fmt::format("节点记录（上限 {}）", o_.max_cases * 4),
                            fmt::format("event rows (at most {})", o_.max_cases * 4));
    events_.push_back(std::move(e));
    return {};
  }

  Message step_row(uint32_t r, const std::vector<std::string>& cells) {
    using F = LedgerField;
    StepRecord s;
    s.file = src_;
    s.row = r + 1;
    bool any = false, bad = false;
    for (size_t col = 0; col < cells.size(); ++col) {
      const std::string text = trim(cells[col]);
      auto f = field(col);
      if (text.empty() || !f) continue;
      any = true;
      if (*f == F::Id) s.case_id = squeeze(text);
      if (*f == F::Step) s.step = squeeze(text);
      if (*f == F::StepStart || *f == F::StepEnd) {
        auto d = parse_ledger_date(text);
        if (!d) bad = true;
        (*f == F::StepStart ? s.start : s.end) = d ? std::optional(d->days()) : std::nullopt;
      }
    }
    if (!any) return {};
    if (s.case_id.empty() || s.step.empty() || bad || !s.start) {
      report(r, {"环节记录缺少办件编号、环节或开始日期，或日期无法识别",
                 "a step row without case number, step or start date, or with an unreadable date"});
      return {};
    }
    ++counts_.steps;
    if (out_.steps.size() >= o_.max_cases * 4)
      return limit_exceeded(fmt::format("环节记录（上限 {}）", o_.max_cases * 4),
                            fmt::format("step rows (at most {})", o_.max_cases * 4));
    out_.steps.push_back(std::move(s));
    return {};
  }

  LedgerRead& out_;
  Sources& sources_;
  const LedgerOptions& o_;
  std::string file_, sheet_;
  std::unordered_map<std::string, uint32_t>& ids_;
  std::vector<Event>& events_;
  size_t& rows_seen_;
  uint32_t src_ = 0, looked_ = 0, first_row_ = 0;
  Layout layout_;
  bool found_ = false;
  LedgerRead::SheetSummary counts_;
};

}  // namespace

LedgerRead read_ledgers(const std::vector<std::pair<std::string, std::string>>& files,
                        const LedgerOptions& options, Sources& sources) {
  LedgerRead out;
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<Event> events;
  size_t rows_seen = 0;
  for (const auto& [name, bytes] : files) {
    LedgerSink sink(out, sources, options, name, ids, events, rows_seen);
    Message err = stream_workbook(bytes, options.limits, sink);
    if (!err.zh.empty()) {
      out.fatal = {fmt::format("{}：{}", name, err.zh), fmt::format("{}: {}", name, err.en)};
      return out;
    }
  }
  Message stop;
  merge_events(out, events, ids, options, stop);
  if (!stop.zh.empty()) out.fatal = stop;
  if (out.cases.empty() && out.fatal.zh.empty())
    out.fatal = {
        "台账中没有可读的办件（需有受理日期和办件编号、事项编码或事项名称列）",
        "no case could be read (a ledger needs 受理日期 and 办件编号, 事项编码 or 事项名称)"};
  return out;
}

}  // namespace powerlist
