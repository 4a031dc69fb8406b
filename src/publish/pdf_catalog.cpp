// catalog.pdf (the printed 行政职权目录) and internal/涉密不宜公开行政职权目录.pdf.
// Layout: cover, contents, one landscape table per category, one portrait flowchart page
// per item. Tables are measured first so the contents can carry page numbers.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "pdf/pdf_table.hpp"
#include "pdf/pdf_writer.hpp"
#include "powerlist/publish.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

const char* chinese_ordinal(size_t n) {
  static const char* names[] = {"一", "二", "三", "四",   "五",   "六",  "七",
                                "八", "九", "十", "十一", "十二", "十三"};
  return n < 13 ? names[n] : "十余";
}

std::string basis_cell(const PowerItem& it) {
  std::vector<std::string> parts;
  for (const auto& b : it.basis) parts.push_back(citation_text(b));
  return parts.empty() ? "—" : join(parts, "；");
}

std::string fees_cell(const PowerItem& it) {
  if (it.fees_none || it.fees.empty()) return "不收费";
  std::string out;
  for (const auto& f : it.fees) {
    out += (out.empty() ? "" : "；") + f.name.value + " " + f.standard;
    if (f.basis) out += "（依据：" + citation_text(*f.basis) + "）";
  }
  return out;
}

// 公开形式；公开范围；公开时间
std::string disclosure_cell(const PowerItem& it) {
  if (!it.disclosure) return "—";
  std::vector<std::string> parts;
  for (const std::string& s :
       {join_values(it.disclosure->forms), it.disclosure->scope.value, it.disclosure->timing.value})
    if (!s.empty()) parts.push_back(s);
  return parts.empty() ? "—" : join(parts, "；");
}

// 实施主体（委托机关）, 承办机构, 负责人
std::string unit_cell(const Department& d, const PowerItem& it) {
  std::string out = d.name.value;
  if (!it.entrusted_by.value.empty()) out += "（受" + it.entrusted_by.value + "委托）";
  if (!it.handled_by.value.empty()) out += "\n" + it.handled_by.value;
  if (!it.responsible.value.empty()) out += "\n负责人：" + it.responsible.value;
  return out;
}

// 廉政风险点: "A级 决定：处罚畸轻畸重" per point; the measures are on the item's chart page.
std::string risk_cell(const PowerItem& it) {
  std::string out;
  for (const auto& r : it.risks)
    out += (out.empty() ? "" : "\n") + r.level.value + "级 " + r.step.value + "：" + r.point;
  return out.empty() ? "—" : out;
}

// 公开 parts every item of a table shares (范围, 时间, and the forms if they agree too) are said
// once after the table's heading; the column keeps what differs, or goes when nothing does.
struct Section;
void share_disclosure(Section& s);

std::vector<PdfColumn> catalog_columns() {
  return {{"序号", 26},
          {"权力编码", 140, 6.8},
          {"事项名称", 102},
          {"实施依据", 148},
          {"实施主体及承办机构", 88},
          {"法定时限", 45},
          {"承诺时限", 45},
          {"收费", 46},
          {"公开", 56},
          {"廉政风险点", 62}};
}

struct Section {
  Category cat;
  std::vector<const PublicItem*> items;
  std::string title;  // 一、行政许可（12 项）
  PdfTable table;
  TablePlan plan;
  int table_page = 0, chart_page = 0;
};

void share_disclosure(Section& s) {
  constexpr size_t kColumn = 8;                   // 公开
  std::vector<std::array<std::string, 3>> parts;  // forms, scope, timing per row
  for (const PublicItem* p : s.items) {
    const auto& d = p->item->disclosure;
    parts.push_back(
        d ? std::array<std::string, 3>{join_values(d->forms), d->scope.value, d->timing.value}
          : std::array<std::string, 3>{});
  }
  if (parts.size() < 2) return;
  std::array<bool, 3> same{};
  for (size_t k = 0; k < 3; ++k)
    same[k] = !parts[0][k].empty() && std::all_of(parts.begin(), parts.end(), [&](const auto& r) {
      return r[k] == parts[0][k];
    });
  if (!same[1] && !same[2] && !same[0]) return;
  std::vector<std::string> said;
  if (same[0]) said.push_back("公开形式：" + parts[0][0]);
  if (same[1]) said.push_back("公开范围：" + parts[0][1]);
  if (same[2]) said.push_back("公开时间：" + parts[0][2]);
  s.table.heading += "　　" + join(said, "；") + "（本表各项相同）";
  if (same[0] && same[1] && same[2]) {  // nothing differs: the column goes
    const double freed = s.table.columns[kColumn].width;
    s.table.columns.erase(s.table.columns.begin() + kColumn);
    s.table.columns[2].width += freed / 2;
    s.table.columns[3].width += freed / 2;
    for (auto& r : s.table.rows) r.erase(r.begin() + kColumn);
    return;
  }
  s.table.columns[kColumn].title = same[0] ? "公开" : "公开形式";
  for (size_t i = 0; i < parts.size(); ++i) {
    std::vector<std::string> rest;
    for (size_t k = 0; k < 3; ++k)
      if (!same[k] && !parts[i][k].empty()) rest.push_back(parts[i][k]);
    s.table.rows[i][kColumn] = rest.empty() ? "—" : join(rest, "；");
  }
}

void draw_cover(PdfWriter& w, const Catalog& c, size_t count) {
  w.new_page(false, false);
  const Project& p = c.project;
  TextStyle title;
  title.size = 30;
  title.bold = true;
  title.align = Align::Center;
  // The 文号 under the title, however many lines the title takes.
  double y = 250 + w.text(60, 250, kA4Short - 120,
                          p.title.value.empty() ? "行政职权目录" : p.title.value, title);
  if (!c.project.publication_number.empty()) {
    TextStyle number;
    number.size = 14;
    number.align = Align::Center;
    w.text(60, y + 24, kA4Short - 120, c.project.publication_number, number);
  }
  TextStyle sub;
  sub.size = 14;
  sub.align = Align::Center;
  y = std::max(420.0, y + 90);
  const std::vector<std::string> lines = {
      p.region_name.value, fmt::format("共 {} 项", count), "", p.publisher.value,
      p.effective ? p.effective->value.str_zh() + "起施行" : std::string()};
  for (const std::string& line : lines) {
    if (!line.empty()) w.text(60, y, kA4Short - 120, line, sub);
    y += 28;
  }
}

struct TocEntry {
  std::string text;
  int page;
  int level;
};

constexpr size_t kTocPerPage = 28;

void draw_toc(PdfWriter& w, const std::vector<TocEntry>& entries) {
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i % kTocPerPage == 0) {
      w.new_page(false);
      if (i == 0) {
        TextStyle h;
        h.size = 20;
        h.bold = true;
        h.align = Align::Center;
        w.text(kMargin, 70, kA4Short - 2 * kMargin, "目　录", h);
      }
    }
    const double y = 130 + static_cast<double>(i % kTocPerPage) * 22;
    const TocEntry& e = entries[i];
    TextStyle st;
    st.size = 12;
    st.bold = e.level == 0;
    const double x = 70 + e.level * 24;
    const double right = kA4Short - 70;
    w.text(x, y, right - x - 40, e.text, st);
    st.align = Align::Right;
    w.text(right - 40, y, 40, std::to_string(e.page), st);
    // Dotted leader between title and page number.
    w.set_dash({1, 3});
    w.set_line_width(0.6);
    TextStyle plain = st;
    plain.align = Align::Left;
    w.move_to(x + w.text_width(e.text, plain) + 6, y + 13);
    w.line_to(right - 44, y + 12);
    w.stroke();
    w.set_dash({});
    w.link(x, y, right - x, 20, e.page);  // the whole entry leads to its page
  }
}

}  // namespace

std::string render_catalog_pdf(const Catalog& c, const std::vector<PublicItem>& items,
                               const ChartPart& chart, std::string* error) {
  const std::string title = c.project.title.value.empty() ? "行政职权目录" : c.project.title.value;
  PdfWriter w(title, c.project.publisher.value);
  // Sections by category in code order (许可 01, 处罚 02 …), items in catalog order.
  std::map<int, Section> by_cat;
  for (const auto& p : items) {
    Section& s = by_cat[static_cast<int>(p.item->category.value)];
    s.cat = p.item->category.value;
    s.items.push_back(&p);
  }
  std::vector<Section*> sections;
  for (auto& [k, s] : by_cat) sections.push_back(&s);
  size_t n = 0;
  for (Section* s : sections) {
    s->table.columns = catalog_columns();
    s->title = fmt::format("{}、{}（{} 项）", chinese_ordinal(n++), category_info(s->cat).name,
                           s->items.size());
    s->table.heading = s->title;
    size_t row = 0;
    for (const PublicItem* p : s->items) {
      const PowerItem& it = *p->item;
      s->table.rows.push_back(
          {std::to_string(++row), p->codes.implementation.empty() ? "—" : p->codes.implementation,
           it.name.value, basis_cell(it), unit_cell(*p->dept, it), limit_text(it.limits.statutory),
           limit_text(it.limits.promised), fees_cell(it), disclosure_cell(it), risk_cell(it)});
    }
    share_disclosure(*s);
    s->plan = plan_table(w, s->table);
  }
  // Page numbers: cover 1, contents, then the tables, then the flowcharts.
  const size_t charts = static_cast<size_t>(std::count_if(
      items.begin(), items.end(), [](const PublicItem& p) { return !p.chart.empty(); }));
  const size_t toc_entries = sections.size() * (charts ? 2 : 1) + (charts ? 2 : 1);
  const int toc_pages = static_cast<int>((toc_entries + kTocPerPage - 1) / kTocPerPage);
  int page = 1 + toc_pages + 1;
  for (Section* s : sections) {
    s->table_page = page;
    page += static_cast<int>(s->plan.pages());
  }
  const int first_chart = page;
  for (Section* s : sections) {
    s->chart_page = page;
    for (const PublicItem* p : s->items)
      page += p->chart.empty() ? 0 : PdfWriter::chart_page_count(chart(*p, "page"));
  }
  std::vector<TocEntry> toc;
  toc.push_back({"行政职权目录表", sections.empty() ? page : sections[0]->table_page, 0});
  n = 0;
  for (Section* s : sections)
    toc.push_back({fmt::format("{}、{}（{} 项）", chinese_ordinal(n++), category_info(s->cat).name,
                               s->items.size()),
                   s->table_page, 1});
  if (charts) {
    toc.push_back({"权力运行流程图", first_chart, 0});
    n = 0;
    for (Section* s : sections)
      toc.push_back({fmt::format("{}、{}流程图", chinese_ordinal(n++), category_info(s->cat).name),
                     s->chart_page, 1});
  }

  draw_cover(w, c, items.size());
  w.outline(0, "封面", 1);
  draw_toc(w, toc);
  w.outline(0, "目录", 2);
  const int tables_id = w.outline(0, "行政职权目录表", toc[0].page, true);
  for (Section* s : sections) {
    std::vector<int> row_pages = draw_table(w, s->table, s->plan);
    const int sec = w.outline(tables_id, s->title, s->table_page);
    for (size_t i = 0; i < s->items.size(); ++i)
      w.outline(sec, s->items[i]->item->name.value, row_pages[i]);
  }
  if (charts) {
    const int charts_id = w.outline(0, "权力运行流程图", first_chart, true);
    n = 0;
    for (Section* s : sections) {
      const int sec = w.outline(
          charts_id, fmt::format("{}、{}流程图", chinese_ordinal(n++), category_info(s->cat).name),
          s->chart_page);
      for (const PublicItem* p : s->items) {
        if (p->chart.empty()) continue;
        // The chart carries its own title and code; the line above it names the department.
        const std::string dept =
            fmt::format("{}　{}", p->dept->name.value, category_info(p->item->category.value).name);
        const int first = w.page() + 1;
        if (!w.chart_pages(chart(*p, "page"), dept, p->item->name.value + "（续）")) {
          if (error)
            *error = "无法绘制流程图 / cannot draw the flowchart of " + p->item->name.value;
          return "";
        }
        w.outline(sec, p->item->name.value, first);
      }
    }
  }
  return w.finish(error);
}

std::string render_internal_pdf(
    const Catalog& c, const std::vector<std::pair<const Department*, const PowerItem*>>& items,
    std::string* error) {
  PdfWriter w("涉密不宜公开行政职权目录", c.project.publisher.value);
  PdfTable t;
  t.heading = fmt::format("{}　涉密不宜公开行政职权目录（{} 项，内部资料，不得公开）",
                          c.project.title.value, items.size());
  t.columns = {{"序号", 30},     {"实施主体", 120},     {"事项名称", 160}, {"权力类别", 64},
               {"公开范围", 50}, {"不予公开理由", 200}, {"理由依据", 134}};
  size_t n = 0;
  for (const auto& [d, it] : items) {
    std::string basis = "—";
    if (it->secrecy && it->secrecy->basis) {
      basis = "《" + it->secrecy->basis->law.value + "》";
      for (const auto& a : it->secrecy->basis->articles) basis += a.value.str();
    }
    // Items published only inside the administration (scope 内部) are listed with that scope.
    const bool secret = !it->is_public.value;
    std::string reason = it->secrecy ? it->secrecy->reason.value : "—";
    if (!secret && reason == "—") reason = "仅在机关内部公开";
    t.rows.push_back({std::to_string(++n), d->name.value, it->name.value,
                      category_info(it->category.value).name, secret ? "不公开" : "内部", reason,
                      basis});
  }
  TablePlan plan = plan_table(w, t);
  draw_table(w, t, plan);
  w.outline(0, "涉密不宜公开行政职权目录", 1);
  return w.finish(error);
}

}  // namespace powerlist
