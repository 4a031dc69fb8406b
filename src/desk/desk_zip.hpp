// A catalog folder sent to the desk as one .zip: its members read in memory within bounds (a
// zip bomb stops at the bound, counted on the bytes actually inflated, not the sizes the archive
// states), every path made safe (no absolute path, no "..", no link), so that nothing is ever
// written outside the folder it is unpacked into.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "powerlist/diag.hpp"

namespace powerlist::desk {

struct ZipLimits {
  size_t max_members = 5000;
  size_t max_member_bytes = 50u << 20;
  size_t max_total_bytes = 120u << 20;
};

struct ZipMember {
  std::string path;  // relative, '/'-separated, without a shared top folder
  std::string bytes;
};

struct ZipFolder {
  std::vector<ZipMember> members;  // regular files only, in the archive's order
  Message error;                   // set when the archive is refused; then members is empty
};

// True when the bytes are a ZIP archive (a .xlsx workbook is one too: see is_xlsx_package).
bool looks_like_zip(const std::string& bytes);
ZipFolder read_zip_folder(const std::string& bytes, const ZipLimits& limits = {});
// A relative path that stays inside its folder ("a/b.yaml"), or "" when the name is unsafe.
std::string safe_member_path(const std::string& name);

// What a folder holds: a powerlist catalog (powerlist.yaml at its top), or workbooks.
bool holds_catalog(const ZipFolder& folder);
bool is_workbook_member(const ZipMember& m);
// Writes every member under `dir` (created); an error message when a file cannot be written.
Message unpack_folder(const ZipFolder& folder, const std::string& dir);

}  // namespace powerlist::desk
