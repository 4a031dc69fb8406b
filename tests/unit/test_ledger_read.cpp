// The ledger front end: headings found by synonyms, every row accounted for, pauses in both
// forms, event-form ledgers, applicant columns never read, bad input.
#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "helpers.hpp"
#include "powerlist/ledger.hpp"

using namespace powerlist;

namespace {

LedgerRead read(const std::string& csv, const LedgerOptions& o = {}) {
  static Sources sources;
  return read_ledgers({{"ledger.csv", csv}}, o, sources);
}
std::string d(const std::optional<long>& x) {
  return x ? Date::from_days(*x).str() : "none";
}

}  // namespace

TEST_CASE("a ledger's columns are found by their headings under a title row", "[ledger]") {
  auto r = read(
      "2025年10月办件台账\n"
      "序号, 业务流水号 "
      ",实施编码,权力名称,实施主体,承办科室,受理时间,办结时间,办理状态,申请人,身份证号码\n"
      "1,A1,C1,某许可,某局,审批股,2025-10-09 10:00,2025-10-10,办结,张三,110101199001011234\n"
      ",,,,,,,,,,\n"
      "2,A2,C1,某许可,某局,审批股,2025-10-10,,在办,李四,110101199001011235\n");
  REQUIRE(r.fatal.zh.empty());
  REQUIRE(r.cases.size() == 2);
  CHECK(r.cases[0].id == "A1");
  CHECK(r.pool.at(r.cases[0].code) == "C1");
  CHECK(r.pool.at(r.cases[0].name) == "某许可");
  CHECK(r.pool.at(r.cases[0].department) == "某局");
  CHECK(r.pool.at(r.cases[0].unit) == "审批股");
  CHECK(d(r.cases[0].received) == "2025-10-09");
  CHECK(d(r.cases[0].finished) == "2025-10-10");
  CHECK_FALSE(r.cases[1].finished);
  CHECK(r.cases[1].row == 5);
  // Every row accounted for: title + header, two cases, one empty row.
  REQUIRE(r.sheets.size() == 1);
  CHECK(r.sheets[0].header_rows == 2);
  CHECK(r.sheets[0].cases == 2);
  CHECK(r.sheets[0].rows ==
        r.sheets[0].header_rows + r.sheets[0].cases + r.sheets[0].empty + r.sheets[0].reported);
  // The applicant's name and number are not kept anywhere.
  for (size_t i = 0; i < r.pool.size(); ++i) {
    CHECK(r.pool.at(static_cast<uint32_t>(i)).find("张三") == std::string::npos);
    CHECK(r.pool.at(static_cast<uint32_t>(i)).find("1101011990") == std::string::npos);
  }
}

TEST_CASE("pauses as repeated column pairs and as a list in one cell", "[ledger]") {
  auto r = read(
      "办件编号,事项编码,受理日期,暂停开始1,暂停结束1,暂停原因1,暂停开始2,暂停结束2,暂停原因2,"
      "暂停\n"
      "A1,C1,2025-10-09,2025-10-10,2025-10-13,补正,2025-10-15,2025-10-15,专家评审,\n"
      "A2,C1,2025-10-09,,,,,,,2025-10-10至2025-10-13；2025/10/15—2025/10/16\n"
      "A3,C1,2025-10-09,2025-10-20,,听证,,,,\n"
      "A4,C1,2025-10-09,2025-10-13,2025-10-10,,,,,\n");
  REQUIRE(r.cases.size() == 4);
  REQUIRE(r.cases[0].pauses.size() == 2);
  CHECK(r.cases[0].pauses[1].reason == "专家评审");
  CHECK(d(r.cases[0].pauses[1].from) == "2025-10-15");
  REQUIRE(r.cases[1].pauses.size() == 2);
  CHECK(d(r.cases[1].pauses[1].to) == "2025-10-16");
  REQUIRE(r.cases[2].pauses.size() == 1);
  CHECK(r.cases[2].pauses[0].to == -1);  // still paused
  CHECK(r.cases[3].pauses.empty());
  CHECK(r.cases[3].problems.size() == 1);  // ends before it starts
}

TEST_CASE("an event-form ledger: one row per node", "[ledger]") {
  auto r = read(
      "办件编号,节点,时间,事项编码,事项名称\n"
      "E1,受理,2025-10-09 09:00,C1,某许可\n"
      "E1,补正告知,2025-10-10\n"
      "E1,补交受理,2025-10-13\n"
      "E1,特别程序开始,2025-10-15\n"
      "E1,特别程序结束,2025-10-16\n"
      "E1,办结,2025-10-20\n"
      "E2,受理,2025-10-09,C1\n"
      "E2,补正告知,2025-10-10\n"
      "E3,办结,2025-10-10\n"
      "E2,盖章,2025-10-11\n");
  REQUIRE(r.fatal.zh.empty());
  REQUIRE(r.cases.size() == 2);
  const CaseRecord& e1 = r.cases[0];
  CHECK(e1.id == "E1");
  CHECK(r.pool.at(e1.code) == "C1");
  CHECK(d(e1.received) == "2025-10-09");
  CHECK(d(e1.finished) == "2025-10-20");
  REQUIRE(e1.pauses.size() == 2);
  CHECK(d(e1.pauses[0].from) == "2025-10-10");
  CHECK(d(e1.pauses[0].to) == "2025-10-13");
  REQUIRE(r.cases[1].pauses.size() == 1);
  CHECK(r.cases[1].pauses[0].to == -1);  // 补正告知 without 补交受理: still paused
  // E3 has no 受理; 盖章 is no node: both reported with their rows.
  REQUIRE(r.reported.size() == 2);
  CHECK(r.reported[0].row == 11);
}

TEST_CASE("an event-form workbook with one sheet per node", "[ledger]") {
  namespace fs = std::filesystem;
  const std::string path = (fs::temp_directory_path() / "powerlist-nodes.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* a = workbook_add_worksheet(wb, "受理信息表");
  const char* ah[] = {"办件编号", "事项编码", "受理时间"};
  for (lxw_col_t c = 0; c < 3; ++c) worksheet_write_string(a, 0, c, ah[c], nullptr);
  worksheet_write_string(a, 1, 0, "N1", nullptr);
  worksheet_write_string(a, 1, 1, "C1", nullptr);
  worksheet_write_string(a, 1, 2, "2025-10-09", nullptr);
  lxw_worksheet* n = workbook_add_worksheet(wb, "告知信息表");
  worksheet_write_string(n, 0, 0, "办件编号", nullptr);
  worksheet_write_string(n, 0, 1, "告知时间", nullptr);
  worksheet_write_string(n, 1, 0, "N1", nullptr);
  worksheet_write_string(n, 1, 1, "2025-10-10", nullptr);
  lxw_worksheet* s = workbook_add_worksheet(wb, "补交受理信息表");
  worksheet_write_string(s, 0, 0, "办件编号", nullptr);
  worksheet_write_string(s, 0, 1, "补交时间", nullptr);
  worksheet_write_string(s, 1, 0, "N1", nullptr);
  worksheet_write_string(s, 1, 1, "2025-10-14", nullptr);
  lxw_worksheet* e = workbook_add_worksheet(wb, "审批结果信息表");
  worksheet_write_string(e, 0, 0, "办件编号", nullptr);
  worksheet_write_string(e, 0, 1, "办结时间", nullptr);
  worksheet_write_string(e, 1, 0, "N1", nullptr);
  worksheet_write_number(e, 1, 1, 45954, nullptr);  // Excel serial: 2025-10-24
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  const std::string bytes = test::read_file(path);
  std::remove(path.c_str());
  Sources sources;
  auto r = read_ledgers({{"nodes.xlsx", bytes}}, {}, sources);
  REQUIRE(r.fatal.zh.empty());
  REQUIRE(r.cases.size() == 1);
  CHECK(d(r.cases[0].received) == "2025-10-09");
  CHECK(d(r.cases[0].finished) == "2025-10-24");
  REQUIRE(r.cases[0].pauses.size() == 1);
  CHECK(d(r.cases[0].pauses[0].to) == "2025-10-14");
  CHECK(r.sheets.size() == 4);
}

TEST_CASE("bad ledgers: a clear message, never a crash", "[ledger]") {
  // No date column: nothing can be counted.
  auto r = read("办件编号,事项名称\nA1,某许可\n");
  CHECK_FALSE(r.fatal.zh.empty());
  // Not a ledger at all: the sheet is reported with its rows, and the run stops.
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += "a,b,c\n";
  r = read(junk);
  CHECK_FALSE(r.fatal.zh.empty());
  REQUIRE(r.reported.size() == 1);
  CHECK(r.sheets[0].reported == 5000);
  // --map names a column the synonyms do not know.
  LedgerOptions o;
  o.overrides["收件日"] = LedgerField::Received;
  o.overrides["号"] = LedgerField::Id;
  r = read("号,收件日\nA1,2025-10-09\n", o);
  REQUIRE(r.cases.size() == 1);
  CHECK(d(r.cases[0].received) == "2025-10-09");
  // The case bound: refused with the bound named, not read in part.
  o = {};
  o.max_cases = 2;
  r = read("办件编号,受理日期\nA,2025-10-09\nB,2025-10-09\nC,2025-10-09\n", o);
  CHECK(r.fatal.zh.find("上限 2") != std::string::npos);
}

TEST_CASE("ledger headings: synonyms, repeated pairs, applicant columns", "[ledger]") {
  CHECK(ledger_field_of_heading("受理 日期") == LedgerField::Received);
  CHECK(ledger_field_of_heading("暂停开始（2）") == LedgerField::PauseFrom);
  CHECK(ledger_field_of_heading("暂停结束_3") == LedgerField::PauseTo);
  CHECK(ledger_field_of_heading("申请人证件类型") == LedgerField::Personal);
  CHECK(ledger_field_of_heading("经办人手机") == LedgerField::Personal);
  CHECK_FALSE(ledger_field_of_heading("备注"));
  CHECK(parse_ledger_field("received") == LedgerField::Received);
  CHECK(parse_ledger_field("受理日期") == LedgerField::Received);
}

TEST_CASE("event rows of one day in any order: 受理 before 办结", "[ledger]") {
  // A ledger listed newest first: the 办结 row comes before its 受理 row.
  auto r = read(
      "办件编号,节点,时间,事项编码\n"
      "E9,办结,2025-10-09 16:00,C1\n"
      "E9,受理,2025-10-09 09:00,C1\n"
      "E8,办结,2025-10-10,C1\n"
      "E8,受理,2025-10-10,C1\n");
  REQUIRE(r.cases.size() == 2);
  for (const auto& c : r.cases) {
    INFO(c.id);
    CHECK(c.finished);
    CHECK(c.received);
  }
  CHECK(r.reported.empty());
}

TEST_CASE("an applicant's birth date is never a node's time; Chinese times in a pause cell",
          "[ledger]") {
  CHECK(ledger_field_of_heading("出生日期") == LedgerField::Personal);
  bool bad = true;
  const auto ds = dates_in_cell("2025-10-10 9时30分至2025-10-13 17时", &bad);
  CHECK(ds.size() == 2);
  CHECK_FALSE(bad);
}
