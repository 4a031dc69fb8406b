// Stable identifiers for imported departments and items: the pinyin initials of the name
// (readable, like the hand-made keys 'zrzyj' or 'jsgcghxk') plus a short hash of the full
// name, so the same name always gives the same key and two names never share one.
#include "keys.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include "powerlist/text.hpp"

namespace powerlist {

namespace {

// GB2312 level-1 hanzi (0xB0A1–0xD7F9) are ordered by pinyin: the code where each initial
// letter starts. Level-2 and rarer characters have no initial here and are skipped.
constexpr struct {
  unsigned code;
  char letter;
} kInitials[] = {{0xB0A1, 'a'}, {0xB0C5, 'b'}, {0xB2C1, 'c'}, {0xB4EE, 'd'}, {0xB6EA, 'e'},
                 {0xB7A2, 'f'}, {0xB8C1, 'g'}, {0xB9FE, 'h'}, {0xBBF7, 'j'}, {0xBFA6, 'k'},
                 {0xC0AC, 'l'}, {0xC2E8, 'm'}, {0xC4C3, 'n'}, {0xC5B6, 'o'}, {0xC5BE, 'p'},
                 {0xC6DA, 'q'}, {0xC8BB, 'r'}, {0xC8F6, 's'}, {0xCBFA, 't'}, {0xCDDA, 'w'},
                 {0xCEF4, 'x'}, {0xD1B9, 'y'}, {0xD4D1, 'z'}, {0xD7FA, 0}};

char initial_of(char32_t cp, iconv_t cd) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return c;
    return 0;
  }
  std::string in;
  append_utf8(in, cp);
  char out[8];
  char* src = in.data();
  size_t src_left = in.size();
  char* dst = out;
  size_t dst_left = sizeof out;
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<size_t>(-1) ||
      sizeof out - dst_left != 2)
    return 0;
  const unsigned code =
      (static_cast<unsigned char>(out[0]) << 8) | static_cast<unsigned char>(out[1]);
  char letter = 0;
  for (const auto& e : kInitials) {
    if (code < e.code) break;
    letter = e.letter;
  }
  return code < kInitials[0].code ? 0 : letter;
}

// FNV-1a: stable across runs and machines (std::hash is not).
uint32_t fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

}  // namespace

std::string pinyin_initials(std::string_view text, size_t max_len) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out;
  const size_t bad = find_invalid_utf8(text);
  for (char32_t cp :
       decode_utf8(text.substr(0, bad == std::string_view::npos ? text.size() : bad))) {
    if (out.size() >= max_len) break;
    const char c = cd == reinterpret_cast<iconv_t>(-1) ? 0 : initial_of(cp, cd);
    if (c) out += c;
  }
  if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
  return out;
}

std::string stable_key(std::string_view name, std::string_view salt, size_t max_initials) {
  std::string base = pinyin_initials(name, max_initials);
  const std::string hash =
      fmt::format("{:04x}", fnv1a(std::string(salt) + "\x1f" + std::string(name)) & 0xffff);
  return base.empty() ? "x" + hash : base + "-" + hash;
}

}  // namespace powerlist
