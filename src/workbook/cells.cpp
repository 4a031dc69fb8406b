// Cell text helpers (cells.hpp).
#include "cells.hpp"

#include <algorithm>

#include "powerlist/text.hpp"

namespace powerlist {

namespace {

bool is_ws(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0xA0 ||
         c == 0x200B || c == 0xFEFF;
}
bool is_ascii_alnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
std::vector<char32_t> decode(std::string_view s) {
  const size_t bad = find_invalid_utf8(s);
  return decode_utf8(s.substr(0, bad == std::string::npos ? s.size() : bad));
}

}  // namespace

std::string clean_name(std::string_view s) {
  const auto cps = decode(s);
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (!is_ws(cps[i])) {
      append_utf8(out, cps[i]);
      continue;
    }
    size_t j = i;
    while (j < cps.size() && is_ws(cps[j])) ++j;
    if (i > 0 && j < cps.size() && is_ascii_alnum(cps[i - 1]) && is_ascii_alnum(cps[j])) out += ' ';
    i = j - 1;
  }
  return out;
}

std::string clean_text(std::string_view s) {
  std::vector<std::string> lines;
  std::string cur;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') continue;
    if (s[i] == '\n') {
      lines.push_back(cur);
      cur.clear();
      continue;
    }
    cur += s[i];
  }
  lines.push_back(cur);
  size_t chars = 0, nonempty = 0;
  for (auto& l : lines) {
    l = trim(l);
    // Full-width spaces at the ends of lines are layout too.
    while (l.size() >= 3 && l.compare(l.size() - 3, 3, "\xE3\x80\x80") == 0) l.erase(l.size() - 3);
    while (l.size() >= 3 && l.compare(0, 3, "\xE3\x80\x80") == 0) l.erase(0, 3);
    if (!l.empty()) {
      chars += utf8_length(l);
      ++nonempty;
    }
  }
  std::string out;
  if (nonempty >= 3 && chars < 8 * nonempty) {
    // Broken every few characters by the cell width: one line again.
    for (const auto& l : lines) out += clean_name(l);
    return out;
  }
  bool blank = false;
  for (const auto& l : lines) {
    if (l.empty()) {
      blank = !out.empty();
      continue;
    }
    if (!out.empty()) out += blank ? "\n\n" : "\n";
    out += l;
    blank = false;
  }
  return out;
}

std::optional<Duration> first_duration(const std::string& s) {
  const auto cps = decode(s);
  static const std::u32string numerals = U"0123456789.零〇一二三四五六七八九十百两";
  for (size_t i = 0; i < cps.size(); ++i) {
    if (numerals.find(cps[i]) == std::u32string::npos) continue;
    size_t j = i;
    while (j < cps.size() && numerals.find(cps[j]) != std::u32string::npos) ++j;
    std::string candidate;
    for (size_t k = i; k < j; ++k) append_utf8(candidate, cps[k]);
    for (size_t k = j; k < cps.size() && k < j + 4; ++k) {
      append_utf8(candidate, cps[k]);
      if (auto d = parse_duration(candidate); d && !d->is_none()) return d;
    }
    i = j;
  }
  return std::nullopt;
}

std::string department_from_title(const std::string& title) {
  std::string t = clean_name(title);
  // Leading year: 2025年
  if (t.size() > 7 &&
      std::all_of(t.begin(), t.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
      t.compare(4, 3, "年") == 0)
    t.erase(0, 7);
  for (const char* end :
       {"权责清单", "权力清单", "责任清单", "职权目录", "权力目录", "清单", "目录"}) {
    const size_t at = t.find(end);
    if (at != std::string::npos) {
      t.erase(at);
      break;
    }
  }
  // A year in the middle: 克拉玛依市2025年消防监督执法 → 克拉玛依市消防监督执法
  for (size_t i = 0; i + 7 <= t.size(); ++i)
    if (std::all_of(t.begin() + i, t.begin() + i + 4,
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        t.compare(i + 4, 3, "年") == 0) {
      t.erase(i, 7);
      break;
    }
  return t;
}

MergeMap::MergeMap(const Sheet& sheet) : sheet_(sheet) {
  if (sheet.merges.empty()) return;
  owner_.assign(size_t(sheet.rows()) * sheet.cols(), -1);
  for (size_t m = 0; m < sheet.merges.size(); ++m) {
    const CellRange& r = sheet.merges[m];
    for (uint32_t row = r.first_row; row <= r.last_row && row < sheet.rows(); ++row)
      for (uint32_t col = r.first_col; col <= r.last_col && col < sheet.cols(); ++col)
        owner_[size_t(row) * sheet.cols() + col] = static_cast<int32_t>(m);
  }
}

MergeMap::Origin MergeMap::origin(uint32_t row, uint32_t col) const {
  if (owner_.empty() || row >= sheet_.rows() || col >= sheet_.cols()) return {row, col, false};
  const int32_t m = owner_[size_t(row) * sheet_.cols() + col];
  if (m < 0) return {row, col, false};
  const CellRange& r = sheet_.merges[static_cast<size_t>(m)];
  if (col != r.first_col) return {row, col, false};  // right part of a horizontal merge
  if (row == r.first_row) return {row, col, false};
  return {r.first_row, r.first_col, true};
}

}  // namespace powerlist
