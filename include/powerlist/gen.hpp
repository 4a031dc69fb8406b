// Catalog scaffolding: `powerlist init` and the synthetic catalogs of `powerlist gen`.
#pragma once
#include <cstdint>
#include <map>
#include <string>

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

// Writes files under dir; returns "" or an error message.
std::string write_files(const std::string& dir, const FileSet& files, bool overwrite);

}  // namespace powerlist
