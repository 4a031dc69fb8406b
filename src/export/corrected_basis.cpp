// 建议实施依据 as the department's own cell, corrected: a reviewer's pen on the cell rather than
// a list of instructions. Only certain corrections are written in, and only where the words
// to change are found after the citation's title; anything else leaves the cell unchanged.
#include <string>

#include "powerlist/export.hpp"
#include "powerlist/law.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

// The span of `cell` that belongs to the citation of `law`: from its 《title》 to the next
// 《 of another title (or the end).
bool segment_of(const std::string& cell, const std::string& law, size_t from, size_t& begin,
                size_t& end) {
  const std::string title = "《" + law + "》";
  const size_t at = cell.find(title, from);
  if (at == std::string::npos) return false;
  begin = at;
  end = cell.size();
  for (size_t next = cell.find("《", at + title.size()); next != std::string::npos;
       next = cell.find("《", next + 3)) {
    if (cell.compare(next, title.size(), title) != 0) {
      end = next;
      break;
    }
  }
  return true;
}

// 第四十一条第五项 is also written 第四十一条第（五）项.
std::vector<std::string> spellings(const std::string& article) {
  std::vector<std::string> out{article};
  const size_t xiang = article.rfind("项");
  const size_t di = article.rfind("第", xiang == std::string::npos ? 0 : xiang);
  if (xiang != std::string::npos && di != std::string::npos && di + 3 < xiang)
    out.push_back(article.substr(0, di + 3) + "（" + article.substr(di + 3, xiang - di - 3) + "）" +
                  article.substr(xiang));
  return out;
}

}  // namespace

std::string corrected_basis_text(const std::string& cell,
                                 const std::vector<const Diagnostic*>& findings) {
  std::string out = cell;
  bool changed = false;
  for (const Diagnostic* d : findings)
    for (const Fix& f : d->fixes) {
      if (!f.certain || !f.citation || f.citation->cited_law.empty()) continue;
      const Fix::Citation& c = *f.citation;
      if (c.law != c.cited_law &&
          LawRegistry::normalize(c.law) != LawRegistry::normalize(c.cited_law))
        continue;  // another instrument: a person writes its name
      size_t begin = 0, end = 0;
      if (!segment_of(out, c.cited_law, 0, begin, end)) continue;
      std::string seg = out.substr(begin, end - begin);
      bool ok = true;
      if (!c.cited_note.empty() && !c.version_note.empty()) {
        const size_t n = seg.find(c.cited_note);
        if (n == std::string::npos)
          ok = false;
        else
          seg.replace(n, c.cited_note.size(), c.version_note);
      }
      for (size_t i = 0; ok && i < c.cited_articles.size() && i < c.articles.size(); ++i) {
        if (c.cited_articles[i] == c.articles[i]) continue;
        bool found = false;
        for (const auto& s : spellings(c.cited_articles[i])) {
          const size_t a = seg.find(s);
          if (a == std::string::npos) continue;
          seg.replace(a, s.size(), c.articles[i]);
          found = true;
          break;
        }
        ok = found;
      }
      if (!ok) continue;
      out.replace(begin, end - begin, seg);
      changed = true;
    }
  return changed ? out : std::string();
}

}  // namespace powerlist
