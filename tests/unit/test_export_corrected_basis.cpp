// 建议实施依据 as the department's cell corrected (issue 24): certain corrections written in
// after their citation's title, nothing else touched, uncertain ones left out.
#include <catch2/catch.hpp>

#include "powerlist/export.hpp"

using namespace powerlist;

namespace {

Diagnostic finding(bool certain, const std::string& law, const std::string& note,
                   const std::string& from, const std::string& to) {
  Diagnostic d;
  d.rule = "basis/superseded-version";
  Fix f;
  f.certain = certain;
  Fix::Citation c;
  c.law = c.cited_law = law;
  c.version_note = "（2022年12月30日修订）";
  c.cited_note = note;
  c.articles = {to};
  c.cited_articles = {from};
  f.citation = c;
  d.fixes.push_back(f);
  return d;
}

}  // namespace

TEST_CASE("the basis cell with its certain corrections written in", "[export][fix]") {
  const std::string cell =
      "【法律】《中华人民共和国野生动物保护法》（2018年10月26日第三次修正）第三十一条：禁止为出售……"
      "\n"
      "【法规】《中华人民共和国陆生野生动物保护实施条例》第二十条：……";
  const Diagnostic d = finding(true, "中华人民共和国野生动物保护法", "（2018年10月26日第三次修正）",
                               "第三十一条", "第三十二条");
  const std::string out = corrected_basis_text(cell, {&d});
  CHECK(out ==
        "【法律】《中华人民共和国野生动物保护法》（2022年12月30日修订）第三十二条：禁止为出售……\n"
        "【法规】《中华人民共和国陆生野生动物保护实施条例》第二十条：……");
  // An uncertain correction is not written in; nor one whose words are not in the cell.
  const Diagnostic guess = finding(false, "中华人民共和国野生动物保护法",
                                   "（2018年10月26日第三次修正）", "第三十一条", "第三十二条");
  CHECK(corrected_basis_text(cell, {&guess}).empty());
  const Diagnostic absent = finding(true, "中华人民共和国野生动物保护法", "（2016年7月2日修订）",
                                    "第三十一条", "第三十二条");
  CHECK(corrected_basis_text(cell, {&absent}).empty());
  // 第四十一条第五项 is found also as written 第四十一条第（五）项.
  const std::string items = "《农药管理条例》第四十一条第（五）项：……";
  const Diagnostic item =
      finding(true, "农药管理条例", "", "第四十一条第五项", "第四十二条第（五）项");
  CHECK(corrected_basis_text(items, {&item}) == "《农药管理条例》第四十二条第（五）项：……");
}

TEST_CASE("a renumbering shifts each article once", "[export][fix]") {
  // 第四十六条、第四十七条 → 第四十七条、第四十八条: not 第四十八条、第四十七条.
  Diagnostic d;
  d.rule = "basis/superseded-version";
  Fix f;
  f.certain = true;
  Fix::Citation c;
  c.law = c.cited_law = "中华人民共和国种子法";
  c.version_note = "（2021年12月24日修正）";
  c.articles = {"第四十七条", "第四十八条"};
  c.cited_articles = {"第四十六条", "第四十七条"};
  f.citation = c;
  d.fixes.push_back(f);
  CHECK(corrected_basis_text("《中华人民共和国种子法》第四十六条、第四十七条", {&d}) ==
        "《中华人民共和国种子法》第四十七条、第四十八条");
}
