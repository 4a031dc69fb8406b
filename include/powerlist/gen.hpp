// Catalog scaffolding: `powerlist init` and the synthetic catalogs of `powerlist gen`.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace powerlist {

// File name (relative) → contents.
using FileSet = std::map<std::string, std::string>;

FileSet init_catalog_files();

struct GenOptions {
  size_t items = 100;
  size_t departments = 5;
  uint64_t seed = 1;
  // Nineteen in twenty items name a national 基本编码 (as real catalogs mostly do), which
  // keeps synthetic catalogs up to about 200,000 items within the 9999 local numbers.
  bool baseline_codes = false;
};
FileSet generate_catalog(const GenOptions& opts);

// A synthetic case ledger (CSV) for a catalog whose codes are assigned: `cases` rows of the
// catalog's items (about 1 in 100 with a code the catalog lacks, 1 in 10 with a pause), from
// `from` on, finished early, on time, late or still open; deterministic for a seed. Written
// in pieces to `out`, so a million rows need no string of that size.
struct LedgerGenOptions {
  size_t cases = 1000;
  uint64_t seed = 1;
  int year = 2025;  // cases received over this year
};
struct Catalog;
void generate_ledger(const Catalog& catalog, const LedgerGenOptions& o,
                     const std::function<void(std::string_view)>& out);

// Writes files under dir; returns "" or an error message.
std::string write_files(const std::string& dir, const FileSet& files, bool overwrite);

}  // namespace powerlist
