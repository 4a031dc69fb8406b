// Ledger headings → fields, and dates as ledgers write them (CLI.md "monitor").
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "ledger/ledger_parts.hpp"
#include "powerlist/ledger.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

struct FieldDef {
  LedgerField field;
  const char* key;
  std::vector<const char*> headings;  // compared without whitespace
};

const std::vector<FieldDef>& field_defs() {
  static const std::vector<FieldDef> defs = {
      {LedgerField::Id,
       "id",
       {"办件编号", "业务流水号", "申办流水号", "案件编号", "编号", "办件号", "办件流水号",
        "受理编号", "流水号", "案号"}},
      {LedgerField::Code,
       "code",
       {"事项编码", "实施编码", "基本编码", "权力编码", "职权编码", "事项代码", "实施清单编码",
        "业务办理项编码"}},
      {LedgerField::Name, "name", {"事项名称", "权力名称", "职权名称", "办件事项", "权力事项名称"}},
      {LedgerField::Department,
       "department",
       {"实施主体", "行使主体", "办理部门", "部门", "实施机关", "受理部门", "实施主体名称",
        "部门名称"}},
      {LedgerField::Unit, "unit", {"承办机构", "承办科室", "办理科室", "承办处室", "承办单位"}},
      {LedgerField::Received,
       "received",
       {"受理日期", "受理时间", "立案日期", "立案时间", "受理日"}},
      {LedgerField::Finished,
       "finished",
       {"办结日期", "办结时间", "结案日期", "结案时间", "办结日"}},
      {LedgerField::State, "state", {"状态", "办件状态", "办理状态", "案件状态"}},
      {LedgerField::PauseFrom,
       "pause_from",
       {"暂停开始", "暂停开始日期", "暂停开始时间", "特别程序开始", "特别程序开始时间",
        "特别程序开始日期", "挂起开始", "挂起时间"}},
      {LedgerField::PauseTo,
       "pause_to",
       {"暂停结束", "暂停结束日期", "暂停结束时间", "特别程序结束", "特别程序结束时间",
        "特别程序结束日期", "挂起结束", "恢复时间"}},
      {LedgerField::PauseReason,
       "pause_reason",
       {"暂停原因", "特别程序原因", "特别程序种类", "特别程序名称", "挂起原因"}},
      {LedgerField::Pause, "pause", {"暂停", "暂停期间", "暂停时段", "特别程序期间", "挂起期间"}},
      {LedgerField::Node, "node", {"节点", "节点名称", "办理节点", "环节节点"}},
      {LedgerField::NodeTime, "time", {"时间", "节点时间", "发生时间", "办理时间"}},
      {LedgerField::Step, "step", {"环节", "环节名称", "办理环节"}},
      {LedgerField::StepStart,
       "step_start",
       {"开始", "开始时间", "开始日期", "环节开始时间", "环节开始"}},
      {LedgerField::StepEnd,
       "step_end",
       {"结束", "结束时间", "结束日期", "环节结束时间", "环节结束"}},
      {LedgerField::Personal,
       "personal",
       {"申请人",         "申请人姓名", "申请人名称", "申请单位",   "身份证号", "身份证号码",
        "证件号码",       "电话",       "联系电话",   "手机",       "手机号码", "联系人",
        "地址",           "联系地址",   "当事人",     "法定代表人", "姓名",     "统一社会信用代码",
        "申请人证件号码", "邮箱",       "电子邮箱"}},
  };
  return defs;
}

// Words that make any heading an applicant's (申请人证件类型, 经办人手机 …): never read.
bool names_a_person(const std::string& h) {
  static const char* words[] = {"申请人", "身份证", "证件",       "电话", "手机",   "联系人",
                                "地址",   "当事人", "法定代表人", "姓名", "经办人", "邮箱",
                                "住址",   "出生",   "生日",       "性别", "民族"};
  for (const char* w : words)
    if (h.find(w) != std::string::npos) return true;
  return false;
}

// 暂停开始1, 暂停开始（2）, 暂停开始时间_3 → 暂停开始, 暂停开始时间.
std::string strip_repeat_number(std::string h) {
  for (;;) {
    const std::string before = h;
    while (!h.empty() && (std::isdigit(static_cast<unsigned char>(h.back())) || h.back() == '_' ||
                          h.back() == '-' || h.back() == ')' || h.back() == '('))
      h.pop_back();
    for (const char* s : {"（", "）", "〔", "〕"})
      if (ends_with(h, s)) h.resize(h.size() - std::string(s).size());
    if (h == before) return h;
  }
}

}  // namespace

const char* ledger_field_key(LedgerField f) {
  for (const auto& d : field_defs())
    if (d.field == f) return d.key;
  return "";
}

std::optional<LedgerField> parse_ledger_field(const std::string& s) {
  for (const auto& d : field_defs()) {
    if (s == d.key) return d.field;
    for (const char* h : d.headings)
      if (s == h) return d.field;
  }
  return std::nullopt;
}

std::optional<LedgerField> ledger_field_of_heading(const std::string& heading) {
  const std::string h = squeeze(heading);
  if (h.empty()) return std::nullopt;
  const std::string stripped = strip_repeat_number(h);
  for (const auto& d : field_defs())
    for (const char* name : d.headings)
      if (h == name || stripped == name) return d.field;
  if (names_a_person(h)) return LedgerField::Personal;
  return std::nullopt;
}

namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

std::string fmt_date(int y, int m, int d) {
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// Reads 1..max digits at `i`.
std::optional<int> number_at(std::string_view s, size_t& i, size_t max) {
  size_t n = 0;
  int v = 0;
  while (i < s.size() && digit(s[i]) && n < max) {
    v = v * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  if (n == 0) return std::nullopt;
  return v;
}

bool eat(std::string_view s, size_t& i, std::string_view what) {
  if (s.substr(i, what.size()) != what) return false;
  i += what.size();
  return true;
}

// A date starting at `i` (4-digit year, separator, month, separator, day); `i` moves past it.
std::optional<Date> date_at(std::string_view s, size_t& i) {
  size_t j = i;
  auto y = number_at(s, j, 4);
  if (!y || j - i != 4) return std::nullopt;
  bool chinese = false;
  if (eat(s, j, "年"))
    chinese = true;
  else if (!(eat(s, j, "-") || eat(s, j, "/") || eat(s, j, ".")))
    return std::nullopt;
  auto m = number_at(s, j, 2);
  if (!m) return std::nullopt;
  if (chinese) {
    if (!eat(s, j, "月")) return std::nullopt;
  } else if (!(eat(s, j, "-") || eat(s, j, "/") || eat(s, j, "."))) {
    return std::nullopt;
  }
  auto d = number_at(s, j, 2);
  if (!d) return std::nullopt;
  if (j < s.size() && digit(s[j])) return std::nullopt;
  if (chinese) eat(s, j, "日") || eat(s, j, "号");
  auto date = parse_date(fmt_date(*y, *m, *d));
  if (!date) return std::nullopt;
  i = j;
  return date;
}

}  // namespace

std::optional<Date> parse_ledger_date(std::string_view text) {
  const std::string t = trim(text);
  std::string_view s = t;
  if (s.empty()) return std::nullopt;
  // A number: 20250926, or an Excel serial date (days since 1899-12-30; 25569 = 1970-01-01).
  bool numeric = true, dot = false;
  for (char c : s) {
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (!digit(c)) numeric = false;
  }
  if (numeric) {
    const std::string whole(s.substr(0, s.find('.')));
    if (whole.size() == 8 && !dot)
      return parse_date(whole.substr(0, 4) + "-" + whole.substr(4, 2) + "-" + whole.substr(6, 2));
    if (whole.empty() || whole.size() > 6) return std::nullopt;
    const long serial = std::stol(whole);
    // 1990-01-01 … 2199: a serial of a case's date; smaller numbers are something else (a year
    // with a month, 2025.9, is no serial of 1905).
    if (serial < 32874 || serial > 109574) return std::nullopt;
    return Date::from_days(serial - 25569);
  }
  size_t i = 0;
  auto d = date_at(s, i);
  if (!d) return std::nullopt;
  // What follows may only be a time of day: 09:30, 09:30:00, T09:30:00Z, 9时30分, 上午 ….
  for (char32_t c : decode_utf8(s.substr(i))) {
    if (c == ' ' || c == 'T' || c == 'Z' || c == ':' || c == '.' || c == '+' || c == '-' ||
        (c >= '0' && c <= '9') || c == U'时' || c == U'分' || c == U'秒' || c == U'点' ||
        c == U'上' || c == U'下' || c == U'午' || c == 0x3000)
      continue;
    return std::nullopt;
  }
  return d;
}

std::vector<Date> dates_in_cell(std::string_view s, bool* bad) {
  std::vector<Date> out;
  *bad = false;
  size_t i = 0;
  while (i < s.size()) {
    if (digit(s[i]) && (i == 0 || !digit(s[i - 1]))) {
      size_t j = i;
      if (auto d = date_at(s, j)) {
        out.push_back(*d);
        i = j;
        continue;
      }
      // Digits that are not a date: a time of day after a date is fine, anything else is not.
      size_t k = i;
      number_at(s, k, 8);
      const bool time = k < s.size() && (s[k] == ':' || s.substr(k, 3) == "时" ||
                                         s.substr(k, 3) == "分" || s.substr(k, 3) == "秒");
      if (!time && !(k - i <= 2 && i > 0 && s[i - 1] == ':')) *bad = true;
      i = k;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace powerlist
