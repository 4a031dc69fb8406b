// The .xls reader's child process (src/workbook/xls_child.cpp): started as its own program,
// it answers what FreeXL reads in this process, and it finishes while other threads of the
// reading program allocate — the case where a forked reader could wait for ever on a lock
// copied from another thread (the review desk under AddressSanitizer, CI of 2026-12-07).
#include <stdlib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>
#include <vector>

#include "powerlist/workbook.hpp"
#include "workbook/xls_reader.hpp"

using namespace powerlist;

namespace {

std::string categories_xls() {
  std::ifstream in(std::string(POWERLIST_SOURCE_DIR) + "/fuzz/corpus/xls/categories.xls",
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("the .xls reader runs as powerlist-xls-reader and answers as FreeXL in process",
          "[xls]") {
  REQUIRE_FALSE(xls_reader_program().empty());  // built beside the tests
  const std::string bytes = categories_xls();
  REQUIRE(bytes.size() > 1000);
  const WorkbookLimits limits;
  const WorkbookRead child = read_xls(bytes, limits);
  const WorkbookRead here = read_xls_in_process(bytes, limits);
  CHECK(child.error.zh.empty());
  REQUIRE(child.book.sheets.size() == here.book.sheets.size());
  CHECK(serialize_xls_read(child) == serialize_xls_read(here));
}

TEST_CASE("the .xls reader's child answers a damaged file and a bound as the reader does",
          "[xls]") {
  const std::string bytes = categories_xls();
  WorkbookLimits small;
  small.max_cells = 10;
  const WorkbookRead child = read_xls(bytes, small);
  const WorkbookRead here = read_xls_in_process(bytes, small);
  CHECK_FALSE(child.error.zh.empty());
  CHECK(child.error.zh == here.error.zh);
  const WorkbookRead cut = read_xls(bytes.substr(0, bytes.size() / 3), WorkbookLimits{});
  CHECK(cut.book.sheets.empty());
  CHECK_FALSE(cut.error.zh.empty());
}

TEST_CASE("an .xls is read while other threads allocate", "[xls]") {
  const std::string bytes = categories_xls();
  std::atomic<bool> stop{false};
  std::vector<std::thread> busy;
  for (int t = 0; t < 3; ++t)
    busy.emplace_back([&stop] {
      while (!stop) {
        std::vector<std::string> v;
        for (int i = 0; i < 200; ++i) v.emplace_back(100 + i, 'x');
      }
    });
  // A stuck child is killed at its deadline (and the read then fails), before the guard below.
  WorkbookLimits limits;
  limits.max_xls_seconds = 20;
  auto reads = std::async(std::launch::async, [&bytes, limits] {
    size_t sheets = 0;
    for (int i = 0; i < 20; ++i) sheets += read_xls(bytes, limits).book.sheets.size();
    return sheets;
  });
  const bool finished = reads.wait_for(std::chrono::seconds(120)) == std::future_status::ready;
  if (!finished) {
    // A reader stuck for good: fail aloud now rather than hang the suite.
    FAIL_CHECK("20 reads of an .xls did not finish in 120 s while other threads allocate");
    std::_Exit(1);
  }
  stop = true;
  for (auto& t : busy) t.join();
  CHECK(reads.get() == 20 * read_xls_in_process(bytes, WorkbookLimits{}).book.sheets.size());
}

TEST_CASE("an .xls reader that does not finish is stopped at the deadline", "[xls]") {
  const std::string bytes = categories_xls();
  WorkbookLimits limits;
  limits.max_xls_seconds = 1;
  ::setenv("POWERLIST_TEST_XLS_READER_HANGS", "1", 1);
  const auto started = std::chrono::steady_clock::now();
  const WorkbookRead r = read_xls(bytes, limits);
  const auto took = std::chrono::steady_clock::now() - started;
  ::unsetenv("POWERLIST_TEST_XLS_READER_HANGS");
  CHECK(r.book.sheets.empty());
  CHECK(r.error.zh.find("1 秒内未读完") != std::string::npos);
  CHECK(took < std::chrono::seconds(30));
}
