// The monitor's workbook (libxlsxwriter in constant-memory mode: rows are written in order
// and not kept, so a year of a city's cases fits): 办件 with status colours and due dates,
// 汇总 per department × month.
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "powerlist/monitor.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

std::string day(const std::optional<long>& d) {
  return d ? Date::from_days(*d).str() : "";
}

// Excel's limit for a cell: 32,767 characters.
std::string cut(const std::string& s) {
  if (s.size() <= 32'767 || utf8_length(s) <= 32'767) return s;
  return utf8_prefix(s, 32'700) + "…";
}

lxw_color_t status_fill(CaseStatus s) {
  switch (s) {
    case CaseStatus::Overdue:
    case CaseStatus::OverdueStatutory:
    case CaseStatus::LateStatutory:
      return 0xFFCDD2;  // red
    case CaseStatus::Warning:
    case CaseStatus::Late:
      return 0xFFF59D;  // yellow
    case CaseStatus::NotInCatalog:
      return 0xE1BEE7;
    case CaseStatus::Undetermined:
      return 0xE0E0E0;
    default:
      return 0;
  }
}

}  // namespace

std::string write_monitor_xlsx(const MonitorReportInput& in, const std::string& path) {
  namespace fs = std::filesystem;
  const MonitorResult& r = in.result;
  const bool en = in.lang == Lang::En;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string tmp =
      (dir / fmt::format(".{}.{}.tmp", target.filename().string(), ::getpid())).string();
  lxw_workbook_options opts{};
  opts.constant_memory = LXW_TRUE;
  std::string tmpdir = dir.string();
  opts.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(tmp.c_str(), &opts);
  if (!wb) return en ? "cannot create " + path : "无法创建 " + path;
  lxw_doc_properties props{};
  std::string title = "电子监察 " + r.as_of.str(), author = "powerlist";
  props.title = title.data();
  props.author = author.data();
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  props.created = epoch && *epoch ? static_cast<time_t>(std::atoll(epoch)) : 1767225600;
  workbook_set_properties(wb, &props);

  auto base = [&]() {
    lxw_format* f = workbook_add_format(wb);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f, LXW_BORDER_THIN);
    return f;
  };
  lxw_format* head = base();
  format_set_bold(head);
  format_set_bg_color(head, 0xD9E1F2);
  format_set_text_wrap(head);
  lxw_format* plain = base();
  lxw_format* pct = base();
  format_set_num_format(pct, "0.0%");
  std::map<lxw_color_t, lxw_format*> fills;
  auto fill = [&](lxw_color_t c) {
    if (!c) return plain;
    auto& f = fills[c];
    if (!f) {
      f = base();
      format_set_bg_color(f, c);
    }
    return f;
  };
  for (auto s : {CaseStatus::Overdue, CaseStatus::Warning, CaseStatus::NotInCatalog,
                 CaseStatus::Undetermined})
    fill(status_fill(s));  // formats must exist before rows are streamed

  // Excel holds 1,048,576 rows a sheet: a longer ledger continues on 办件2, 办件3 ….
  lxw_worksheet* ws = nullptr;
  int part = 0;
  auto new_sheet = [&] {
    ++part;
    ws = workbook_add_worksheet(wb, part == 1 ? "办件" : fmt::format("办件{}", part).c_str());
  };
  new_sheet();
  const char* heads[] = {"办件编号",       "事项编码",   "事项名称",   "部门",       "受理日期",
                         "办结日期",       "承诺到期日", "法定到期日", "剩余工作日", "暂停天数",
                         "用时（工作日）", "状态",       "超时环节",   "说明",       "台账位置"};
  const double widths[] = {18, 30, 30, 24, 11, 11, 11, 11, 8, 8, 8, 16, 12, 50, 24};
  auto heading = [&] {
    for (lxw_col_t c = 0; c < 15; ++c) worksheet_set_column(ws, c, c, widths[c], nullptr);
    worksheet_freeze_panes(ws, 1, 1);
    for (lxw_col_t c = 0; c < 15; ++c) worksheet_write_string(ws, 0, c, heads[c], head);
  };
  heading();
  lxw_row_t row = 1;
  for (const auto& c : r.cases) {
    if (row >= LXW_ROW_MAX) {
      worksheet_autofilter(ws, 0, 0, row - 1, 14);
      new_sheet();
      heading();
      row = 1;
    }
    const CaseRecord& rec = *c.rec;
    lxw_format* f = fill(status_fill(c.status));
    std::string notes;
    for (const auto& n : c.notes) notes += (notes.empty() ? "" : "；") + n.in(in.lang);
    const SourceFile& src = in.sources.get(rec.file);
    const std::string cells[] = {rec.id,
                                 std::string(c.code),
                                 c.item ? c.item->name.value : in.ledger.pool.at(rec.name),
                                 std::string(c.department),
                                 day(rec.received),
                                 day(rec.finished),
                                 day(c.due_promised),
                                 day(c.due_statutory)};
    for (lxw_col_t k = 0; k < 8; ++k) worksheet_write_string(ws, row, k, cut(cells[k]).c_str(), f);
    if (c.days_left)
      worksheet_write_number(ws, row, 8, double(*c.days_left), f);
    else
      worksheet_write_blank(ws, row, 8, f);
    worksheet_write_number(ws, row, 9, double(c.paused_days), f);
    if (c.days_used)
      worksheet_write_number(ws, row, 10, double(*c.days_used), f);
    else
      worksheet_write_blank(ws, row, 10, f);
    worksheet_write_string(ws, row, 11, status_label(c.status).in(in.lang).c_str(), f);
    worksheet_write_string(ws, row, 12, c.late_step.c_str(), f);
    worksheet_write_string(ws, row, 13, cut(notes).c_str(), f);
    worksheet_write_string(ws, row, 14,
                           fmt::format("{}:{}!{}", src.display, src.sheet, rec.row).c_str(), f);
    ++row;
  }
  if (row > 1) worksheet_autofilter(ws, 0, 0, row - 1, 14);

  lxw_worksheet* sum = workbook_add_worksheet(wb, "汇总");
  const char* sheads[] = {"部门",
                          "月份",
                          "受理",
                          "办结",
                          "按承诺时限办结率",
                          "提前办结率",
                          "平均用时（工作日）",
                          "平均承诺（工作日）",
                          "黄牌",
                          "红牌",
                          "超法定时限",
                          "清单外",
                          "无法判定"};
  for (lxw_col_t c = 0; c < 13; ++c) worksheet_set_column(sum, c, c, c == 0 ? 28 : 11, nullptr);
  worksheet_freeze_panes(sum, 1, 0);
  for (lxw_col_t c = 0; c < 13; ++c) worksheet_write_string(sum, 0, c, sheads[c], head);
  row = 1;
  for (const auto& f : r.summary) {
    worksheet_write_string(sum, row, 0, f.department.c_str(), plain);
    worksheet_write_string(sum, row, 1, f.month.c_str(), plain);
    worksheet_write_number(sum, row, 2, double(f.received), plain);
    worksheet_write_number(sum, row, 3, double(f.finished), plain);
    if (f.finished) {
      worksheet_write_number(sum, row, 4, f.on_time_rate(), pct);
      worksheet_write_number(sum, row, 5, double(f.early) / double(f.finished), pct);
    } else {
      worksheet_write_blank(sum, row, 4, plain);
      worksheet_write_blank(sum, row, 5, plain);
    }
    if (f.timed) {
      worksheet_write_number(sum, row, 6, double(f.days_used) / double(f.timed), plain);
      worksheet_write_number(sum, row, 7, double(f.days_promised) / double(f.timed), plain);
    } else {
      worksheet_write_blank(sum, row, 6, plain);
      worksheet_write_blank(sum, row, 7, plain);
    }
    const long nums[] = {f.warning, f.overdue + f.overdue_statutory,
                         f.late_statutory + f.overdue_statutory, f.not_in_catalog, f.undetermined};
    for (lxw_col_t k = 0; k < 5; ++k)
      worksheet_write_number(sum, row, 8 + k, double(nums[k]), plain);
    ++row;
  }
  const lxw_error rc = workbook_close(wb);
  if (rc != LXW_NO_ERROR) {
    std::remove(tmp.c_str());
    return std::string("libxlsxwriter: ") + lxw_strerror(rc);
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return (en ? "cannot write " : "无法写入 ") + path + ": " + ec.message();
  }
  return "";
}

}  // namespace powerlist
