// The department's own workbook, marked up (`export FILE --annotate`, issue 24): its sheets,
// rows, columns, merged cells, column widths and cell text as they were (an .xls comes back as
// .xlsx), finding cells filled by severity with the findings and their corrections as comments,
// two columns appended to each sheet (审核意见, 建议实施依据) on the rows of items, and a 审核汇总
// sheet. What is about the office's law base (basis/unknown-law …) is not marked on the
// department's cells: it is listed once per instrument on the summary.
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "powerlist/export.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/text.hpp"
#include "powerlist/workbook.hpp"
#include "sheet_layout.hpp"

namespace powerlist {

namespace {

// Excel's limit for a cell (characters); a longer text (a hostile file) is cut there, marked.
constexpr size_t kMaxCellChars = 32'767;

std::string fit(const std::string& s) {
  if (s.size() <= kMaxCellChars || utf8_length(s) <= kMaxCellChars) return s;
  return utf8_prefix(s, kMaxCellChars - 1) + "…";
}

const char* severity_zh(Severity s, Lang lang) {
  if (lang == Lang::En)
    return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
  return s == Severity::Error ? "错误" : s == Severity::Warning ? "警告" : "提示";
}

std::string finding_text(const Diagnostic& f, Lang lang, bool with_notes) {
  std::string t =
      fmt::format("{}：{} [{}]", severity_zh(f.severity, lang), f.message.in(lang), f.rule);
  if (with_notes)
    for (const auto& n : f.notes) t += "\n  " + n.in(lang);
  for (const Fix& fx : f.fixes)
    t += fmt::format("\n{}{}{}", lang == Lang::En ? "suggestion: " : "建议：", fx.title.in(lang),
                     fx.certain ? "" : (lang == Lang::En ? " (to be checked)" : "（需核对）"));
  return t;
}

// Excel's sheet names: at most 31 characters, none of []:*?/\ , unique.
std::string sheet_name(const std::string& want, std::set<std::string>& used) {
  std::string base;
  for (char32_t c : decode_utf8(want)) {
    if (std::u32string_view(U"[]:*?/\\").find(c) != std::u32string_view::npos) c = '_';
    append_utf8(base, c);
  }
  base = utf8_prefix(base.empty() ? std::string("Sheet") : base, 28);
  std::string name = base;
  for (int k = 2; used.count(name); ++k) name = fmt::format("{}{}", base, k);
  used.insert(name);
  return name;
}

bool plain_integer(std::string_view s) {
  // Up to 11 digits: longer ones (IDs, codes) would show in scientific notation as numbers.
  if (s.empty() || s.size() > 11 || (s.size() > 1 && s[0] == '0')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct CellKey {
  uint32_t row, col;
  bool operator<(const CellKey& o) const { return row != o.row ? row < o.row : col < o.col; }
};

struct SheetMarks {
  std::map<CellKey, std::vector<const Diagnostic*>> cells;
  std::map<uint32_t, std::vector<const Diagnostic*>> rows;  // every finding of a row
};

}  // namespace

std::string render_annotated_xlsx(const AnnotateInput& in, std::string* error) {
  const Lang lang = in.lang;
  const bool en = lang == Lang::En;
  // Findings by sheet, cell and row; the office's own to-do apart.
  std::map<std::string, SheetMarks> marks;  // by sheet name
  std::map<std::string, const SourceRef*> item_rows;
  for (const auto& d : in.catalog.departments)
    for (const auto& it : d.powers)
      if (it.source) item_rows[item_id(d, it)] = &*it.source;
  size_t counted[3] = {0, 0, 0};
  std::map<std::string, size_t> by_rule;
  std::vector<const Diagnostic*> general;
  for (const auto& f : in.findings) {
    if (f.suppressed || about_law_base(f.rule)) continue;
    const SourceFile& src = in.sources.get(f.span.file);
    std::string sheet;
    uint32_t row = 0, col = 0;
    if (src.is_sheet() && std::filesystem::path(src.display).filename() == in.file &&
        f.span.valid()) {
      sheet = src.sheet;
      row = f.span.line - 1;
      col = f.span.col;
    } else if (auto r = item_rows.find(f.item); r != item_rows.end() && r->second->row > 0) {
      sheet = r->second->sheet;
      row = r->second->row - 1;
    } else {
      general.push_back(&f);
      continue;
    }
    SheetMarks& m = marks[sheet];
    if (col > 0) m.cells[{row, col - 1}].push_back(&f);
    m.rows[row].push_back(&f);
    ++by_rule[f.rule];
    if (f.severity == Severity::Error)
      ++counted[0];
    else if (f.severity == Severity::Warning)
      ++counted[1];
    else
      ++counted[2];
  }

  // libxlsxwriter writes to a file: a private temporary one, read back.
  char templ[] = "/tmp/powerlist-annotate-XXXXXX";
  const int fd = ::mkstemp(templ);
  if (fd < 0) {
    *error = en ? "cannot create a temporary file" : "无法创建临时文件";
    return "";
  }
  ::close(fd);
  const std::string tmp = templ;
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (!wb) {
    ::unlink(tmp.c_str());
    *error = en ? "cannot create the workbook" : "无法创建工作簿";
    return "";
  }
  lxw_doc_properties props{};
  std::string title = in.file + (en ? " (reviewed)" : "（审核意见）"), author = "powerlist";
  props.title = title.data();
  props.author = author.data();
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  props.created = epoch && *epoch ? static_cast<time_t>(std::atoll(epoch)) : 1767225600;
  workbook_set_properties(wb, &props);
  auto base = [&] {
    lxw_format* f = workbook_add_format(wb);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, 10);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f, LXW_BORDER_THIN);
    return f;
  };
  lxw_format* plain = base();
  lxw_format* head = base();
  format_set_bold(head);
  format_set_bg_color(head, 0xD9E1F2);
  std::map<Severity, lxw_format*> fill;
  for (auto [sev, color] :
       {std::pair{Severity::Error, 0xFFCDD2u}, std::pair{Severity::Warning, 0xFFF59Du},
        std::pair{Severity::Note, 0xBBDEFBu}}) {
    lxw_format* f = base();
    format_set_bg_color(f, color);
    fill[sev] = f;
  }
  auto worst = [](const std::vector<const Diagnostic*>& fs) {
    Severity w = Severity::Note;
    for (const auto* f : fs) w = std::max(w, f->severity);
    return w;
  };
  lxw_comment_options copt{};
  copt.width = 420;
  copt.height = 180;
  copt.author = author.data();

  std::set<std::string> used{en ? "review summary" : "审核汇总"};
  for (const Sheet& sheet : in.book.sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(sheet.name, used).c_str());
    const uint32_t cols = sheet.cols(), rows = sheet.rows();
    const SheetMarks* sm = nullptr;
    if (auto m = marks.find(sheet.name); m != marks.end()) sm = &m->second;
    // Widths: the file's own, else from the text (CJK characters count two).
    std::vector<double> widths(cols + 2, 0.0);
    for (uint32_t c = 0; c < cols; ++c) {
      if (c < sheet.col_widths.size() && sheet.col_widths[c] > 0) {
        widths[c] = sheet.col_widths[c];
        continue;
      }
      size_t widest = 4;
      for (uint32_t r = 0; r < std::min<uint32_t>(rows, 300); ++r) {
        std::string_view t = sheet.at(r, c);
        size_t start = 0;
        while (start < t.size()) {
          size_t nl = t.find('\n', start);
          if (nl == std::string_view::npos) nl = t.size();
          widest = std::max(widest, display_width(t.substr(start, nl - start)));
          start = nl + 1;
        }
      }
      widths[c] = std::clamp(double(widest) * 1.1, 6.0, 50.0);
    }
    widths[cols] = 50;
    widths[cols + 1] = 40;
    for (uint32_t c = 0; c < cols + 2; ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                           nullptr);
    // Merged ranges: their text is the top-left cell's; the covered cells are not written.
    std::set<CellKey> covered;
    for (const CellRange& m : sheet.merges) {
      if (m.last_row >= rows + 1000 || m.last_col >= cols + 100) continue;
      const CellKey origin{m.first_row, m.first_col};
      lxw_format* f = plain;
      if (sm)
        if (auto hit = sm->cells.find(origin); hit != sm->cells.end()) f = fill[worst(hit->second)];
      if (m.first_row == m.last_row && m.first_col == m.last_col) continue;
      worksheet_merge_range(ws, m.first_row, static_cast<lxw_col_t>(m.first_col), m.last_row,
                            static_cast<lxw_col_t>(m.last_col),
                            fit(std::string(sheet.at(m.first_row, m.first_col))).c_str(), f);
      for (uint32_t r = m.first_row; r <= m.last_row; ++r)
        for (uint32_t c = m.first_col; c <= m.last_col; ++c) covered.insert({r, c});
    }
    // The header row: where import found it (the appended columns' headings go there).
    uint32_t header = 0;
    bool has_header = false;
    for (const auto& s : in.report.sheets)
      if (s.sheet == sheet.name && std::filesystem::path(s.file).filename() == in.file &&
          s.has_header && s.header_row > 0) {
        header = s.header_row - 1;
        has_header = true;
      }
    for (uint32_t r = 0; r < rows; ++r) {
      size_t height_lines = 1;
      for (uint32_t c = 0; c < cols; ++c) {
        const std::string text(sheet.at(r, c));
        const CellKey key{r, c};
        const std::vector<const Diagnostic*>* found = nullptr;
        if (sm)
          if (auto hit = sm->cells.find(key); hit != sm->cells.end()) found = &hit->second;
        if (!text.empty()) height_lines = std::max(height_lines, lines_in(text, widths[c]));
        if (!covered.count(key)) {
          lxw_format* f = found ? fill[worst(*found)] : plain;
          if (text.empty()) {
            if (found) worksheet_write_blank(ws, r, static_cast<lxw_col_t>(c), f);
          } else if (plain_integer(text)) {
            worksheet_write_number(ws, r, static_cast<lxw_col_t>(c), std::stod(text), f);
          } else {
            worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), fit(text).c_str(), f);
          }
        }
        if (found) {
          std::string note;
          for (const auto* d : *found)
            note += (note.empty() ? "" : "\n\n") + finding_text(*d, lang, true);
          worksheet_write_comment_opt(ws, r, static_cast<lxw_col_t>(c), fit(note).c_str(), &copt);
        }
      }
      // 审核意见 and 建议实施依据 on the row.
      if (has_header && r == header) {
        worksheet_write_string(ws, r, static_cast<lxw_col_t>(cols), en ? "review" : "审核意见",
                               head);
        worksheet_write_string(ws, r, static_cast<lxw_col_t>(cols + 1),
                               en ? "suggested basis" : "建议实施依据", head);
      } else if (sm) {
        if (auto hit = sm->rows.find(r); hit != sm->rows.end()) {
          std::string review, suggested, others;
          uint32_t basis_col = 0;
          for (const auto* d : hit->second) {
            review += (review.empty() ? "" : "\n") + fmt::format("{}：{} [{}]",
                                                                 severity_zh(d->severity, lang),
                                                                 d->message.in(lang), d->rule);
            if (starts_with(d->rule, "basis/") && d->span.col > 0) basis_col = d->span.col;
          }
          // The basis cell as corrected (certain corrections written in), then what a
          // person must still decide.
          std::vector<const Fix*> written;
          const std::string corrected =
              basis_col ? corrected_basis_text(std::string(sheet.at(r, basis_col - 1)), hit->second,
                                               &written)
                        : "";
          for (const auto* d : hit->second)
            for (const Fix& fx : d->fixes) {
              if (std::find(written.begin(), written.end(), &fx) != written.end())
                continue;  // written into the corrected text
              others += (others.empty() ? "" : "\n") + fx.title.in(lang) +
                        (fx.certain ? "" : (en ? " (to be checked)" : "（需核对）"));
            }
          suggested =
              corrected.empty()
                  ? others
                  : corrected + (others.empty() ? "" : (en ? "\n\nAlso: " : "\n\n另：") + others);
          lxw_format* f = fill[worst(hit->second)];
          worksheet_write_string(ws, r, static_cast<lxw_col_t>(cols), fit(review).c_str(), f);
          if (!suggested.empty())
            worksheet_write_string(ws, r, static_cast<lxw_col_t>(cols + 1), fit(suggested).c_str(),
                                   plain);
          height_lines = std::max({height_lines, lines_in(review, widths[cols]),
                                   lines_in(suggested, widths[cols + 1])});
        }
      }
      // Spreadsheet programs do not fit rows to wrapped text on opening: set the height.
      if (height_lines > 1) worksheet_set_row(ws, r, row_height(height_lines), nullptr);
    }
    if (has_header) {
      worksheet_freeze_panes(ws, header + 1, 0);
      worksheet_repeat_rows(ws, 0, header);  // the headings on every printed page
    }
    print_readable(ws, widths);
  }

  // 审核汇总.
  lxw_worksheet* sum = workbook_add_worksheet(wb, en ? "review summary" : "审核汇总");
  worksheet_set_column(sum, 0, 0, 34, nullptr);
  worksheet_set_column(sum, 1, 1, 12, nullptr);
  worksheet_set_column(sum, 2, 2, 60, nullptr);
  lxw_row_t row = 0;
  auto line = [&](const std::string& a, const std::string& b, const std::string& c, lxw_format* f) {
    worksheet_write_string(sum, row, 0, a.c_str(), f);
    worksheet_write_string(sum, row, 1, b.c_str(), f);
    worksheet_write_string(sum, row, 2, fit(c).c_str(), f);
    ++row;
  };
  size_t problem_rows = 0;
  for (const auto& [_, m] : marks) problem_rows += m.rows.size();
  line(en ? "file" : "文件", "", in.file, head);
  line(en ? "rows with findings" : "有问题的行", std::to_string(problem_rows), "", plain);
  line(en ? "errors / warnings / notes" : "错误 / 警告 / 提示",
       fmt::format("{} / {} / {}", counted[0], counted[1], counted[2]), "", plain);
  ++row;
  line(en ? "rule" : "规则", en ? "findings" : "数量", en ? "what it means" : "含义", head);
  for (const auto& [rule, n] : by_rule) {
    const RuleInfo* info = find_rule(rule);
    line(rule, std::to_string(n), info ? std::string(en ? info->summary_en : info->summary_zh) : "",
         plain);
  }
  if (!general.empty()) {
    ++row;
    line(en ? "findings about no row" : "不属于某一行的问题", "", "", head);
    for (const auto* d : general)
      line(d->rule, severity_zh(d->severity, lang), d->message.in(lang), plain);
  }
  if (!in.table.unchecked.empty()) {
    ++row;
    line(en ? "citations the office's law base could not check (not the department's problem)"
            : "未能核对的依据（法规库中没有，由审核机关核对，不计为部门的问题）",
         "", "", head);
    for (const auto& u : in.table.unchecked) {
      std::string where;
      for (const auto& c : u.cells) where += (where.empty() ? "" : "、") + c;
      line(u.name, fmt::format(en ? "{} cells" : "{} 处", u.cells.size()),
           (u.level.empty() ? "" : u.level + "；") + where, plain);
    }
  }

  const lxw_error rc = workbook_close(wb);
  std::string bytes;
  if (rc != LXW_NO_ERROR) {
    *error = std::string("libxlsxwriter: ") + lxw_strerror(rc);
  } else if (read_regular_file(tmp, size_t(1) << 31, bytes) != ReadStatus::Ok) {
    *error = en ? "cannot read the written workbook back" : "无法读回生成的工作簿";
    bytes.clear();
  }
  ::unlink(tmp.c_str());
  return bytes;
}

}  // namespace powerlist
