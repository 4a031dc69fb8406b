// A department file (YAML) through load, every rule with the shipped law registry, procedure
// templates and holiday calendar (so basis/*, flow/* and catalog/revision-overdue run), and
// every reporter. Seeds: fuzz/corpus/department.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace powerlist;
  LoadOptions opts;
  opts.limits.max_nodes = 200'000;  // keep each run fast; the limit logic is the same
  LoadResult res;
  load_department_text(res, "fuzz.yaml", fuzz::text_of(bytes, size), opts);
  fuzz::check_all(res);
  return 0;
}
