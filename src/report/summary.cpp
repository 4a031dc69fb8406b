#include <fmt/format.h>

#include "powerlist/report.hpp"

namespace powerlist {

Counts count_findings(const std::vector<Diagnostic>& diags) {
  Counts c;
  for (const auto& d : diags) {
    if (d.suppressed) continue;
    if (d.severity == Severity::Error)
      ++c.errors;
    else if (d.severity == Severity::Warning)
      ++c.warnings;
    else if (d.severity == Severity::Note)
      ++c.notes;
  }
  return c;
}

std::string citations_line(const CitationCounts& c, Lang lang) {
  std::string levels;
  for (const auto& [level, n] : c.by_level)
    levels +=
        fmt::format("{}{} {}", levels.empty() ? "" : (lang == Lang::En ? ", " : "，"), level, n);
  return lang == Lang::En
             ? fmt::format("citations: {}, {} in the law base ({})", c.total, c.in_registry, levels)
             : fmt::format("依据引用 {} 条，法规库中有 {} 条（{}）", c.total, c.in_registry,
                           levels);
}

std::string summary_line(const Counts& c, Lang lang) {
  if (lang == Lang::En) {
    std::string s = fmt::format("{} error{}, {} warning{}", c.errors, c.errors == 1 ? "" : "s",
                                c.warnings, c.warnings == 1 ? "" : "s");
    if (c.notes) s += fmt::format(", {} note{}", c.notes, c.notes == 1 ? "" : "s");
    return s;
  }
  std::string s = fmt::format("{} 个错误, {} 个警告", c.errors, c.warnings);
  if (c.notes) s += fmt::format(", {} 个提示", c.notes);
  return s;
}

std::optional<std::string> render_report(std::string_view format, const ReportInput& in) {
  if (format == "text") return render_text(in);
  if (format == "json") return render_json(in);
  if (format == "sarif") return render_sarif(in);
  if (format == "junit") return render_junit(in);
  if (format == "github") return render_github(in);
  return std::nullopt;
}

}  // namespace powerlist
