// Stage 7: diagnostics → text, JSON, SARIF 2.1.0, JUnit XML, GitHub annotations.
// Reporters return strings; only cli writes them out.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/law.hpp"

namespace powerlist {

struct ReportInput {
  const std::vector<Diagnostic>& diags;  // finalized (sorted, overrides applied)
  const Sources& sources;
  Lang lang = Lang::Zh;
  bool color = false;
  bool show_suppressed = false;
  // Text: every basis/unknown-law finding in full; otherwise one line per instrument under
  // 法规库中没有的文件 (the office's to-do, not the catalog's problem).
  bool verbose = false;
  Severity fail_on = Severity::Error;  // JUnit: findings at or above this fail the testcase
  size_t files = 0, items = 0;
  size_t sheets = 0;  // worksheets read (workbooks), for the text summary
  // Item id → 事项名称: a workbook finding names its item (the row is not in the YAML form).
  const std::map<std::string, std::string>* item_names = nullptr;
  // Prefix that turns a shown path into one relative to the working directory
  // (SARIF and GitHub annotations must resolve from the repository root).
  std::string uri_prefix;
  // What the law base knows of the catalog's citations (JSON summary.citations, one text line).
  const CitationCounts* citations = nullptr;
};

struct Counts {
  size_t errors = 0, warnings = 0, notes = 0;
};
Counts count_findings(const std::vector<Diagnostic>& diags);

std::string render_text(const ReportInput& in);
std::string render_json(const ReportInput& in);
std::string render_sarif(const ReportInput& in);
std::string render_junit(const ReportInput& in);
std::string render_github(const ReportInput& in);
std::string summary_line(const Counts& c, Lang lang);
// One finding as render_json writes it, without the closing brace (callers may add fields).
std::string finding_json(const ReportInput& in, const Diagnostic& d);
// "依据引用 N 条，法规库中有 M 条（法律 a，行政法规 b，…）"
std::string citations_line(const CitationCounts& c, Lang lang);
// The reporter named by --format (text, json, sarif, junit, github); nullopt for another name.
std::optional<std::string> render_report(std::string_view format, const ReportInput& in);

// Where a finding is, as text reports print it: "departments/a.yaml:42:7", or for a workbook
// "应急管理局.xls:Sheet1!E12" (the cell of the span), or just the file without a span.
std::string finding_location(const SourceFile& src, const Span& span);
// "E12" for a span in a sheet, "" otherwise.
std::string finding_cell(const SourceFile& src, const Span& span);

}  // namespace powerlist
