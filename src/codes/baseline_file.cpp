// The 基本目录 file (powerlist.yaml `baseline:`): a list of {code, name, category, levels}.
#include <fmt/format.h>

#include "powerlist/codes.hpp"
#include "powerlist/text.hpp"
#include "yaml/parse_file.hpp"
#include "yaml/yaml_reader.hpp"

namespace powerlist {

std::vector<BaselineEntry> parse_baseline(SourceFile& src, uint32_t file, DiagSink& sink) {
  std::vector<BaselineEntry> out;
  ParsedFile pf = parse_source(src, file, sink, LoadLimits{});
  if (!pf.ok) return out;
  Reader r(src, file, sink);
  if (!pf.root.IsSequence()) {
    sink.add(rule::schema_type, r.span(pf.root), "",
             {"基本目录文件应为列表：- {code: \"000125046002\", name: …, category: …}",
              "a baseline file must be a list of {code, name, category, levels}"});
    return out;
  }
  for (const auto& n : pf.root) {
    BaselineEntry e;
    e.span = r.span(n);
    if (!n.IsMap()) {
      sink.add(rule::schema_type, e.span, "",
               {"基本目录条目应为映射", "a baseline entry must be a mapping"});
      continue;
    }
    for (const auto& kv : n) {
      const std::string k = kv.first.IsScalar() ? kv.first.Scalar() : "";
      const YAML::Node& v = kv.second;
      const std::string s = v.IsScalar() ? v.Scalar() : "";
      if (k == "code" || k == "编码" || k == "基本编码") {
        e.code = {s, r.span(v)};
        if (!is_digits(s, 12))
          sink.add(rule::schema_type, r.span(v), "",
                   {fmt::format("基本编码“{}”应为 12 位数字（加引号）", s),
                    fmt::format("baseline code '{}' must be 12 digits (quoted)", s)});
      } else if (k == "name" || k == "名称" || k == "事项名称") {
        e.name = {s, r.span(v)};
      } else if (k == "category" || k == "类别") {
        bool legacy = false;
        e.category = parse_category(s, &legacy);
        if (!e.category)
          sink.add(rule::schema_enum, r.span(v), "",
                   {fmt::format("未知的权力类别“{}”", s), fmt::format("unknown category '{}'", s)});
      } else if (k == "levels" || k == "行使层级") {
        if (v.IsSequence())
          for (const auto& l : v) e.levels.push_back(l.IsScalar() ? l.Scalar() : "");
        else if (v.IsScalar())
          e.levels.push_back(s);
      } else {
        sink.add(rule::schema_unknown_key, r.span(kv.first), "",
                 {fmt::format("基本目录条目中有未知的键“{}”", k),
                  fmt::format("unknown key '{}' in a baseline entry", k)});
      }
    }
    if (e.code.value.empty())
      sink.add(rule::schema_required, e.span, "",
               {"基本目录条目缺少 code", "baseline entry without code"});
    else
      out.push_back(std::move(e));
  }
  return out;
}

}  // namespace powerlist
