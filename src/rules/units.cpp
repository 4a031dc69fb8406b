// unit/handled-by, unit/credit-code, unit/credit-region
#include <fmt/format.h>

#include <algorithm>

#include "powerlist/rules.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

static const std::string kCreditCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

std::optional<char> credit_code_check_char(const std::string& first17) {
  static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    auto pos = kCreditCharset.find(first17[i]);
    if (pos == std::string::npos) return std::nullopt;
    sum += static_cast<int>(pos) * weights[i];
  }
  int check = 31 - sum % 31;
  if (check == 31) check = 0;
  return kCreditCharset[static_cast<size_t>(check)];
}

bool valid_credit_code(const std::string& code) {
  if (code.size() != 18) return false;
  auto c = credit_code_check_char(code.substr(0, 17));
  return c && *c == code[17];
}

// Positions 3–8 of a credit code are the registering authority's 行政区划码; a county
// catalog's 360827 accepts 360827, a city catalog's 360800 accepts any 3608xx.
static void check_credit_region(RuleContext& ctx, const Department& d) {
  const std::string& cc = d.credit_code.value;
  std::string region = ctx.catalog.project.region_code.value;
  if (ctx.catalog.project.standalone || !is_digits(region, 6) || !valid_credit_code(cc)) return;
  while (region.size() > 2 && ends_with(region, "00")) region.resize(region.size() - 2);
  const std::string seg = cc.substr(2, 6);
  if (starts_with(seg, region)) return;
  ctx.sink.add(
      rule::unit_credit_region, d.credit_code.span, "",
      {fmt::format("统一社会信用代码第 3–8 位的登记管理机关区划码 {} 不在本目录的行政区划 {} 内",
                   seg, ctx.catalog.project.region_code.value),
       fmt::format("the credit code's region segment {} (characters 3-8) is outside the "
                   "catalog region {}",
                   seg, ctx.catalog.project.region_code.value)});
}

// unit/entrusted-by: a 受委托组织 acts in the name of the organ that entrusted it; its items
// name that organ (a department of this catalog by id, or by name).
void check_entrusted(RuleContext& ctx, const Department& d) {
  const bool entrusted = d.nature.value == "受委托组织";
  for (const auto& item : d.powers) {
    if (!item.active()) continue;
    const std::string& by = item.entrusted_by.value;
    if (entrusted && by.empty()) {
      ctx.sink.add(
          rule::unit_entrusted_by, item.key.span, item_id(d, item),
          {"受委托组织实施的事项须写明委托机关（entrusted_by）：受委托组织以委托机关名义实施",
           "an item of a 受委托组织 needs entrusted_by, the organ in whose name it acts"});
      continue;
    }
    if (by.empty()) continue;
    // An id-like value must be one of the catalog's departments; a name is taken as given.
    const bool id_like = std::all_of(by.begin(), by.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    const bool known =
        std::any_of(ctx.catalog.departments.begin(), ctx.catalog.departments.end(),
                    [&](const Department& o) { return o.id.value == by || o.name.value == by; });
    if (id_like && !known)
      ctx.sink.add(rule::unit_entrusted_by, item.entrusted_by.span, item_id(d, item),
                   {fmt::format("委托机关“{}”不是本目录中的部门（写部门标识或全称）", by),
                    fmt::format("entrusted_by '{}' is no department of this catalog", by)});
  }
}

void check_units(RuleContext& ctx) {
  for (const auto& d : ctx.catalog.departments) {
    const std::string& cc = d.credit_code.value;
    if (!cc.empty() && !valid_credit_code(cc)) {
      std::string why_zh, why_en;
      if (cc.size() != 18) {
        why_zh = fmt::format("长度为 {} 位，应为 18 位", cc.size());
        why_en = fmt::format("has {} characters, needs 18", cc.size());
      } else if (auto expect = credit_code_check_char(cc.substr(0, 17))) {
        why_zh = fmt::format("校验码应为 {}，实际为 {}", *expect, cc[17]);
        why_en = fmt::format("check character should be {}, found {}", *expect, cc[17]);
      } else {
        why_zh = "含有不允许的字符（不使用 I、O、S、V、Z）";
        why_en = "contains characters outside the GB 32100 set (no I, O, S, V, Z)";
      }
      ctx.sink.add(rule::unit_credit_code, d.credit_code.span, "",
                   {fmt::format("统一社会信用代码“{}”{}", cc, why_zh),
                    fmt::format("credit code '{}' {}", cc, why_en)});
    }
    check_credit_region(ctx, d);
    check_entrusted(ctx, d);
    for (const auto& item : d.powers) {
      if (item.handled_by.value.empty()) continue;
      const bool known = std::any_of(d.units.begin(), d.units.end(), [&](const LStr& u) {
        return u.value == item.handled_by.value;
      });
      if (known) continue;
      std::string list;
      for (const auto& u : d.units) list += (list.empty() ? "" : "、") + u.value;
      ctx.sink.add(rule::unit_handled_by, item.handled_by.span, item_id(d, item),
                   {fmt::format("承办机构“{}”不是本部门内设机构（{}）", item.handled_by.value,
                                list.empty() ? "未列出 units" : list),
                    fmt::format("handled_by '{}' is not one of department.units ({})",
                                item.handled_by.value, list.empty() ? "none listed" : list)});
    }
  }
}

}  // namespace powerlist
