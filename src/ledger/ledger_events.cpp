// Event-form ledgers (行政审批电子监察 data standards: 受理, 补正告知, 补交受理, 特别程序开始/结束,
// 办结 as rows): nodes told from their words, ordered by day and time, and merged into cases
// with their pauses. Also the whitespace-free text every ledger file compares.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "ledger/ledger_parts.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

std::string squeeze(std::string_view s) {
  // Most cells have no whitespace at all: no decoding then.
  bool plain = true;
  for (unsigned char c : s)
    if (c <= ' ' || c == 0xC2 || c == 0xE3) {
      plain = false;
      break;
    }
  if (plain) return std::string(s);
  std::string out;
  for (char32_t c : decode_utf8(s))
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0x3000 && c != 0xA0)
      append_utf8(out, c);
  return out;
}

namespace {

bool has(const std::string& s, const char* w) {
  return s.find(w) != std::string::npos;
}

}  // namespace

Node node_of(const std::string& text) {
  const std::string t = squeeze(text);
  if (has(t, "补交") || has(t, "补正受理") || has(t, "补齐")) return Node::Resubmit;
  if (has(t, "告知") || has(t, "补正")) return Node::Notice;
  if (has(t, "特别程序开始") || has(t, "暂停开始") || has(t, "挂起")) return Node::SpecialStart;
  if (has(t, "特别程序结束") || has(t, "暂停结束") || has(t, "恢复")) return Node::SpecialEnd;
  if (has(t, "办结") || has(t, "结果") || has(t, "结案") || has(t, "决定")) return Node::Finish;
  if (has(t, "受理") || has(t, "立案")) return Node::Accept;
  return Node::Unknown;
}

int minute_of_day(const std::string& text) {
  const size_t colon = text.find(':');
  size_t at = colon;
  if (at == std::string::npos) at = text.find("时");
  if (at == std::string::npos || at == 0) return -1;
  size_t b = at;
  while (b > 0 && std::isdigit(static_cast<unsigned char>(text[b - 1]))) --b;
  if (b == at || at - b > 2) return -1;
  const int h = std::stoi(text.substr(b, at - b));
  const size_t m0 = at + (colon != std::string::npos ? 1 : 3);
  size_t m1 = m0;
  while (m1 < text.size() && m1 - m0 < 2 && std::isdigit(static_cast<unsigned char>(text[m1])))
    ++m1;
  const int m = m1 > m0 ? std::stoi(text.substr(m0, m1 - m0)) : 0;
  return h < 24 && m < 60 ? h * 60 + m : -1;
}

// Event rows → cases: a case per 受理 (unless a case row has that number), its 办结 the
// finished date, 补正告知→补交受理 and 特别程序开始→结束 its pauses, in time order.
void merge_events(LedgerRead& out, std::vector<Event>& events,
                  std::unordered_map<std::string, uint32_t>& ids, const LedgerOptions& o,
                  Message& stop) {
  // By case, day, time of day, then the order nodes happen in (受理 first, 办结 last): a ledger
  // listed newest first, or grouped by node, reads the same.
  auto rank = [](Node n) {
    switch (n) {
      case Node::Accept:
        return 0;
      case Node::Notice:
      case Node::SpecialStart:
        return 1;
      case Node::Resubmit:
      case Node::SpecialEnd:
        return 2;
      default:
        return 3;
    }
  };
  std::stable_sort(events.begin(), events.end(), [&](const Event& a, const Event& b) {
    if (a.id != b.id) return a.id < b.id;
    if (*a.day != *b.day) return *a.day < *b.day;
    if (a.minute != b.minute && a.minute >= 0 && b.minute >= 0) return a.minute < b.minute;
    return rank(a.node) < rank(b.node);
  });
  std::vector<size_t> starts;  // pending pause starts of the current case
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    if (i == 0 || events[i - 1].id != e.id) starts.clear();
    auto it = ids.find(e.id);
    const bool last_of_case = i + 1 == events.size() || events[i + 1].id != e.id;
    if (e.node == Node::Accept) {
      if (it == ids.end()) {
        CaseRecord c;
        c.id = e.id;
        c.code = e.code, c.name = e.name, c.department = e.department, c.unit = e.unit;
        c.received = e.day;
        c.file = e.file, c.row = e.row, c.received_col = e.col;
        if (out.cases.size() >= o.max_cases) {
          stop = limit_exceeded(fmt::format("办件数（上限 {}）", o.max_cases),
                                fmt::format("cases (at most {})", o.max_cases));
          return;
        }
        ids.emplace(e.id, static_cast<uint32_t>(out.cases.size()));
        out.cases.push_back(std::move(c));
      } else if (!out.cases[it->second].received) {
        out.cases[it->second].received = e.day;
      }
      if (last_of_case)
        if (auto c = ids.find(e.id); c != ids.end())
          for (size_t st : starts)
            out.cases[c->second].pauses.push_back(
                {*events[st].day, -1, out.pool.at(events[st].reason)});
      continue;
    }
    if (it == ids.end()) {
      out.reported.push_back(
          {e.file,
           e.row,
           {fmt::format("办件 {} 没有受理记录，本节点未计入", e.id),
            fmt::format("case {} has no 受理 record; this node is not counted", e.id)}});
      continue;
    }
    CaseRecord& c = out.cases[it->second];
    if (e.node == Node::Finish) {
      c.finished = e.day;
      c.finished_col = e.col;
      if (c.received && *c.finished < *c.received)
        c.problems.push_back({"办结早于受理", "finished before received"});
    } else if (e.node == Node::Notice || e.node == Node::SpecialStart) {
      starts.push_back(i);
    } else if (!starts.empty()) {  // Resubmit, SpecialEnd: closes the latest open pause
      const Event& s = events[starts.back()];
      starts.pop_back();
      c.pauses.push_back({*s.day, *e.day, out.pool.at(s.reason)});
    } else {
      out.reported.push_back({e.file,
                              e.row,
                              {"暂停结束节点之前没有对应的开始节点，未计入",
                               "a pause end without a start before it; not counted"}});
    }
    // A pause still open at the case's last event runs until as_of (or its finish).
    if (last_of_case)
      for (size_t s : starts)
        c.pauses.push_back({*events[s].day, -1, out.pool.at(events[s].reason)});
  }
}

}  // namespace powerlist
