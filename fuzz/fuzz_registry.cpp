// A local law registry file (laws: in powerlist.yaml) through the registry parser, its lint,
// and lookups of every instrument. Seeds: fuzz/corpus/registry.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace powerlist;
  Sources sources;
  DiagSink sink;
  LawRegistry reg;
  load_registry_text(reg, "laws.yaml", fuzz::text_of(bytes, size), sources, sink);
  lint_registry(reg, sink);
  for (const auto& ins : reg.all()) {
    (void)reg.find(ins.name);
    for (const auto& v : ins.versions) (void)ins.version_on(v.in_force());
  }
  return 0;
}
