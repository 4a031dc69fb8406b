// `powerlist fix`: the certain corrections of a YAML catalog as scalar edits — planned over the
// findings (the same Fix data every reporter shows), shown as a unified diff, written back with
// everything else in the files (comments, layout, other values) untouched.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "powerlist/export.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

// Byte offset of a 1-based code-point column on a 1-based line.
size_t byte_at(const SourceFile& src, uint32_t line, uint32_t col) {
  const size_t start = src.line_starts[line - 1];
  size_t b = start;
  for (uint32_t c = 1; c < col && b < src.text.size() && src.text[b] != '\n'; ++c) {
    const auto lead = static_cast<unsigned char>(src.text[b]);
    b += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  }
  return std::min(b, src.text.size());
}

// The article in the scalar's own notation: "47.2" stays dotted, 第四十七条第二款 stays Chinese.
std::string article_as(const std::string& old_value, const std::string& label) {
  if (starts_with(trim(old_value), "第")) return label;
  auto ref = parse_article_ref(label);
  if (!ref) return label;
  if (ref->item && !ref->paragraph) return label;  // 第N条第（K）项 has no dotted form
  std::string s = std::to_string(ref->article);
  if (ref->paragraph) s += "." + std::to_string(ref->paragraph);
  if (ref->item) s += "." + std::to_string(ref->item);
  return s;
}

struct Planned {
  size_t begin, end;
  std::string text;
  const Diagnostic* finding;
};

}  // namespace

std::optional<std::vector<ResolvedEdit>> resolve_edits(const Sources& sources, const Fix& f) {
  if (!f.certain || f.edits.empty()) return std::nullopt;
  std::vector<ResolvedEdit> out;
  for (const auto& e : f.edits) {
    if (e.span.file == 0 || e.span.file >= sources.size()) return std::nullopt;
    const SourceFile& src = sources.get(e.span.file);
    if (src.is_sheet() || src.builtin || src.fs_path.empty() ||
        src.line_starts.size() < e.span.line || e.span.end_line != e.span.line)
      return std::nullopt;
    ResolvedEdit r;
    r.file = e.span.file;
    r.begin = byte_at(src, e.span.line, e.span.col);
    r.end = byte_at(src, e.span.line, e.span.end_col);
    r.line = e.span.line;
    r.col = e.span.col;
    r.end_col = e.span.end_col;
    std::string old = src.text.substr(r.begin, r.end - r.begin);
    // A quoted scalar keeps its quotes: only what is between them is replaced.
    if (old.size() >= 2 && (old[0] == '"' || old[0] == '\'') && old.back() == old[0]) {
      ++r.begin, --r.end, ++r.col, --r.end_col;
      old = old.substr(1, old.size() - 2);
    }
    // The scalar must read back as the value the finding saw: a value folded over lines or a
    // quote escaped inside it is not one line's text, and is left to a person.
    bool same = old == e.expect;
    if (e.article) {
      auto ref = parse_article_ref(old);
      same = ref && ref->str() == e.expect;
    } else if (!same) {
      auto d = parse_date(old);
      same = d && d->str() == e.expect;
    }
    if (!same) return std::nullopt;
    r.text = e.article ? article_as(old, e.text) : e.text;
    out.push_back(std::move(r));
  }
  return out;
}

FixPlan plan_fixes(const Sources& sources, const std::vector<Diagnostic>& findings) {
  FixPlan plan;
  std::map<uint32_t, std::vector<Planned>> by_file;
  for (const auto& d : findings) {
    if (d.suppressed || d.fixes.empty()) continue;
    const auto edits = resolve_edits(sources, d.fixes.front());
    if (!edits) {
      plan.manual.push_back(&d);
      continue;
    }
    for (const auto& e : *edits) by_file[e.file].push_back({e.begin, e.end, e.text, &d});
    plan.applied.push_back(&d);
  }
  // Two findings on one citation propose the same edits (kept once); different edits of one
  // range are a conflict: neither is applied.
  for (auto& [file, edits] : by_file) {
    std::sort(edits.begin(), edits.end(), [](const Planned& a, const Planned& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::vector<Planned> kept;
    std::vector<const Diagnostic*> conflicted;
    for (auto& e : edits) {
      if (!kept.empty() && kept.back().begin == e.begin && kept.back().end == e.end &&
          kept.back().text == e.text)
        continue;
      if (!kept.empty() && e.begin < kept.back().end) {
        conflicted.push_back(e.finding);
        conflicted.push_back(kept.back().finding);
        kept.pop_back();
        continue;
      }
      kept.push_back(std::move(e));
    }
    for (const Diagnostic* c : conflicted) {
      plan.applied.erase(std::remove(plan.applied.begin(), plan.applied.end(), c),
                         plan.applied.end());
      if (std::find(plan.manual.begin(), plan.manual.end(), c) == plan.manual.end())
        plan.manual.push_back(c);
    }
    // A conflicted finding's other edits go too.
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [&](const Planned& p) {
                                return std::find(conflicted.begin(), conflicted.end(), p.finding) !=
                                       conflicted.end();
                              }),
               kept.end());
    if (kept.empty()) continue;
    const SourceFile& src = sources.get(file);
    FixPlan::FileChange fc;
    fc.path = src.fs_path;
    fc.display = src.display;
    fc.before = src.text;
    fc.after = src.text;
    for (auto it = kept.rbegin(); it != kept.rend(); ++it)
      fc.after.replace(it->begin, it->end - it->begin, it->text);
    fc.edits = kept.size();
    plan.files.push_back(std::move(fc));
  }
  return plan;
}

std::string unified_diff(const FixPlan::FileChange& fc) {
  auto lines = [](const std::string& t) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < t.size()) {
      size_t nl = t.find('\n', start);
      if (nl == std::string::npos) nl = t.size();
      out.push_back(t.substr(start, nl - start));
      start = nl + 1;
    }
    return out;
  };
  // Edits replace scalars within a line: the files have the same lines, some changed.
  const auto a = lines(fc.before), b = lines(fc.after);
  if (a.size() != b.size()) return "";
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", fc.display, fc.display);
  constexpr size_t kContext = 3;
  size_t i = 0;
  while (i < a.size()) {
    if (a[i] == b[i]) {
      ++i;
      continue;
    }
    // A hunk from the first change to the last one within 2 × context of the previous.
    size_t first = i, last = i;
    for (size_t j = i; j < a.size() && j <= last + 2 * kContext; ++j)
      if (a[j] != b[j]) last = j;
    const size_t from = first >= kContext ? first - kContext : 0;
    const size_t to = std::min(a.size(), last + kContext + 1);
    out += fmt::format("@@ -{},{} +{},{} @@\n", from + 1, to - from, from + 1, to - from);
    for (size_t k = from; k < to; ++k) {
      if (a[k] == b[k]) {
        out += " " + a[k] + "\n";
      } else {
        out += "-" + a[k] + "\n";
        out += "+" + b[k] + "\n";
      }
    }
    i = to;
  }
  return out;
}

}  // namespace powerlist
