#include "parse_file.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>

#include <fstream>

#include "powerlist/fsio.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

static Span point_span(const SourceFile& src, uint32_t file_id, size_t byte_offset) {
  Span s;
  s.file = file_id;
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < byte_offset && i < src.text.size(); ++i)
    if (src.text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  s.line = s.end_line = static_cast<uint32_t>(line);
  // Count only the valid UTF-8 before the offending byte.
  s.col = static_cast<uint32_t>(
      utf8_length(std::string_view(src.text).substr(line_start, byte_offset - line_start)) + 1);
  s.end_col = s.col + 1;
  return s;
}

static Span mark_span(const SourceFile& src, uint32_t file_id, const YAML::Mark& m) {
  Span s;
  s.file = file_id;
  if (m.line < 0) {
    s.line = s.end_line = 1;
    s.col = 1;
    s.end_col = 2;
    return s;
  }
  s.line = s.end_line = static_cast<uint32_t>(m.line + 1);
  const std::string_view line = src.line_text(s.line);
  s.col = static_cast<uint32_t>(char_index_of_byte(line, static_cast<size_t>(m.column)) + 1);
  s.end_col = s.col + 1;
  return s;
}

static Span file_span(uint32_t file_id) {
  return Span{file_id, 1, 1, 1, 2};
}

bool read_source(SourceFile& src, uint32_t file_id, DiagSink& sink, const LoadLimits& limits) {
  size_t size = 0;
  const ReadStatus st = read_regular_file(src.fs_path, limits.max_file_bytes, src.text, &size);
  if (st == ReadStatus::Ok) {
    src.index_lines();
    return true;
  }
  src.text.clear();
  src.index_lines();
  const bool too_large = st == ReadStatus::TooLarge;
  sink.add(too_large ? rule::schema_too_large : rule::schema_syntax,
           too_large ? file_span(file_id) : Span{file_id, 0, 0, 0, 0}, "",
           read_error_message(st, src.display, size, limits.max_file_bytes));
  return false;
}

static std::string translate_yaml_error(const std::string& msg) {
  static const std::pair<const char*, const char*> table[] = {
      {"illegal tab when looking for indentation", "缩进中不能使用制表符（Tab），请改用空格"},
      {"end of map not found", "映射没有正确结束（检查缩进）"},
      {"end of sequence not found", "列表没有正确结束（检查缩进）"},
      {"end of map flow not found", "流式映射缺少右花括号 }"},
      {"end of sequence flow not found", "流式列表缺少右方括号 ]"},
      {"illegal map value", "非法的映射值（检查冒号后的空格和缩进）"},
      {"illegal flow end", "多余的 ] 或 }"},
      {"end of string not found", "字符串缺少结束引号"},
      {"unknown escape character", "未知的转义字符"},
      {"the referenced anchor is not defined", "引用的锚点（&）未定义"},
      {"block sequence entries are not allowed in this context",
       "此处不能出现列表项“- ”（检查缩进）"},
      {"block map entries are not allowed in this context", "此处不能出现映射（检查缩进）"},
      {"unknown token", "无法识别的记号"},
      {"cyclic", "锚点循环引用"},
  };
  for (const auto& [en, zh] : table)
    if (msg.find(en) != std::string::npos) return zh;
  return "YAML 语法错误";
}

// Byte offset of a document marker (`---` or `...` at the start of a line) that follows
// content, or npos. A leading `---` before any content is allowed.
static size_t second_document(const std::string& t) {
  bool content = false;
  size_t pos = 0;
  while (pos < t.size()) {
    size_t end = t.find('\n', pos);
    if (end == std::string::npos) end = t.size();
    std::string_view line(t.data() + pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool marker = (starts_with(line, "---") || starts_with(line, "...")) &&
                        (line.size() == 3 || line[3] == ' ' || line[3] == '\t');
    if (marker && content) return pos;
    const std::string trimmed = trim(line);
    if (!marker && !trimmed.empty() && trimmed[0] != '#' && trimmed[0] != '%') content = true;
    pos = end + 1;
  }
  return std::string::npos;
}

namespace {
struct LimitWalk {
  const LoadLimits& limits;
  size_t nodes = 0;
  bool too_deep = false, too_many = false;
  YAML::Mark where;
  void walk(const YAML::Node& n, size_t depth) {
    if (too_deep || too_many) return;
    if (++nodes > limits.max_nodes) {
      too_many = true;
      where = n.Mark();
      return;
    }
    if (depth > limits.max_depth) {
      too_deep = true;
      where = n.Mark();
      return;
    }
    if (n.IsMap()) {
      for (auto it = n.begin(); it != n.end(); ++it) {
        walk(it->first, depth + 1);
        walk(it->second, depth + 1);
      }
    } else if (n.IsSequence()) {
      for (const auto& e : n) walk(e, depth + 1);
    }
  }
};
}  // namespace

ParsedFile parse_source(SourceFile& src, uint32_t file_id, DiagSink& sink,
                        const LoadLimits& limits) {
  ParsedFile out;
  std::string& t = src.text;
  if (t.size() > limits.max_file_bytes) {
    sink.add(rule::schema_too_large, file_span(file_id), "",
             {fmt::format("文件大小 {} 字节超过上限 {} 字节", t.size(), limits.max_file_bytes),
              fmt::format("file size {} bytes exceeds the limit of {} bytes", t.size(),
                          limits.max_file_bytes)});
    return out;
  }
  if (t.size() >= 2 && ((t[0] == '\xFF' && t[1] == '\xFE') || (t[0] == '\xFE' && t[1] == '\xFF'))) {
    sink.add(rule::schema_syntax, file_span(file_id), "",
             {"文件是 UTF-16 编码，请另存为 UTF-8", "file is UTF-16 encoded; save it as UTF-8"});
    return out;
  }
  if (starts_with(t, "\xEF\xBB\xBF")) {
    t.erase(0, 3);
    src.index_lines();
  }
  const size_t bad = find_invalid_utf8(t);
  if (bad != std::string::npos) {
    sink.add(rule::schema_syntax, point_span(src, file_id, bad), "",
             {"文件不是有效的 UTF-8 编码（可能是 GBK/GB18030 编码，请用编辑器另存为 UTF-8）",
              "file is not valid UTF-8 (perhaps GBK/GB18030; save it as UTF-8)"});
    return out;
  }
  const size_t nul = t.find('\0');
  if (nul != std::string::npos) {
    sink.add(rule::schema_syntax, point_span(src, file_id, nul), "",
             {"文件中含有 NUL 字符，不是文本文件", "file contains a NUL byte; not a text file"});
    return out;
  }
  try {
    // A second document would be silently ignored: refuse it. (Detected on the text:
    // yaml-cpp 0.7's LoadAll loops forever on some malformed inputs, found by fuzz_load.)
    if (size_t second = second_document(t); second != std::string::npos) {
      sink.add(rule::schema_syntax, point_span(src, file_id, second), "",
               {"一个文件只能有一个 YAML 文档（发现多个 --- 分隔的文档）",
                "a file must hold one YAML document (found several separated by ---)"});
      return out;
    }
    out.root = YAML::Load(t);
  } catch (const YAML::DeepRecursion& e) {
    sink.add(rule::schema_too_large, mark_span(src, file_id, e.mark), "",
             {fmt::format("嵌套层数超过上限 {}", limits.max_depth),
              fmt::format("nesting deeper than the limit of {}", limits.max_depth)});
    return out;
  } catch (const YAML::Exception& e) {
    sink.add(rule::schema_syntax, mark_span(src, file_id, e.mark), "",
             {translate_yaml_error(e.msg), "YAML syntax error: " + e.msg});
    return out;
  }
  LimitWalk w{limits};
  w.walk(out.root, 0);
  if (w.too_deep || w.too_many) {
    Span s = mark_span(src, file_id, w.where);
    if (w.too_deep)
      sink.add(rule::schema_too_large, s, "",
               {fmt::format("嵌套层数超过上限 {}", limits.max_depth),
                fmt::format("nesting deeper than the limit of {}", limits.max_depth)});
    else
      sink.add(rule::schema_too_large, s, "",
               {fmt::format("节点数（含别名展开）超过上限 {}，可能是别名炸弹", limits.max_nodes),
                fmt::format("more than {} nodes with aliases expanded (alias bomb?)",
                            limits.max_nodes)});
    return out;
  }
  out.ok = true;
  return out;
}

void scan_suppressions(const SourceFile& src, uint32_t file_id, std::vector<Suppression>& out) {
  static const std::string_view marker = "powerlist: ignore";
  for (uint32_t line = 1; line <= src.line_starts.size(); ++line) {
    std::string_view l = src.line_text(line);
    size_t hash = l.find('#');
    if (hash == std::string_view::npos) continue;
    size_t m = l.find(marker, hash);
    if (m == std::string_view::npos) continue;
    std::string rest = trim(l.substr(m + marker.size()));
    size_t sp = rest.find(' ');
    Suppression s;
    s.rule = rest.substr(0, sp);
    s.reason = sp == std::string::npos ? "" : trim(std::string_view(rest).substr(sp));
    s.span = Span{file_id, line, static_cast<uint32_t>(char_index_of_byte(l, hash) + 1), line,
                  static_cast<uint32_t>(utf8_length(l) + 1)};
    if (!s.rule.empty()) out.push_back(std::move(s));
  }
}

}  // namespace powerlist
