// The folder a build writes into (OUT). Every output file goes through one OutputDir:
// written into a fresh staging folder inside OUT, then swapped in entry by entry, so that a
// failed build leaves the previous output untouched, two builds never mix, and no write can
// land outside OUT.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "powerlist/diag.hpp"

namespace powerlist {

// Marks a folder as powerlist output; only such folders (or empty ones) are replaced.
inline constexpr const char* kOutputMarker = ".powerlist-output";
// Kept across builds (not part of one build's outputs).
inline constexpr const char* kOutputCache = ".cache";

// What OUT must never touch: the catalog folder (or any folder above it) and the files the
// catalog was read from (or the folders holding them, other than the catalog folder).
struct OutputGuard {
  std::filesystem::path catalog_root;
  std::vector<std::filesystem::path> sources;
};

class OutputDir {
 public:
  // Validates `out` against `guard`, creates it if needed, takes an exclusive lock on it
  // (calling `on_wait` once if another build holds it, then waiting), removes staging
  // folders left by killed builds and creates a new one. nullptr with `error` set on refusal.
  static std::unique_ptr<OutputDir> open(const std::string& out, const OutputGuard& guard,
                                         Message& error, const std::function<void()>& on_wait = {});
  ~OutputDir();
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  // Writes one file of this build ("site/index.html"); the name must be safe_relative_name.
  Message write(std::string_view rel, std::string_view data) const;
  // Places the file `from` (in OUT/.cache) at `rel` as a hard link, or copies it where a
  // link is not possible; `rel` as for write.
  Message link(std::string_view rel, const std::string& from) const;
  // Reads back a file written by this build (workers' charts); "" when absent.
  std::string read_staged(std::string_view rel) const;
  // Swaps the staged entries into OUT and removes what the previous build left that this
  // one did not write. After commit the OutputDir writes nothing more.
  Message commit();

  const std::filesystem::path& path() const { return out_; }
  const std::filesystem::path& staging() const { return staging_; }

 private:
  OutputDir() = default;
  std::filesystem::path out_, staging_;
  int lock_fd_ = -1;
  bool committed_ = false;
};

}  // namespace powerlist
