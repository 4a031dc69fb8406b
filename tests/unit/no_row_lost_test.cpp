// Issue 22: a file over a limit is read whole or refused aloud, never cut. Every front end is
// fed inputs at max-1, max and max+1 of each of its bounds (set small here, so the inputs are
// small); each is either read cell for cell or refused with a message naming the bound. And
// the import's count line adds up to the sheet's rows whatever the rows hold.
#include <unistd.h>
#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "powerlist/load.hpp"
#include "powerlist/workbook.hpp"
#include "yaml/parse_file.hpp"

using namespace powerlist;

namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string temp_path(const std::string& ext) {
  static int n = 0;
  return "/tmp/powerlist-norowlost-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ext;
}

std::string csv_of(const Rows& rows) {
  std::string out;
  for (const auto& r : rows) {
    for (size_t c = 0; c < r.size(); ++c) out += (c ? "," : "") + r[c];
    out += "\n";
  }
  return out;
}

std::string xlsx_of(const Rows& rows) {
  const std::string path = temp_path(".xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size(); ++c)
      if (!rows[r][c].empty())
        worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), rows[r][c].c_str(), nullptr);
  workbook_close(wb);
  std::string bytes = slurp(path);
  std::remove(path.c_str());
  return bytes;
}

// .xls (BIFF8) through Debian's python3-xlwt, as WPS and old Excel write it ('' when missing).
std::string xls_of(const Rows& rows) {
  const std::string path = temp_path(".xls"), script = temp_path(".py");
  std::ofstream py(script);
  py << "import xlwt,json,sys\nrows=json.load(sys.stdin)\nb=xlwt.Workbook(encoding='utf-8')\n"
        "s=b.add_sheet('Sheet1')\nfor r,row in enumerate(rows):\n  for c,v in enumerate(row):\n"
        "    if v: s.write(r,c,v)\nb.save(sys.argv[1])\n";
  py.close();
  std::string json = "[";
  for (size_t r = 0; r < rows.size(); ++r) {
    json += r ? ",[" : "[";
    for (size_t c = 0; c < rows[r].size(); ++c) json += (c ? ",\"" : "\"") + rows[r][c] + "\"";
    json += "]";
  }
  json += "]";
  // Debian's interpreter: the one the packages of scripts/setup.sh install into.
  const std::string cmd = "/usr/bin/python3 " + script + " " + path;
  FILE* p = ::popen(cmd.c_str(), "w");
  if (!p) return "";
  std::fputs(json.c_str(), p);
  const bool ok = ::pclose(p) == 0;
  std::string bytes = ok ? slurp(path) : "";
  std::remove(path.c_str());
  std::remove(script.c_str());
  return bytes;
}

Rows grid(size_t rows, size_t cols, size_t cell_len = 1) {
  Rows out(rows, std::vector<std::string>(cols));
  for (size_t r = 0; r < rows; ++r)
    for (size_t c = 0; c < cols; ++c) {
      std::string s = std::to_string(r) + "x" + std::to_string(c);
      while (s.size() < cell_len) s += 'a';
      out[r][c] = s;
    }
  return out;
}

// Whole (every cell equal) or refused naming `bound`; `refuse` says which is expected.
void whole_or_refused(const WorkbookRead& read, const Rows& want, const std::string& bound,
                      bool refuse) {
  INFO("bound " << bound << (refuse ? " (over)" : " (within)") << ": " << read.error.zh);
  if (refuse) {
    REQUIRE_FALSE(read.error.zh.empty());
    CHECK(read.book.sheets.empty());
    CHECK(read.error.zh.find(bound) != std::string::npos);
    CHECK(read.error.en.find(bound) != std::string::npos);
    return;
  }
  REQUIRE(read.error.zh.empty());
  REQUIRE(read.book.sheets.size() == 1);
  const Sheet& s = read.book.sheets[0];
  REQUIRE(s.rows() == want.size());
  for (size_t r = 0; r < want.size(); ++r)
    for (size_t c = 0; c < want[r].size(); ++c)
      REQUIRE(s.at(uint32_t(r), uint32_t(c)) == want[r][c]);
}

using Writer = std::string (*)(const Rows&);

void each_format(const std::function<void(const char*, Writer)>& f) {
  f("csv", csv_of);
  f("xlsx", xlsx_of);
}

}  // namespace

TEST_CASE("workbooks at max-1, max and max+1 of every bound are read whole or refused aloud",
          "[workbook][limits]") {
  each_format([](const char* fmt_name, Writer write) {
    INFO("format " << fmt_name);
    for (int delta : {-1, 0, 1}) {
      INFO("delta " << delta);
      {  // cells in one row
        WorkbookLimits l;
        l.max_cols = 20;
        const Rows rows = grid(3, size_t(20 + delta));
        whole_or_refused(read_workbook(write(rows), l), rows, "20", delta > 0);
      }
      {  // bytes in one cell (KB in the message)
        WorkbookLimits l;
        l.max_cell_bytes = 2048;
        const Rows rows = grid(2, 2, size_t(2048 + delta));
        whole_or_refused(read_workbook(write(rows), l), rows, "2 KB", delta > 0);
      }
      {  // cells kept over the workbook
        WorkbookLimits l;
        l.max_cells = 300;
        const Rows rows = grid(size_t(30), 10);  // 300 cells
        Rows more = rows;
        if (delta < 0) more.back().pop_back();
        if (delta > 0) more.push_back({"one more"});
        whole_or_refused(read_workbook(write(more), l), more, "300", delta > 0);
      }
      {  // cell text kept over the workbook (MB in the message); 64 cells of 16 KB, as a
         // string in .xlsx holds at most 32,767 characters
        WorkbookLimits l;
        l.max_text_bytes = 1 << 20;
        Rows rows(8, std::vector<std::string>(8, std::string(16384, 'z')));
        rows[7][7].resize(size_t(16384 + delta), 'z');
        whole_or_refused(read_workbook(write(rows), l), rows, "1 MB", delta > 0);
      }
    }
  });
}

TEST_CASE("rows beyond the old 100,000-row limit are read, never cut", "[workbook][limits]") {
  // The bug of issue 22: the CSV loop stopped at max_rows + 1 rows and passed with a part.
  std::string text = "名称\n";
  for (int i = 0; i < 150'001; ++i) text += "项" + std::to_string(i) + "\n";
  const WorkbookRead r = read_workbook(text);
  REQUIRE(r.error.zh.empty());
  REQUIRE(r.book.sheets.size() == 1);
  CHECK(r.book.sheets[0].rows() == 150'002);
  CHECK(r.book.sheets[0].at(150'001, 0) == "项150000");
}

TEST_CASE("file size, shared strings and zip ratio bounds of .xlsx and .csv",
          "[workbook][limits]") {
  const Rows rows = grid(50, 4, 20);
  for (const auto& [name, write] :
       std::vector<std::pair<std::string, Writer>>{{"csv", csv_of}, {"xlsx", xlsx_of}}) {
    INFO(name);
    const std::string bytes = write(rows);
    for (int delta : {-1, 0, 1}) {
      WorkbookLimits l;
      l.max_file_bytes = size_t(int(bytes.size()) - delta);  // file is 1 over when delta = 1
      // The message names megabytes; a bound of a few KB shows as 0 MB, so the check is on
      // whether it refused, and on the MB figure of the bound.
      const WorkbookRead r = read_workbook(bytes, l);
      if (delta > 0) {
        CHECK_FALSE(r.error.zh.empty());
        CHECK(r.error.zh.find("上限") != std::string::npos);
        CHECK(r.book.sheets.empty());
      } else {
        whole_or_refused(r, rows, "", false);
      }
    }
  }
  const std::string x = xlsx_of(rows);  // 200 distinct strings
  for (int delta : {-1, 0, 1}) {
    WorkbookLimits l;
    l.max_shared_strings = size_t(200 - delta);
    whole_or_refused(read_workbook(x, l), rows, std::to_string(200 - delta), delta > 0);
  }
  {  // a bomb: unpacks to far more than 200 times its packed size
    Rows bomb(2000, std::vector<std::string>(20, std::string(200, 'q')));
    WorkbookLimits l;
    l.min_unpacked_allowance = 1 << 20;
    l.max_zip_ratio = 2;
    const WorkbookRead r = read_workbook(xlsx_of(bomb), l);
    CHECK(r.error.zh.find("2 倍") != std::string::npos);
    CHECK(r.book.sheets.empty());
  }
}

TEST_CASE(".xls (and WPS .et, the same BIFF8) is read whole or refused aloud",
          "[workbook][limits]") {
  const Rows rows = grid(40, 6, 8);
  const std::string bytes = xls_of(rows);
  if (bytes.empty()) FAIL("python3-xlwt is needed to write the .xls input (scripts/setup.sh)");
  whole_or_refused(read_workbook(bytes), rows, "", false);
  for (int delta : {-1, 0, 1}) {
    WorkbookLimits l;
    l.max_cells = size_t(240 - delta);  // 40 rows × 6 columns kept
    whole_or_refused(read_workbook(bytes, l), rows, std::to_string(240 - delta), delta > 0);
    WorkbookLimits c;
    c.max_cols = uint32_t(6 - delta);
    whole_or_refused(read_workbook(bytes, c), rows, std::to_string(6 - delta), delta > 0);
  }
}

namespace {

// The import's accounting: every sheet's rows = header + items + merged + reported + empty.
void rows_add_up(const std::string& bytes, const std::string& display, size_t max_items = 150'000) {
  LoadResult res;
  ImportReport rep;
  ImportOptions o;
  o.limits.max_items = max_items;
  load_workbook_bytes(res, display, bytes, o, rep);
  if (!res.fatal.empty()) {
    CHECK(res.fatal.find(std::to_string(max_items)) != std::string::npos);
    return;
  }
  const WorkbookRead read = read_workbook(bytes);
  REQUIRE(rep.sheets.size() == read.book.sheets.size());
  for (size_t i = 0; i < rep.sheets.size(); ++i) {
    const auto& s = rep.sheets[i];
    INFO(display << " sheet " << s.sheet);
    CHECK(s.rows == read.book.sheets[i].rows());
    CHECK(s.rows == s.header_row + s.items + s.merged + s.reported + s.empty);
  }
}

Rows catalog_rows(size_t items, unsigned seed) {
  Rows rows{{"序号", "事项名称", "权力类型", "实施依据", "行使主体", "承办机构"}};
  unsigned x = seed;
  for (size_t i = 0; i < items; ++i) {
    x = x * 1103515245u + 12345u;
    switch ((x >> 16) % 7) {
      case 0:
        rows.push_back({});  // an empty row
        break;
      case 1:
        rows.push_back({"", "", "", "", "", "执法科"});  // a continuation line
        break;
      case 2:
        rows.push_back({"", "", "行政检查"});  // no name: reported
        break;
      default:
        rows.push_back({std::to_string(i + 1), "事项" + std::to_string(i), "行政检查",
                        "【法律】《中华人民共和国行政许可法》第六十一条", "示范市农业农村局",
                        "执法科"});
    }
  }
  for (int t = 0; t < int(seed % 3); ++t) rows.push_back({});  // trailing empty rows
  return rows;
}

}  // namespace

TEST_CASE("the count line adds up to the sheet's rows, around the item limit too",
          "[workbook][limits]") {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    const Rows rows = catalog_rows(40 + seed * 7, seed);
    for (const auto& [name, write] :
         std::vector<std::pair<std::string, Writer>>{{"csv", csv_of}, {"xlsx", xlsx_of}}) {
      INFO(name << " seed " << seed);
      rows_add_up(write(rows), "t." + name);
      size_t items = 0;
      for (size_t r = 1; r < rows.size(); ++r) items += rows[r].size() > 1 && !rows[r][1].empty();
      for (int delta : {-1, 0, 1}) rows_add_up(write(rows), "t." + name, items + size_t(delta));
    }
  }
}

TEST_CASE("YAML, lock and registry files (one parser) at max-1, max and max+1", "[load][limits]") {
  auto parse = [](const std::string& text, const LoadLimits& l, DiagSink& sink) {
    SourceFile src;
    src.display = "t.yaml";
    src.text = text;
    src.index_lines();
    return parse_source(src, 1, sink, l);
  };
  std::string seq = "items:\n";
  for (int i = 0; i < 20; ++i) seq += "  - " + std::to_string(i) + "\n";
  for (int delta : {-1, 0, 1}) {
    {  // bytes
      LoadLimits l;
      l.max_file_bytes = size_t(int(seq.size()) - delta);
      DiagSink sink;
      const ParsedFile pf = parse(seq, l, sink);
      CHECK(pf.ok == (delta <= 0));
      if (delta > 0) {
        REQUIRE(sink.list().size() == 1);
        CHECK(sink.list()[0].message.zh.find(std::to_string(l.max_file_bytes)) !=
              std::string::npos);
      } else {
        CHECK(pf.root["items"].size() == 20);
      }
    }
    {  // nodes: the root, its key, the sequence and its 20 entries = 23
      LoadLimits l;
      l.max_nodes = size_t(23 - delta);
      DiagSink sink;
      const ParsedFile pf = parse(seq, l, sink);
      CHECK(pf.ok == (delta <= 0));
      if (delta > 0) {
        REQUIRE(sink.list().size() == 1);
        CHECK(sink.list()[0].message.zh.find(std::to_string(23 - delta)) != std::string::npos);
      }
    }
    {  // depth
      // Eight nested maps: the innermost value sits at depth 8.
      std::string deep = "a:\n";
      for (int d = 1; d < 8; ++d) deep += std::string(size_t(2 * d), ' ') + "a:\n";
      deep += std::string(16, ' ') + "x\n";
      LoadLimits l;
      l.max_depth = size_t(8 - delta);
      DiagSink sink;
      const ParsedFile pf = parse(deep, l, sink);
      CHECK(pf.ok == (delta <= 0));
      if (delta > 0) {
        REQUIRE(sink.list().size() == 1);
        CHECK(sink.list()[0].message.zh.find(std::to_string(8 - delta)) != std::string::npos);
      }
    }
  }
}
