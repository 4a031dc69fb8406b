// Comparing a catalog's quotation of an article with the article's text (law.hpp).
#include <algorithm>
#include <cstdint>

#include "powerlist/law.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

bool is_punct_or_space(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return false;  // a CJK ideograph: the common case, fast
  static const std::u32string_view chars =
      U" \t\n\r\u3000\u00a0，。、；：？！“”‘’（）()《》〈〉<>【】「」『』…—–-·,.;:!?\"'[]{}　／/";
  return chars.find(c) != std::u32string_view::npos;
}

bool is_numeral(char32_t c) {
  if (c >= U'0' && c <= U'9') return true;
  if (c < 0x3007) return false;  // below 〇, the lowest of the Chinese numerals
  return std::u32string_view(U"零〇一二三四五六七八九十百千万两").find(c) !=
         std::u32string_view::npos;
}

// A run of numerals as Arabic digits: 五千 → 5000, 1万 → 10000, 十五 → 15.
std::u32string numeral_run(std::u32string_view run) {
  static const std::u32string_view digits = U"零一二三四五六七八九";
  // 二〇二一 (a year) is digits in a row, not a number with units.
  if (run.size() >= 2 && run.find_first_of(U"十百千万") == std::u32string_view::npos) {
    std::u32string out;
    for (char32_t c : run) {
      size_t d = digits.find(c);
      if (c == U'〇') d = 0;
      if (c == U'两') d = 2;
      out += d != std::u32string_view::npos ? static_cast<char32_t>(U'0' + d) : c;
    }
    return out;
  }
  long long total = 0, section = 0, digit = -1;
  bool any = false;
  std::u32string arabic;
  for (char32_t c : run) {
    if (c >= U'0' && c <= U'9') {
      arabic += c;
      continue;
    }
    if (!arabic.empty()) {  // "1万": the Arabic part is the digit
      digit = std::stoll(std::string(arabic.begin(), arabic.end()));
      arabic.clear();
    }
    size_t d = digits.find(c);
    if (c == U'〇') d = 0;
    if (c == U'两') d = 2;
    if (d != std::u32string_view::npos) {
      digit = static_cast<long long>(d);
      any = true;
      continue;
    }
    const long long unit = c == U'十'   ? 10
                           : c == U'百' ? 100
                           : c == U'千' ? 1000
                           : c == U'万' ? 10000
                                        : 0;
    if (unit == 10000) {
      section = (section + (digit < 0 ? 0 : digit)) * 10000;
      total += section;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * unit;
    }
    digit = -1;
    any = true;
  }
  if (!arabic.empty()) {
    if (!any) return std::u32string(run);
    digit = std::stoll(std::string(arabic.begin(), arabic.end()));
  }
  total += section + (digit < 0 ? 0 : digit);
  const std::string s = std::to_string(total);
  return std::u32string(s.begin(), s.end());
}

// The distinct character pairs of a key, sorted (a pair as one number: no string per pair).
std::vector<uint64_t> bigrams(const std::u32string& s) {
  std::vector<uint64_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i + 1 < s.size(); ++i)
    out.push_back((static_cast<uint64_t>(s[i]) << 32) | s[i + 1]);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::u32string quote_key(std::string_view text) {
  const size_t bad = find_invalid_utf8(text);
  std::u32string in;
  for (char32_t c :
       decode_utf8(text.substr(0, bad == std::string_view::npos ? text.size() : bad))) {
    if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;  // full-width ASCII
    if (is_punct_or_space(c)) continue;
    in += c;
  }
  std::u32string out;
  for (size_t i = 0; i < in.size();) {
    if (!is_numeral(in[i])) {
      out += in[i++];
      continue;
    }
    size_t j = i;
    while (j < in.size() && is_numeral(in[j])) ++j;
    out += numeral_run(std::u32string_view(in).substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<std::string> quote_fragments(const std::string& quote) {
  // Abridged with ……/…/...; article labels inside the quote (第五十八条：) also split it.
  std::vector<std::string> parts;
  std::string cur;
  const size_t bad = find_invalid_utf8(quote);
  const auto cps =
      decode_utf8(std::string_view(quote).substr(0, bad == std::string::npos ? quote.size() : bad));
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = cps[i];
    bool cut =
        c == U'…' || (c == U'.' && i + 2 < cps.size() && cps[i + 1] == U'.' && cps[i + 2] == U'.');
    if (c == U'第') {
      size_t j = i + 1;
      while (j < cps.size() && (is_numeral(cps[j]) || cps[j] == U'（' || cps[j] == U'）' ||
                                cps[j] == U'(' || cps[j] == U')' || cps[j] == U'条' ||
                                cps[j] == U'款' || cps[j] == U'项' || cps[j] == U'第'))
        ++j;
      const bool label_end =
          j < cps.size() && (cps[j] == U'：' || cps[j] == U':' || cps[j] == U' ' ||
                             cps[j] == U'\u3000' || cps[j] == U'\t');
      if (j > i + 2 && label_end && cps[j - 1] != U'第') {
        cut = true;
        i = j;  // drop the label and its colon
      }
    }
    // "有下列行为之一的…：（八）使用不合格的灭火剂" quotes the lead-in and one item of a list:
    // the items between are left out, so the item starts a fragment of its own.
    size_t before = i;  // the colon may be followed by a line break and indentation
    while (before > 0 &&
           (cps[before - 1] == U' ' || cps[before - 1] == U'\n' || cps[before - 1] == U'\r' ||
            cps[before - 1] == U'\t' || cps[before - 1] == 0x3000))
      --before;
    if ((c == U'（' || c == U'(') && before > 0 &&
        (cps[before - 1] == U'：' || cps[before - 1] == U':')) {
      size_t j = i + 1;
      while (j < cps.size() && is_numeral(cps[j])) ++j;
      if (j > i + 1 && j < cps.size() && (cps[j] == U'）' || cps[j] == U')')) {
        if (!cur.empty()) parts.push_back(cur);
        cur.clear();
      }
    }
    if (cut) {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
      while (i + 1 < cps.size() && (cps[i + 1] == U'…' || cps[i + 1] == U'.')) ++i;
      continue;
    }
    append_utf8(cur, c);
  }
  if (!cur.empty()) parts.push_back(cur);
  return parts;
}

std::vector<std::u32string> quote_fragment_keys(const std::string& quote) {
  std::vector<std::u32string> keys;
  for (const auto& part : quote_fragments(quote)) {
    std::u32string k = quote_key(part);
    if (k.size() >= 4) keys.push_back(std::move(k));  // "等" or a lone number proves nothing
  }
  return keys;
}

bool quote_in_text(const std::vector<std::u32string>& fragment_keys,
                   const std::u32string& text_key) {
  size_t from = 0;
  for (const auto& k : fragment_keys) {
    const size_t at = text_key.find(k, from);
    if (at == std::u32string::npos) {
      // Out of order is still the same article text.
      if (text_key.find(k) == std::u32string::npos) return false;
    } else {
      from = at + k.size();
    }
  }
  return !fragment_keys.empty();
}

bool quote_in_text(const std::string& quote, const std::u32string& text_key) {
  return quote_in_text(quote_fragment_keys(quote), text_key);
}

double quote_containment(const std::string& quote, const std::u32string& text_key) {
  const auto q = bigrams(quote_key(quote));
  if (q.empty()) return 1.0;
  const auto t = bigrams(text_key);
  size_t hit = 0;
  for (uint64_t b : q) hit += std::binary_search(t.begin(), t.end(), b);
  return static_cast<double>(hit) / static_cast<double>(q.size());
}

}  // namespace powerlist
