// Stage 1: YAML files → Catalog, with every value located and schema/* findings recorded.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

struct LoadLimits {
  size_t max_file_bytes = 32u << 20;  // 32 MiB per file
  size_t max_nodes = 2'000'000;       // nodes per file, aliases expanded
  size_t max_depth = 64;              // the format needs fewer than 10 levels
};

struct LoadOptions {
  LoadLimits limits;
  unsigned jobs = 1;
  std::optional<Date> today;  // effective date for a standalone department file
  // Department files, laws and baseline may lie outside the catalog folder (--allow-outside).
  // Off by default: a catalog from a submission must not make powerlist read /etc/passwd.
  bool allow_outside = false;
  // Set from powerlist.yaml before department files are read.
  Profile profile = Profile::PowerCatalog;
  // Called as department files finish loading (from worker threads, serialized).
  std::function<void(size_t done, size_t total)> progress;
};

struct LoadResult {
  Catalog catalog;
  Sources sources;
  DiagSink diags;
  std::vector<Suppression> suppressions;
  std::map<std::string, Span> item_starts;  // "dept/key" → first line of the item
  size_t files = 0;
  std::string fatal;  // non-empty: the input path itself is unusable (exit 2)
};

// `paths` is one folder holding powerlist.yaml, or one or more department files (checked
// with the built-in defaults). Anything else sets `fatal`.
LoadResult load_catalog(const std::vector<std::string>& paths, const LoadOptions& opts);

// The region name a catalog folder's powerlist.yaml gives (region: {name: 克拉玛依市}), read
// ahead of the catalog so that its local legislation can load meanwhile; "" when `path` is
// not such a folder or names none. Findings are not kept: load_catalog reports them.
std::string catalog_region_name(const std::string& path);

// Why `path` (as found through powerlist.yaml) may not be read, or an empty message: it must
// lie inside the catalog folder `root` unless `allow_outside`.
Message outside_catalog_problem(const std::string& root, const std::string& path,
                                const std::string& shown, bool allow_outside);

struct ParsedBasis;
// A 实施依据 text that was partly understood: the part that belongs to no citation is reported
// (schema/type) at `at`. Both front ends call it, so a workbook and the YAML imported from it
// give the same finding. Nothing when the text gave no citation at all (basis/missing says so).
void report_basis_leftovers(DiagSink& sink, Span at, const std::string& item,
                            const ParsedBasis& parsed);

// Parses a powerlist.yaml's text alone (the fuzzer): departments, lock and baseline it names
// are not read.
void load_project_text(LoadResult& result, const std::string& display, std::string text,
                       const LoadOptions& opts);
// Parses one department file's text (used by tests and the fuzzer): the file is added to
// `result.sources` under `display`.
void load_department_text(LoadResult& result, const std::string& display, std::string text,
                          const LoadOptions& opts);

}  // namespace powerlist
