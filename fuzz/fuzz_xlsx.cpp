// A .xlsx workbook's bytes through its reader, the workbook front end (headers, rows, basis
// parsing) and every rule, as `check` runs it. Seeds: fuzz/corpus/xlsx.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  return fuzz::workbook_input(bytes, size, powerlist::read_xlsx, "fuzz.xlsx");
}
