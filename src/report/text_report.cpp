// gcc-style findings with the source line and a caret under the span.
#include <fmt/format.h>

#include <map>

#include "powerlist/report.hpp"
#include "powerlist/text.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist {

namespace {

const char* kReset = "\033[0m";
const char* kBold = "\033[1m";

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::Error:
      return "\033[1;31m";
    case Severity::Warning:
      return "\033[1;35m";
    default:
      return "\033[1;36m";
  }
}

// The source line (tabs shown as one space) and a caret line aligned by display width.
// Long lines are cut to a window around the span so a minified file stays readable.
std::string excerpt(const SourceFile& src, const Span& s, bool color) {
  std::string_view line = src.line_text(s.line);
  if (line.empty()) return "";
  auto cps = decode_utf8(line);
  for (auto& cp : cps)
    if (cp == U'\t' || is_terminal_control(cp)) cp = U' ';
  size_t start = std::min<size_t>(s.col ? s.col - 1 : 0, cps.size());
  size_t end = (s.end_line == s.line && s.end_col > s.col) ? s.end_col - 1 : start + 1;
  end = std::min(std::max(end, start + 1), std::max(cps.size(), start + 1));
  constexpr size_t kWindow = 60;
  size_t from = start > kWindow ? start - kWindow : 0;
  size_t to = std::min(cps.size(), std::max(end, start + 1) + kWindow);
  if (end - start > 2 * kWindow) end = start + 2 * kWindow;
  auto encode = [&](size_t a, size_t b) {
    std::string o;
    for (size_t i = a; i < b && i < cps.size(); ++i) append_utf8(o, cps[i]);
    return o;
  };
  const std::string lead = from > 0 ? "..." : "", tail = to < cps.size() ? "..." : "";
  const std::string shown = lead + encode(from, to) + tail;
  const size_t pad = display_width(lead + encode(from, start));
  const size_t len = std::max<size_t>(1, display_width(encode(start, end)));
  std::string caret = "^" + std::string(len - 1, '~');
  if (color) caret = std::string("\033[1;32m") + caret + kReset;
  return "    " + shown + "\n    " + std::string(pad, ' ') + caret + "\n";
}

// The instrument a finding is about: the first 《…》 or “…” of its message.
std::string instrument_named(const std::string& message) {
  for (auto [open, close] : {std::pair<const char*, const char*>{"《", "》"}, {"“", "”"}}) {
    const size_t a = message.find(open);
    if (a == std::string::npos) continue;
    const size_t b = message.find(close, a + 3);
    if (b != std::string::npos && b > a + 3) return message.substr(a + 3, b - a - 3);
  }
  return "";
}

// A cell's text (its first line, cut to fit) under the finding; from the citation concerned
// when the cell cites several (the instrument the message names).
std::string cell_excerpt(const SourceFile& src, const Span& s, const std::string& focus = "") {
  std::string text(src.cell_text(s.line, s.col));
  bool cut_before = false;
  if (!focus.empty()) {
    size_t at = text.find(focus);
    if (at != std::string::npos && at > 0) {
      // Back to the citation's start: its 《 and a 【tag】 right before it.
      if (at >= 3 && text.compare(at - 3, 3, "《") == 0) at -= 3;
      const size_t tag = text.rfind("【", at);
      if (tag != std::string::npos && at - tag <= 18 && text.find("】", tag) < at) at = tag;
      const size_t line_start = text.rfind('\n', at);
      const size_t from = line_start == std::string::npos ? 0 : line_start + 1;
      if (at > from + 30 || from > 0) {
        text = text.substr(at);
        cut_before = true;
      }
    }
  }
  const size_t nl = text.find('\n');
  const bool more = nl != std::string::npos;
  if (more) text.erase(nl);
  text = printable(text);
  std::string shown;
  size_t width = 0;
  for (char32_t cp : decode_utf8(text)) {
    std::string ch;
    append_utf8(ch, cp);
    width += display_width(ch);
    if (width > 76) {
      shown += "…";
      break;
    }
    shown += ch;
  }
  if (shown.empty()) return "";
  return "    " + finding_cell(src, s) + ": " + (cut_before ? "…" : "") + shown +
         (more && width <= 76 ? " …" : "") + "\n";
}

}  // namespace

std::string finding_cell(const SourceFile& src, const Span& span) {
  if (!src.is_sheet() || !span.valid() || span.col == 0) return "";
  return cell_name(span.line - 1, span.col - 1);
}

std::string finding_location(const SourceFile& src, const Span& span) {
  std::string where = src.display.empty() ? "powerlist" : src.display;
  if (src.is_sheet()) {
    where += ":" + src.sheet;
    if (span.valid()) where += "!" + finding_cell(src, span);
  } else if (span.valid()) {
    where += fmt::format(":{}:{}", span.line, span.col);
  }
  return where;
}

std::string render_text(const ReportInput& in) {
  std::string out;
  // Citations the law base does not know: the office's to-do, one line per instrument.
  std::map<std::string, std::vector<std::string>> unknown;
  for (const auto& d : in.diags) {
    if (d.suppressed && !in.show_suppressed) continue;
    if (!in.verbose && d.rule == "basis/unknown-law" && !d.suppressed) {
      const SourceFile& src = in.sources.get(d.span.file);
      std::string where = finding_location(src, d.span);
      if (src.is_sheet()) where = src.sheet + "!" + finding_cell(src, d.span);
      unknown[instrument_named(d.message.zh)].push_back(printable(where));
      continue;
    }
    const SourceFile& src = in.sources.get(d.span.file);
    const std::string where = printable(finding_location(src, d.span));
    std::string sev(severity_name(d.severity));
    std::string msg = printable(d.message.in(in.lang));
    if (d.suppressed)
      msg += in.lang == Lang::En ? fmt::format(" (suppressed: {})", printable(d.suppression_reason))
                                 : fmt::format("（已忽略：{}）", printable(d.suppression_reason));
    if (in.color)
      out += fmt::format("{}{}:{} {}{}:{} {} [{}]\n", kBold, where, kReset,
                         severity_color(d.severity), sev, kReset, msg, d.rule);
    else
      out += fmt::format("{}: {}: {} [{}]\n", where, sev, msg, d.rule);
    if (src.is_sheet() && in.item_names && !d.item.empty())
      if (auto it = in.item_names->find(d.item); it != in.item_names->end())
        out += fmt::format(in.lang == Lang::En ? "    item: {}\n" : "    事项：{}\n",
                           printable(it->second));
    if (d.span.valid())
      out += src.is_sheet() ? cell_excerpt(src, d.span, instrument_named(d.message.zh))
                            : excerpt(src, d.span, in.color);
    for (const auto& n : d.notes) out += fmt::format("    note: {}\n", printable(n.in(in.lang)));
    for (const auto& f : d.fixes)
      out += fmt::format(in.lang == Lang::En ? "    suggestion: {}{}\n" : "    建议：{}{}\n",
                         printable(f.title.in(in.lang)),
                         f.certain ? "" : (in.lang == Lang::En ? " (uncertain)" : "（不确定）"));
  }
  if (!unknown.empty()) {
    out += in.lang == Lang::En
               ? "Instruments the law base does not know (for the reviewing office to "
                 "check; not counted as the catalog's problems; --verbose lists each):\n"
               : "法规库中没有的文件（由审核机关核对，不计为目录的问题；--verbose 逐条列出）：\n";
    for (const auto& [name, cells] : unknown) {
      std::string where;
      for (size_t i = 0; i < cells.size() && i < 8; ++i) where += (i ? "、" : "") + cells[i];
      if (cells.size() > 8)
        where += in.lang == Lang::En ? fmt::format(" and {} more", cells.size() - 8)
                                     : fmt::format(" 等 {} 处", cells.size());
      out += fmt::format(
          in.lang == Lang::En ? "  《{}》: {} citation(s) ({})\n" : "  《{}》：{} 处（{}）\n",
          printable(name), cells.size(), where);
    }
  }
  // What was read, so "nothing wrong" and "nothing read" never look alike.
  std::string read;
  if (in.items || in.files || in.sheets)
    read = in.lang == Lang::En
               ? (in.sheets ? fmt::format("{} item(s) read from {} sheet(s); ", in.items, in.sheets)
                            : fmt::format("{} item(s) read; ", in.items))
               : (in.sheets ? fmt::format("读取 {} 项（{} 张工作表）；", in.items, in.sheets)
                            : fmt::format("读取 {} 项；", in.items));
  out += read + summary_line(count_findings(in.diags), in.lang) + "\n";
  if (in.citations && in.citations->total) out += citations_line(*in.citations, in.lang) + "\n";
  return out;
}

}  // namespace powerlist
