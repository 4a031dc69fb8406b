// The review workbook as .xlsx through libxlsxwriter (Debian libxlsxwriter-dev).
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <ctime>
#include <map>
#include <set>

#include "powerlist/export.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/text.hpp"
#include "sheet_layout.hpp"

namespace powerlist {

namespace {

// Excel's limit for a cell; longer text is cut with a note.
constexpr size_t kMaxCellChars = 32767;

std::string fit_cell(const std::string& s) {
  if (utf8_length(s) <= kMaxCellChars) return s;
  std::string out;
  size_t n = 0;
  for (char32_t c : decode_utf8(s)) {
    if (++n > kMaxCellChars - 40) break;
    append_utf8(out, c);
  }
  return out + "…（原文过长，已截断；完整内容见目录文件）";
}

std::string comment_text(const std::vector<const Diagnostic*>& findings) {
  std::string out;
  for (const Diagnostic* f : findings) {
    const char* sev = f->severity == Severity::Error     ? "错误"
                      : f->severity == Severity::Warning ? "警告"
                                                         : "提示";
    out += fmt::format("{}{}：{} [{}]", out.empty() ? "" : "\n", sev, f->message.zh, f->rule);
    for (const auto& n : f->notes) out += "\n  " + n.zh;
  }
  return utf8_length(out) > 30000 ? fit_cell(out.substr(0, 30000)) : out;
}

struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) ::unlink(path.c_str());
  }
};

}  // namespace

// 风险防控: counts per department, the A-level heat map (a colour scale) and every point.
void write_risk_sheet(lxw_workbook* wb, const RiskOverview& o, lxw_format* head, lxw_format* plain,
                      const lxw_format* const level_fill[3]) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "风险防控");
  lxw_row_t row = 0;
  const char* heads[] = {"部门", "事项数", "有风险点的事项", "A 级", "B 级", "C 级"};
  for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, row, c, heads[c], head);
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, 7, 14, nullptr);
  worksheet_set_column(ws, 8, 9, 36, nullptr);
  for (const auto& d : o.depts) {
    ++row;
    worksheet_write_string(ws, row, 0, fit_cell(d.dept).c_str(), plain);
    const size_t values[] = {d.items, d.items_with_risks, d.levels[0], d.levels[1], d.levels[2]};
    for (lxw_col_t c = 0; c < 5; ++c)
      worksheet_write_number(ws, row, c + 1, static_cast<double>(values[c]), plain);
  }
  row += 2;
  if (!o.steps.empty()) {
    worksheet_write_string(ws, row, 0, "A 级风险点分布（部门 × 环节）", head);
    for (size_t c = 0; c < o.steps.size(); ++c)
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(c + 1), fit_cell(o.steps[c]).c_str(),
                             head);
    const lxw_row_t first = row + 1;
    for (size_t i = 0; i < o.depts.size(); ++i) {
      ++row;
      worksheet_write_string(ws, row, 0, fit_cell(o.depts[i].dept).c_str(), plain);
      for (size_t c = 0; c < o.a_grid[i].size(); ++c)
        worksheet_write_number(ws, row, static_cast<lxw_col_t>(c + 1),
                               static_cast<double>(o.a_grid[i][c]), plain);
    }
    lxw_conditional_format scale{};
    scale.type = LXW_CONDITIONAL_2_COLOR_SCALE;
    scale.min_color = 0xFFFFFF;
    scale.max_color = 0xE57373;
    worksheet_conditional_format_range(ws, first, 1, row, static_cast<lxw_col_t>(o.steps.size()),
                                       &scale);
    row += 2;
  }
  const char* list_heads[] = {"部门", "事项", "实施编码", "权力类型", "环节",
                              "岗位", "等级", "风险点",   "防控措施"};
  const lxw_row_t list_head = row;
  for (lxw_col_t c = 0; c < 9; ++c) worksheet_write_string(ws, row, c, list_heads[c], head);
  for (const RiskEntry& e : o.entries) {
    ++row;
    const std::string cells[] = {
        e.dept,         e.item,  e.code,
        e.category,     e.step,  e.post,
        e.level + "级", e.point, e.measures.empty() ? "（未填写）" : e.measures};
    const int lv = risk_level_index(e.level);
    for (lxw_col_t c = 0; c < 9; ++c)
      worksheet_write_string(ws, row, c, fit_cell(cells[c]).c_str(),
                             c == 6 && lv >= 0 ? const_cast<lxw_format*>(level_fill[lv]) : plain);
  }
  if (row > list_head) worksheet_autofilter(ws, list_head, 0, row, 8);
  print_readable(ws, {28, 14, 14, 14, 14, 14, 14, 14, 36, 36});
}

std::string render_review_xlsx(const ReviewTable& t, std::string* error) {
  // libxlsxwriter writes to a file: a private temporary one, read back.
  TempFile tmp;
  {
    const char* dir = std::getenv("TMPDIR");
    std::string templ = std::string(dir && *dir ? dir : "/tmp") + "/powerlist-export-XXXXXX";
    const int fd = ::mkstemp(templ.data());
    if (fd < 0) {
      if (error) *error = "无法创建临时文件 / cannot create a temporary file";
      return "";
    }
    ::close(fd);
    tmp.path = templ;
  }
  lxw_workbook* wb = workbook_new(tmp.path.c_str());
  if (!wb) {
    if (error) *error = "无法创建工作簿 / cannot create the workbook";
    return "";
  }
  // A fixed creation time (SOURCE_DATE_EPOCH when set): the same input gives the same bytes.
  lxw_doc_properties props{};
  props.title = const_cast<char*>(t.title.c_str());
  std::string subject = "合法性审核意见";
  props.subject = subject.data();
  std::string author = "powerlist";
  props.author = author.data();
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  props.created =
      epoch && *epoch ? static_cast<time_t>(std::atoll(epoch)) : 1767225600;  // 2026-01-01
  workbook_set_properties(wb, &props);

  auto font = [&](lxw_format* f) {
    format_set_font_name(f, "宋体");
    format_set_font_size(f, 10);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f, LXW_BORDER_THIN);
    return f;
  };
  lxw_format* head = font(workbook_add_format(wb));
  format_set_bold(head);
  format_set_bg_color(head, 0xD9E1F2);
  format_set_align(head, LXW_ALIGN_CENTER);
  format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* plain = font(workbook_add_format(wb));
  std::map<Severity, lxw_format*> marked;
  const std::pair<Severity, lxw_color_t> colors[] = {
      {Severity::Error, 0xFFC7CE}, {Severity::Warning, 0xFFEB9C}, {Severity::Note, 0xDDEBF7}};
  for (const auto& [sev, color] : colors) {
    lxw_format* f = font(workbook_add_format(wb));
    format_set_bg_color(f, color);
    marked[sev] = f;
  }
  lxw_format* title_fmt = workbook_add_format(wb);
  format_set_font_name(title_fmt, "黑体");
  format_set_font_size(title_fmt, 14);
  format_set_bold(title_fmt);

  lxw_worksheet* ws = workbook_add_worksheet(wb, "审核意见");
  const lxw_row_t header_row = 1;
  worksheet_write_string(ws, 0, 0, fit_cell(t.title + " 合法性审核意见").c_str(), title_fmt);
  // Long columns (实施依据 of a thousand characters) widened so their rows stay within the
  // 409-point row limit where they can.
  std::vector<double> widths(t.widths.begin(), t.widths.end());
  for (size_t c = 0; c < widths.size(); ++c) {
    size_t longest = 0;
    for (const auto& row : t.rows)
      if (c < row.cells.size()) longest = std::max(longest, display_width(row.cells[c].text));
    if (longest > 600) widths[c] = std::max(widths[c], 60.0);
  }
  for (size_t c = 0; c < t.columns.size(); ++c) {
    worksheet_write_string(ws, header_row, static_cast<lxw_col_t>(c), t.columns[c].c_str(), head);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                         nullptr);
  }
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const lxw_row_t row = static_cast<lxw_row_t>(header_row + 1 + r);
    size_t lines = 1;
    for (size_t c = 0; c < t.rows[r].cells.size(); ++c) {
      const ReviewCell& cell = t.rows[r].cells[c];
      if (c < widths.size()) lines = std::max(lines, lines_in(fit_cell(cell.text), widths[c]));
      Severity worst = Severity::Off;
      for (const Diagnostic* f : cell.findings) worst = std::max(worst, f->severity);
      lxw_format* f = worst == Severity::Off ? plain : marked[worst];
      // Always a string cell: text such as =HYPERLINK(…) is never a formula.
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), fit_cell(cell.text).c_str(), f);
      if (!cell.findings.empty() && c + 1 < t.rows[r].cells.size())
        worksheet_write_comment(ws, row, static_cast<lxw_col_t>(c),
                                comment_text(cell.findings).c_str());
    }
    if (lines > 1) worksheet_set_row(ws, row, row_height(lines), nullptr);
  }
  const lxw_row_t last = static_cast<lxw_row_t>(header_row + t.rows.size());
  worksheet_freeze_panes(ws, header_row + 1, 2);
  worksheet_autofilter(ws, header_row, 0, last, static_cast<lxw_col_t>(t.columns.size() - 1));
  worksheet_repeat_rows(ws, header_row, header_row);
  print_readable(ws, widths);
  worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");

  // 汇总: items and findings per department and category.
  lxw_worksheet* sum = workbook_add_worksheet(wb, "汇总");
  const char* heads[] = {"行使主体", "权力类型", "事项数", "错误", "警告", "提示"};
  for (lxw_col_t c = 0; c < 6; ++c) {
    worksheet_write_string(sum, 0, c, heads[c], head);
    worksheet_set_column(sum, c, c, c < 2 ? 24 : 10, nullptr);
  }
  struct Count {
    size_t items = 0, errors = 0, warnings = 0, notes = 0;
  };
  std::map<std::pair<std::string, std::string>, Count> counts;
  Count total;
  for (const auto& r : t.rows) {
    Count& c = counts[{r.department, r.category}];
    ++c.items;
    ++total.items;
    // The 审核意见 cell (the last but one: 建议实施依据 follows it).
    for (const Diagnostic* f : r.cells[r.cells.size() - 2].findings) {
      size_t Count::*slot = f->severity == Severity::Error     ? &Count::errors
                            : f->severity == Severity::Warning ? &Count::warnings
                                                               : &Count::notes;
      ++(c.*slot);
      ++(total.*slot);
    }
  }
  lxw_row_t row = 1;
  auto write_count = [&](const std::string& dept, const std::string& cat, const Count& c,
                         lxw_format* f) {
    worksheet_write_string(sum, row, 0, dept.c_str(), f);
    worksheet_write_string(sum, row, 1, cat.c_str(), f);
    worksheet_write_number(sum, row, 2, static_cast<double>(c.items), f);
    worksheet_write_number(sum, row, 3, static_cast<double>(c.errors),
                           c.errors ? marked[Severity::Error] : f);
    worksheet_write_number(sum, row, 4, static_cast<double>(c.warnings),
                           c.warnings ? marked[Severity::Warning] : f);
    worksheet_write_number(sum, row, 5, static_cast<double>(c.notes), f);
    ++row;
  };
  for (const auto& [key, c] : counts) write_count(key.first, key.second, c, plain);
  write_count("合计", "", total, head);
  if (!t.general.empty()) {
    ++row;
    worksheet_write_string(sum, row++, 0, "不针对具体事项的问题", head);
    for (const Diagnostic* f : t.general)
      worksheet_write_string(sum, row++, 0, fit_cell(comment_text({f})).c_str(), plain);
  }
  // The office's to-do: citations its law base could not check — not the department's problem.
  if (!t.unchecked.empty()) {
    ++row;
    worksheet_write_string(sum, row++, 0, "未能核对的依据（法规库未收录，由审核机关核实）", head);
    const char* uheads[] = {"名称", "推断层级", "引用次数", "位置"};
    for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(sum, row, c, uheads[c], head);
    ++row;
    for (const auto& u : t.unchecked) {
      std::string where;
      for (const auto& c : u.cells) where += (where.empty() ? "" : "、") + c;
      worksheet_write_string(sum, row, 0, ("《" + u.name + "》").c_str(), plain);
      worksheet_write_string(sum, row, 1, u.level.c_str(), plain);
      worksheet_write_number(sum, row, 2, static_cast<double>(u.cells.size()), plain);
      worksheet_write_string(sum, row, 3, fit_cell(where).c_str(), plain);
      ++row;
    }
  }
  worksheet_freeze_panes(sum, 1, 0);

  if (!t.risks.entries.empty()) {
    const lxw_format* level_fill[3];
    const lxw_color_t fills[] = {0xFFCDD2, 0xFFF59D, 0xBBDEFB};  // the charts' A/B/C colours
    for (int i = 0; i < 3; ++i) {
      lxw_format* f = font(workbook_add_format(wb));
      format_set_bg_color(f, fills[i]);
      level_fill[i] = f;
    }
    write_risk_sheet(wb, t.risks, head, plain, level_fill);
  }

  const lxw_error rc = workbook_close(wb);
  if (rc != LXW_NO_ERROR) {
    if (error) *error = std::string("libxlsxwriter: ") + lxw_strerror(rc);
    return "";
  }
  std::string bytes;
  if (read_regular_file(tmp.path, size_t(1) << 31, bytes) != ReadStatus::Ok) {
    if (error) *error = "无法读回生成的工作簿 / cannot read the written workbook back";
    return "";
  }
  return bytes;
}

}  // namespace powerlist
