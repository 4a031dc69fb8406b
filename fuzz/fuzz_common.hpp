// Shared by the libFuzzer targets: every pipeline target opens a Session over its input in
// memory, exactly as the CLI opens one over files (the shipped registry, templates and holiday
// calendar shared, loaded once), checks it and runs every reporter.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "powerlist/report.hpp"
#include "powerlist/session.hpp"
#include "powerlist/workbook.hpp"

namespace fuzz {

using namespace powerlist;

inline std::string text_of(const uint8_t* bytes, size_t size) {
  return std::string(reinterpret_cast<const char*>(bytes), size);
}

inline SessionOptions options() {
  SessionOptions o;
  o.share_shipped_data = true;
  o.load_limits.max_nodes = 200'000;  // keep each run fast; the limit logic is the same
  return o;
}

// The Session over one input, checked, through every reporter.
inline void check_all(const SessionInput& input) {
  auto s = Session::open({input}, options());
  if (!s->fatal().empty()) return;
  s->check();
  ReportInput in{s->findings(), s->sources()};
  (void)render_text(in);
  (void)render_json(in);
  (void)render_sarif(in);
}

// A workbook target: the format's reader on its own (content detection would send most
// inputs to CSV), then the whole Session, as check and import run it.
template <typename Reader>
int workbook_input(const uint8_t* bytes, size_t size, Reader read, const char* name) {
  const std::string data = text_of(bytes, size);
  (void)read(data, WorkbookLimits{});
  check_all(SessionInput::workbook(name, data));
  return 0;
}

}  // namespace fuzz

// libFuzzer calls this once before the first input: the shipped data and the full-text index
// are loaded here, so their one-time cost is not timed as the first input's.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const auto shipped = powerlist::shipped_data();
  shipped->laws().prepare_search(powerlist::Date{2026, 1, 1});  // an undated catalog's day
  shipped->laws().prepare_search(powerlist::today());           // a workbook's
  (void)shipped->templates();
  (void)shipped->calendar();
  return 0;
}
