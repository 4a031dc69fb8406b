// powerlist-xls-reader: FreeXL in a process of its own, started by powerlist for each .xls
// workbook (src/workbook/xls_child.cpp); not a command for users.
#include "workbook/xls_reader.hpp"

int main(int argc, char** argv) {
  return powerlist::xls_reader_main(argc, argv);
}
