// A .xls workbook's bytes through its reader, the workbook front end (headers, rows, basis
// parsing) and every rule, as `check` runs it. Seeds: fuzz/corpus/xls.
#include "fuzz_common.hpp"
#include "powerlist/workbook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace powerlist;
  const std::string data = fuzz::text_of(bytes, size);
  // The reader of this format on its own (detection would send most inputs to CSV) …
  (void)read_xls(data, WorkbookLimits{});
  // … and the whole front end, as check and import run it.
  LoadResult res;
  ImportOptions options;
  ImportReport report;
  load_workbook_bytes(res, "fuzz.xls", data, options, report);
  if (res.fatal.empty()) fuzz::check_all(res);
  return 0;
}
