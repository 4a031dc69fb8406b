// powerlist.lock: parsing with code/lock-conflict findings, and the canonical rendering.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "powerlist/codes.hpp"
#include "powerlist/text.hpp"
#include "yaml/parse_file.hpp"
#include "yaml/yaml_reader.hpp"

namespace powerlist {

namespace {

constexpr RuleId kRule = rule::code_lock_conflict;

// Git leaves these lines when two branches assigned codes at once; yaml-cpp would read
// them as plain scalars or fail somewhere later, so they are found on the text first.
bool find_conflict_markers(const SourceFile& src, uint32_t file, DiagSink& sink) {
  bool found = false;
  for (uint32_t line = 1; line <= src.line_starts.size(); ++line) {
    const std::string_view t = src.line_text(line);
    if (!(starts_with(t, "<<<<<<<") || starts_with(t, "=======") || starts_with(t, ">>>>>>>")))
      continue;
    sink.add(kRule, Span{file, line, 1, line, 8}, "",
             {"powerlist.lock 中有未解决的合并冲突标记；请删除冲突部分后重新运行 powerlist codes",
              "powerlist.lock has an unresolved merge-conflict marker; remove the conflicting "
              "part and run powerlist codes again"});
    found = true;
  }
  return found;
}

bool is_basic_code(const std::string& s) {
  return is_digits(s, 12);
}

void read_entry(Reader& r, const YAML::Node& key, const YAML::Node& value, LockEntry& e,
                DiagSink& sink) {
  auto bad = [&](const YAML::Node& at, Message m) { sink.add(kRule, r.span(at), e.id, m); };
  if (!value.IsMap()) {
    bad(value.IsDefined() ? value : key,
        {"锁文件条目应为映射 {basic: …, status: …}", "a lock entry must be a mapping"});
    return;
  }
  bool has_status = false;
  for (const auto& kv : value) {
    const std::string k = kv.first.IsScalar() ? kv.first.Scalar() : "";
    const YAML::Node& v = kv.second;
    const std::string s = v.IsScalar() ? v.Scalar() : "";
    if (k == "basic") {
      e.basic = s;
      if (!is_basic_code(s))
        bad(v, {fmt::format("基本编码“{}”应为 12 位数字", s),
                fmt::format("basic code '{}' must be 12 digits", s)});
    } else if (k == "implementation") {
      e.implementation = s;
      if (!valid_implementation_code(s))
        bad(v, {fmt::format("实施编码“{}”格式不对：应为 18 位统一社会信用代码 + 1 位行使层级 + 12 "
                            "位基本编码，共 31 个字符",
                            s),
                fmt::format("implementation code '{}' is malformed: 18-character credit code + "
                            "level digit + 12-digit basic code, 31 characters",
                            s)});

    } else if (k == "assigned" || k == "retired") {
      auto d = parse_date(s);
      if (!d)
        bad(v, {fmt::format("日期“{}”应为 YYYY-MM-DD", s),
                fmt::format("date '{}' must be YYYY-MM-DD", s)});
      (k == "assigned" ? e.assigned : e.retired) = d;
    } else if (k == "status") {
      has_status = true;
      if (s == "active" || s == "retired")
        e.active = s == "active";
      else
        bad(v, {fmt::format("status 应为 active 或 retired，而不是“{}”", s),
                fmt::format("status must be active or retired, not '{}'", s)});
    } else if (k == "reason") {
      e.reason = s;
    } else if (k == "previous" && v.IsSequence()) {
      for (const auto& p : v) {
        e.previous.push_back(p.IsScalar() ? p.Scalar() : "");
        const std::string& code = e.previous.back();
        if (!is_basic_code(code) && !valid_implementation_code(code))
          bad(p, {fmt::format("previous 中的编码“{}”既不是基本编码也不是实施编码", code),
                  fmt::format("previous code '{}' is neither a basic nor an implementation code",
                              code)});
      }
    } else {
      bad(kv.first, {fmt::format("锁文件条目中有未知的键“{}”", k),
                     fmt::format("unknown key '{}' in a lock entry", k)});
    }
  }
  if (e.basic.empty())
    bad(key, {"锁文件条目缺少 basic（基本编码）", "lock entry without a basic code"});
  else if (valid_implementation_code(e.implementation) && is_basic_code(e.basic) &&
           e.implementation.compare(19, 12, e.basic) != 0)
    bad(key, {fmt::format("实施编码“{}”的后 12 位与基本编码“{}”不一致", e.implementation, e.basic),
              fmt::format("implementation code '{}' does not end with its basic code '{}'",
                          e.implementation, e.basic)});
  if (!has_status) bad(key, {"锁文件条目缺少 status", "lock entry without a status"});
  if (!e.active && !e.retired)
    bad(key, {"已取消的条目缺少 retired 日期", "a retired entry needs its retired date"});
}

// A code given to two entries: the later one (in file order) is reported.
void check_reuse(const std::vector<const LockEntry*>& order, DiagSink& sink) {
  std::map<std::string, const LockEntry*> owner;
  // Returns false when `code` already belongs to another entry (reported once per entry).
  auto claim = [&](const std::string& code, const LockEntry& e, bool local_only) {
    if (code.empty()) return true;
    // A national or provincial 基本编码 is shared by every department implementing it;
    // only local numbers (主项 90001+) and implementation codes are unique.
    if (local_only && !(is_digits(code, 12) && code[4] == '9')) return true;
    auto [it, fresh] = owner.emplace(code, &e);
    if (fresh || it->second->id == e.id) return true;
    sink.add(kRule, e.span, e.id,
             {fmt::format("编码 {} 已分配给“{}”{}；编码不得重复使用", code, it->second->id,
                          it->second->active ? "" : "（已取消）"),
              fmt::format("code {} already belongs to '{}'{}; codes are never reused", code,
                          it->second->id, it->second->active ? "" : " (retired)")});
    return false;
  };
  for (const LockEntry* e : order) {
    bool ok = claim(e->implementation, *e, false) && claim(e->basic, *e, true);
    for (const auto& p : e->previous)
      if (ok) ok = claim(p, *e, p.size() == 12);
  }
}

// The count in the header ("# 条目数 / entries: N"), if the lock carries one.
std::optional<std::pair<size_t, uint32_t>> declared_count(const SourceFile& src) {
  static constexpr std::string_view kTag = "entries: ";
  for (uint32_t line = 1; line <= src.line_starts.size(); ++line) {
    const std::string_view t = src.line_text(line);
    if (!starts_with(t, "#")) break;
    const size_t at = t.find(kTag);
    if (at == std::string_view::npos) continue;
    const std::string_view digits = t.substr(at + kTag.size());
    if (digits.empty() || digits.size() > 9 || !is_digits(digits, digits.size()))
      return std::nullopt;
    return std::pair{static_cast<size_t>(std::stoul(std::string(digits))), line};
  }
  return std::nullopt;
}

}  // namespace

CodeLock parse_lock(SourceFile& src, uint32_t file, DiagSink& sink) {
  CodeLock lock;
  lock.present = true;
  lock.file = file;
  if (find_conflict_markers(src, file, sink)) {
    lock.usable = false;
    return lock;
  }
  // Syntax problems in the lock are lock conflicts (it is written by a program).
  DiagSink parse_sink;
  ParsedFile pf = parse_source(src, file, parse_sink, LoadLimits{});
  for (const auto& d : parse_sink.list()) sink.add(kRule, d.span, "", d.message);
  if (!pf.ok) {
    lock.usable = false;
    return lock;
  }
  Reader r(src, file, sink);
  const size_t errors_before = sink.count(Severity::Error);
  const YAML::Node root = pf.root;
  if (!root.IsMap() || !root["codes"]) {
    if (!(root.IsNull() || !root.IsDefined())) {
      sink.add(kRule, r.span(root), "",
               {"powerlist.lock 应为含 version 和 codes 的映射",
                "powerlist.lock must be a mapping with version and codes"});
      lock.usable = false;
    }
    return lock;
  }
  const YAML::Node codes = root["codes"];
  if (!codes.IsMap() && !codes.IsNull()) {
    sink.add(kRule, r.span(codes), "", {"codes 应为映射", "codes must be a mapping"});
    lock.usable = false;
    return lock;
  }
  std::vector<const LockEntry*> order;
  if (codes.IsMap())
    for (const auto& kv : codes) {
      LockEntry e;
      e.id = kv.first.IsScalar() ? kv.first.Scalar() : "";
      e.span = r.span(kv.first);
      if (e.id.find('/') == std::string::npos) {
        sink.add(kRule, e.span, "",
                 {fmt::format("锁文件的键“{}”应为 部门标识/事项标识", e.id),
                  fmt::format("lock key '{}' must be department-id/item-key", e.id)});
        continue;
      }
      read_entry(r, kv.first, kv.second, e, sink);
      auto [it, fresh] = lock.entries.emplace(e.id, e);
      if (!fresh) {
        sink.add(
            kRule, e.span, e.id,
            {fmt::format("“{}”在锁文件中出现两次（第 {} 行）", e.id, it->second.span.line),
             fmt::format("'{}' appears twice in the lock (line {})", e.id, it->second.span.line)});
        continue;
      }
      order.push_back(&it->second);
    }
  check_reuse(order, sink);
  if (auto declared = declared_count(src)) {
    const size_t found = codes.IsMap() ? codes.size() : 0;
    if (declared->first != found)
      sink.add(
          kRule, Span{file, declared->second, 1, declared->second, 2}, "",
          {fmt::format("powerlist.lock 记录有 {} 条，实际读到 {} 条：文件可能被截断或被手工改动；"
                       "请从版本库恢复（git checkout powerlist.lock）后重新运行 powerlist codes",
                       declared->first, found),
           fmt::format("powerlist.lock declares {} entries but holds {}: it was cut short or "
                       "edited by hand; restore it from version control (git checkout "
                       "powerlist.lock) and run powerlist codes again",
                       declared->first, found)});
  }
  if (sink.count(Severity::Error) > errors_before) lock.usable = false;
  return lock;
}

static std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string render_lock(const CodeLock& lock) {
  std::string out =
      "# powerlist.lock — 事项编码台账，由 powerlist codes 生成；请随目录一起提交，不要手工修改。\n"
      "# Code ledger written by `powerlist codes`; commit it with the catalog.\n";
  // The count lets a lock cut short at a line boundary be told from a complete one.
  out += fmt::format("# 条目数 / entries: {}\n", lock.entries.size());
  out += "version: 1\ncodes:\n";
  for (const auto& [id, e] : lock.entries) {  // std::map: sorted by id
    out += fmt::format("  {}: {{basic: {}", id, quoted(e.basic));
    if (!e.implementation.empty()) out += ", implementation: " + quoted(e.implementation);
    if (e.assigned) out += ", assigned: " + e.assigned->str();
    out += e.active ? ", status: active" : ", status: retired";
    if (e.retired) out += ", retired: " + e.retired->str();
    if (!e.reason.empty()) out += ", reason: " + quoted(e.reason);
    if (!e.previous.empty()) {
      out += ", previous: [";
      for (size_t i = 0; i < e.previous.size(); ++i) out += (i ? ", " : "") + quoted(e.previous[i]);
      out += "]";
    }
    out += "}\n";
  }
  return out;
}

}  // namespace powerlist
