// Back ends that hand a catalog to other tools and people: the catalog as YAML files (what
// `import` writes) and the review workbook (`export`: xlsx or csv with the findings).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/gen.hpp"
#include "powerlist/model.hpp"
#include "powerlist/risk_overview.hpp"

namespace powerlist {

struct ImportReport;

// powerlist.yaml + departments/<id>.yaml for `catalog` (built by the workbook front end).
// `region_code` is written as given (import cannot know it).
FileSet render_catalog_yaml(const Catalog& catalog, const std::string& region_code,
                            const std::string& region_name);

}  // namespace powerlist

namespace powerlist {

// The review workbook as a table: the standard 权责清单 columns (and those of a 职权目录
// when the catalog has them), one row per item, each cell with the findings that point at it,
// and a 审核意见 column with every finding of the row.
struct ReviewCell {
  std::string text;
  std::vector<const Diagnostic*> findings;
};
struct ReviewRow {
  std::string department, category;
  std::vector<ReviewCell> cells;  // one per column, the last is 审核意见
  Severity worst = Severity::Off;
};
struct ReviewTable {
  std::string title;
  std::vector<std::string> columns;
  std::vector<double> widths;  // in characters, for xlsx
  std::vector<ReviewRow> rows;
  std::vector<const Diagnostic*> general;  // findings about no item (files, departments)
  // Citations the office's law base could not check (basis/unknown-law …), by instrument: not
  // the department's problem, listed on the 汇总 sheet under 未能核对的依据.
  struct Unchecked {
    std::string name, level;
    std::vector<std::string> cells;  // where: 行政许可!E8 or file:line
  };
  std::vector<Unchecked> unchecked;
  RiskOverview risks;  // the 风险防控 sheet (xlsx only; empty: no sheet)
};

ReviewTable build_review_table(const Catalog& catalog, const Sources& sources,
                               const std::vector<Diagnostic>& findings, Lang lang);
// The xlsx bytes ("" with `error` set): sheet 审核意见 (highlights, comments, frozen header,
// filters, widths, landscape A4), sheet 汇总 (department × category × severity) and, when
// the catalog has risk points, sheet 风险防控 (counts, A-level heat map, every point).
std::string render_review_xlsx(const ReviewTable& table, std::string* error);
// The department's own workbook marked up (`export FILE --annotate`): `book` is the file read
// again (its sheets, merges and widths), `file` the name its sheets carry in `sources`.
struct ImportReport;
struct Workbook;
struct AnnotateInput {
  const Workbook& book;
  std::string file;
  const Catalog& catalog;
  const Sources& sources;
  const std::vector<Diagnostic>& findings;
  const ImportReport& report;  // where each sheet's header row is
  const ReviewTable& table;    // 未能核对的依据
  Lang lang = Lang::Zh;
};
std::string render_annotated_xlsx(const AnnotateInput& in, std::string* error);
// 建议实施依据: the department's 实施依据 cell with the certain corrections written into it (the
// version note and the article numbers each correction changes, found after the citation's
// title); "" when none applies cleanly. Uncertain corrections are not written in.
// `applied`: the fixes written in (the others are for a person).
std::string corrected_basis_text(const std::string& cell,
                                 const std::vector<const Diagnostic*>& findings,
                                 std::vector<const Fix*>* applied = nullptr);
// `powerlist fix`: the certain corrections of a YAML catalog's findings as edits of its files
// (Fix::edits, scalars replaced in place), and those that must be made by hand (uncertain, no
// machine edit, a workbook, or two findings proposing different edits of one value).
struct FixPlan {
  struct FileChange {
    std::string path, display, before, after;
    size_t edits = 0;
  };
  std::vector<FileChange> files;
  std::vector<const Diagnostic*> applied, manual;
};
FixPlan plan_fixes(const Sources& sources, const std::vector<Diagnostic>& findings);
// A certain fix's edits placed in their files: byte range, the 1-based line and code-point
// columns of the replaced text (a quoted scalar's quotes kept outside), and the new text in the
// scalar's notation. nullopt: the fix is applied by hand (uncertain, no edits, a workbook).
struct ResolvedEdit {
  uint32_t file = 0;
  size_t begin = 0, end = 0;
  uint32_t line = 0, col = 0, end_col = 0;
  std::string text;
};
std::optional<std::vector<ResolvedEdit>> resolve_edits(const Sources& sources, const Fix& fix);
// `diff -u` of one planned file (a/ and b/ prefixes, three lines of context).
std::string unified_diff(const FixPlan::FileChange& change);
// UTF-8 CSV with BOM (Excel opens it as Chinese text), RFC 4180 quoting.
std::string render_review_csv(const ReviewTable& table);

}  // namespace powerlist
