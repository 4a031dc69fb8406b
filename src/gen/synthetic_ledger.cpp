// `powerlist gen --cases N`: a case ledger for a generated catalog, for tests and bench/.
#include <fmt/format.h>

#include "gen/lcg.hpp"
#include "powerlist/codes.hpp"
#include "powerlist/date.hpp"
#include "powerlist/gen.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

void generate_ledger(const Catalog& catalog, const LedgerGenOptions& o,
                     const std::function<void(std::string_view)>& out) {
  struct Pick {
    const Department* dept;
    const PowerItem* item;
    std::string code;
    long days;  // the promised (else statutory) limit in calendar days, roughly
  };
  std::vector<Pick> items;
  for (const auto& d : catalog.departments)
    for (const auto& p : d.powers) {
      if (!p.active()) continue;
      const auto& lim = p.limits.promised ? p.limits.promised : p.limits.statutory;
      // Only items with a limit that can be counted: the others' cases are undetermined.
      if (!lim || (lim->value.unit != TimeUnit::WorkDays && lim->value.unit != TimeUnit::Days))
        continue;
      long days = 10;
      if (lim && lim->value.unit == TimeUnit::WorkDays) days = lim->value.milli * 7 / 5000;
      if (lim && lim->value.unit == TimeUnit::Days) days = lim->value.milli / 1000;
      items.push_back({&d, &p, item_codes(catalog, d, p).implementation, std::max(1L, days)});
    }
  out("办件编号,事项编码,事项名称,办理部门,承办机构,受理日期,办结日期,办件状态,暂停开始,暂停结束,"
      "暂停原因\n");
  if (items.empty()) return;
  Lcg rng{o.seed * 0x9E3779B97F4A7C15ULL + 7};
  const long first = Date{o.year, 1, 2}.days();
  std::string buf;
  for (size_t n = 0; n < o.cases; ++n) {
    const Pick& p = items[rng.pick(items.size())];
    const long received = first + static_cast<long>(rng.pick(340));
    const size_t fate =
        rng.pick(100);  // 0–69 early/on time, 70–84 late, 85–89 very late, rest open
    long used = static_cast<long>(rng.pick(static_cast<size_t>(p.days) + 1));
    if (fate >= 70 && fate < 85) used = p.days + 1 + static_cast<long>(rng.pick(10));
    if (fate >= 85 && fate < 90) used = p.days * 3 + static_cast<long>(rng.pick(30));
    const bool open = fate >= 90;
    const bool outside = rng.pick(100) == 0;
    const bool paused = rng.pick(10) == 0;
    std::string pause = ",,";
    if (paused) {
      const long from = received + 1 + static_cast<long>(rng.pick(3));
      pause = fmt::format("{},{},补正", Date::from_days(from).str(),
                          Date::from_days(from + 2 + static_cast<long>(rng.pick(5))).str());
      used += 5;
    }
    buf += fmt::format(
        "BJ{:08},{},{},{},{},{},{},{},{}\n", n + 1,
        outside ? p.code.substr(0, p.code.size() > 4 ? p.code.size() - 4 : 0) + "9999" : p.code,
        outside ? std::string("未列入目录的审批事项") : p.item->name.value, p.dept->name.value,
        p.item->handled_by.value, Date::from_days(received).str(),
        open ? "" : Date::from_days(received + used).str(), open ? "在办" : "已办结", pause);
    if (buf.size() > (1u << 20)) {
      out(buf);
      buf.clear();
    }
  }
  out(buf);
}

}  // namespace powerlist
