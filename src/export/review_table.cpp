// The review workbook's table (export.hpp): columns, one row per item, findings on cells.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "powerlist/citation_text.hpp"
#include "powerlist/export.hpp"
#include "powerlist/text.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist {

namespace {

struct Column {
  std::string title;
  double width;
  std::function<std::string(const Department&, const PowerItem&, const PowerItem*)> value;
  // Spans of the item that a finding may point at, for this column.
  std::function<void(const PowerItem&, std::vector<Span>&)> spans;
  bool service = false;  // a 职权目录 column: shown only when some item has it
};

bool same_place(const Span& a, const Span& b) {
  return a.valid() && b.valid() && a.file == b.file && a.line == b.line && a.col == b.col;
}

std::string duties_text(const PowerItem& it) {
  std::string out;
  for (const auto& [stage, text] : it.duties)
    out += (out.empty() ? "" : "\n") + (stage == "责任事项" ? text : stage + "：" + text);
  return out;
}

std::string limit_text(const std::optional<Loc<Duration>>& d, const std::string& note) {
  if (!note.empty()) return note;
  return d ? d->value.str() : "";
}

std::string basis_cell(const PowerItem& it) {
  // The cell as written when the item was imported and its citations are unchanged since.
  if (!it.basis_text.empty()) {
    const ParsedBasis again = parse_basis_text(it.basis_text);
    bool same = again.citations.size() == it.basis.size();
    for (size_t i = 0; same && i < it.basis.size(); ++i)
      same = again.citations[i].law == it.basis[i].law.value &&
             again.citations[i].text == it.basis[i].text &&
             again.citations[i].refs.size() == it.basis[i].articles.size();
    if (same) return it.basis_text;
  }
  return render_basis_text(it.basis);
}

std::vector<Column> all_columns() {
  using D = const Department&;
  using I = const PowerItem&;
  using P = const PowerItem*;
  auto spans_of = [](std::initializer_list<const LStr PowerItem::*> fields) {
    std::vector<const LStr PowerItem::*> f(fields);
    return [f](I it, std::vector<Span>& out) {
      for (auto m : f) out.push_back((it.*m).span);
    };
  };
  return {
      {"序号", 6,
       [](D, I it, P p) { return p && it.seq.value.empty() ? p->seq.value : it.seq.value; },
       spans_of({&PowerItem::seq})},
      {"事项名称", 24, [](D, I it, P p) { return p ? p->name.value : it.name.value; },
       [](I it, std::vector<Span>& out) {
         out.push_back(it.span);
         out.push_back(it.key.span);
         out.push_back(it.parent.span);
         if (it.parent.value.empty()) out.push_back(it.name.span);
       }},
      {"子项名称", 18, [](D, I it, P p) { return p ? it.name.value : std::string(); },
       [](I it, std::vector<Span>& out) {
         if (!it.parent.value.empty()) out.push_back(it.name.span);
       }},
      {"权力类型", 10,
       [](D, I it, P) {
         return it.category.span.valid() ? std::string(category_info(it.category.value).name)
                                         : std::string();
       },
       [](I it, std::vector<Span>& out) { out.push_back(it.category.span); }},
      {"实施依据", 60, [](D, I it, P) { return basis_cell(it); },
       [](I it, std::vector<Span>& out) {
         for (const auto& c : it.basis) {
           out.push_back(c.span);
           out.push_back(c.law.span);
           if (c.version) out.push_back(c.version->span);
           for (const auto& a : c.articles) out.push_back(a.span);
         }
       }},
      {"行使主体", 16, [](D d, I, P) { return d.name.value; }, [](I, std::vector<Span>&) {}},
      {"承办机构", 16, [](D, I it, P) { return it.handled_by.value; },
       spans_of({&PowerItem::handled_by})},
      {"实施层级", 10, [](D, I it, P) { return it.level.value; }, spans_of({&PowerItem::level})},
      {"权限", 20, [](D, I it, P) { return it.authority.value; },
       spans_of({&PowerItem::authority})},
      {"部门职责", 24, [](D, I it, P) { return it.dept_duty.value; },
       spans_of({&PowerItem::dept_duty})},
      {"责任事项内容", 40, [](D, I it, P) { return duties_text(it); },
       [](I, std::vector<Span>&) {}},
      {"责任事项依据", 40, [](D, I it, P) { return it.duty_basis.value; },
       spans_of({&PowerItem::duty_basis})},
      {"追责对象范围", 16, [](D, I it, P) { return it.accountable.value; },
       spans_of({&PowerItem::accountable})},
      {"追责情形", 40, [](D, I it, P) { return join(it.accountability, "\n"); },
       [](I, std::vector<Span>&) {}},
      {"备注", 16, [](D, I it, P) { return it.note.value; }, spans_of({&PowerItem::note})},
      // 职权目录 columns, shown when some item has them.
      {"基本编码", 14, [](D, I it, P) { return it.baseline.value; },
       spans_of({&PowerItem::baseline}), true},
      {"行使方式", 8,
       [](D, I it, P) {
         return it.initiation.value == Initiation::OnApplication ? std::string("依申请")
                : it.initiation.value == Initiation::ExOfficio   ? std::string("依职权")
                                                                 : std::string();
       },
       [](I it, std::vector<Span>& out) { out.push_back(it.initiation.span); }, true},
      {"实施对象", 16, [](D, I it, P) { return it.service ? it.service->objects : std::string(); },
       [](I it, std::vector<Span>& out) {
         if (it.service) out.push_back(it.service->span);
       },
       true},
      {"申请条件", 24, [](D, I it, P) { return it.conditions.value; },
       spans_of({&PowerItem::conditions}), true},
      {"申请材料", 24,
       [](D, I it, P) {
         std::vector<std::string> names;
         for (const auto& m : it.materials) names.push_back(m.name.value);
         return join(names, "\n");
       },
       [](I, std::vector<Span>&) {}, true},
      {"法定期限", 12,
       [](D, I it, P) { return limit_text(it.limits.statutory, it.limits.statutory_note); },
       [](I it, std::vector<Span>& out) {
         out.push_back(it.limits.span);
         if (it.limits.statutory) out.push_back(it.limits.statutory->span);
       },
       true},
      {"承诺期限", 12,
       [](D, I it, P) { return limit_text(it.limits.promised, it.limits.promised_note); },
       [](I it, std::vector<Span>& out) {
         if (it.limits.promised) out.push_back(it.limits.promised->span);
       },
       true},
      {"收费依据和标准", 20,
       [](D, I it, P) {
         if (it.fees_none) return std::string("无");
         std::vector<std::string> f;
         for (const auto& fee : it.fees)
           f.push_back(fee.standard.empty() ? fee.name.value : fee.standard);
         return join(f, "\n");
       },
       [](I it, std::vector<Span>& out) {
         for (const auto& f : it.fees) out.push_back(f.span);
       },
       true},
      {"公开类型", 10,
       [](D, I it, P) {
         if (!it.disclosure) return std::string();
         const std::string& s = it.disclosure->scope.value;
         return s == "社会公开" ? std::string("主动公开") : s;
       },
       [](I it, std::vector<Span>& out) {
         if (it.disclosure) {
           out.push_back(it.disclosure->span);
           out.push_back(it.disclosure->scope.span);
         }
       },
       true},
  };
}

std::string severity_label(Severity s, Lang lang) {
  if (lang == Lang::En) return std::string(severity_name(s));
  return s == Severity::Error ? "错误" : s == Severity::Warning ? "警告" : "提示";
}

}  // namespace

ReviewTable build_review_table(const Catalog& catalog, const Sources& sources,
                               const std::vector<Diagnostic>& findings, Lang lang) {
  ReviewTable t;
  t.title = catalog.project.title.value;
  std::vector<Column> cols = all_columns();
  // Which items have children (a 主项 listed only through its 子项).
  std::set<std::string> parents;
  for (const auto& d : catalog.departments)
    for (const auto& it : d.powers)
      if (!it.parent.value.empty()) parents.insert(d.id.value + "/" + it.parent.value);
  auto parent_of = [&](const Department& d, const PowerItem& it) -> const PowerItem* {
    if (it.parent.value.empty()) return nullptr;
    for (const auto& o : d.powers)
      if (o.key.value == it.parent.value) return &o;
    return nullptr;
  };
  // Service columns only when some item fills them; extra columns of the source by heading.
  std::vector<bool> shown(cols.size(), true);
  std::set<std::string> extra;
  bool any_source = false;
  for (size_t c = 0; c < cols.size(); ++c) {
    if (!cols[c].service) continue;
    bool any = false;
    for (const auto& d : catalog.departments)
      for (const auto& it : d.powers)
        any = any || (it.active() && !cols[c].value(d, it, parent_of(d, it)).empty());
    shown[c] = any;
  }
  for (const auto& d : catalog.departments)
    for (const auto& it : d.powers) {
      for (const auto& [k, v] : it.extra) extra.insert(k);
      any_source = any_source || it.source.has_value();
    }
  for (size_t c = 0; c < cols.size(); ++c)
    if (shown[c]) {
      t.columns.push_back(cols[c].title);
      t.widths.push_back(cols[c].width);
    }
  for (const auto& k : extra) {
    t.columns.push_back(k);
    t.widths.push_back(16);
  }
  if (any_source) {
    t.columns.push_back(lang == Lang::En ? "source" : "原表位置");
    t.widths.push_back(24);
  }
  t.columns.push_back(lang == Lang::En ? "review" : "审核意见");
  t.widths.push_back(60);
  t.columns.push_back(lang == Lang::En ? "suggested basis" : "建议实施依据");
  t.widths.push_back(40);
  // Findings by item.
  std::map<std::string, std::vector<const Diagnostic*>> by_item;
  std::map<std::string, size_t> unchecked_at;
  for (const auto& f : findings) {
    if (f.suppressed) continue;
    if (about_law_base(f.rule)) {
      // The office's to-do, by instrument (the name is the message's first 《…》 or “…”).
      if (f.rule != "basis/unknown-law") continue;
      const std::string& m = f.message.zh;
      const size_t open = m.find("“"), close = m.find("”", open == std::string::npos ? 0 : open);
      const std::string name = open == std::string::npos || close == std::string::npos
                                   ? m
                                   : m.substr(open + 3, close - open - 3);
      auto [it, fresh] = unchecked_at.try_emplace(name, t.unchecked.size());
      if (fresh) {
        const size_t lp = m.find("（按"), rp = m.find("判断", lp == std::string::npos ? 0 : lp);
        t.unchecked.push_back({name,
                               lp == std::string::npos || rp == std::string::npos
                                   ? std::string()
                                   : m.substr(lp + 6, rp - lp - 6),
                               {}});
      }
      const SourceFile& src = sources.get(f.span.file);
      t.unchecked[it->second].cells.push_back(
          src.is_sheet()
              ? fmt::format("{}!{}", src.sheet, cell_name(f.span.line - 1, f.span.col - 1))
              : fmt::format("{}:{}", std::filesystem::path(src.display).filename().string(),
                            f.span.line));
      continue;
    }
    if (f.item.empty())
      t.general.push_back(&f);
    else
      by_item[f.item].push_back(&f);
  }
  for (const auto& d : catalog.departments)
    for (const auto& it : d.powers) {
      if (!it.active()) continue;
      const std::string id = item_id(d, it);
      auto found = by_item.find(id);
      const std::vector<const Diagnostic*> none;
      const auto& mine = found == by_item.end() ? none : found->second;
      // A 主项 shown only through its 子项: its findings go to its first 子项's row.
      if (parents.count(id) && it.basis.empty()) continue;
      const PowerItem* parent = parent_of(d, it);
      std::vector<const Diagnostic*> all = mine;
      if (parent) {
        auto pf = by_item.find(item_id(d, *parent));
        if (pf != by_item.end() && parent->basis.empty()) {
          all.insert(all.end(), pf->second.begin(), pf->second.end());
          pf->second.clear();  // once, on the first 子项
        }
      }
      ReviewRow row;
      row.department = d.name.value;
      row.category = it.category.span.valid() ? category_info(it.category.value).name : "";
      std::vector<bool> placed(all.size(), false);
      for (size_t c = 0; c < cols.size(); ++c) {
        if (!shown[c]) continue;
        ReviewCell cell;
        cell.text = cols[c].value(d, it, parent);
        std::vector<Span> spans;
        cols[c].spans(it, spans);
        if (parent && c == 1) cols[c].spans(*parent, spans);
        for (size_t k = 0; k < all.size(); ++k)
          for (const Span& s : spans)
            if (!placed[k] && same_place(s, all[k]->span)) {
              cell.findings.push_back(all[k]);
              placed[k] = true;
              break;
            }
        row.cells.push_back(std::move(cell));
      }
      for (const auto& k : extra) {
        auto e = it.extra.find(k);
        row.cells.push_back({e == it.extra.end() ? "" : e->second, {}});
      }
      // The department's own file by name (never the office's path to it), sheet and row.
      if (any_source)
        row.cells.push_back(
            {it.source ? fmt::format("{}:{}!{}",
                                     std::filesystem::path(it.source->file).filename().string(),
                                     it.source->sheet, it.source->row)
                       : std::string(),
             {}});
      // Findings no cell took go to 事项名称.
      for (size_t k = 0; k < all.size(); ++k)
        if (!placed[k] && !row.cells.empty()) row.cells[1].findings.push_back(all[k]);
      ReviewCell review;
      for (const Diagnostic* f : all) {
        review.text += fmt::format("{}{}：{} [{}]", review.text.empty() ? "" : "\n",
                                   severity_label(f->severity, lang), f->message.in(lang), f->rule);
        row.worst = std::max(row.worst, f->severity);
      }
      review.findings = all;
      row.cells.push_back(std::move(review));
      // 建议实施依据: the 实施依据 cell with the certain corrections written in, then the
      // corrections a person must still decide, one a line.
      ReviewCell suggested;
      std::string corrected;
      std::vector<const Fix*> written;
      for (const auto& cell : row.cells)
        if (corrected.empty() &&
            std::any_of(cell.findings.begin(), cell.findings.end(),
                        [](const Diagnostic* f) { return starts_with(f->rule, "basis/"); }))
          corrected = corrected_basis_text(cell.text, all, &written);
      std::string others;
      for (const Diagnostic* f : all)
        for (const Fix& fx : f->fixes) {
          if (std::find(written.begin(), written.end(), &fx) != written.end()) continue;
          others += (others.empty() ? "" : "\n") + fx.title.in(lang) +
                    (fx.certain ? "" : (lang == Lang::En ? " (uncertain)" : "（需核对）"));
        }
      suggested.text =
          corrected.empty()
              ? others
              : corrected +
                    (others.empty() ? "" : (lang == Lang::En ? "\n\nAlso: " : "\n\n另：") + others);
      row.cells.push_back(std::move(suggested));
      t.rows.push_back(std::move(row));
    }
  (void)sources;
  return t;
}

std::string render_review_csv(const ReviewTable& t) {
  auto field = [](std::string s) {
    // A cell Excel would read as a formula (=HYPERLINK(…), +, @, -cmd) is written as text.
    if (!s.empty() &&
        (s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' ||
         (s[0] == '-' && s.size() > 1 && s[1] != ' ' && !(s[1] >= '0' && s[1] <= '9'))))
      s.insert(0, "'");
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string out = "\xEF\xBB\xBF";
  for (size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + field(t.columns[i]);
  out += "\r\n";
  for (const auto& r : t.rows) {
    for (size_t i = 0; i < r.cells.size(); ++i) out += (i ? "," : "") + field(r.cells[i].text);
    out += "\r\n";
  }
  return out;
}

}  // namespace powerlist
