// The .xls reader's two halves (read_xls.cpp): FreeXL run in this process, and the wire
// format its child process answers in. read_xls (xls_child.cpp) runs the first in a child
// and reads the second; powerlist-xls-reader (src/xls_reader_main.cpp) is that child.
#pragma once
#include <string>
#include <vector>

#include "powerlist/workbook.hpp"

namespace powerlist {

// Reads the workbook with FreeXL in this process: only ever in a child (xls_child.cpp).
WorkbookRead read_xls_in_process(const std::string& bytes, const WorkbookLimits& limits);

// The sheets' cell texts and the error, as the child writes them on its standard output.
std::string serialize_xls_read(const WorkbookRead& r);
// False when `in` is not a whole answer within `limits` (a child that died half-way).
bool deserialize_xls_read(const std::string& in, WorkbookRead& r, const WorkbookLimits& limits);

// What the child writes for `bytes`: FreeXL's reading, serialised (the tests' hooks first).
std::string xls_child_answer(const std::string& bytes, const WorkbookLimits& limits);

// powerlist-xls-reader's main: the workbook's bytes on standard input, the limits read_xls
// uses as arguments (xls_reader_arguments), the answer on standard output.
int xls_reader_main(int argc, char** argv);
std::vector<std::string> xls_reader_arguments(const WorkbookLimits& limits);
// The powerlist-xls-reader read_xls starts ("" when none is found: the reader is forked).
const std::string& xls_reader_program();

}  // namespace powerlist
