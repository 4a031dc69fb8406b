// 建议实施依据 as the department's own cell, corrected: a reviewer's pen on the cell rather than
// a list of instructions. Only certain corrections are written in, and only where the words
// to change are found after the citation's title; anything else leaves the cell unchanged.
#include <algorithm>
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
                                 const std::vector<const Diagnostic*>& findings,
                                 std::vector<const Fix*>* applied) {
  // Every edit is placed in the original cell first, then all are applied from the end: a
  // renumbering 46 → 47, 47 → 48 must not rewrite its own result.
  struct Edit {
    size_t begin, end;
    std::string text;
    const Fix* fix;
  };
  std::vector<Edit> edits;
  for (const Diagnostic* d : findings)
    for (const Fix& f : d->fixes) {
      if (!f.certain || !f.citation || f.citation->cited_law.empty()) continue;
      const Fix::Citation& c = *f.citation;
      if (c.law != c.cited_law &&
          LawRegistry::normalize(c.law) != LawRegistry::normalize(c.cited_law))
        continue;  // another instrument: a person writes its name
      size_t begin = 0, end = 0;
      if (!segment_of(cell, c.cited_law, 0, begin, end)) continue;
      std::vector<Edit> mine;
      bool ok = true;
      size_t from = begin;
      if (!c.cited_note.empty() && !c.version_note.empty() && c.cited_note != c.version_note) {
        const size_t n = cell.find(c.cited_note, begin);
        if (n == std::string::npos || n >= end)
          ok = false;
        else
          mine.push_back({n, n + c.cited_note.size(), c.version_note, &f}),
              from = n + c.cited_note.size();
      }
      for (size_t i = 0; ok && i < c.cited_articles.size() && i < c.articles.size(); ++i) {
        bool found = false;
        for (const auto& sp : spellings(c.cited_articles[i])) {
          const size_t a = cell.find(sp, from);
          if (a == std::string::npos || a >= end) continue;
          if (c.cited_articles[i] != c.articles[i])
            mine.push_back({a, a + sp.size(), c.articles[i], &f});
          from = a + sp.size();
          found = true;
          break;
        }
        ok = found;
      }
      if (!ok || mine.empty()) continue;
      edits.insert(edits.end(), mine.begin(), mine.end());
    }
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  // Two fixes touching the same words: neither is written in.
  std::vector<const Fix*> dropped;
  for (size_t i = 1; i < edits.size(); ++i)
    if (edits[i].begin < edits[i - 1].end) {
      dropped.push_back(edits[i].fix);
      dropped.push_back(edits[i - 1].fix);
    }
  std::string out = cell;
  std::vector<const Fix*> done;
  for (auto it = edits.rbegin(); it != edits.rend(); ++it) {
    if (std::find(dropped.begin(), dropped.end(), it->fix) != dropped.end()) continue;
    out.replace(it->begin, it->end - it->begin, it->text);
    if (std::find(done.begin(), done.end(), it->fix) == done.end()) done.push_back(it->fix);
  }
  if (applied) *applied = done;
  return done.empty() ? std::string() : out;
}

}  // namespace powerlist
