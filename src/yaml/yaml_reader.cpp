#include "yaml_reader.hpp"

#include <fmt/format.h>

#include "powerlist/text.hpp"

namespace powerlist {

bool Fields::has(std::string_view k) const {
  return entries.count(k) > 0;
}

YAML::Node Fields::get(std::string_view k) const {
  auto it = entries.find(k);
  return it == entries.end() ? YAML::Node() : it->second.value;
}

static bool is_null(const YAML::Node& n) {
  return !n.IsDefined() || n.IsNull();
}

Span Reader::span(const YAML::Node& n) const {
  Span s;
  s.file = file_;
  if (!n.IsDefined()) return s;
  const YAML::Mark m = n.Mark();
  if (m.line < 0) return s;
  const auto line1 = static_cast<uint32_t>(m.line + 1);
  const std::string_view line = src_.line_text(line1);
  const auto byte = static_cast<size_t>(m.column);
  s.line = s.end_line = line1;
  s.col = static_cast<uint32_t>(char_index_of_byte(line, byte) + 1);
  size_t end_byte = byte + 1;
  if (n.IsScalar() && byte < line.size()) {
    const char c0 = line[byte];
    if (c0 == '"' || c0 == '\'') {
      size_t e = byte + 1;
      while (e < line.size() && line[e] != c0) e += (line[e] == '\\' && c0 == '"') ? 2 : 1;
      end_byte = std::min(e + 1, line.size());
    } else {
      const std::string& v = n.Scalar();
      end_byte = line.substr(byte, v.size()) == v ? byte + v.size() : line.size();
    }
  }
  if (end_byte > line.size()) end_byte = line.size();
  if (end_byte <= byte) end_byte = byte + 1;
  s.end_col = static_cast<uint32_t>(char_index_of_byte(line, end_byte) + 1);
  if (end_byte > line.size()) s.end_col = s.col + 1;
  return s;
}

Diagnostic& Reader::report(RuleId rule, Span sp, Message msg) {
  return sink_.add(rule, sp, item_, std::move(msg));
}

static std::string node_kind_zh(const YAML::Node& n) {
  if (n.IsMap()) return "映射";
  if (n.IsSequence()) return "列表";
  if (n.IsNull()) return "空值";
  return "标量";
}
static std::string node_kind_en(const YAML::Node& n) {
  if (n.IsMap()) return "a mapping";
  if (n.IsSequence()) return "a list";
  if (n.IsNull()) return "null";
  return "a scalar";
}

Fields Reader::fields(const YAML::Node& node, const TableSpec& table, Span where) {
  Fields f;
  f.span = node.IsDefined() && !node.IsNull() ? span(node) : where;
  if (!node.IsMap()) {
    report(rule::schema_type, f.span,
           {fmt::format("{}应为映射（键: 值），实际为{}", table.name_zh, node_kind_zh(node)),
            fmt::format("{} must be a mapping, found {}", table.name, node_kind_en(node))});
    return f;
  }
  f.ok = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node k = it->first;  // a copy: it-> points into a temporary
    if (!k.IsScalar()) {
      report(rule::schema_type, span(k), {"键必须是文本", "keys must be plain text"});
      continue;
    }
    const std::string& name = k.Scalar();
    const FieldSpec* spec = table.find(name);
    if (!spec) {
      std::string hint = closest_match(name, table.all_spellings());
      Message m{fmt::format("{}中没有键“{}”", table.name_zh, name),
                fmt::format("unknown key '{}' in {}", name, table.name)};
      if (!hint.empty()) {
        m.zh += fmt::format("；是否应为“{}”？", hint);
        m.en += fmt::format("; did you mean '{}'?", hint);
      }
      report(rule::schema_unknown_key, span(k), std::move(m));
      continue;
    }
    auto [pos, inserted] = f.entries.emplace(spec->key, Fields::Entry{k, it->second});
    if (!inserted) {
      Span first = span(pos->second.key);
      auto& d = report(
          rule::schema_duplicate_key, span(k),
          {fmt::format("键“{}”重复（{} 与 {} 为同一键）", name, pos->second.key.Scalar(), name),
           fmt::format("duplicate key '{}' ('{}' and '{}' are the same key)", name,
                       pos->second.key.Scalar(), name)});
      d.notes.push_back({fmt::format("第一次出现在第 {} 行", first.line),
                         fmt::format("first defined on line {}", first.line)});
    }
  }
  // All missing required keys in one finding: one fix, one message.
  std::string missing_zh, missing_en;
  Span at = f.span;
  for (const auto& spec : table.fields) {
    if (!spec.required) continue;
    // A published 权责清单 has no 行使方式 or 三定 units column.
    if (profile_ == Profile::DutyList && (spec.key == "initiation" || spec.key == "units"))
      continue;
    auto it = f.entries.find(spec.key);
    if (it != f.entries.end() && !is_null(it->second.value)) continue;
    if (it != f.entries.end() && missing_zh.empty()) at = span(it->second.key);
    std::string alias = spec.aliases.empty() ? "" : fmt::format("（{}）", spec.aliases.front());
    missing_zh += fmt::format("{}“{}”{}", missing_zh.empty() ? "" : "、", spec.key, alias);
    missing_en += fmt::format("{}'{}'", missing_en.empty() ? "" : ", ", spec.key);
  }
  if (!missing_zh.empty())
    report(rule::schema_required, at,
           {fmt::format("{}缺少必填键{}", table.name_zh, missing_zh),
            fmt::format("{} is missing required key(s) {}", table.name, missing_en)});
  return f;
}

std::optional<LStr> Reader::scalar(const YAML::Node& n, std::string_view what) {
  if (is_null(n)) return std::nullopt;
  if (!n.IsScalar()) {
    report(rule::schema_type, span(n),
           {fmt::format("“{}”应为文本，实际为{}", what, node_kind_zh(n)),
            fmt::format("'{}' must be a scalar, found {}", what, node_kind_en(n))});
    return std::nullopt;
  }
  return LStr{n.Scalar(), span(n)};
}

std::optional<LStr> Reader::str(const Fields& f, std::string_view k) {
  return scalar(f.get(k), k);
}

bool Reader::is_seq(const YAML::Node& n, std::string_view what) {
  if (n.IsSequence()) return true;
  report(rule::schema_type, span(n),
         {fmt::format("“{}”应为列表，实际为{}", what, node_kind_zh(n)),
          fmt::format("'{}' must be a list, found {}", what, node_kind_en(n))});
  return false;
}

std::vector<LStr> Reader::str_list(const Fields& f, std::string_view k) {
  std::vector<LStr> out;
  YAML::Node n = f.get(k);
  if (is_null(n) || !is_seq(n, k)) return out;
  for (const auto& e : n)
    if (auto s = scalar(e, k)) out.push_back(std::move(*s));
  return out;
}

std::optional<LStr> Reader::enum_scalar(const YAML::Node& n, std::string_view what,
                                        const std::vector<std::string_view>& allowed) {
  auto s = scalar(n, what);
  if (!s) return s;
  for (auto a : allowed)
    if (a == s->value) return s;
  std::vector<std::string> cands(allowed.begin(), allowed.end());
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : "、") + std::string(a);
  std::string hint = closest_match(s->value, cands);
  Message m{fmt::format("“{}”的取值“{}”无效，可选：{}", what, s->value, list),
            fmt::format("invalid value '{}' for '{}'; allowed: {}", s->value, what, list)};
  if (!hint.empty()) {
    m.zh += fmt::format("；是否应为“{}”？", hint);
    m.en += fmt::format("; did you mean '{}'?", hint);
  }
  report(rule::schema_enum, s->span, std::move(m));
  return std::nullopt;
}

std::optional<LStr> Reader::enum_value(const Fields& f, std::string_view k,
                                       const std::vector<std::string_view>& allowed) {
  return enum_scalar(f.get(k), k, allowed);
}

std::vector<LStr> Reader::enum_list(const Fields& f, std::string_view k,
                                    const std::vector<std::string_view>& allowed) {
  std::vector<LStr> out;
  YAML::Node n = f.get(k);
  if (is_null(n) || !is_seq(n, k)) return out;
  for (const auto& e : n)
    if (auto s = enum_scalar(e, k, allowed)) out.push_back(std::move(*s));
  return out;
}

std::optional<Loc<bool>> Reader::boolean(const Fields& f, std::string_view k) {
  auto s = str(f, k);
  if (!s) return std::nullopt;
  const std::string& v = s->value;
  if (v == "true" || v == "True" || v == "TRUE" || v == "是") return Loc<bool>{true, s->span};
  if (v == "false" || v == "False" || v == "FALSE" || v == "否") return Loc<bool>{false, s->span};
  report(rule::schema_type, s->span,
         {fmt::format("“{}”应为 true 或 false，实际为“{}”", k, v),
          fmt::format("'{}' must be true or false, found '{}'", k, v)});
  return std::nullopt;
}

std::optional<Loc<long long>> Reader::integer(const Fields& f, std::string_view k) {
  auto s = str(f, k);
  if (!s) return std::nullopt;
  auto n = parse_number_milli(s->value);
  if (!n || *n % 1000 != 0) {
    report(rule::schema_type, s->span,
           {fmt::format("“{}”应为整数，实际为“{}”", k, s->value),
            fmt::format("'{}' must be a whole number, found '{}'", k, s->value)});
    return std::nullopt;
  }
  return Loc<long long>{*n / 1000, s->span};
}

std::optional<Loc<Date>> Reader::date(const Fields& f, std::string_view k) {
  auto s = str(f, k);
  if (!s) return std::nullopt;
  auto d = parse_date(s->value);
  if (!d) {
    report(rule::schema_type, s->span,
           {fmt::format("“{}”不是有效日期“{}”，应写作 YYYY-MM-DD", k, s->value),
            fmt::format("'{}' is not a valid date '{}'; write YYYY-MM-DD", k, s->value)});
    return std::nullopt;
  }
  return Loc<Date>{*d, s->span};
}

std::optional<Loc<Duration>> Reader::duration(const YAML::Node& n, std::string_view what) {
  auto s = scalar(n, what);
  if (!s) return std::nullopt;
  auto d = parse_duration(s->value);
  if (!d) {
    report(
        rule::schema_type, s->span,
        {fmt::format("无法识别的时限“{}”，应写作 20工作日、90日、3个月、24小时、即办 或 无",
                     s->value),
         fmt::format("unrecognised duration '{}'; write 20工作日, 90日, 3个月, 24小时, 即办 or 无",
                     s->value)});
    return std::nullopt;
  }
  return Loc<Duration>{*d, s->span};
}

std::optional<Loc<Duration>> Reader::duration(const Fields& f, std::string_view k) {
  return duration(f.get(k), k);
}

std::map<std::string, LStr> Reader::str_map(const Fields& f, std::string_view k) {
  std::map<std::string, LStr> out;
  YAML::Node n = f.get(k);
  if (is_null(n)) return out;
  if (!n.IsMap()) {
    report(rule::schema_type, span(n),
           {fmt::format("“{}”应为映射，实际为{}", k, node_kind_zh(n)),
            fmt::format("'{}' must be a mapping, found {}", k, node_kind_en(n))});
    return out;
  }
  for (auto it = n.begin(); it != n.end(); ++it) {
    auto key = scalar(it->first, k);
    auto val = scalar(it->second, k);
    if (!key || !val) continue;
    if (out.count(key->value)) {
      report(
          rule::schema_duplicate_key, key->span,
          {fmt::format("键“{}”重复", key->value), fmt::format("duplicate key '{}'", key->value)});
      continue;
    }
    out.emplace(key->value, *val);
  }
  return out;
}

}  // namespace powerlist
