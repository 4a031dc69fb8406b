// Code assignment: 基本编码 / 实施编码 / 业务办理项编码 (LEGAL-FACTS.md "Code tables").
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "powerlist/codes.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

bool valid_implementation_code(std::string_view code) {
  static constexpr std::string_view kCreditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  if (code.size() != 31) return false;
  for (size_t i = 0; i < 18; ++i)
    if (kCreditChars.find(code[i]) == std::string_view::npos) return false;
  return code[18] >= '1' && code[18] <= '7' && is_digits(code.substr(19), 12);
}

char level_digit(const std::string& level) {
  static const char* names[] = {"国家级", "省级", "市级", "县级", "乡级"};
  for (int i = 0; i < 5; ++i)
    if (level == names[i]) return static_cast<char>('1' + i);
  if (level.size() == 1 && level[0] >= '1' && level[0] <= '7') return level[0];
  return '4';
}

std::string province_prefix(const Catalog& c) {
  const std::string& r = c.project.region_code.value;
  return is_digits(r, 6) ? r.substr(0, 2) : "00";
}

namespace {

// A local 基本编码: the province's two digits, the type, 主项 90001+ and 子项.
bool is_local(const std::string& basic, const std::string& prefix) {
  return is_digits(basic, 12) && basic.compare(0, 2, prefix) == 0 && basic[4] == '9';
}

struct Numbering {
  std::string prefix;
  int next_main = 90001;
  std::map<std::string, int> next_sub;  // by 5-digit 主项 (unique across types)

  void see(const std::string& code) {
    if (!is_local(code, prefix)) return;
    const int main = std::stoi(code.substr(4, 5));
    const int sub = std::stoi(code.substr(9, 3));
    next_main = std::max(next_main, main + 1);
    int& ns = next_sub[code.substr(4, 5)];
    ns = std::max(ns, sub + 1);
  }
  // "" once 90001–99999 are used up: local numbers must not run into the province's own.
  std::string new_main(const std::string& type) {
    if (next_main > 99999) return "";
    std::string code = fmt::format("{}{}{:05d}000", prefix, type, next_main);
    see(code);
    return code;
  }
  std::string new_sub(const std::string& parent_basic) {
    const std::string main = parent_basic.substr(4, 5);
    int& ns = next_sub[main];
    if (ns == 0) ns = 1;
    if (ns > 999) return "";
    std::string code = parent_basic.substr(0, 9) + fmt::format("{:03d}", ns);
    see(code);
    return code;
  }
};

std::string implementation_code(const Catalog& c, const Department& d, const std::string& basic) {
  if (d.credit_code.value.size() != 18 || basic.empty()) return "";
  std::string code = d.credit_code.value + level_digit(c.project.level.value) + basic;
  return valid_implementation_code(code) ? code : "";
}

}  // namespace

AssignResult assign_codes(const Catalog& c, const CodeLock& old, Date today) {
  AssignResult res;
  res.lock = old;
  res.lock.present = true;
  Numbering num{province_prefix(c)};
  for (const auto& [id, e] : old.entries) {
    num.see(e.basic);
    for (const auto& p : e.previous) num.see(p);
  }
  // Items by id, so that numbering does not depend on file or item order.
  struct Ref {
    const Department* d;
    const PowerItem* it;
  };
  std::map<std::string, Ref> items;
  for (const auto& d : c.departments) {
    if (!d.loaded || d.id.value.empty()) continue;
    for (const auto& it : d.powers)
      if (!it.key.value.empty()) items.emplace(item_id(d, it), Ref{&d, &it});
  }
  auto log = [&](std::string zh, std::string en) {
    res.log.push_back({std::move(zh), std::move(en)});
  };
  // Parents before their 子项: a 子项 takes its parent's 主项.
  std::vector<std::string> order;
  for (const auto& [id, ref] : items)
    if (ref.it->parent.value.empty()) order.push_back(id);
  for (const auto& [id, ref] : items)
    if (!ref.it->parent.value.empty()) order.push_back(id);

  for (const auto& id : order) {
    const Department& d = *items.at(id).d;
    const PowerItem& it = *items.at(id).it;
    auto found = res.lock.entries.find(id);
    if (found == res.lock.entries.end()) {
      LockEntry e;
      e.id = id;
      if (!it.baseline.value.empty()) {
        e.basic = it.baseline.value;
      } else if (!it.parent.value.empty()) {
        auto p = res.lock.entries.find(d.id.value + "/" + it.parent.value);
        e.basic = p != res.lock.entries.end() && is_local(p->second.basic, num.prefix)
                      ? num.new_sub(p->second.basic)
                      : num.new_main(category_info(it.category.value).code);
      } else {
        e.basic = num.new_main(category_info(it.category.value).code);
      }
      if (e.basic.empty()) {
        res.errors.push_back(
            {fmt::format("无法为 {}（{}）分配本地编码：本地主项编号 90001–99999（或该主项的子项 "
                         "001–999）已用完；"
                         "请为事项填写 baseline 基本编码",
                         id, it.name.value),
             fmt::format("cannot give {} ({}) a local code: local main numbers 90001-99999 (or "
                         "sub-numbers 001-999) are used up; give items their baseline codes",
                         id, it.name.value)});
        continue;
      }
      e.implementation = implementation_code(c, d, e.basic);
      e.assigned = today;
      if (!it.active()) {
        e.active = false;
        e.retired = it.retired->date ? it.retired->date->value : today;
        e.reason = it.retired->reason.value;
      }
      log(fmt::format("新编码 {} {}（{}）", e.implementation.empty() ? e.basic : e.implementation,
                      id, it.name.value),
          fmt::format("new code {} {} ({})", e.implementation.empty() ? e.basic : e.implementation,
                      id, it.name.value));
      res.lock.entries.emplace(id, std::move(e));
      ++res.assigned;
      continue;
    }
    LockEntry& e = found->second;
    if (!e.active) continue;  // a retired key stays retired (check reports its reuse)
    if (!it.active()) {
      e.active = false;
      e.retired = it.retired->date ? it.retired->date->value : today;
      e.reason = it.retired->reason.value;
      log(fmt::format("取消 {}（{}）：{}", id, it.name.value, e.reason),
          fmt::format("retired {} ({}): {}", id, it.name.value, e.reason));
      ++res.retired;
      continue;
    }
    // A baseline named later replaces a local number, which stays reserved in `previous`.
    if (!it.baseline.value.empty() && e.basic != it.baseline.value) {
      e.previous.push_back(e.basic);
      e.basic = it.baseline.value;
    }
    const std::string impl = implementation_code(c, d, e.basic);
    if (impl != e.implementation) {
      if (!e.implementation.empty()) e.previous.push_back(e.implementation);
      log(fmt::format("更新 {}：{} → {}", id, e.implementation, impl),
          fmt::format("updated {}: {} → {}", id, e.implementation, impl));
      e.implementation = impl;
      ++res.updated;
    }
  }
  return res;
}

ItemCodes item_codes(const Catalog& c, const Department& d, const PowerItem& item) {
  ItemCodes out;
  auto it = c.lock.entries.find(item_id(d, item));
  if (it == c.lock.entries.end()) return out;
  out.basic = it->second.basic;
  out.implementation = it->second.implementation;
  if (!out.implementation.empty())
    for (const auto& h : item.handle_items)
      out.handle.emplace_back(out.implementation + h.code.value, h.name.value);
  return out;
}

}  // namespace powerlist
