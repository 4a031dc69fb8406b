// gcc-style findings with the source line and a caret under the span.
#include <fmt/format.h>

#include "powerlist/report.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

const char* kReset = "\033[0m";
const char* kBold = "\033[1m";

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::Error: return "\033[1;31m";
    case Severity::Warning: return "\033[1;35m";
    default: return "\033[1;36m";
  }
}

// The source line (tabs shown as one space) and a caret line aligned by display width.
std::string excerpt(const SourceFile& src, const Span& s, bool color) {
  std::string_view line = src.line_text(s.line);
  if (line.empty()) return "";
  const auto cps = decode_utf8(line);
  std::string shown;
  for (char32_t cp : cps) append_utf8(shown, cp == '\t' ? U' ' : cp);
  const size_t start = std::min<size_t>(s.col ? s.col - 1 : 0, cps.size());
  size_t end = (s.end_line == s.line && s.end_col > s.col) ? s.end_col - 1 : start + 1;
  end = std::min(end, std::max(cps.size(), start + 1));
  std::string before, under;
  for (size_t i = 0; i < start; ++i) append_utf8(before, cps[i] == '\t' ? U' ' : cps[i]);
  for (size_t i = start; i < end && i < cps.size(); ++i) append_utf8(under, cps[i]);
  const size_t pad = display_width(before);
  const size_t len = std::max<size_t>(1, display_width(under));
  std::string caret = "^" + std::string(len - 1, '~');
  if (color) caret = std::string("\033[1;32m") + caret + kReset;
  return "    " + shown + "\n    " + std::string(pad, ' ') + caret + "\n";
}

}  // namespace

std::string render_text(const ReportInput& in) {
  std::string out;
  for (const auto& d : in.diags) {
    if (d.suppressed && !in.show_suppressed) continue;
    const SourceFile& src = in.sources.get(d.span.file);
    std::string where = src.display.empty() ? "powerlist" : src.display;
    if (d.span.valid()) where += fmt::format(":{}:{}", d.span.line, d.span.col);
    std::string sev(severity_name(d.severity));
    std::string msg = d.message.in(in.lang);
    if (d.suppressed)
      msg += in.lang == Lang::En ? fmt::format(" (suppressed: {})", d.suppression_reason)
                                 : fmt::format("（已忽略：{}）", d.suppression_reason);
    if (in.color)
      out += fmt::format("{}{}:{} {}{}:{} {} [{}]\n", kBold, where, kReset, severity_color(d.severity),
                         sev, kReset, msg, d.rule);
    else
      out += fmt::format("{}: {}: {} [{}]\n", where, sev, msg, d.rule);
    if (d.span.valid()) out += excerpt(src, d.span, in.color);
    for (const auto& n : d.notes) out += fmt::format("    note: {}\n", n.in(in.lang));
  }
  out += summary_line(count_findings(in.diags), in.lang) + "\n";
  return out;
}

}  // namespace powerlist
