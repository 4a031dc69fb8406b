// powerlist.lock through its parser, then written back and parsed again: a lock powerlist
// wrote must read back to the same entries. Seeds: fuzz/corpus/lock.
#include <cstdlib>

#include "fuzz_common.hpp"
#include "powerlist/codes.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace powerlist;
  Sources sources;
  DiagSink sink;
  const uint32_t id = sources.add("powerlist.lock", "powerlist.lock", fuzz::text_of(bytes, size));
  CodeLock lock = parse_lock(sources.get_mut(id), id, sink);
  if (sink.has_errors()) return 0;
  const std::string again = render_lock(lock);
  const uint32_t id2 = sources.add("again.lock", "again.lock", again);
  DiagSink sink2;
  CodeLock back = parse_lock(sources.get_mut(id2), id2, sink2);
  if (sink2.has_errors() || render_lock(back) != again) std::abort();  // round trip broken
  return 0;
}
