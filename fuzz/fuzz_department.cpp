// A department file (YAML) through a Session in memory: load, every rule with the shipped law
// registry, procedure templates and holiday calendar (so basis/*, flow/* and
// catalog/revision-overdue run), and every reporter. Seeds: fuzz/corpus/department.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  fuzz::check_all(powerlist::SessionInput::department("fuzz.yaml", fuzz::text_of(bytes, size)));
  return 0;
}
