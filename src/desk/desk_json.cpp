#include "desk/desk_json.hpp"

#include <cctype>
#include <cstdint>

#include "powerlist/text.hpp"

namespace powerlist::desk {

namespace {

struct Reader {
  std::string_view s;
  size_t i = 0;
  void space() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  bool eat(char c) {
    space();
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
  std::optional<uint32_t> hex4() {
    if (i + 4 > s.size()) return std::nullopt;
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s[i++];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        v |= static_cast<uint32_t>(c - 'A' + 10);
      else
        return std::nullopt;
    }
    return v;
  }
  std::optional<std::string> string() {
    if (!eat('"')) return std::nullopt;
    std::string out;
    while (i < s.size()) {
      const char c = s[i++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i >= s.size()) return std::nullopt;
      const char e = s[i++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          auto cp = hex4();
          if (!cp) return std::nullopt;
          if (*cp >= 0xD800 && *cp < 0xDC00) {  // a surrogate pair
            if (i + 2 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return std::nullopt;
            i += 2;
            auto lo = hex4();
            if (!lo || *lo < 0xDC00 || *lo >= 0xE000) return std::nullopt;
            *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*lo - 0xDC00);
          } else if (*cp >= 0xDC00 && *cp < 0xE000) {
            return std::nullopt;
          }
          append_utf8(out, static_cast<char32_t>(*cp));
          break;
        }
        default:
          return std::nullopt;
      }
    }
    return std::nullopt;
  }
  // true, false, null or a number, as written.
  std::optional<std::string> scalar() {
    space();
    const size_t start = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-' ||
                            s[i] == '+' || s[i] == '.'))
      ++i;
    const std::string_view word = s.substr(start, i - start);
    if (word == "true" || word == "false" || word == "null") return std::string(word);
    if (word.empty() || !(std::isdigit(static_cast<unsigned char>(word[0])) || word[0] == '-'))
      return std::nullopt;
    return std::string(word);
  }
};

}  // namespace

std::optional<std::map<std::string, std::string>> parse_flat_object(std::string_view text) {
  if (text.size() > 64 * 1024 || find_invalid_utf8(text) != std::string_view::npos)
    return std::nullopt;
  Reader r{text};
  std::map<std::string, std::string> out;
  if (!r.eat('{')) return std::nullopt;
  if (!r.eat('}')) {
    do {
      auto key = r.string();
      if (!key || !r.eat(':')) return std::nullopt;
      r.space();
      auto value = (r.i < text.size() && text[r.i] == '"') ? r.string() : r.scalar();
      if (!value) return std::nullopt;
      out[*key] = *value;
    } while (r.eat(','));
    if (!r.eat('}')) return std::nullopt;
  }
  r.space();
  if (r.i != text.size()) return std::nullopt;
  return out;
}

std::string jstr(std::string_view s) {
  return "\"" + json_escape(s) + "\"";
}

}  // namespace powerlist::desk
