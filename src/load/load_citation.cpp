#include <fmt/format.h>

#include "load_parts.hpp"
#include "powerlist/citation_text.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

std::optional<Citation> load_citation(Reader& r, const YAML::Node& n, Span where) {
  Fields f = r.fields(n, *citation_table(), where);
  if (!f.ok) return std::nullopt;
  Citation c;
  c.span = f.span;
  if (auto law = r.str(f, "law")) c.law = *law;
  YAML::Node arts = f.get("articles");
  if (arts.IsDefined() && !arts.IsNull()) {
    // A single article may be written without a list: articles: 40
    std::vector<YAML::Node> list;
    if (arts.IsSequence()) {
      for (const auto& a : arts) list.push_back(a);
    } else {
      list.push_back(arts);
    }
    for (const auto& a : list) {
      auto s = r.scalar(a, "articles");
      if (!s) continue;
      auto ref = parse_article_ref(s->value);
      if (!ref) {
        r.report(rule::schema_type, s->span,
                 {fmt::format(
                      "无法识别的条款“{}”，应写作 \"40\"、\"40.2\"、\"40.2.3\" 或 第四十条第二款",
                      s->value),
                  fmt::format(
                      "unrecognised article '{}'; write \"40\", \"40.2\", \"40.2.3\" or 第四十条",
                      s->value)});
        continue;
      }
      c.articles.push_back({*ref, s->span});
    }
  }
  if (auto v = r.date(f, "version")) c.version = *v;
  if (auto t = r.str(f, "text")) c.text = t->value;
  if (auto t = r.str(f, "tag")) c.tag = *t;
  if (auto t = r.str(f, "note")) {
    c.note = t->value;
    c.note_span = t->span;
  }
  return c;
}

void report_basis_leftovers(DiagSink& sink, Span at, const std::string& item,
                            const ParsedBasis& parsed) {
  for (const auto& t : parsed.unparsed_titles) {
    const bool unbalanced = t.defect == "unbalanced", glued = t.defect == "glued";
    std::string title = t.excerpt;
    if (utf8_length(title) > 60) title = utf8_prefix(title, 60) + "…";
    sink.add(rule::basis_unparsed_title, at, item,
             {fmt::format("实施依据中的书名“{}”无法识别（{}），该处引用未作核对；请改正书名", title,
                          unbalanced ? "书名号不成对，缺少“》”"
                          : glued    ? "两个书名连写，无法确定所引文件"
                                     : "书名后多出“》”"),
              fmt::format("the title '{}' in the basis does not parse ({}); that citation is not "
                          "checked — correct the title",
                          title,
                          unbalanced ? "no closing 》"
                          : glued    ? "two titles glued together"
                                     : "a 》 too many")});
  }
  if (parsed.citations.empty() || parsed.leftovers.empty()) return;
  std::string left = parsed.leftovers.front();
  if (utf8_length(left) > 60) left = utf8_prefix(left, 60) + "…";
  sink.add(rule::schema_type, at, item,
           {fmt::format(
                "实施依据中有一段文字不属于任何《法规》引用：“{}”；原文已保留（basis_text）", left),
            fmt::format("part of the basis belongs to no 《instrument》 citation: '{}'; kept "
                        "verbatim (basis_text)",
                        left)});
}

std::vector<Citation> load_citations(Reader& r, const Fields& f, std::string_view key) {
  std::vector<Citation> out;
  YAML::Node n = f.get(key);
  if (!n.IsDefined() || n.IsNull() || !r.is_seq(n, key)) return out;
  for (const auto& e : n)
    if (auto c = load_citation(r, e, r.span(e))) out.push_back(std::move(*c));
  return out;
}

}  // namespace powerlist
