// libFuzzer target: arbitrary bytes as a department file through load + every rule.
// Build: CC=clang CXX=clang++ cmake -B build-fuzz -DPOWERLIST_FUZZ=ON && cmake --build build-fuzz
// Run:   ./build-fuzz/fuzz_load -max_total_time=60 tests/malformed examples/示范县/departments
#include <cstddef>
#include <cstdint>
#include <string>

#include "powerlist/load.hpp"
#include "powerlist/report.hpp"
#include "powerlist/rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace powerlist;
  LoadOptions opts;
  opts.limits.max_nodes = 200'000;  // keep each run fast; the limit logic is the same
  LoadResult res;
  load_department_text(res, "fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size),
                       opts);
  run_rules(res.catalog, res.diags);
  finalize_diagnostics(res.diags.mutable_list(), SeverityPolicy{}, res.suppressions,
                       res.item_starts);
  ReportInput in{res.diags.list(), res.sources};
  (void)render_text(in);
  (void)render_json(in);
  return 0;
}
