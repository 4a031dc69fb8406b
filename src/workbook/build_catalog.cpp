// Workbook sheets → the catalog model. Each row becomes an item (or a 子项 under its 主项),
// is merged into the row above (merged cells, continuation lines), or is reported with why;
// every value keeps the span of its cell so findings point back into the workbook.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "cells.hpp"
#include "columns.hpp"
#include "keys.hpp"
#include "powerlist/citation_text.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/load.hpp"
#include "powerlist/text.hpp"
#include "powerlist/workbook.hpp"

namespace fs = std::filesystem;

namespace powerlist {

namespace {

struct Cell {
  uint32_t row = 0, col = 0;  // 0-based
  std::string text;
};

struct Record {
  uint32_t file = 0, row = 0;  // sheet source, 0-based row
  std::map<Field, Cell> cells;
  std::vector<std::pair<std::string, Cell>> extra;  // other columns, by heading
  const Cell* get(Field f) const {
    auto it = cells.find(f);
    return it == cells.end() || it->second.text.empty() ? nullptr : &it->second;
  }
  std::string text(Field f) const {
    const Cell* c = get(f);
    return c ? c->text : std::string();
  }
};

Span span_of(uint32_t file, const Cell& c) {
  return Span{file, c.row + 1, c.col + 1, c.row + 1, c.col + 2};
}

// Fields that hold names (whitespace inside them is layout, not content).
bool is_name_field(Field f) {
  switch (f) {
    case Field::Seq:
    case Field::Name:
    case Field::SubName:
    case Field::Category:
    case Field::Dept:
    case Field::HandledBy:
    case Field::Level:
    case Field::Code:
    case Field::Disclosure:
    case Field::Responsible:
      return true;
    default:
      return false;
  }
}

// 子项名称 cells that mean "no 子项".
bool no_sub(const std::string& s) {
  return s.empty() || s == "无" || s == "/" || s == "-" || s == "—" || s == "——" || s == "／";
}

bool empty_marker(const std::string& s) {
  return s.empty() || s == "/" || s == "／" || s == "-" || s == "—" || s == "——" || s == "无";
}

std::optional<Category> category_of(const std::string& text, bool* legacy) {
  std::string t = clean_name(text);
  if (t.empty()) return std::nullopt;
  if (auto c = parse_category(t, legacy)) return c;
  for (const char* other : {"其他权力", "其他职权", "其他行政职权", "其它行政权力", "其他"})
    if (t == other) return Category::Other;
  return std::nullopt;
}

// 行政处罚（254项） → 行政处罚: a sheet per category names it.
std::optional<Category> category_of_sheet(const std::string& name) {
  const std::string k = clean_name(name);
  for (const auto& ci : categories())
    if (k.find(ci.name) != std::string::npos) return ci.cat;
  if (k.find("其他") != std::string::npos || k.find("其它") != std::string::npos)
    return Category::Other;
  return std::nullopt;
}

class Builder {
 public:
  Builder(LoadResult& res, const ImportOptions& o, ImportReport& rep)
      : res_(res), opts_(o), report_(rep) {}

  void add_workbook(const std::string& path, const Workbook& book) {
    for (const Sheet& sheet : book.sheets)
      if (res_.fatal.empty()) add_sheet(path, sheet);
  }
  void finish();

 private:
  void add_sheet(const std::string& path, const Sheet& sheet);
  // A row not imported as an item: merged into another row, or reported (counted).
  void note_row(const std::string& file, const std::string& sheet, uint32_t row, Message why,
                bool merged) {
    report_.rows.push_back({file, sheet, row + 1, std::move(why), merged});
    (merged ? report_.sheets.back().merged : report_.sheets.back().reported) += 1;
  }
  void add_record(const Record& r, const std::string& display, const std::string& sheet_name,
                  std::optional<Category> sheet_category);
  Department& department(const std::string& name, uint32_t file, Span at);
  PowerItem make_item(const Record& r, const std::string& display, const std::string& sheet_name,
                      std::optional<Category> sheet_category);
  void fill_basis(PowerItem& item, const Record& r);
  void fill_limits(PowerItem& item, const Record& r);
  std::string unique_key(Department& d, const std::string& name, const std::string& salt);

  LoadResult& res_;
  const ImportOptions& opts_;
  ImportReport& report_;
  std::map<std::string, size_t> dept_index_;           // 行使主体 → departments[i]
  std::map<std::string, std::set<std::string>> keys_;  // dept id → keys used
  std::string default_dept_;  // from the title or the file name, for sheets without 行使主体
  size_t records_ = 0;        // item rows kept over all workbooks, against limits.max_items
  // The 主项 of the 子项 being read: (department, name) → key.
  std::map<std::pair<std::string, std::string>, std::string> parents_;
};

Department& Builder::department(const std::string& name, uint32_t file, Span at) {
  auto it = dept_index_.find(name);
  if (it != dept_index_.end()) return res_.catalog.departments[it->second];
  Department d;
  d.loaded = true;
  d.file = file;
  d.span = at;
  d.name = {name, at};
  std::string id = pinyin_initials(name, 24);
  if (id.empty()) id = "dept";
  std::string unique = id;
  for (int n = 2; std::any_of(res_.catalog.departments.begin(), res_.catalog.departments.end(),
                              [&](const Department& o) { return o.id.value == unique; });
       ++n)
    unique = fmt::format("{}-{}", id, n);
  d.id = {unique, at};
  dept_index_[name] = res_.catalog.departments.size();
  res_.catalog.departments.push_back(std::move(d));
  return res_.catalog.departments.back();
}

std::string Builder::unique_key(Department& d, const std::string& name, const std::string& salt) {
  std::string key = stable_key(name, salt, 20);
  auto& used = keys_[d.id.value];
  std::string unique = key;
  for (int n = 2; used.count(unique); ++n) unique = fmt::format("{}-{}", key, n);
  used.insert(unique);
  return unique;
}

void Builder::fill_basis(PowerItem& item, const Record& r) {
  const Cell* cell = r.get(Field::Basis);
  if (!cell) return;
  const Span at = span_of(r.file, *cell);
  ParsedBasis parsed = parse_basis_text(cell->text);
  item.has_basis_key = true;
  for (auto& p : parsed.citations) {
    Citation c;
    c.span = at;
    c.law = {p.law, at};
    c.tag = {p.tag, at};
    c.note = p.note;
    c.text = p.text;
    for (const auto& ref : p.refs) c.articles.push_back({ref, at});
    if (p.version) c.version = Loc<Date>{*p.version, at};
    item.basis.push_back(std::move(c));
  }
  report_.citations += parsed.citations.size();
  // Keep the cell as written when the citations do not say all of it.
  if (normalize_for_compare(render_basis_text(item.basis)) != normalize_for_compare(cell->text))
    item.basis_text = cell->text;
  if (parsed.citations.empty() || !parsed.leftovers.empty()) ++report_.unparsed_basis_cells;
  report_basis_leftovers(res_.diags, at, "", parsed);
}

void Builder::fill_limits(PowerItem& item, const Record& r) {
  auto one = [&](Field f, std::optional<Loc<Duration>>& value, std::string& note, bool& given) {
    const Cell* cell = r.get(f);
    if (!cell || empty_marker(clean_name(cell->text))) return;
    const Span at = span_of(r.file, *cell);
    item.has_limits = true;
    given = true;
    if (item.limits.span.line == 0) item.limits.span = at;
    if (auto d = parse_duration(clean_name(cell->text))) {
      value = Loc<Duration>{*d, at};
      if (normalize_for_compare(d->str()) != normalize_for_compare(cell->text)) note = cell->text;
      return;
    }
    note = cell->text;  // 告知承诺制：20个工作日；非告知承诺制：10个工作日
    if (auto d = first_duration(cell->text)) value = Loc<Duration>{*d, at};
  };
  one(Field::Statutory, item.limits.statutory, item.limits.statutory_note,
      item.limits.statutory_given);
  one(Field::Promised, item.limits.promised, item.limits.promised_note, item.limits.promised_given);
}

PowerItem Builder::make_item(const Record& r, const std::string& display,
                             const std::string& sheet_name,
                             std::optional<Category> sheet_category) {
  PowerItem it;
  const Cell* name = r.get(Field::Name);
  it.span = name ? span_of(r.file, *name) : Span{r.file, r.row + 1, 1, r.row + 1, 2};
  auto str = [&](Field f, LStr& out) {
    if (const Cell* c = r.get(f)) out = {c->text, span_of(r.file, *c)};
  };
  str(Field::Seq, it.seq);
  str(Field::HandledBy, it.handled_by);
  str(Field::Level, it.level);
  str(Field::Authority, it.authority);
  str(Field::DeptDuty, it.dept_duty);
  str(Field::DutyBasis, it.duty_basis);
  str(Field::Accountable, it.accountable);
  str(Field::Note, it.note);
  str(Field::Conditions, it.conditions);
  if (const Cell* c = r.get(Field::Category)) {
    bool legacy = false;
    if (auto cat = category_of(c->text, &legacy)) {
      it.category = {*cat, span_of(r.file, *c)};
      it.legacy_category = legacy;
    } else {
      res_.diags.add(rule::schema_enum, span_of(r.file, *c), "",
                     {fmt::format("无法识别的权力类型“{}”", c->text),
                      fmt::format("unrecognised category '{}'", c->text)});
    }
  }
  if (!it.category.span.valid() && sheet_category)
    it.category = {*sheet_category, it.span};  // the sheet is one category
  if (const Cell* c = r.get(Field::Duties)) it.duties["责任事项"] = c->text;
  if (const Cell* c = r.get(Field::Accountability)) it.accountability.push_back(c->text);
  if (const Cell* c = r.get(Field::Objects)) {
    it.service.emplace();
    it.service->objects = c->text;
    it.service->span = span_of(r.file, *c);
  }
  if (const Cell* c = r.get(Field::Materials); c && !empty_marker(clean_name(c->text))) {
    Material m;
    m.name = {c->text, span_of(r.file, *c)};
    it.materials.push_back(std::move(m));
  }
  if (const Cell* c = r.get(Field::Code)) {
    if (is_digits(c->text, 12))
      it.baseline = {c->text, span_of(r.file, *c)};
    else
      it.extra[field_info(Field::Code).label] = c->text;
  }
  if (const Cell* c = r.get(Field::Fees)) {
    const std::string t = clean_name(c->text);
    if (empty_marker(t) || t == "不收费" || t == "否") {
      it.fees_none = true;
    } else {
      Fee fee;
      fee.span = span_of(r.file, *c);
      fee.name = {"收费", fee.span};
      fee.standard = c->text;
      it.fees.push_back(std::move(fee));
    }
  }
  if (const Cell* c = r.get(Field::Disclosure)) {
    const std::string t = clean_name(c->text);
    Disclosure d;
    d.span = span_of(r.file, *c);
    if (t == "主动公开" || t == "社会公开" || t == "公开")
      d.scope = {"社会公开", d.span};
    else if (t == "依申请公开")
      d.scope = {"依申请公开", d.span};
    else
      it.extra[field_info(Field::Disclosure).label] = c->text;
    if (!d.scope.value.empty()) it.disclosure = std::move(d);
  }
  if (const Cell* c = r.get(Field::Responsible))
    it.extra[field_info(Field::Responsible).label] = c->text;
  for (const auto& [header, cell] : r.extra)
    if (!cell.text.empty()) it.extra[header] = cell.text;
  fill_basis(it, r);
  fill_limits(it, r);
  SourceRef src;
  src.file = display;
  src.sheet = sheet_name;
  src.row = r.row + 1;
  src.span = it.span;
  it.source = std::move(src);
  return it;
}

void Builder::add_record(const Record& r, const std::string& display, const std::string& sheet_name,
                         std::optional<Category> sheet_category) {
  const Cell* dept_cell = r.get(Field::Dept);
  const std::string dept_name = dept_cell ? clean_name(dept_cell->text) : default_dept_;
  const Span dept_span =
      dept_cell ? span_of(r.file, *dept_cell) : Span{r.file, r.row + 1, 1, r.row + 1, 2};
  Department& d = department(dept_name.empty() ? "未注明行使主体" : dept_name, r.file, dept_span);
  PowerItem item = make_item(r, display, sheet_name, sheet_category);
  const std::string name = r.text(Field::Name);
  const std::string sub = r.text(Field::SubName);
  if (!no_sub(clean_name(sub))) {
    // A 子项: its 主项 is made once per (department, name), from the first 子项's row.
    auto key = std::make_pair(d.id.value, name);
    auto parent = parents_.find(key);
    if (parent == parents_.end()) {
      PowerItem main;
      main.span = item.span;
      main.name = {name, item.span};
      main.seq = item.seq;
      main.category = item.category;
      main.legacy_category = item.legacy_category;
      main.source = item.source;
      main.handled_by = item.handled_by;  // the 主项's unit: its first 子项's
      main.key = {unique_key(d, name, category_info(item.category.value).code), item.span};
      parent = parents_.emplace(key, main.key.value).first;
      d.powers.push_back(std::move(main));
    }
    const Cell* sc = r.get(Field::SubName);
    item.name = {sub, span_of(r.file, *sc)};
    item.parent = {parent->second, span_of(r.file, *sc)};
    item.seq = {};
    item.key = {unique_key(d, name + "/" + sub, category_info(item.category.value).code),
                item.name.span};
    ++report_.sheets.back().sub_items;
  } else {
    item.name = {name, item.span};
    item.key = {unique_key(d, name, category_info(item.category.value).code), item.span};
  }
  ++report_.sheets.back().items;
  if (!item.handled_by.value.empty() &&
      std::none_of(d.units.begin(), d.units.end(),
                   [&](const LStr& u) { return u.value == item.handled_by.value; }))
    d.units.push_back(item.handled_by);
  d.powers.push_back(std::move(item));
}

void Builder::add_sheet(const std::string& path, const Sheet& sheet) {
  const std::string display = path;
  uint32_t file = res_.sources.add(display, path, "");
  SourceFile& src = res_.sources.get_mut(file);
  src.sheet = sheet.name.empty() ? "Sheet1" : sheet.name;
  src.grid = sheet.grid;
  ImportReport::SheetSummary summary;
  summary.file = display;
  summary.sheet = src.sheet;
  summary.rows = sheet.rows();
  const SheetLayout layout = detect_layout(sheet, opts_.overrides);
  summary.has_header = layout.found;
  summary.header_row = layout.found ? layout.header_row + 1 : 0;
  for (const auto& c : layout.columns)
    summary.columns.push_back(
        {c.header, field_info(c.field).key, field_info(c.field).label, c.col, c.by_user});
  report_.sheets.push_back(summary);
  res_.files += 1;
  if (!layout.found) {
    bool any = false;
    for (uint32_t r = 0; r < sheet.rows() && !any; ++r)
      for (uint32_t c = 0; c < sheet.cols() && !any; ++c) any = !clean_name(sheet.at(r, c)).empty();
    if (any) {
      res_.diags.add(
          rule::schema_required, Span{file, 1, 1, 1, 2}, "",
          {fmt::format("工作表“{}”中找不到表头（事项名称、权力类型、实施依据……），未导入；"
                       "可用 --map 列名=字段 指定",
                       src.sheet),
           fmt::format("no header row (事项名称, 权力类型, 实施依据 …) in sheet '{}'; "
                       "nothing imported (use --map heading=field)",
                       src.sheet)});
      for (uint32_t r = 0; r < sheet.rows(); ++r)
        note_row(display, src.sheet, r, {"工作表没有可识别的表头", "no recognisable header"},
                 false);
      report_.sheets.back().reported = sheet.rows();
    }
    return;
  }
  const auto sheet_category = category_of_sheet(sheet.name);
  // A list of powers names its category or its basis somewhere; a sheet with neither (the
  // review workbook's own 汇总 and 风险防控, a contacts sheet …) is accounted for, not imported.
  const bool ours =
      (src.sheet == "汇总" || src.sheet == "风险防控") && !layout.column_of(Field::Basis);
  if (ours ||
      (!layout.column_of(Field::Category) && !layout.column_of(Field::Basis) && !sheet_category)) {
    if (!ours)
      res_.diags.add(
          rule::schema_required, Span{file, 1, 1, 1, 2}, "",
          {fmt::format("工作表“{}”没有权力类型列，也没有实施依据列，不像职权目录，未导入；"
                       "如确是目录，可用 --map 列名=字段 指定",
                       src.sheet),
           fmt::format("sheet '{}' has neither a category nor a basis column and does not look "
                       "like a list of powers; nothing imported (use --map heading=field)",
                       src.sheet)});
    for (uint32_t r = 0; r < sheet.rows(); ++r)
      note_row(display, src.sheet, r,
               ours ? Message{"审核意见表的汇总工作表，不是目录", "a review workbook summary sheet"}
                    : Message{"工作表不像职权目录", "the sheet is not a list of powers"},
               false);
    report_.sheets.back().reported = sheet.rows();
    report_.sheets.back().header_row = 0;  // every row is counted as reported
    return;
  }
  if (default_dept_.empty() && !layout.title.empty())
    default_dept_ = department_from_title(layout.title);
  if (default_dept_.empty()) default_dept_ = department_from_title(fs::path(path).stem().string());
  const MergeMap merges(sheet);
  const Record* previous = nullptr;
  std::vector<Record> kept;
  kept.reserve(sheet.rows());
  std::vector<std::string> header_keys;
  for (uint32_t c = 0; c < sheet.cols(); ++c)
    header_keys.push_back(header_key(sheet.at(layout.first_header_row, c)));
  for (uint32_t r = layout.header_row + 1; r < sheet.rows(); ++r) {
    // Cells of this row, with vertically merged cells read from their top-left cell.
    Record rec;
    rec.file = file;
    rec.row = r;
    bool own = false, blank = true, repeat_header = true;
    for (const auto& col : layout.columns) {
      const MergeMap::Origin o = merges.origin(r, col.col);
      const std::string_view raw = sheet.at(o.row, o.col);
      if (!header_key(sheet.at(r, col.col)).empty()) blank = false;
      if (header_key(sheet.at(r, col.col)) != header_keys[col.col]) repeat_header = false;
      if (raw.empty()) continue;
      if (!o.merged_from_above) own = own || !header_key(raw).empty();
      Cell cell{o.row, o.col, is_name_field(col.field) ? clean_name(raw) : clean_text(raw)};
      if (col.field == Field::Extra)
        rec.extra.emplace_back(col.header, std::move(cell));
      else
        rec.cells[col.field] = std::move(cell);
    }
    if (blank && !own) {
      bool covered = false;
      for (const auto& col : layout.columns)
        covered = covered || merges.origin(r, col.col).merged_from_above;
      if (covered) {
        note_row(display, src.sheet, r,
                 {"合并单元格的续行，已并入上一行",
                  "continuation of merged cells, part of the row above"},
                 true);
      } else {
        ++report_.sheets.back().empty;  // an empty row: nothing to account for
      }
      continue;
    }
    if (!own) {
      note_row(
          display, src.sheet, r,
          {"合并单元格的续行，已并入上一行", "continuation of merged cells, part of the row above"},
          true);
      continue;
    }
    if (repeat_header) {
      note_row(display, src.sheet, r,
               {"重复的表头行（分页打印时常见），未导入", "a repeated header row, not imported"},
               false);
      continue;
    }
    // A note typed into the 序号 column, the rest of the row empty.
    size_t filled = rec.cells.size() + rec.extra.size();
    if (filled == 1 && rec.get(Field::Seq) &&
        !is_digits(rec.text(Field::Seq), rec.text(Field::Seq).size())) {
      std::string text = rec.text(Field::Seq);
      if (utf8_length(text) > 40) text = utf8_prefix(text, 40) + "…";
      note_row(display, src.sheet, r,
               {fmt::format("说明文字行（写在序号列）：“{}”，未导入", text),
                fmt::format("a note in the 序号 column: '{}', not imported", text)},
               false);
      continue;
    }
    const bool has_name = rec.get(Field::Name) != nullptr,
               has_sub = rec.get(Field::SubName) && !no_sub(rec.text(Field::SubName));
    if (!has_name && previous) {
      const bool new_subject =
          rec.get(Field::Dept) || rec.get(Field::Level) || rec.get(Field::HandledBy);
      if (has_sub || new_subject) {
        // The same 主项 (a 子项 of it, or the same power at another level / subject):
        // what the row leaves empty is read from the row above, as a merged cell would be.
        for (Field f : {Field::Seq, Field::Name, Field::Category, Field::Basis, Field::Dept})
          if (!rec.get(f) && previous->get(f)) rec.cells[f] = *previous->get(f);
        if (has_sub == false && previous->get(Field::SubName))
          rec.cells[Field::SubName] = *previous->get(Field::SubName);
      } else {
        // Text that ran on into the next row: appended to the row above.
        Record& prev = kept.back();
        for (auto& [f, cell] : rec.cells)
          if (!cell.text.empty())
            prev.cells[f].text += (prev.cells[f].text.empty() ? "" : "\n") + cell.text;
        note_row(display, src.sheet, r,
                 {fmt::format("续行（没有事项名称），内容已并入第 {} 行", prev.row + 1),
                  fmt::format("a continuation line (no name), appended to row {}", prev.row + 1)},
                 true);
        continue;
      }
    }
    if (!rec.get(Field::Name)) {
      res_.diags.add(rule::schema_required, Span{file, r + 1, 1, r + 1, 2}, "",
                     {"这一行没有事项名称，未导入", "this row has no item name; not imported"});
      note_row(display, src.sheet, r, {"没有事项名称", "no item name"}, false);
      continue;
    }
    if (++records_ > opts_.limits.max_items) {
      const Message m{
          fmt::format("工作簿中的事项超过 {} 项的上限（读到工作表“{}”第 {} 行），未读取；一个省的"
                      "清单也只有数万项，请确认没有误选办件台账等文件",
                      opts_.limits.max_items, src.sheet, r + 1),
          fmt::format("the workbooks hold over {} items, the limit (at row {} of sheet '{}'); "
                      "not read: a province's catalog has tens of thousands; is this a case "
                      "ledger?",
                      opts_.limits.max_items, r + 1, src.sheet)};
      res_.fatal = fmt::format("{}：{} / {}: {}", display, m.zh, display, m.en);
      return;
    }
    kept.push_back(std::move(rec));
    previous = &kept.back();
  }
  for (const Record& rec : kept) add_record(rec, display, src.sheet, sheet_category);
}

void Builder::finish() {
  // Every item an id; departments in name order so the catalog does not depend on file order.
  auto& depts = res_.catalog.departments;
  std::stable_sort(depts.begin(), depts.end(), [](const Department& a, const Department& b) {
    return a.id.value < b.id.value;
  });
}

}  // namespace

namespace {

void start_duty_list(Project& p, const ImportOptions& options) {
  p.profile = Profile::DutyList;
  p.standalone = true;  // no powerlist.yaml: no lock, no baseline
  p.effective = Loc<Date>{options.as_of.value_or(Date{2026, 1, 1}), {}};
}

// Reads one workbook's bytes into the builder; false (res.fatal set) when it is unreadable.
bool add_workbook_bytes(LoadResult& res, Builder& b, const std::string& display,
                        const std::string& bytes, const ImportOptions& options) {
  WorkbookRead wb = read_workbook(bytes, options.limits);
  if (!wb.error.zh.empty()) {
    res.fatal = fmt::format("{}：{} / {}: {}", display, wb.error.zh, display, wb.error.en);
    return false;
  }
  b.add_workbook(display, wb.book);
  if (!res.fatal.empty()) return false;
  Project& p = res.catalog.project;
  if (p.title.value.empty()) p.title = {fs::path(display).stem().string(), {}};
  return true;
}

}  // namespace

void load_workbooks(LoadResult& res, const std::vector<std::string>& paths,
                    const ImportOptions& options, ImportReport& report) {
  start_duty_list(res.catalog.project, options);
  Builder b(res, options, report);
  for (const auto& path : paths) {
    std::string bytes;
    size_t size = 0;
    const ReadStatus st = read_regular_file(path, options.limits.max_file_bytes, bytes, &size);
    if (st != ReadStatus::Ok) {
      const Message m = read_error_message(st, path, size, options.limits.max_file_bytes);
      res.fatal = m.zh + " / " + m.en;
      return;
    }
    if (!add_workbook_bytes(res, b, path, bytes, options)) return;
  }
  b.finish();
}

void load_workbook_bytes(LoadResult& res, const std::string& display, const std::string& bytes,
                         const ImportOptions& options, ImportReport& report) {
  start_duty_list(res.catalog.project, options);
  Builder b(res, options, report);
  if (add_workbook_bytes(res, b, display, bytes, options)) b.finish();
}

}  // namespace powerlist
