// Reads one workbook or CSV the two ways the front end can (issue 22): streamed through a
// RowSink that keeps nothing (as a case ledger is read), and collected into sheets (as a
// catalog is). Prints rows, cells and the time of each; peak memory is measured from outside
// (`/usr/bin/time -v`), once per mode.
//
// usage: powerlist_bench_rows stream|collect FILE
#include <chrono>
#include <cstdio>
#include <string>

#include "powerlist/fsio.hpp"
#include "powerlist/workbook.hpp"

using namespace powerlist;

namespace {

class Counter : public RowSink {
 public:
  void begin_sheet(const std::string&) override { ++sheets; }
  Message row(uint32_t, const std::vector<std::string>& c) override {
    ++rows;
    cells += c.size();
    return {};
  }
  void end_sheet(uint32_t, std::vector<CellRange>) override {}
  size_t sheets = 0, rows = 0, cells = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s stream|collect FILE\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1];
  std::string bytes;
  const WorkbookLimits limits;
  const auto t0 = std::chrono::steady_clock::now();
  if (read_regular_file(argv[2], limits.max_file_bytes, bytes) != ReadStatus::Ok) {
    std::fprintf(stderr, "cannot read %s\n", argv[2]);
    return 2;
  }
  size_t rows = 0, cells = 0;
  Message err;
  if (mode == "stream") {
    Counter c;
    err = stream_workbook(bytes, limits, c);
    rows = c.rows;
    cells = c.cells;
  } else {
    const WorkbookRead r = read_workbook(bytes, limits);
    err = r.error;
    for (const Sheet& s : r.book.sheets) {
      rows += s.rows();
      cells += s.grid->cell_count();
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!err.zh.empty()) {
    std::fprintf(stderr, "%s\n", err.en.c_str());
    return 2;
  }
  std::printf("%s: %zu rows, %zu cells, %.2f s\n", mode.c_str(), rows, cells, secs);
  return 0;
}
