// A catalog folder sent to the desk as a .zip: the bounded, path-safe reader. Every member it
// gives back must have a safe relative path and lie within the bounds; seeds: fuzz/corpus/zip.
#include <cstdlib>

#include "desk/desk_zip.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace powerlist::desk;
  const ZipLimits limits{500, 4u << 20, 8u << 20};  // small bounds: the same code, faster runs
  const ZipFolder folder = read_zip_folder(fuzz::text_of(bytes, size), limits);
  size_t total = 0;
  for (const auto& m : folder.members) {
    if (m.path.empty() || safe_member_path(m.path) != m.path) std::abort();
    if (m.bytes.size() > limits.max_member_bytes) std::abort();
    total += m.bytes.size();
    (void)is_workbook_member(m);
  }
  if (total > limits.max_total_bytes || folder.members.size() > limits.max_members) std::abort();
  if (!folder.error.zh.empty() && !folder.members.empty()) std::abort();
  (void)holds_catalog(folder);
  return 0;
}
