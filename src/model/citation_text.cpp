// Parsing and rendering the free-text 实施依据 of published catalogs (basis_text.hpp).
#include "powerlist/citation_text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "powerlist/text.hpp"
#include "u32_text.hpp"

namespace powerlist {

namespace {

using u32::to_u32;
using u32::to_utf8;
using u32::U;

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0xA0;
}

bool is_numeral(char32_t c) {
  return (c >= U'0' && c <= U'9') ||
         std::u32string_view(U"零〇一二三四五六七八九十百千两").find(c) !=
             std::u32string_view::npos;
}

std::string trim_u(const U& u, size_t b, size_t e) {
  while (b < e && is_space(u[b])) ++b;
  while (e > b && is_space(u[e - 1])) --e;
  return to_utf8(u, b, e);
}

// Position after the bracket that closes the one at `open` (nested brackets of the same
// kind counted), or npos.
size_t close_of(const U& u, size_t open, char32_t o, char32_t c) {
  int depth = 0;
  for (size_t i = open; i < u.size(); ++i) {
    if (u[i] == o) ++depth;
    if (u[i] == c && --depth == 0) return i + 1;
  }
  return U::npos;
}

// True when only whitespace, list numbering or a "依据：" label precedes `i` on its line.
bool at_line_start(const U& u, size_t i) {
  size_t b = i;
  while (b > 0 && u[b - 1] != U'\n') --b;
  const U prefix = u.substr(b, i - b);
  U stripped;
  for (char32_t c : prefix)
    if (!is_space(c)) stripped += c;
  if (stripped.empty()) return true;
  for (const U label : {U"依据：", U"设定依据：", U"实施依据：", U"法律依据：", U"依据:"})
    if (stripped.size() >= label.size() &&
        stripped.compare(stripped.size() - label.size(), label.size(), label) == 0)
      stripped.erase(stripped.size() - label.size());
  for (char32_t c : stripped)
    if (!(is_numeral(c) ||
          std::u32string_view(U"（）().、．,，;；").find(c) != std::u32string_view::npos))
      return false;
  return true;
}

// 《…》 that names an instrument (法, 条例, 办法 …) rather than a form or a document quoted in
// an article (《海事报告书》, 《种畜禽生产经营许可证申请表》).
bool names_instrument(const U& u, size_t open) {
  const size_t close = close_of(u, open, U'《', U'》');
  if (close == U::npos || close < open + 3) return false;
  const U name = u.substr(open + 1, close - open - 2);
  for (const U suffix : {U"法",   U"条例", U"规定", U"办法", U"细则", U"决定", U"规则", U"通知",
                         U"意见", U"目录", U"批复", U"标准", U"规程", U"公告", U"解释", U"命令",
                         U"令",   U"规范", U"纲要", U"方案", U"制度", U"指引", U"准则"})
    if (name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  return false;
}

// Length of the article-reference run at `i`; defined below.
size_t ref_run_length(const U& u, size_t i);

// A 《title》 at the start of a line heads a citation only when what follows is header-shaped:
// the line's end, a version note, or article references followed by the line's end, a colon
// or a space. "《中华人民共和国电影产业促进法》第四十七条的规定予以处罚" (a quoted article whose
// cell breaks lines every few characters) is prose that mentions another instrument.
bool header_shaped(const U& u, size_t title_end) {
  size_t j = title_end;
  while (j < u.size() && (u[j] == U' ' || u[j] == U'\t' || u[j] == 0x3000)) ++j;
  if (j >= u.size() || u[j] == U'\n' || u[j] == U'\r') return true;
  if (u[j] == U'（' || u[j] == U'(') return true;
  if (u[j] != U'第') return false;
  const size_t len = ref_run_length(u, j);
  if (!len) return false;
  const size_t k = j + len;
  return k >= u.size() || is_space(u[k]) ||
         std::u32string_view(U"：:，,；;。").find(u[k]) != std::u32string_view::npos;
}

// Start of an instrument: 【tag】《 or a 《 at the start of a line naming an instrument.
bool block_start(const U& u, size_t i) {
  if (u[i] == U'【') {
    const size_t close = u.find(U'】', i);
    if (close == U::npos || close - i > 14) return false;
    size_t j = close + 1;
    while (j < u.size() && is_space(u[j])) ++j;
    if (!at_line_start(u, i) || j >= u.size()) return false;
    if (u[j] == U'《') return true;
    // 【法规】关于印发《…》的通知 新政发【2021】58号: a tag at a line's start heads a citation
    // of the document its line names, though words come before the title. Not a 文号's year.
    for (size_t t = i + 1; t < close; ++t)
      if (u[t] >= U'0' && u[t] <= U'9') return false;
    for (size_t t = j; t < u.size() && t < j + 24 && u[t] != U'\n'; ++t)
      if (u[t] == U'《') return true;
    return false;
  }
  if (u[i] == U'《')
    return (i > 0 && u[i - 1] == U'】') || (at_line_start(u, i) && names_instrument(u, i) &&
                                            header_shaped(u, close_of(u, i, U'《', U'》')));
  return false;
}

// Position after the 》 closing the title at `open`, or npos when the title does not close
// before the next 【 (another citation's tag) or a colon: an unbalanced 《 must not swallow
// the rest of the cell.
size_t title_close(const U& u, size_t open) {
  int depth = 0;
  for (size_t i = open; i < u.size() && i < open + 120; ++i) {
    if (u[i] == U'【' || u[i] == U'：') return U::npos;
    if (u[i] == U'《') ++depth;
    if (u[i] == U'》' && --depth == 0) return i + 1;
  }
  return U::npos;
}

// Why the title at `open` does not parse, or nullptr: unbalanced, a stray 》 after it
// (《报废机动车回收管理办法》实施细则》), or another title glued to it (《A》《B》).
const char* title_defect(const U& u, size_t open, size_t& end) {
  end = title_close(u, open);
  if (end == U::npos) return "unbalanced";
  size_t j = end;
  while (j < u.size() && (u[j] == U' ' || u[j] == 0x3000)) ++j;
  if (j < u.size() && u[j] == U'《') {
    if (const size_t second = title_close(u, j); second != U::npos) end = second;
    return "glued";
  }
  for (size_t k = end; k < u.size() && k < end + 16; ++k) {
    if (u[k] == U'\n' || u[k] == U'（' || u[k] == U'(' || u[k] == U'第' || u[k] == U'《' ||
        u[k] == U'【' || u[k] == U'：' || u[k] == U'，' || u[k] == U'。')
      break;
    if (u[k] == U'》') {
      end = k + 1;
      return "stray";
    }
  }
  return nullptr;
}

// The next “ … ” quotation starting at `i`: its end, or npos when `i` opens none. A title
// inside a quotation belongs to the quoted text.
size_t quotation_end(const U& u, size_t i) {
  if (u[i] != U'“' && u[i] != U'「') return U::npos;
  const size_t close = u.find(u[i] == U'“' ? U'”' : U'」', i + 1);
  if (close == U::npos) return U::npos;
  // An unclosed quotation must not hide the citations after it: none spans a line's 【tag】.
  for (size_t t = i; t + 1 < close; ++t)
    if (u[t] == U'\n' && u[t + 1] == U'【') return U::npos;
  return close + 1;
}

// Length of a run of article references at `i` (第十五条、第五十八条第一款第（四）项 …), 0 if none.
size_t ref_run_length(const U& u, size_t i) {
  size_t j = i, last_good = i;
  bool any = false;
  while (j < u.size()) {
    if (u[j] != U'第') break;
    size_t k = j + 1;
    auto skip_spaces = [&] {  // 第（二） 项: spaces inside a reference are layout
      while (k < u.size() && u[k] != U'\n' && is_space(u[k])) ++k;
    };
    skip_spaces();
    if (k < u.size() && (u[k] == U'（' || u[k] == U'(')) ++k;
    skip_spaces();
    const size_t digits = k;
    while (k < u.size() && is_numeral(u[k])) ++k;
    if (k == digits) break;
    // 第一、二款 / 第三、四项: a list of 款 or 项 numbers under one 第.
    while (k + 1 < u.size() && u[k] == U'、' && is_numeral(u[k + 1])) {
      size_t m = k + 1;
      while (m < u.size() && is_numeral(u[m])) ++m;
      if (m >= u.size() || (u[m] != U'、' && u[m] != U'款' && u[m] != U'项')) break;
      k = m;
    }
    skip_spaces();
    if (k < u.size() && (u[k] == U'）' || u[k] == U')')) ++k;
    skip_spaces();
    if (k >= u.size() || std::u32string_view(U"条款项").find(u[k]) == std::u32string_view::npos)
      break;
    ++k;
    if (k < u.size() && u[k] == U'之' && k + 1 < u.size() && is_numeral(u[k + 1])) k += 2;
    any = true;
    last_good = j = k;
    // Separators between references.
    size_t s = j;
    while (s < u.size() && (is_space(u[s]) && u[s] != U'\n')) ++s;
    if (s < u.size() &&
        std::u32string_view(U"、，,和及与至").find(u[s]) != std::u32string_view::npos) {
      ++s;
      while (s < u.size() && (is_space(u[s]) && u[s] != U'\n')) ++s;
      if (s < u.size() && u[s] == U'第') {
        j = s;
        continue;
      }
    }
    if (s < u.size() && u[s] == U'第') {  // 第十条第二款 written with a space
      j = s;
      continue;
    }
    break;
  }
  return any ? last_good - i : 0;
}

void parse_body(const U& u, size_t b, size_t e, ParsedCitation head,
                std::vector<ParsedCitation>& out) {
  // Article groups start at the body's start or at the start of a line.
  std::vector<std::pair<size_t, size_t>> groups;  // (start, ref run length)
  size_t i = b;
  while (i < e && is_space(u[i])) ++i;
  for (size_t p = i; p < e; ++p) {
    if (u[p] != U'第') continue;
    if (!(p == i || at_line_start(u, p))) continue;
    const size_t len = ref_run_length(u, p);
    if (len) groups.emplace_back(p, len);
  }
  if (groups.empty()) {
    head.text = trim_u(u, i, e);
    out.push_back(std::move(head));
    return;
  }
  if (groups.front().first > i) {
    // Words between the header and the first article: part of the note, e.g. "修正" lines.
    head.note += trim_u(u, i, groups.front().first);
  }
  const size_t first_out = out.size();
  for (size_t g = 0; g < groups.size(); ++g) {
    const auto [start, len] = groups[g];
    const size_t end = g + 1 < groups.size() ? groups[g + 1].first : e;
    ParsedCitation c = head;
    c.articles = split_article_refs(to_utf8(u, start, start + len));
    for (const auto& a : c.articles)
      if (auto r = parse_article_ref(a)) c.refs.push_back(*r);
    size_t t = start + len;
    while (t < end && is_space(u[t]) && u[t] != U'\n') ++t;
    if (t < end && (u[t] == U'：' || u[t] == U':')) ++t;
    c.text = trim_u(u, t, end);
    out.push_back(std::move(c));
  }
  // "…第二次修正）第三十八条第一款、第七十二条第五款" then each article again with its words:
  // the first list is the block's table of contents, not a citation of its own (its labels,
  // written loosely — 第五款 for 第（五）项 — would otherwise reach the corrections).
  std::vector<std::string> quoted;
  for (size_t k = first_out; k < out.size(); ++k)
    if (!out[k].text.empty())
      quoted.insert(quoted.end(), out[k].articles.begin(), out[k].articles.end());
  for (size_t k = first_out; k < out.size();) {
    const bool contents =
        out[k].text.empty() && !out[k].articles.empty() && out.size() - first_out > 1 &&
        std::all_of(out[k].articles.begin(), out[k].articles.end(), [&](const std::string& a) {
          return std::find(quoted.begin(), quoted.end(), a) != quoted.end();
        });
    if (contents)
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(k));
    else
      ++k;
  }
}

}  // namespace

namespace {

// 第一、二款 → 第一款、第二款 (and 项): one reference per number.
U expand_number_lists(const U& in) {
  U out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != U'第') {
      out += in[i];
      continue;
    }
    std::vector<U> numbers;
    size_t k = i + 1;
    while (true) {
      const size_t from = k;
      while (k < in.size() && is_numeral(in[k])) ++k;
      if (k == from) break;
      numbers.push_back(in.substr(from, k - from));
      if (k < in.size() && in[k] == U'、' && k + 1 < in.size() && is_numeral(in[k + 1])) {
        ++k;
        continue;
      }
      break;
    }
    if (numbers.size() > 1 && k < in.size() && (in[k] == U'款' || in[k] == U'项')) {
      for (size_t n = 0; n < numbers.size(); ++n) {
        if (n) out += U'、';
        out += U'第' + numbers[n] + in[k];
      }
      i = k;
      continue;
    }
    out += in[i];
  }
  return out;
}

}  // namespace

std::vector<std::string> split_article_refs(const std::string& run) {
  std::vector<std::string> out;
  const U u = expand_number_lists(to_u32(run));
  int article = 0;
  size_t i = 0;
  std::string pending_range_from;
  bool range = false;
  while (i < u.size()) {
    if (u[i] != U'第') {
      if (u[i] == U'至') range = true;
      ++i;
      continue;
    }
    // One reference: 第X条[第Y款][第（Z）项], or a continuation 第Y款 / 第Z项.
    size_t j = i;
    std::string piece;
    while (j < u.size() && u[j] == U'第') {
      size_t k = j + 1;
      while (k < u.size() && u[k] != U'条' && u[k] != U'款' && u[k] != U'项') ++k;
      if (k >= u.size()) break;
      for (size_t t = j; t <= k; ++t)
        if (!is_space(u[t])) append_utf8(piece, u[t]);
      j = k + 1;
      if (j < u.size() && u[j] == U'之') {  // 第十条之一
        piece += to_utf8(u, j, std::min(u.size(), j + 2));
        j += 2;
      }
    }
    i = std::max(j, i + 1);
    if (piece.empty()) continue;
    auto ref = parse_article_ref(piece);
    if (ref && ref->article) {
      if (range && article) {
        for (int a = article + 1; a < ref->article && a - article < 60; ++a)
          out.push_back(ArticleRef{a, 0, 0}.str());
      }
      article = ref->article;
      out.push_back(piece);
    } else if (article) {
      // 第二款 after 第四条第一款: the same article.
      auto full = parse_article_ref(ArticleRef{article, 0, 0}.str() + piece);
      if (full) out.push_back(full->str());
    }
    range = false;
  }
  return out;
}

ParsedBasis parse_basis_text(const std::string& cell) {
  ParsedBasis out;
  const U u = to_u32(cell);
  std::vector<size_t> starts;
  std::vector<bool> bad;  // the block's title does not parse: reported, never guessed
  for (size_t i = 0; i < u.size(); ++i) {
    if (const size_t q = quotation_end(u, i); q != U::npos) {
      i = q - 1;
      continue;
    }
    if (!block_start(u, i)) continue;
    starts.push_back(i);
    // Skip to the end of this header so a 《 inside the tag block does not start another.
    if (u[i] == U'【') i = u.find(U'】', i);
    const size_t title = u.find(U'《', i);
    size_t end = U::npos;
    const char* defect = title == U::npos ? "unbalanced" : title_defect(u, title, end);
    bad.push_back(defect != nullptr);
    if (defect) {
      const size_t stop = end == U::npos ? std::min(u.size(), title + 40) : end;
      size_t cut = title;
      while (cut < stop && u[cut] != U'\n') ++cut;
      out.unparsed_titles.push_back(
          {trim_u(u, title, cut == title ? stop : cut) + (end == U::npos ? "…" : ""), defect});
    }
    if (end == U::npos) {
      i = title == U::npos ? i : title;  // resume after the unbalanced 《
      continue;
    }
    i = end - 1;
  }
  const std::string before = starts.empty() ? trim_u(u, 0, u.size()) : trim_u(u, 0, starts[0]);
  if (!before.empty()) out.leftovers.push_back(before);
  for (size_t k = 0; k < starts.size(); ++k) {
    const size_t b = starts[k], e = k + 1 < starts.size() ? starts[k + 1] : u.size();
    if (bad[k]) continue;  // kept verbatim in basis_text, reported as an unparsed title
    ParsedCitation head;
    size_t i = b;
    if (u[i] == U'【') {
      const size_t close = u.find(U'】', i);
      U tag;
      for (size_t t = i + 1; t < close; ++t)
        if (!is_space(u[t])) tag += u[t];
      head.tag = to_utf8(tag);
      i = close + 1;
      while (i < e && is_space(u[i])) ++i;
    }
    // Words before the title (关于印发《…》的通知): the document is the notice issuing the
    // title; what its line says is kept as the note (its 文号 tells a 规范性文件).
    std::string prose_note;
    if (i < e && u[i] != U'《') {
      size_t line_end = i;
      while (line_end < e && u[line_end] != U'\n') ++line_end;
      const size_t title = u.find(U'《', i);
      if (title == U::npos || title >= line_end) {
        out.leftovers.push_back(trim_u(u, b, e));
        continue;
      }
      const size_t title_close = close_of(u, title, U'《', U'》');
      prose_note =
          trim_u(u, i, title) + "《》" +
          (title_close != U::npos && title_close < line_end ? trim_u(u, title_close, line_end)
                                                            : "");
      i = title;
    }
    const size_t title_end = close_of(u, i, U'《', U'》');
    if (title_end == U::npos || title_end > e) {
      out.leftovers.push_back(trim_u(u, b, e));
      continue;
    }
    U name;
    for (size_t t = i + 1; t + 1 < title_end; ++t)
      if (!is_space(u[t])) name += u[t];
    head.law = to_utf8(name);
    i = title_end;
    if (!prose_note.empty()) {
      head.note = "（" + prose_note + "）";
      while (i < e && u[i] != U'\n') ++i;  // the rest of the notice's line is in the note
    }
    size_t s = i;
    while (s < e && is_space(u[s])) ++s;
    if (s < e && (u[s] == U'（' || u[s] == U'(')) {
      const size_t close =
          u[s] == U'（' ? close_of(u, s, U'（', U'）') : close_of(u, s, U'(', U')');
      if (close != U::npos && close <= e) {
        // Line breaks and spaces inside a note are the cell's layout (2024\n年9月13日).
        U note;
        for (size_t t = s; t < close; ++t)
          if (!is_space(u[t])) note += u[t];
        head.note = to_utf8(note);
        i = close;
      }
    }
    parse_body(u, i, e, head, out.citations);
  }
  for (auto& c : out.citations)
    if (!c.note.empty()) c.version = version_from_note(c.note);
  return out;
}

std::string render_basis_text(const std::vector<Citation>& basis) {
  std::string out;
  const Citation* prev = nullptr;
  for (const auto& c : basis) {
    const bool same = prev && prev->law.value == c.law.value && prev->tag.value == c.tag.value &&
                      prev->note == c.note;
    if (!same) {
      if (!out.empty()) out += "\n";
      if (!c.tag.value.empty()) out += "【" + c.tag.value + "】";
      out += "《" + c.law.value + "》" + c.note;
    }
    std::string refs;
    for (size_t i = 0; i < c.articles.size(); ++i) {
      if (i) refs += "、";
      refs += c.articles[i].value.str();
    }
    if (!refs.empty() || !c.text.empty()) {
      out += "\n" + refs;
      if (!c.text.empty()) out += (refs.empty() ? "" : "：") + c.text;
    }
    prev = &c;
  }
  return out;
}

std::string normalize_for_compare(const std::string& s) {
  U u = to_u32(s), out;
  for (char32_t c : u) {
    if (is_space(c)) continue;
    if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;  // full-width ASCII
    if (c == U'、' || c == U'；') c = c == U'、' ? U',' : U';';
    if (c == U'“' || c == U'”') c = U'"';
    out += c;
  }
  // 第(四)项 → 第四项
  U result;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == U'(' && i > 0 && out[i - 1] == U'第') {
      size_t j = i + 1;
      while (j < out.size() && is_numeral(out[j])) ++j;
      if (j < out.size() && out[j] == U')' && j + 1 < out.size() && out[j + 1] == U'项') {
        result.append(out, i + 1, j - i - 1);
        i = j;
        continue;
      }
    }
    result += out[i];
  }
  return to_utf8(result);
}

}  // namespace powerlist
