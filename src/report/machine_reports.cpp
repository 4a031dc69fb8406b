// JSON (CLI.md), SARIF 2.1.0, JUnit XML and GitHub workflow-command reporters.
#include <fmt/format.h>

#include <cctype>
#include <map>

#include "powerlist/export.hpp"
#include "powerlist/report.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

std::string q(std::string_view s) {
  return "\"" + json_escape(s) + "\"";
}

std::string file_of(const ReportInput& in, const Diagnostic& d) {
  return in.sources.get(d.span.file).display;
}

// RFC 3986 percent-encoding of everything but unreserved characters and '/'.
std::string uri_encode(std::string_view s) {
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/')
      out += ch;
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string sarif_level(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

// GitHub workflow commands: data escapes %, CR, LF; properties also ':' and ','.
std::string gh_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}
std::string gh_prop(std::string_view s) {
  std::string out;
  for (char c : gh_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

// The JSON `fix` of a finding (CLI.md "Corrections"): its first fix.
std::string json_fix(const ReportInput& in, const Fix& f) {
  std::string out =
      fmt::format("{{\"title\": {}, \"replacement\": {}, \"certain\": {}", q(f.title.in(in.lang)),
                  q(f.replacement), f.certain ? "true" : "false");
  if (f.citation) {
    const auto& c = *f.citation;
    std::string articles;
    for (const auto& a : c.articles) articles += (articles.empty() ? "" : ", ") + q(a);
    out += fmt::format(
        ", \"law\": {}, \"version\": {}, \"version_note\": {}, \"articles\": [{}], \"text\": {}, "
        "\"changed\": {}",
        q(c.law), c.version.empty() ? "null" : q(c.version),
        c.version_note.empty() ? "null" : q(c.version_note), articles,
        c.text.empty() ? "null" : q(c.text), c.changed ? "true" : "false");
  }
  return out + "}";
}

// SARIF 2.1.0 `fixes` (3.55): one artifactChange replacing the range, or the cell given as the
// region its findings use (line = row, column = column).
std::string sarif_fixes(const ReportInput& in, const Diagnostic& d) {
  std::string out;
  for (const Fix& f : d.fixes) {
    // The certain corrections of a YAML catalog: one replacement per edited scalar.
    if (auto edits = resolve_edits(in.sources, f)) {
      std::map<uint32_t, std::string> by_file;
      for (const auto& e : *edits)
        by_file[e.file] += fmt::format(
            "{}{{\"deletedRegion\": {{\"startLine\": {}, \"startColumn\": {}, \"endLine\": {}, "
            "\"endColumn\": {}}}, \"insertedContent\": {{\"text\": {}}}}}",
            by_file[e.file].empty() ? "" : ", ", e.line, e.col, e.line, e.end_col, q(e.text));
      std::string changes;
      for (const auto& [file, repl] : by_file)
        changes +=
            fmt::format("{}{{\"artifactLocation\": {{\"uri\": {}}}, \"replacements\": [{}]}}",
                        changes.empty() ? "" : ", ",
                        q(uri_encode(in.uri_prefix + in.sources.get(file).display)), repl);
      out += fmt::format("{}{{\"description\": {{\"text\": {}}}, \"artifactChanges\": [{}]}}",
                         out.empty() ? "" : ", ", q(f.title.in(in.lang)), changes);
      continue;
    }
    if (f.target.file == 0) continue;  // a correction without a range to replace
    const SourceFile& src = in.sources.get(f.target.file);
    const std::string uri = uri_encode(in.uri_prefix + src.display);
    const std::string region =
        f.target.is_cell
            ? fmt::format(
                  "{{\"startLine\": {}, \"startColumn\": {}, \"endLine\": {}, "
                  "\"endColumn\": {}}}",
                  f.target.row + 1, f.target.col + 1, f.target.row + 1, f.target.col + 2)
            : fmt::format("{{\"charOffset\": {}, \"charLength\": {}}}", f.target.begin,
                          f.target.end - f.target.begin);
    out += fmt::format(
        "{}{{\"description\": {{\"text\": {}}}, \"artifactChanges\": [{{\"artifactLocation\": "
        "{{\"uri\": {}}}, \"replacements\": [{{\"deletedRegion\": {}, \"insertedContent\": "
        "{{\"text\": {}}}}}]}}]}}",
        out.empty() ? "" : ", ", q(f.title.in(in.lang)), q(uri), region, q(f.replacement));
  }
  return out.empty() ? "" : ", \"fixes\": [" + out + "]";
}

// "建议：…" lines, for the reporters that write plain text.
std::string suggestion_lines(const ReportInput& in, const Diagnostic& d) {
  std::string out;
  for (const Fix& f : d.fixes)
    out += (in.lang == Lang::En ? " suggestion: " : " 建议：") + f.title.in(in.lang);
  return out;
}

}  // namespace

std::string finding_json(const ReportInput& in, const Diagnostic& d) {
  std::string notes;
  for (const auto& n : d.notes) notes += (notes.empty() ? "" : ", ") + q(n.in(in.lang));
  std::string rec = fmt::format(
      "{{\"rule\": {}, \"severity\": {}, \"file\": {}, \"line\": {}, \"column\": {}, "
      "\"end_line\": {}, \"end_column\": {}, \"item\": {}, \"message\": {}, \"notes\": [{}]",
      q(d.rule), q(severity_name(d.severity)), q(file_of(in, d)), d.span.line, d.span.col,
      d.span.end_line, d.span.end_col, d.item.empty() ? "null" : q(d.item),
      q(d.message.in(in.lang)), notes);
  if (!d.fixes.empty()) rec += ", \"fix\": " + json_fix(in, d.fixes.front());
  // A finding on several cited articles corrects each: `fix` is the first (CLI.md), `fixes`
  // all of them, so no article's correction is lost.
  if (d.fixes.size() > 1) {
    std::string all;
    for (const auto& f : d.fixes) all += (all.empty() ? "" : ", ") + json_fix(in, f);
    rec += ", \"fixes\": [" + all + "]";
  }
  // Workbook findings: the sheet and the cell (line = row, column = column number).
  const SourceFile& src = in.sources.get(d.span.file);
  if (src.is_sheet()) {
    const std::string cell = finding_cell(src, d.span);
    rec +=
        fmt::format(", \"sheet\": {}, \"cell\": {}", q(src.sheet), cell.empty() ? "null" : q(cell));
  }
  return rec;
}

std::string render_json(const ReportInput& in) {
  std::string out = "{\"version\": 1,\n \"findings\": [";
  std::string suppressed;
  bool first = true, first_s = true;
  for (const auto& d : in.diags) {
    const std::string rec = finding_json(in, d);
    if (d.suppressed) {
      if (!in.show_suppressed) continue;
      suppressed += std::string(first_s ? "\n  " : ",\n  ") + rec +
                    ", \"reason\": " + q(d.suppression_reason) + "}";
      first_s = false;
      continue;
    }
    out += std::string(first ? "\n  " : ",\n  ") + rec + "}";
    first = false;
  }
  out += first ? "]" : "\n ]";
  if (in.show_suppressed) out += ",\n \"suppressed\": [" + suppressed + (first_s ? "]" : "\n ]");
  const Counts c = count_findings(in.diags);
  std::string citations;
  if (in.citations) {
    std::string levels;
    for (const auto& [level, n] : in.citations->by_level)
      levels += fmt::format("{}{}: {}", levels.empty() ? "" : ", ", q(level), n);
    citations =
        fmt::format(", \"citations\": {{\"total\": {}, \"in_registry\": {}, \"by_level\": {{{}}}}}",
                    in.citations->total, in.citations->in_registry, levels);
  }
  out += fmt::format(
      ",\n \"summary\": {{\"errors\": {}, \"warnings\": {}, \"notes\": {}, \"files\": {}, "
      "\"items\": {}{}}}}}\n",
      c.errors, c.warnings, c.notes, in.files, in.items, citations);
  return out;
}

std::string render_sarif(const ReportInput& in) {
  const auto& rules = all_rules();
  std::map<std::string_view, size_t> index;
  std::string rules_json;
  for (size_t i = 0; i < rules.size(); ++i) {
    const auto& r = rules[i];
    index[r.id] = i;
    const std::string_view summary = in.lang == Lang::En ? r.summary_en : r.summary_zh;
    rules_json += fmt::format(
        "{}{{\"id\": {}, \"name\": {}, \"shortDescription\": {{\"text\": {}}}, "
        "\"fullDescription\": {{\"text\": {}}}, \"help\": {{\"text\": {}}}, "
        "\"helpUri\": {}, \"defaultConfiguration\": {{\"level\": {}}}}}",
        i ? ",\n          " : "", q(r.id), q(r.id), q(summary),
        q(fmt::format("{} ({})", r.summary_zh, r.summary_en)),
        q(fmt::format("{}。见 docs/rules.md#{}", summary, r.id)),
        q(fmt::format("docs/rules.md#{}", uri_encode(r.id))), q(sarif_level(r.default_severity)));
  }
  std::string results;
  bool first = true;
  for (const auto& d : in.diags) {
    if (d.suppressed && !in.show_suppressed) continue;
    std::string loc;
    const std::string uri = uri_encode(in.uri_prefix + file_of(in, d));
    if (d.span.valid())
      loc = fmt::format(
          "\"locations\": [{{\"physicalLocation\": {{\"artifactLocation\": {{\"uri\": {}}}, "
          "\"region\": {{\"startLine\": {}, \"startColumn\": {}, \"endLine\": {}, \"endColumn\": "
          "{}}}}}}}]",
          q(uri), d.span.line, d.span.col, d.span.end_line, d.span.end_col);
    else
      loc = fmt::format(
          "\"locations\": [{{\"physicalLocation\": {{\"artifactLocation\": {{\"uri\": {}}}}}}}]",
          q(uri));
    std::string sup = d.suppressed ? fmt::format(
                                         ", \"suppressions\": [{{\"kind\": \"inSource\", "
                                         "\"justification\": {}}}]",
                                         q(d.suppression_reason))
                                   : "";
    std::string props =
        d.item.empty() ? "" : fmt::format(", \"properties\": {{\"item\": {}}}", q(d.item));
    // A workbook's sheet is the finding's logical location (SARIF 3.33).
    const SourceFile& src = in.sources.get(d.span.file);
    if (src.is_sheet()) {
      const std::string cell = finding_cell(src, d.span);
      const std::string fq = cell.empty() ? src.sheet : src.sheet + "!" + cell;
      loc.insert(loc.size() - 2, fmt::format(", \"logicalLocations\": [{{\"name\": {}, "
                                             "\"fullyQualifiedName\": {}, \"kind\": \"sheet\"}}]",
                                             q(src.sheet), q(fq)));
    }
    auto idx = index.count(d.rule) ? index[d.rule] : 0;
    results += fmt::format(
        "{}{{\"ruleId\": {}, \"ruleIndex\": {}, \"level\": {}, \"message\": {{\"text\": {}}}, "
        "{}{}{}}}",
        first ? "\n        " : ",\n        ", q(d.rule), idx, q(sarif_level(d.severity)),
        q(d.message.in(in.lang)), loc, sup + sarif_fixes(in, d), props);
    first = false;
  }
  return fmt::format(
      "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": "
      "\"2.1.0\",\n"
      "  \"runs\": [\n    {{\n      \"tool\": {{\"driver\": {{\"name\": \"powerlist\", "
      "\"version\": {}, "
      "\"informationUri\": \"https://powerlist.invalid/\",\n        \"rules\": [\n          "
      "{}]}}}},\n"
      "      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [{}]\n    }}\n  ]\n}}\n",
      q(POWERLIST_VERSION), rules_json, results.empty() ? "" : results + "\n      ");
}

std::string render_junit(const ReportInput& in) {
  // One testcase per input file; findings at or above fail_on make it fail.
  std::map<uint32_t, std::vector<const Diagnostic*>> by_file;
  for (uint32_t f = 1; f < in.sources.size(); ++f)
    if (!in.sources.get(f).builtin) by_file[f];
  for (const auto& d : in.diags)
    if (!d.suppressed) by_file[d.span.file].push_back(&d);
  size_t failures = 0;
  std::string cases;
  for (const auto& [file, list] : by_file) {
    const std::string name = file == 0 ? "powerlist" : in.sources.get(file).display;
    std::string failing, other;
    size_t nfail = 0;
    for (const Diagnostic* d : list) {
      std::string line = fmt::format(
          "{}: {}: {} [{}]\n", finding_location(in.sources.get(file), d->span),
          severity_name(d->severity), d->message.in(in.lang) + suggestion_lines(in, *d), d->rule);
      if (d->severity >= in.fail_on) {
        failing += line;
        ++nfail;
      } else {
        other += line;
      }
    }
    cases +=
        fmt::format("    <testcase classname=\"powerlist.check\" name=\"{}\"", xml_escape(name));
    if (failing.empty() && other.empty()) {
      cases += "/>\n";
      continue;
    }
    cases += ">\n";
    if (!failing.empty()) {
      ++failures;
      cases += fmt::format("      <failure message=\"{}\" type=\"powerlist\">{}</failure>\n",
                           xml_escape(fmt::format("{} finding(s)", nfail)), xml_escape(failing));
    }
    if (!other.empty())
      cases += fmt::format("      <system-out>{}</system-out>\n", xml_escape(other));
    cases += "    </testcase>\n";
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"powerlist\" tests=\"{}\" "
      "failures=\"{}\">\n"
      "  <testsuite name=\"powerlist check\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
      "skipped=\"0\">\n{}"
      "  </testsuite>\n</testsuites>\n",
      by_file.size(), failures, by_file.size(), failures, cases);
}

std::string render_github(const ReportInput& in) {
  std::string out;
  for (const auto& d : in.diags) {
    if (d.suppressed) continue;
    const char* cmd = d.severity == Severity::Error     ? "error"
                      : d.severity == Severity::Warning ? "warning"
                                                        : "notice";
    std::string props = "file=" + gh_prop(in.uri_prefix + file_of(in, d));
    if (d.span.valid())
      props += fmt::format(",line={},col={},endLine={},endColumn={}", d.span.line, d.span.col,
                           d.span.end_line, d.span.end_col);
    const SourceFile& src = in.sources.get(d.span.file);
    props += ",title=" + gh_prop(src.is_sheet() ? d.rule + " (" + src.sheet + "!" +
                                                      finding_cell(src, d.span) + ")"
                                                : d.rule);
    out += fmt::format(
        "::{} {}::{}\n", cmd, props,
        gh_data(printable(d.message.in(in.lang) + suggestion_lines(in, d)) + " [" + d.rule + "]"));
  }
  return out;
}

}  // namespace powerlist
