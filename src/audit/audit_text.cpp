#include "audit_text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace powerlist {

std::string section_number(int n) {
  static const char* digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  if (n < 10) return digits[n];
  return std::string(n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10];
}

size_t listed_total(const AuditReport& r) {
  return r.listed[0] + r.listed[1] + r.listed[2];
}

std::string opening_text(const AuditReport& r) {
  const std::string title = r.title.empty() ? "行政职权目录" : r.title;
  std::string s =
      r.one_submission
          ? fmt::format("　　你单位报送的《{}》（{} 项职权）收悉。经审核，", title, r.items)
          : fmt::format("　　各部门报送的《{}》（{} 个部门、{} 项职权）收悉。经审核，", title,
                        r.departments.size(), r.items);
  const size_t listed = listed_total(r);
  if (listed == 0) {
    s += "未发现须更正的问题。";
  } else {
    s += fmt::format(
        "{} 个事项存在问题，共提出审核意见 {} 条（错误 {} 条、警告 {} 条、提示 {} 条）。",
        r.items_with_findings, listed, r.listed[0], r.listed[1], r.listed[2]);
    if (r.listed[0]) s += "标为“错误”的须更正后方可发布，";
    s += "标为“警告”的应当修改或说明理由，“提示”供参考。";
  }
  if (r.law_base_findings)
    s += fmt::format("另有 {} 处引用的文件法规库未能核对，列于“未能核对的依据”，不计为部门的问题。",
                     r.law_base_findings);
  s += "审核基准日为 " + r.as_of + "。";
  if (listed) s += "具体意见如下：";
  return s;
}

std::string closing_text(const AuditReport& r) {
  if (!listed_total(r)) return "　　特此函告。";
  return "　　请对照上述意见逐项核实修改，于收到本意见之日起 20 个工作日内将修改后的清单重新报送。"
         "对审核意见有不同看法的，请书面说明理由和依据。\n　　特此函告。";
}

std::string ratio_intro(const AuditReport& r) {
  int shortened = 0;
  for (size_t i = 0; i < 3 && i < r.ratios.size(); ++i) shortened += r.ratios[i].count;
  return fmt::format(
      "　　同时列明法定时限和承诺时限且单位相同的事项 {} "
      "项，其中承诺时限比法定时限缩短三分之一以上的 {} "
      "项。",
      r.ratio_items, shortened);
}

std::string unchecked_intro(const AuditReport&) {
  // Said to the department: which instruments the office checks itself — not how its tool works.
  return "　　以下文件本机关法规库未收录，其效力、版本和条文由本机关另行核对，不计为部门的问题。";
}

std::string common_heading(int n, const AuditCommon& c) {
  std::string s =
      fmt::format("（{}）【{}】{}", section_number(n), severity_zh(c.severity), c.message);
  for (const auto& note : c.notes) s += "（" + note + "）";
  s += fmt::format("（涉及 {} 项）", c.uses.size());
  if (!c.correction_head.empty())
    s += "\n　　修改建议：" + c.correction_head + (c.no_articles ? "。" : "，条文见下表。");
  return s;
}

AuditTable common_table(const AuditCommon& c) {
  AuditTable t;
  if (c.correction_head.empty())
    t.columns = {{"序号", 24}, {"事项名称", 170}, {"位置", 110}, {"修改建议", 207}};
  else if (c.no_articles)
    t.columns = {{"序号", 24}, {"事项名称", 337}, {"位置", 150}};
  else
    t.columns = {{"序号", 24}, {"事项名称", 237}, {"位置", 110}, {"条文", 140}};
  t.numeric = {true, false, false, false};
  for (const auto& u : c.uses) {
    t.rows.push_back({std::to_string(u.seq), u.name, u.where, u.corrections});
    if (c.no_articles) t.rows.back().pop_back();
  }
  return t;
}

// Where a finding is: the cell alone on the item's own sheet, else sheet!cell or file:line.
static std::string place(const AuditItem& it, const AuditFinding& f) {
  if (!f.cell.empty() && f.sheet == it.sheet) return f.cell;
  return f.location;
}

std::string item_label(const AuditItem& it) {
  if (it.id.empty()) return "（不涉及具体事项）";
  if (it.sheet.empty()) return it.name;
  return fmt::format("{}\n（{} 第{}行）", it.name, it.sheet, it.row);
}

std::string opinion_text(const AuditItem& it, const AuditFinding& f) {
  const std::string where = place(it, f);
  std::string s = fmt::format("【{}】{}{}", severity_zh(f.severity),
                              where.empty() ? "" : where + "：", f.message);
  for (const auto& n : f.notes) s += "（" + n + "）";
  for (const auto& c : f.corrections) s += "\n　修改建议：" + c;
  return s;
}

std::string opinions_text(const AuditItem& it) {
  std::string s;
  for (const auto& f : it.findings) s += (s.empty() ? "" : "\n") + opinion_text(it, f);
  return s;
}

std::vector<AuditSection> audit_sections(const AuditReport& r) {
  std::vector<AuditSection> out;
  auto next = [&](const std::string& name) -> AuditSection& {
    out.emplace_back();
    out.back().heading = fmt::format("{}、{}", section_number(static_cast<int>(out.size())), name);
    return out.back();
  };
  std::vector<const AuditDepartment*> with;
  for (const auto& d : r.departments)
    if (!d.items.empty()) with.push_back(&d);
  if (!r.catalog_level.items.empty()) with.push_back(&r.catalog_level);
  if (!r.common.empty()) {
    AuditSection& s = next("共性问题");
    s.intro = "　　以下问题在多个事项中相同，各列一次，附所涉事项及各自的修改建议。";
    for (const auto& c : r.common) s.commons.push_back(&c);
  }
  if (!with.empty()) {
    AuditSection& s = next(r.common.empty() ? "审核意见（逐项）" : "其他问题（逐项）");
    int sub = 0;
    for (const AuditDepartment* d : with)
      s.groups.push_back({with.size() > 1 || d == &r.catalog_level
                              ? fmt::format("（{}）{}", section_number(++sub), d->name)
                              : std::string(),
                          d});
  }
  if (!r.overlaps.empty()) {
    AuditTable& t = next("跨部门职责交叉（多头执法）").table;
    t.columns = {{"部门", 110}, {"事项", 120}, {"情况", 281}};
    for (const auto& o : r.overlaps) t.rows.push_back({o.department, o.id, o.detail});
  }
  if (!r.without_basis.empty()) {
    AuditTable& t = next("无实施依据的事项").table;
    t.columns = {{"部门", 110}, {"事项", 301}, {"类别", 100}};
    for (const auto& o : r.without_basis) t.rows.push_back({o.department, o.name, o.category});
  }
  if (r.ratio_items) {
    AuditSection& s = next("承诺时限压缩情况");
    s.intro = ratio_intro(r);
    s.table.columns = {{"承诺时限 ÷ 法定时限", 271}, {"事项数", 120}, {"占比", 120}};
    s.table.numeric = {false, true, true};
    for (const auto& b : r.ratios)
      s.table.rows.push_back({b.label, std::to_string(b.count), fmt::format("{}%", b.percent)});
    s.table.rows.push_back({"合计", std::to_string(r.ratio_items), "100%"});
  }
  if (!r.law_changes.empty()) {
    AuditSection& s = next("法律法规修改后未及时修订的事项");
    s.intro =
        "　　除前面已列出的以外，所引法律法规有新版本施行满 20 "
        "个工作日、清单仍未按新版本修订的事项：";
    s.table.columns = {{"部门", 90}, {"事项", 140}, {"法律法规", 120}, {"情况", 161}};
    for (const auto& o : r.law_changes)
      s.table.rows.push_back({o.department, o.name, o.law, o.detail});
  }
  if (r.departments.size() > 1) {
    AuditTable& t = next("各部门职权数量").table;
    t.columns.push_back({"部门", 100});
    const double cw =
        (511.0 - 100 - 5 * 30) / static_cast<double>(std::max<size_t>(1, r.categories.size()));
    for (const auto& c : r.categories) t.columns.push_back({c, cw});
    for (const char* h : {"合计", "不公开", "错误", "警告", "提示"}) t.columns.push_back({h, 30});
    t.numeric.assign(t.columns.size(), true);
    t.numeric[0] = false;
    for (const auto& d : r.departments) {
      std::vector<std::string> row = {d.name};
      for (int k : d.per_category) row.push_back(std::to_string(k));
      for (size_t k : {size_t(d.total), size_t(d.non_public), d.errors, d.warnings, d.notes})
        row.push_back(std::to_string(k));
      t.rows.push_back(std::move(row));
    }
  }
  if (!r.unchecked.empty()) {
    AuditSection& s = next("未能核对的依据（审核机关待办，不计为部门的问题）");
    s.intro = unchecked_intro(r);
    if (!r.unchecked.empty()) {
      s.table.columns = {{"文件", 170}, {"推断层级", 70}, {"次数", 36}, {"位置", 235}};
      s.table.numeric = {false, false, true, false};
      for (const auto& u : r.unchecked)
        s.table.rows.push_back({"《" + u.name + "》", u.level, std::to_string(u.count), u.where});
    }
  }
  return out;
}

}  // namespace powerlist
