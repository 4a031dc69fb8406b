#include "powerlist/text.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>

namespace powerlist {

size_t find_invalid_utf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    char32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += len;
  }
  return std::string_view::npos;
}

std::vector<char32_t> decode_utf8(std::string_view s) {
  // Invalid sequences decode to U+FFFD one byte at a time, so any bytes can be shown.
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t bad = find_invalid_utf8(s.substr(i, 4));
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if (bad == 0 || i + len > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

static bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

size_t display_width(std::string_view s) {
  size_t w = 0;
  for (char32_t cp : decode_utf8(s)) w += is_wide(cp) ? 2 : 1;
  return w;
}

bool no_line_start(char32_t c) {
  static const std::u32string s = U"，。、；：！？）》」』】〕〉’”…·,.;:!?)]}%";
  return s.find(c) != std::u32string::npos;
}

bool no_line_end(char32_t c) {
  static const std::u32string s = U"（《「『【〔〈‘“([{";
  return s.find(c) != std::u32string::npos;
}

namespace {

bool ascii_word(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
}

// Inside a word or number ("0.5", "1,000", "10:30", "GB/T", "ISO-9001") these do not end it.
bool joins_word(char32_t c) {
  return c == U'.' || c == U',' || c == U':' || c == U'/' || c == U'-';
}

// How many of `line`'s characters stay when `next` starts a new line: an ASCII word or
// number that `next` continues goes down whole, as does opening punctuation before it —
// unless that would be the whole line.
size_t kept_before_break(const std::vector<char32_t>& line, char32_t next) {
  size_t keep = line.size();
  if (ascii_word(next))
    while (keep > 0) {
      if (ascii_word(line[keep - 1])) {
        --keep;
        continue;
      }
      size_t joined = keep;  // a run of joiners ("://") inside the word goes down with it
      while (joined > 0 && joins_word(line[joined - 1])) --joined;
      if (joined == keep || joined == 0 || !ascii_word(line[joined - 1])) break;
      keep = joined;
    }
  while (keep > 0 && no_line_end(line[keep - 1])) --keep;
  if (keep > 0) return keep;
  keep = line.size();
  while (keep > 1 && no_line_end(line[keep - 1])) --keep;
  return keep;
}

}  // namespace

std::vector<std::string> wrap_columns(std::string_view text, size_t width) {
  std::vector<std::string> lines;
  std::vector<char32_t> line;
  size_t w = 0;
  auto flush = [&] {
    std::string l;
    for (char32_t c : line) append_utf8(l, c);
    lines.push_back(std::move(l));
    line.clear();
    w = 0;
  };
  for (char32_t cp : decode_utf8(text)) {
    if (cp == U'\n') {
      flush();
      continue;
    }
    const size_t cw = is_wide(cp) ? 2 : 1;
    // Closing punctuation may hang past the width, two wide characters at most ("。」").
    const bool hang = no_line_start(cp) && w + cw <= width + 4;
    if (w + cw > width && !line.empty() && !hang) {
      const size_t keep = kept_before_break(line, cp);
      const std::vector<char32_t> carry(line.begin() + static_cast<std::ptrdiff_t>(keep),
                                        line.end());
      line.resize(keep);
      flush();
      for (char32_t c : carry) line.push_back(c), w += is_wide(c) ? 2 : 1;
    }
    line.push_back(cp);
    w += cw;
  }
  if (!line.empty()) flush();
  return lines;
}

size_t char_index_of_byte(std::string_view line, size_t byte) {
  return utf8_length(line.substr(0, std::min(byte, line.size())));
}

std::string utf8_prefix(std::string_view s, size_t n) {
  std::string out;
  const size_t bad = find_invalid_utf8(s);
  size_t count = 0;
  for (char32_t c : decode_utf8(s.substr(0, bad == std::string_view::npos ? s.size() : bad))) {
    if (count++ == n) break;
    append_utf8(out, c);
  }
  return out;
}

bool is_terminal_control(char32_t cp) {
  return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t bad = find_invalid_utf8(s);
  const std::string_view valid = s.substr(0, bad == std::string_view::npos ? s.size() : bad);
  for (char32_t cp : decode_utf8(valid)) {
    if (cp == U'\n' || cp == U'\t' || !is_terminal_control(cp))
      append_utf8(out, cp);
    else if (cp < 0x20)
      append_utf8(out, 0x2400 + cp);
    else
      append_utf8(out, 0xfffd);
  }
  if (bad != std::string_view::npos) append_utf8(out, 0xfffd);
  return out;
}

std::string json_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // XML 1.0 forbids most control characters even escaped.
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\n' && ch != '\t' && ch != '\r')
          out += "\xEF\xBF\xBD";
        else
          out += ch;
    }
  }
  return out;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
    --e;
  return std::string(s.substr(b, e - b));
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool is_digits(std::string_view s, size_t n) {
  return s.size() == n &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

size_t edit_distance(std::string_view a, std::string_view b) {
  const auto x = decode_utf8(a), y = decode_utf8(b);
  std::vector<size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= y.size(); ++j)
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = SIZE_MAX;
  const size_t limit = std::max<size_t>(1, utf8_length(word) / 3 + 1);
  for (const auto& c : candidates) {
    const size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best_d <= limit ? best : std::string();
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

// Converts with iconv; false when `in` is not valid in `from`.
bool convert_to_utf8(const std::string& in, const char* from, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  size_t used = 0;
  bool ok = true;
  while (src_left > 0) {
    char* dst = out.data() + used;
    size_t dst_left = out.size() - used;
    const size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
    used = out.size() - dst_left;
    if (rc == static_cast<size_t>(-1)) {
      if (errno == E2BIG) {
        out.resize(out.size() * 2);
        continue;
      }
      ok = false;
      break;
    }
  }
  iconv_close(cd);
  out.resize(used);
  return ok;
}

}  // namespace powerlist
