// Shared by the ledger front end's files: cell text as compared, the nodes of an event-form
// ledger and how event rows become cases.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "powerlist/ledger.hpp"

namespace powerlist {

// A cell or heading without whitespace of any kind (full-width spaces and line breaks too).
std::string squeeze(std::string_view s);

enum class Node { Accept, Notice, Resubmit, SpecialStart, SpecialEnd, Finish, Unknown };
// A node as written in a 节点 cell or a sheet's name (受理信息表, 审批结果信息表 …).
Node node_of(const std::string& text);
// 09:30 (or 9时30分) after a date: minutes since midnight; -1 when the cell has no time.
int minute_of_day(const std::string& text);

struct Event {
  std::string id;
  Node node = Node::Unknown;
  std::optional<long> day;
  int minute = -1;  // time of day when the cell gives one (orders a day's nodes)
  uint32_t code = 0, name = 0, department = 0, unit = 0, reason = 0;
  uint32_t file = 0, row = 0, col = 0;
};

// Event rows → cases (ledger_events.cpp); `stop` is set when the case bound is reached.
void merge_events(LedgerRead& out, std::vector<Event>& events,
                  std::unordered_map<std::string, uint32_t>& ids, const LedgerOptions& o,
                  Message& stop);

}  // namespace powerlist
