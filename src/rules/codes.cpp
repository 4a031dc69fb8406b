// code/unassigned, code/lock-conflict (a retired key used again), catalog/removed-silently,
// catalog/baseline-missing, catalog/baseline-extra. The lock file's own problems are found
// when it is parsed (src/codes/lock_file.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "powerlist/rules.hpp"

namespace powerlist {

namespace {

void check_lock(RuleContext& ctx) {
  const Catalog& c = ctx.catalog;
  std::set<std::string> in_sources;
  bool all_loaded = true;
  for (const auto& d : c.departments) {
    all_loaded = all_loaded && d.loaded;
    for (const auto& it : d.powers) {
      if (it.key.value.empty()) continue;
      const std::string id = item_id(d, it);
      in_sources.insert(id);
      auto e = c.lock.entries.find(id);
      if (e == c.lock.entries.end()) {
        if (it.active() && c.lock.usable)
          ctx.sink.add(
              rule::code_unassigned, it.key.span, id,
              {fmt::format("事项“{}”尚未分配编码；请运行 powerlist codes", it.name.value),
               fmt::format("item '{}' has no code yet; run powerlist codes", it.name.value)});
        continue;
      }
      if (it.active() && !e->second.active)
        ctx.sink.add(
            rule::code_lock_conflict, it.key.span, id,
            {fmt::format("标识“{}”的事项已于 {} 取消（编码 {}）；已取消的标识和编码不得重新使用，"
                         "请为新事项另起标识",
                         it.key.value, e->second.retired ? e->second.retired->str() : "?",
                         e->second.basic),
             fmt::format("key '{}' was retired on {} (code {}); retired keys and codes "
                         "are never reused: give the new item another key",
                         it.key.value, e->second.retired ? e->second.retired->str() : "?",
                         e->second.basic)});
    }
  }
  // A department file that failed to parse would make all its items look removed.
  if (!all_loaded) return;
  for (const auto& [id, e] : c.lock.entries) {
    if (!e.active || in_sources.count(id)) continue;
    ctx.sink.add(
        rule::catalog_removed_silently, e.span, id,
        {fmt::format(
             "锁文件中的在用事项 {}（编码 {}）已从目录中删除，但没有取消记录；"
             "不得擅自放弃、隐瞒所行使的行政权力：请恢复该事项并填写 retired（日期、理由、依据）",
             id, e.implementation.empty() ? e.basic : e.implementation),
         fmt::format("active item {} (code {}) is gone from the sources without a retired record; "
                     "restore it with retired: date, reason and basis",
                     id, e.implementation.empty() ? e.basic : e.implementation)});
  }
}

bool level_applies(const BaselineEntry& b, const std::string& level) {
  return b.levels.empty() || level.empty() ||
         std::find(b.levels.begin(), b.levels.end(), level) != b.levels.end();
}

void check_baseline(RuleContext& ctx) {
  const Catalog& c = ctx.catalog;
  std::map<std::string, const BaselineEntry*> listed;
  for (const auto& b : c.baseline) listed.emplace(b.code.value, &b);
  std::set<std::string> implemented;
  for (const auto& d : c.departments)
    for (const auto& it : d.powers) {
      if (!it.active()) continue;
      const std::string id = item_id(d, it);
      if (it.baseline.value.empty()) {
        ctx.sink.add(
            rule::catalog_baseline_extra, it.name.span, id,
            {fmt::format("事项“{}”未关联基本目录（没有 baseline 基本编码）", it.name.value),
             fmt::format("item '{}' is not linked to a baseline item (no baseline code)",
                         it.name.value)});
        continue;
      }
      implemented.insert(it.baseline.value);
      if (!listed.count(it.baseline.value))
        ctx.sink.add(
            rule::catalog_baseline_extra, it.baseline.span, id,
            {fmt::format("基本编码 {} 不在基本目录中", it.baseline.value),
             fmt::format("baseline code {} is not in the baseline list", it.baseline.value)});
    }
  for (const auto& b : c.baseline) {
    if (implemented.count(b.code.value) || !level_applies(b, c.project.level.value)) continue;
    ctx.sink.add(
        rule::catalog_baseline_missing, b.span, "",
        {fmt::format("基本目录事项 {}“{}”适用于{}，但本目录没有实施它的事项", b.code.value,
                     b.name.value, c.project.level.value.empty() ? "本级" : c.project.level.value),
         fmt::format("baseline item {} '{}' applies at this level but no item "
                     "implements it",
                     b.code.value, b.name.value)});
  }
}

}  // namespace

void check_codes(RuleContext& ctx) {
  if (ctx.catalog.project.standalone) return;
  check_lock(ctx);
  if (ctx.catalog.has_baseline) check_baseline(ctx);
}

}  // namespace powerlist
