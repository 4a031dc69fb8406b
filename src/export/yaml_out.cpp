// Hand-written YAML output (yaml_out.hpp).
#include "yaml_out.hpp"

#include <fmt/format.h>

#include "powerlist/text.hpp"

namespace powerlist {

std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  const size_t bad = find_invalid_utf8(s);
  for (char32_t c : decode_utf8(s.substr(0, bad == std::string_view::npos ? s.size() : bad))) {
    switch (c) {
      case U'"':
        out += "\\\"";
        continue;
      case U'\\':
        out += "\\\\";
        continue;
      case U'\n':
        out += "\\n";
        continue;
      case U'\t':
        out += "\\t";
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 ||
        c == 0xfeff)
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    else
      append_utf8(out, c);
  }
  return out + "\"";
}

static bool block_safe(std::string_view s) {
  if (s.find('\n') == std::string_view::npos || s.empty()) return false;
  if (s.front() == ' ' || s.back() == '\n' || s.front() == '\n') return false;
  size_t line_start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\n') {
      if (i > line_start && (s[i - 1] == ' ' || s[i - 1] == '\t')) return false;
      line_start = i + 1;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return false;
  }
  const size_t bad = find_invalid_utf8(s);
  if (bad != std::string_view::npos) return false;
  for (char32_t c : decode_utf8(s))
    if ((c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) return false;
  return true;
}

static std::string block_lines(std::string_view value, const std::string& pad) {
  std::string out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t nl = value.find('\n', start);
    if (nl == std::string_view::npos) nl = value.size();
    const std::string_view line = value.substr(start, nl - start);
    out += line.empty() ? "\n" : pad + std::string(line) + "\n";
    start = nl + 1;
  }
  return out;
}

std::string yaml_field(int indent, std::string_view key, std::string_view value) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  if (!block_safe(value)) return pad + std::string(key) + ": " + yaml_quoted(value) + "\n";
  return pad + std::string(key) + ": |-\n" + block_lines(value, pad + "  ");
}

std::string yaml_list_value(int indent, std::string_view value) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  if (!block_safe(value)) return pad + "- " + yaml_quoted(value) + "\n";
  return pad + "- |-\n" + block_lines(value, pad + "    ");
}

}  // namespace powerlist

namespace powerlist {

std::string yaml_entry(int indent, std::string first_field) {
  first_field.replace(static_cast<size_t>(indent), 2, "- ");
  return first_field;
}

}  // namespace powerlist
