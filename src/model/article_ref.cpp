#include <cstring>

#include "powerlist/model.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

static std::optional<int> to_int(std::string_view s) {
  auto m = parse_number_milli(s);
  if (!m || *m % 1000 != 0 || *m <= 0 || *m > 9999000) return std::nullopt;
  return static_cast<int>(*m / 1000);
}

std::optional<ArticleRef> parse_article_ref(const std::string& raw) {
  std::string t = trim(raw);
  // 第（四）项 and 第(4)项 as catalogs write items.
  for (const char* bracket : {"（", "）", "(", ")"})
    for (size_t at; (at = t.find(bracket)) != std::string::npos;) t.erase(at, std::strlen(bracket));
  if (t.empty()) return std::nullopt;
  ArticleRef r;
  if (t.find("第") == std::string::npos) {
    // Dotted form.
    int* slots[] = {&r.article, &r.paragraph, &r.item};
    size_t idx = 0, start = 0;
    while (start <= t.size()) {
      size_t dot = t.find('.', start);
      std::string part =
          t.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (idx >= 3) return std::nullopt;
      auto v = to_int(part);
      if (!v) return std::nullopt;
      *slots[idx++] = *v;
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    return r;
  }
  // 第X条第Y款第Z项
  std::string_view s = t;
  auto take = [&](std::string_view unit, int& slot) -> bool {
    if (!starts_with(s, "第")) return false;
    size_t u = s.find(unit);
    if (u == std::string_view::npos) return false;
    auto v = to_int(s.substr(3, u - 3));
    if (!v) return false;
    slot = *v;
    s.remove_prefix(u + unit.size());
    return true;
  };
  if (!take("条", r.article)) return std::nullopt;
  take("款", r.paragraph);
  take("项", r.item);
  if (!s.empty()) return std::nullopt;
  return r;
}

std::string citation_text(const Citation& c) {
  std::string out = "《" + c.law.value + "》";
  for (size_t i = 0; i < c.articles.size(); ++i) out += (i ? "、" : "") + c.articles[i].value.str();
  return out;
}

std::string join_values(const std::vector<LStr>& values, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += sep;
    out += values[i].value;
  }
  return out;
}

}  // namespace powerlist
