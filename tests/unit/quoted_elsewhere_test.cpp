// A quotation that is word for word an article of another instrument: basis/text-mismatch
// and basis/article-range say which (a catalog row citing the wrong law).
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace powerlist;
using namespace powerlist::test;

namespace {

// One 行政处罚 item citing `article` of `law` (in `version`, if given) with the quotation `text`.
LoadResult citing(const std::string& law, const std::string& article, const std::string& text,
                  const std::string& version = "") {
  return check_text(
      dept_with_item("  - key: a\n"
                     "    name: 某项处罚\n"
                     "    category: 行政处罚\n"
                     "    basis:\n"
                     "      - law: " +
                     law + "\n" + (version.empty() ? "" : "        version: " + version + "\n") +
                     "        articles: [\"" + article + "\"]\n        text: " + text +
                     "\n"
                     "    handled_by: 执法大队\n"
                     "    disclosure: {forms: [政府网站], scope: 社会公开, timing: 长期公开}\n"
                     "    rights: [陈述, 申辩, 复议, 诉讼]\n"),
      "dept.yaml", Date{2026, 11, 25});
}

std::string all_text(const LoadResult& res, const std::string& rule) {
  std::string out;
  for (const auto& d : res.diags.list())
    if (d.rule == rule) {
      out += d.message.zh;
      for (const auto& n : d.notes) out += "|" + n.zh;
    }
  return out;
}

// 行政处罚法 (2021) 第九条, as a catalog would quote it.
const std::string kPenaltyKinds =
    "行政处罚的种类：（一）警告、通报批评；（二）罚款、没收违法所得、没收非法财物；"
    "（三）暂扣许可证件、降低资质等级、吊销许可证件；";

}  // namespace

TEST_CASE("a quotation from another law is named as such", "[law][text]") {
  // Cited as 行政许可法 第十二条: the words are 行政处罚法 第九条.
  const auto wrong = citing("中华人民共和国行政许可法", "12", kPenaltyKinds);
  const std::string found = all_text(wrong, "basis/text-mismatch");
  CHECK(found.find("《中华人民共和国行政处罚法》") != std::string::npos);
  CHECK(found.find("第九条") != std::string::npos);
  // The right citation: no finding.
  const auto right = citing("中华人民共和国行政处罚法", "9", kPenaltyKinds);
  CHECK(all_text(right, "basis/text-mismatch").empty());
}

TEST_CASE("an article beyond the law's end names where its quotation is", "[law][text]") {
  // 行政许可法 has 83 articles; the quotation is 行政处罚法 第九条.
  const auto res = citing("中华人民共和国行政许可法", "90", kPenaltyKinds);
  const std::string found = all_text(res, "basis/article-range");
  CHECK(found.find("只有 83 条") != std::string::npos);
  CHECK(found.find("《中华人民共和国行政处罚法》") != std::string::npos);
  // A quotation found nowhere adds nothing.
  const auto nowhere = citing("中华人民共和国行政许可法", "90",
                              "这是一段任何法律都没有的文字，用来测试没有出处的引文");
  CHECK(all_text(nowhere, "basis/article-range").find("引错了法规") == std::string::npos);
}

TEST_CASE("an old article number quoted in old wording names the article in force", "[law][text]") {
  // A real row (2024 agriculture catalog, 行政检查 E10): 种子法 2015 第四十八条 is 第四十七条
  // since the 2021 修正, which also changed 农业、林业主管部门 to 农业农村、林业草原主管部门.
  const std::string quote =
      "农业、林业主管部门可以委托种子质量检验机构对种子质量进行检验。承担种子质量检验的机构应当"
      "具备相应的检测条件、能力，并经省级以上人民政府有关主管部门考核合格。";
  const auto old_number = citing("中华人民共和国种子法", "48", quote, "2015-11-04");
  CHECK(all_text(old_number, "basis/text-mismatch").find("第四十七条，措辞已修改") !=
        std::string::npos);
  // Cited by its number in force: no text-mismatch (the wording is the superseded version's,
  // which basis/superseded-version reports).
  const auto new_number = citing("中华人民共和国种子法", "47", quote, "2015-11-04");
  CHECK(all_text(new_number, "basis/text-mismatch").find("措辞已修改") == std::string::npos);
}

TEST_CASE("a renumbered 款 is named in its new place", "[law][text]") {
  // 种子法 2015 第七十三条第五款 is 2021 第七十二条第六款 (the 2021 修正 split its third 款).
  const auto res = citing("中华人民共和国种子法", "第七十三条第五款",
                          "县级以上人民政府农业、林业主管部门处理侵犯植物新品种权案件时，为了维护"
                          "社会公共利益，责令侵权人停止侵权行为，没收违法所得和种子；货值金额不足"
                          "五万元的，并处一万元以上二十五万元以下罚款",
                          "2015-11-04");
  CHECK(all_text(res, "basis/text-mismatch").find("第七十二条第六款，措辞已修改") !=
        std::string::npos);
}
