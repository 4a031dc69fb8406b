// powerlist.yaml through a Session in memory: load, every rule, every reporter.
// Seeds: fuzz/corpus/project.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  fuzz::check_all(powerlist::SessionInput::project("powerlist.yaml", fuzz::text_of(bytes, size)));
  return 0;
}
