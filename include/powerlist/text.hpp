// Small text helpers shared by every stage: UTF-8, display width, escaping, suggestions.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace powerlist {

// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
size_t find_invalid_utf8(std::string_view text);
// Converts `in` from the iconv encoding `from` (GB18030, UTF-16LE …) to UTF-8; false when
// `in` is not valid in `from`.
bool convert_to_utf8(const std::string& in, const char* from, std::string& out);
// Decodes UTF-8 into code points (text must be valid).
std::vector<char32_t> decode_utf8(std::string_view text);
void append_utf8(std::string& out, char32_t cp);
// Number of code points in text.
size_t utf8_length(std::string_view text);
// The first `n` code points of `s` (invalid UTF-8 ends it).
std::string utf8_prefix(std::string_view s, size_t n);
// `parts` joined with `sep`.
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// Terminal columns: East Asian wide characters count 2.
size_t display_width(std::string_view text);
// The 避头尾 rules of Chinese typesetting: punctuation a line may not start with (，。、）》…)
// and punctuation it may not end with (（《「…).
bool no_line_start(char32_t c);
bool no_line_end(char32_t c);
// `text` in lines of at most `width` display columns, broken at any character but by the
// 避头尾 rules (closing punctuation stays at the end of its line, at most two wide
// characters over; opening punctuation moves to the next) and keeping an ASCII word or
// number whole when the line has room before it. A newline forces a break.
std::vector<std::string> wrap_columns(std::string_view text, size_t width);
// Code-point index (0-based) of byte offset `byte` in `line`.
size_t char_index_of_byte(std::string_view line, size_t byte);

// Text safe to print on a terminal: C0 controls (but newline) shown as control pictures
// (U+2400…), C1 controls, DEL and bidirectional overrides as U+FFFD, so a name from a
// submitted catalog cannot move the cursor, recolour or reorder what the reviewer reads.
std::string printable(std::string_view s);
// True for code points printable() replaces (excerpt lines use it too).
bool is_terminal_control(char32_t cp);

std::string json_escape(std::string_view s);  // without surrounding quotes
std::string xml_escape(std::string_view s);
std::string trim(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
// Exactly `n` ASCII digits (region codes, baseline codes, handle-item codes).
bool is_digits(std::string_view s, size_t n);

// Edit distance over code points; used for "did you mean".
size_t edit_distance(std::string_view a, std::string_view b);
// The closest candidate within a distance that scales with length, or "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace powerlist
