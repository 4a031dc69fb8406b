// The law base of issue 23 on real citations: a province's local legislation selected by
// region, a repeal known from a 废止 decision, another region's instrument, the 2025 national
// refresh (治安管理处罚法), and the citation counts of summary.citations.
#include <algorithm>
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace powerlist;

namespace {

std::string item(const std::string& basis, const std::string& category = "行政检查") {
  return "department:\n  id: d\n  name: 克拉玛依市测试局\n  credit_code: 11360827MB0123456H\n"
         "  units: [执法大队]\n  contacts: {supervise: \"1\", complaint: {phone: \"12345\"}}\n"
         "powers:\n  - key: a\n    name: 某项检查\n    category: " +
         category + "\n    basis: " + basis +
         "\n    initiation: 依职权\n    handled_by: 执法大队\n"
         "    disclosure: {forms: [政府网站], scope: 社会公开, timing: 长期公开}\n"
         "    rights: [复议, 诉讼]\n";
}

std::vector<std::string> rules_of(const std::string& yaml, Date as_of,
                                  const std::string& region = "新疆维吾尔自治区克拉玛依市") {
  SeverityPolicy policy;
  policy.overrides["flow/missing"] = Severity::Off;
  policy.overrides["risk/none"] = Severity::Off;
  std::vector<std::string> out;
  const LoadResult res = test::check_text(yaml, "d.yaml", as_of, policy, region);
  for (const auto& d : res.diags.list()) out.push_back(d.rule);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& r) {
  return std::find(v.begin(), v.end(), r) != v.end();
}

}  // namespace

TEST_CASE("a 新疆 地方性法规 cited with its 修正 date is found, in force, its articles counted",
          "[law][local]") {
  // 新疆维吾尔自治区消防条例: 2024-11-28 修正, 82 articles (flk 2025-11-22).
  auto ok = rules_of(
      item("[{law: 新疆维吾尔自治区消防条例, version: 2024-11-28, articles: [\"第十条\"]}]"),
      Date{2025, 6, 1});
  CHECK_FALSE(has(ok, "basis/unknown-law"));
  CHECK_FALSE(has(ok, "basis/superseded-version"));
  CHECK_FALSE(has(ok, "basis/article-range"));
  auto beyond =
      rules_of(item("[{law: 自治区消防条例, articles: [\"第九十条\"]}]"), Date{2025, 6, 1});
  CHECK(has(beyond, "basis/article-range"));
  auto old = rules_of(
      item("[{law: 新疆维吾尔自治区消防条例, version: 2012-03-28, articles: [\"第十条\"]}]"),
      Date{2025, 6, 1});
  CHECK(has(old, "basis/superseded-version"));
}

TEST_CASE("a local instrument repealed by a 废止 decision is repealed", "[law][local]") {
  // 乌鲁木齐市蔬菜基地保护条例: repealed 2024-03-14 by the city's decision (flk).
  auto r = rules_of(item("[{law: 乌鲁木齐市蔬菜基地保护条例, articles: [\"第三条\"]}]"),
                    Date{2025, 6, 1}, "新疆维吾尔自治区乌鲁木齐市");
  CHECK(has(r, "basis/repealed"));
  auto before = rules_of(item("[{law: 乌鲁木齐市蔬菜基地保护条例, articles: [\"第三条\"]}]"),
                         Date{2024, 1, 1}, "新疆维吾尔自治区乌鲁木齐市");
  CHECK_FALSE(has(before, "basis/repealed"));
}

TEST_CASE("another province's instrument is found by full name, with a note", "[law][local]") {
  auto r = rules_of(item("[{law: 中国（重庆）自由贸易试验区条例, articles: [\"第三条\"]}]"),
                    Date{2025, 6, 1});
  CHECK_FALSE(has(r, "basis/unknown-law"));
  CHECK(has(r, "basis/other-region"));
  // Without a region nothing says "another region's", and nothing is unknown either.
  auto none = rules_of(item("[{law: 中国（重庆）自由贸易试验区条例, articles: [\"第三条\"]}]"),
                       Date{2025, 6, 1}, "");
  CHECK_FALSE(has(none, "basis/unknown-law"));
  CHECK_FALSE(has(none, "basis/other-region"));
}

TEST_CASE("治安管理处罚法 cited as its 2012 version after 2026-01-01 is superseded",
          "[law][local]") {
  const std::string cite =
      "[{law: 中华人民共和国治安管理处罚法, version: 2012-10-26, articles: [\"第二条\"]}]";
  CHECK(has(rules_of(item(cite), Date{2026, 2, 1}), "basis/superseded-version"));
  CHECK_FALSE(has(rules_of(item(cite), Date{2025, 12, 1}), "basis/superseded-version"));
}

TEST_CASE("summary.citations counts one instrument once per item", "[law][local]") {
  const auto res = test::check_text(
      item("[{law: 行政处罚法, articles: [\"第一条\"]}, {law: 中华人民共和国行政处罚法, articles: "
           "[\"第二条\"]}, {law: 示范省不存在的条例, articles: [\"3\"]}]"));
  const CitationCounts c = count_citations(res.catalog, test::test_registry());
  CHECK(c.total == 2);
  CHECK(c.in_registry == 1);
}

TEST_CASE("a text whose own references name 款 it lacks has its 款 merged: not counted",
          "[law][local]") {
  // As the flk text of 新疆维吾尔自治区实施《动物防疫法》办法: 第二条 is one paragraph, yet
  // 第三条 refers to its second 款.
  const LawText merged = parse_law_text(
      "第一条 为了测试，制定本办法。\n第二条 禁止甲。禁止乙。\n"
      "第三条 违反本办法第二条第二款规定的，处以罚款。\n");
  CHECK_FALSE(merged.paragraphs_reliable);
  const LawText fine = parse_law_text(
      "第一条 为了测试，制定本办法。\n第二条 禁止甲。\n禁止乙。\n"
      "第三条 "
      "违反本办法第二条第二款或者《中华人民共和国动物防疫法》第十条第五款规定的，处以罚款。\n");
  CHECK(fine.paragraphs_reliable);
}

TEST_CASE("a 新疆 government rule (地方政府规章) is known by the short form catalogs write",
          "[law][local]") {
  // 新疆维吾尔自治区商品条码管理办法: 自治区人民政府令 2015, amended 2020-07-11 by 第216号.
  const std::string now =
      "[{law: 自治区商品条码管理办法, version: 2020-07-11, articles: [\"第五条\"]}]";
  auto ok = rules_of(item(now), Date{2026, 6, 1});
  CHECK_FALSE(has(ok, "basis/unknown-law"));
  CHECK_FALSE(has(ok, "basis/superseded-version"));
  auto old = rules_of(
      item(
          "[{law: 新疆维吾尔自治区商品条码管理办法, version: 2015-08-30, articles: [\"第五条\"]}]"),
      Date{2026, 6, 1});
  CHECK(has(old, "basis/superseded-version"));
  // Another region's catalog: known by its full name only, said to be another region's.
  auto elsewhere =
      rules_of(item("[{law: 新疆维吾尔自治区商品条码管理办法, articles: [\"第五条\"]}]"),
               Date{2026, 6, 1}, "广东省深圳市");
  CHECK(has(elsewhere, "basis/other-region"));
  // Its level: a 地方政府规章 is not a 地方性法规 (a tag of 【法规】 is wrong).
  const Instrument* ins =
      test::test_registry("新疆维吾尔自治区克拉玛依市").find("自治区商品条码管理办法");
  REQUIRE(ins);
  CHECK(ins->level == LawLevel::ProvGovRule);
}
