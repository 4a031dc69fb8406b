// Header detection by synonyms (columns.hpp).
#include "columns.hpp"

#include <algorithm>
#include <cstring>

#include "powerlist/text.hpp"

namespace powerlist {

namespace {

struct Synonym {
  const char* text;
  Field field;
};

// Headings seen in published 权责清单 and 职权目录. Matched as prefixes of the heading with
// whitespace removed, longest first, so 责任事项依据 is not read as 责任事项.
const std::vector<Synonym>& synonyms() {
  static const std::vector<Synonym> list = [] {
    std::vector<Synonym> v = {
        {"序号", Field::Seq},
        {"编号", Field::Seq},
        {"事项名称", Field::Name},
        {"权力事项名称", Field::Name},
        {"行政权力名称", Field::Name},
        {"职权名称", Field::Name},
        {"权力名称", Field::Name},
        {"主项名称", Field::Name},
        {"权责事项", Field::Name},
        {"职权事项", Field::Name},
        {"项目名称", Field::Name},
        {"项目", Field::Name},
        {"主项", Field::Name},
        {"事项", Field::Name},
        {"名称", Field::Name},
        {"子项名称", Field::SubName},
        {"子项目名称", Field::SubName},
        {"子项", Field::SubName},
        {"权力类型", Field::Category},
        {"职权类型", Field::Category},
        {"权力类别", Field::Category},
        {"职权类别", Field::Category},
        {"权力种类", Field::Category},
        {"事项类型", Field::Category},
        {"事项类别", Field::Category},
        {"类别", Field::Category},
        {"类型", Field::Category},
        {"实施依据", Field::Basis},
        {"设定依据", Field::Basis},
        {"设定和实施依据", Field::Basis},
        {"法律依据", Field::Basis},
        {"法定依据", Field::Basis},
        {"职权依据", Field::Basis},
        {"依据", Field::Basis},
        {"行使主体", Field::Dept},
        {"实施主体", Field::Dept},
        {"执法主体", Field::Dept},
        {"职权主体", Field::Dept},
        {"责任主体", Field::Responsible},
        {"承办机构", Field::HandledBy},
        {"承办科室", Field::HandledBy},
        {"承办单位", Field::HandledBy},
        {"承办部门", Field::HandledBy},
        {"责任科室", Field::HandledBy},
        {"责任股室", Field::HandledBy},
        {"内设机构", Field::HandledBy},
        {"实施机构", Field::HandledBy},
        {"办理机构", Field::HandledBy},
        {"实施层级", Field::Level},
        {"行使层级", Field::Level},
        {"层级", Field::Level},
        {"实施权限", Field::Authority},
        {"权限", Field::Authority},
        {"部门职责", Field::DeptDuty},
        {"职责", Field::DeptDuty},
        {"责任事项依据", Field::DutyBasis},
        {"责任事项的依据", Field::DutyBasis},
        {"责任依据", Field::DutyBasis},
        {"责任事项内容", Field::Duties},
        {"责任事项", Field::Duties},
        {"责任内容", Field::Duties},
        {"追责对象范围", Field::Accountable},
        {"追责对象", Field::Accountable},
        {"问责对象", Field::Accountable},
        {"追责情形", Field::Accountability},
        {"问责情形", Field::Accountability},
        {"追责", Field::Accountability},
        {"备注", Field::Note},
        {"职权编码", Field::Code},
        {"权力编码", Field::Code},
        {"事项编码", Field::Code},
        {"基本编码", Field::Code},
        {"实施编码", Field::Code},
        {"编码", Field::Code},
        {"实施对象", Field::Objects},
        {"服务对象", Field::Objects},
        {"行政相对人", Field::Objects},
        {"管理对象", Field::Objects},
        {"适用对象", Field::Objects},
        {"申请条件", Field::Conditions},
        {"受理条件", Field::Conditions},
        {"行使条件", Field::Conditions},
        {"办理条件", Field::Conditions},
        {"实施条件", Field::Conditions},
        {"申请材料", Field::Materials},
        {"申报材料", Field::Materials},
        {"提交材料", Field::Materials},
        {"所需材料", Field::Materials},
        {"法定期限", Field::Statutory},
        {"法定办结时限", Field::Statutory},
        {"法定办理时限", Field::Statutory},
        {"法定办理期限", Field::Statutory},
        {"法定时限", Field::Statutory},
        {"承诺期限", Field::Promised},
        {"承诺办结时限", Field::Promised},
        {"承诺办理时限", Field::Promised},
        {"承诺办理期限", Field::Promised},
        {"承诺时限", Field::Promised},
        {"收费依据和标准", Field::Fees},
        {"收费标准", Field::Fees},
        {"收费依据", Field::Fees},
        {"是否收费", Field::Fees},
        {"收费", Field::Fees},
        {"公开类型", Field::Disclosure},
        {"公开方式", Field::Disclosure},
        {"公开形式", Field::Disclosure},
        {"公开范围", Field::Disclosure},
        {"公开属性", Field::Disclosure},
    };
    std::stable_sort(v.begin(), v.end(), [](const Synonym& a, const Synonym& b) {
      return std::strlen(a.text) > std::strlen(b.text);
    });
    return v;
  }();
  return list;
}

std::optional<Field> match_header(const std::string& key) {
  if (key.empty() || utf8_length(key) > 24) return std::nullopt;
  for (const auto& s : synonyms())
    if (starts_with(key, s.text)) return s.field;
  return std::nullopt;
}

bool looks_like_number(const std::string& s) {
  const std::string t = trim(s);
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-';
  });
}

}  // namespace

const std::vector<FieldInfo>& field_infos() {
  static const std::vector<FieldInfo> v = {
      {Field::Seq, "seq", "序号"},
      {Field::Name, "name", "事项名称"},
      {Field::SubName, "sub_name", "子项名称"},
      {Field::Category, "category", "权力类型"},
      {Field::Basis, "basis", "实施依据"},
      {Field::Dept, "department", "行使主体"},
      {Field::HandledBy, "handled_by", "承办机构"},
      {Field::Level, "level", "实施层级"},
      {Field::Authority, "authority", "权限"},
      {Field::DeptDuty, "dept_duty", "部门职责"},
      {Field::Duties, "duties", "责任事项内容"},
      {Field::DutyBasis, "duty_basis", "责任事项依据"},
      {Field::Accountable, "accountable", "追责对象范围"},
      {Field::Accountability, "accountability", "追责情形"},
      {Field::Note, "note", "备注"},
      {Field::Code, "code", "职权编码"},
      {Field::Objects, "objects", "实施对象"},
      {Field::Conditions, "conditions", "申请条件"},
      {Field::Materials, "materials", "申请材料"},
      {Field::Statutory, "statutory", "法定期限"},
      {Field::Promised, "promised", "承诺期限"},
      {Field::Fees, "fees", "收费依据和标准"},
      {Field::Disclosure, "disclosure", "公开类型"},
      {Field::Responsible, "responsible_body", "责任主体"},
      {Field::Extra, "extra", "（其他列）"},
  };
  return v;
}

const FieldInfo& field_info(Field f) {
  for (const auto& i : field_infos())
    if (i.field == f) return i;
  return field_infos().back();
}

std::optional<Field> parse_field(const std::string& s) {
  const std::string k = header_key(s);
  for (const auto& i : field_infos())
    if (k == i.key || k == header_key(i.label)) return i.field;
  if (auto m = match_header(k)) return m;
  return std::nullopt;
}

std::string header_key(std::string_view cell) {
  std::string out;
  const size_t bad = find_invalid_utf8(cell);
  for (char32_t c : decode_utf8(
           std::string_view(cell).substr(0, bad == std::string::npos ? cell.size() : bad))) {
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0xA0 ||
        c == U'*')
      continue;
    append_utf8(out, c);
  }
  return out;
}

std::optional<Field> SheetLayout::column_field(uint32_t col) const {
  for (const auto& c : columns)
    if (c.col == col) return c.field;
  return std::nullopt;
}

std::optional<uint32_t> SheetLayout::column_of(Field f) const {
  for (const auto& c : columns)
    if (c.field == f) return c.col;
  return std::nullopt;
}

SheetLayout detect_layout(const Sheet& sheet, const ColumnOverrides& overrides) {
  SheetLayout out;
  auto field_of = [&](const std::string& key) -> std::optional<Field> {
    auto o = overrides.find(key);
    if (o != overrides.end()) return o->second;
    return match_header(key);
  };
  // The header row: the most cells that read as headings (a name column among them).
  int best = 0;
  uint32_t best_row = 0;
  for (uint32_t r = 0; r < std::min<uint32_t>(sheet.rows(), 30); ++r) {
    int score = 0;
    bool name = false;
    std::vector<Field> seen;
    for (uint32_t c = 0; c < sheet.cols(); ++c) {
      auto f = field_of(header_key(sheet.at(r, c)));
      if (!f || std::find(seen.begin(), seen.end(), *f) != seen.end()) continue;
      seen.push_back(*f);
      ++score;
      name = name || *f == Field::Name || *f == Field::SubName;
    }
    if (name && score > best) {
      best = score;
      best_row = r;
    }
  }
  if (best < 3) return out;
  out.found = true;
  out.first_header_row = out.header_row = best_row;
  for (uint32_t r = 0; r < best_row && out.title.empty(); ++r)
    for (uint32_t c = 0; c < sheet.cols() && out.title.empty(); ++c)
      out.title = header_key(sheet.at(r, c));
  // A second header row: headings under a heading that spans columns (实施层级及权限 over
  // 层级 | 权限), and no data in it.
  bool sub_header = false;
  const uint32_t next = best_row + 1;
  if (next < sheet.rows()) {
    int headings = 0, other = 0;
    for (uint32_t c = 0; c < sheet.cols(); ++c) {
      const std::string k = header_key(sheet.at(next, c));
      if (k.empty()) continue;
      if (field_of(k) && !looks_like_number(k))
        ++headings;
      else
        ++other;
    }
    sub_header = headings >= 1 && other == 0;
  }
  if (sub_header) out.header_row = next;
  std::vector<Field> taken;
  std::optional<Field> previous;
  for (uint32_t c = 0; c < sheet.cols(); ++c) {
    const std::string top = header_key(sheet.at(best_row, c));
    const std::string sub = sub_header ? header_key(sheet.at(next, c)) : std::string();
    std::string shown = sub.empty() ? top : (top.empty() ? sub : top + "/" + sub);
    std::optional<Field> f;
    bool by_user = false;
    for (const std::string* k : std::initializer_list<const std::string*>{&shown, &sub, &top}) {
      auto o = overrides.find(*k);
      if (!k->empty() && o != overrides.end()) {
        f = o->second;
        by_user = true;
        break;
      }
    }
    if (!f && !sub.empty()) f = match_header(sub);
    if (!f && !top.empty()) f = match_header(top);
    // 实施层级及权限 over two columns: the level, then (under an empty heading) the scope.
    if (!f && top.empty() && sub.empty() && previous == Field::Level) f = Field::Authority;
    if (!top.empty() || !sub.empty() || f) {
      if (!f) f = Field::Extra;
      if (*f != Field::Extra && !by_user &&
          std::find(taken.begin(), taken.end(), *f) != taken.end())
        f = Field::Extra;  // a repeated column: kept under its heading
      if (*f != Field::Extra) taken.push_back(*f);
      if (shown.empty()) shown = field_info(*f).label;
      out.columns.push_back({c, shown, *f, by_user});
    } else {
      // A column without heading that holds data is kept too.
      bool data = false;
      for (uint32_t r = out.header_row + 1; r < sheet.rows() && !data; ++r)
        data = !header_key(sheet.at(r, c)).empty();
      if (data) out.columns.push_back({c, "第" + column_letters(c) + "列", Field::Extra, false});
    }
    previous = f;
  }
  // No 行使主体 column: 责任主体 names the body that exercises the power.
  if (!out.column_of(Field::Dept))
    for (auto& c : out.columns)
      if (c.field == Field::Responsible) {
        c.field = Field::Dept;
        break;
      }
  return out;
}

}  // namespace powerlist
