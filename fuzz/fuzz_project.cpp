// powerlist.yaml through load and every rule. Seeds: fuzz/corpus/project.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace powerlist;
  LoadOptions opts;
  opts.limits.max_nodes = 200'000;
  LoadResult res;
  load_project_text(res, "powerlist.yaml", fuzz::text_of(bytes, size), opts);
  fuzz::check_all(res);
  return 0;
}
