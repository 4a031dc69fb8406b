// Corrections of superseded citations (issue 24 part 1): the article in force found by the
// words of the cited version's article, or of the cell's quotation; uncertain when the words
// changed or nothing says where the provision went.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace powerlist;

namespace {

const Fix* fix_of(const LoadResult& res, const std::string& rule) {
  for (const auto& d : res.diags.list())
    if (d.rule == rule && !d.fixes.empty()) return &d.fixes.front();
  return nullptr;
}

LoadResult check_basis(const std::string& basis) {
  return test::check_text(
      test::dept_with_item("  - key: a\n    name: 某项许可\n"
                           "    category: 行政许可\n    basis: " +
                           basis +
                           "\n    initiation: 依申请\n    conditions: 符合条件\n"
                           "    handled_by: 审批股\n"),
      "d.yaml", Date{2026, 1, 1});
}

}  // namespace

TEST_CASE("a renumbered article is followed to its place in the version in force", "[fix]") {
  // 野生动物保护法 2018 第三十一条 (广告) is 2022 第三十二条, word for word.
  const auto res = check_basis(
      "[{law: 中华人民共和国野生动物保护法, version: 2018-10-26, articles: [\"第三十一条\"]}]");
  const Fix* f = fix_of(res, "basis/superseded-version");
  REQUIRE(f);
  REQUIRE(f->citation);
  CHECK(f->citation->version == "2022-12-30");
  CHECK(f->citation->articles == std::vector<std::string>{"第三十二条"});
  CHECK(f->citation->version_note == "（2022年12月30日修订）");
  CHECK_FALSE(f->citation->changed);
  CHECK(f->certain);
  CHECK(f->citation->text.find("禁止为出售、购买、利用野生动物") != std::string::npos);
}

TEST_CASE("the cell's quotation places the provision when the old text is not held", "[fix]") {
  // 种子法: the registry has only the 2021 text; the 2015 第三十一条 quotation (种子生产经营许可)
  // is found in the 2021 text by its words.
  const auto res = check_basis(
      "[{law: 中华人民共和国种子法, version: 2015-11-04, articles: [\"第三十一条\"], text: "
      "\"从事种子进出口业务的种子生产经营许可证，由国务院农业农村、林业草原主管部门核发\"}]");
  const Fix* f = fix_of(res, "basis/superseded-version");
  REQUIRE(f);
  REQUIRE(f->citation);
  CHECK(f->citation->version == "2021-12-24");
  CHECK(f->citation->articles == std::vector<std::string>{"第三十一条第一款"});
  CHECK(f->certain);
  CHECK(f->citation->text.find("种子生产经营许可证") != std::string::npos);
}

TEST_CASE("without words to follow, the cited number is kept and the fix is uncertain", "[fix]") {
  const auto res =
      check_basis("[{law: 中华人民共和国种子法, version: 2015-11-04, articles: [\"第三十一条\"]}]");
  const Fix* f = fix_of(res, "basis/superseded-version");
  REQUIRE(f);
  CHECK_FALSE(f->certain);
  CHECK(f->citation->articles == std::vector<std::string>{"第三十一条"});
}

TEST_CASE("a quotation renumbered with changed words points to the article in force", "[fix]") {
  // 种子法 2015 第五十三条 (不可抗力 … 林木种子 …) is 2021 第五十二条 without its 林木 clause.
  const auto res = check_basis(
      "[{law: 中华人民共和国种子法, version: 2015-11-04, articles: [\"第五十三条\"], text: "
      "\"由于不可抗力原因，为生产需要必须使用低于国家或者地方规定标准的农作物种子的，应当经用种地"
      "县级以上地方人民政府批准；林木种子应当经用种地省、自治区、直辖市人民政府批准。\"}]");
  const Fix* f = fix_of(res, "basis/text-mismatch");
  REQUIRE(f);
  REQUIRE(f->citation);
  CHECK(f->citation->articles == std::vector<std::string>{"第五十二条"});
  CHECK(f->citation->changed);
  CHECK_FALSE(f->certain);
}

TEST_CASE("a quotation that is word for word another article in force names it, certain", "[fix]") {
  // 野生动物保护法 2022 第三十二条 quoted as 第三十一条 of the version in force.
  const auto res = check_basis(
      "[{law: 中华人民共和国野生动物保护法, articles: [\"第三十一条\"], text: "
      "\"禁止为出售、购买、利用野生动物或者禁止使用的猎捕工具发布广告。\"}]");
  const Fix* f = fix_of(res, "basis/text-mismatch");
  REQUIRE(f);
  CHECK(f->certain);
  CHECK(f->citation->articles.size() == 1);
  CHECK(f->citation->articles[0].rfind("第三十二条", 0) == 0);
}

TEST_CASE("a version note is read as a reviewer reads it: the latest version it names",
          "[fix][note]") {
  // （2015年8月修订通过，…，2018年修正）names the 2018 version: in force, nothing superseded.
  const auto latest = check_basis(
      "[{law: 中华人民共和国大气污染防治法, note: \"（2015年8月29日修订通过，自2016年1月1日起施行，"
      "2018年修正）\", articles: [\"第二条\"]}]");
  CHECK(fix_of(latest, "basis/superseded-version") == nullptr);
  for (const auto& d : latest.diags.list()) CHECK(d.rule != "basis/superseded-version");
  // The 2015 version alone is superseded by the 2018 one.
  const auto old = check_basis(
      "[{law: 中华人民共和国大气污染防治法, note: \"（2015年8月29日修订通过）\", articles: "
      "[\"第二条\"]}]");
  CHECK(fix_of(old, "basis/superseded-version") != nullptr);
}

TEST_CASE("a 款 that is really a 项: the label the quotation shows", "[fix]") {
  // 行政许可法第十二条 has one 款 with 项 （一）…（六）; a catalog writes 第十二条第二款 and quotes
  // （二）.
  const auto res = check_basis(
      "[{law: 中华人民共和国行政许可法, articles: [\"第十二条第二款\"], text: "
      "\"（二）有限自然资源开发利用、公共资源配置以及直接关系公共利益的特定行业的市场准入等，"
      "需要赋予特定权利的事项；\"}]");
  const Fix* f = fix_of(res, "basis/clause-range");
  REQUIRE(f);
  REQUIRE(f->citation);
  CHECK(f->citation->articles == std::vector<std::string>{"第十二条第（二）项"});
  CHECK(f->certain);
  CHECK_FALSE(f->citation->changed);
  REQUIRE(f->edits.size() == 1);  // only the article: the version stays
  CHECK(f->edits.front().article);
}

TEST_CASE("a repealed rule's correction names its successor in force", "[fix]") {
  // 执业兽医管理办法 was replaced by 执业兽医和乡村兽医管理办法 (农业农村部令2022年第6号).
  const auto res = check_basis("[{law: 执业兽医管理办法, articles: [\"第二十条\"]}]");
  const Fix* f = fix_of(res, "basis/repealed");
  REQUIRE(f);
  REQUIRE(f->citation);
  CHECK(f->citation->law == "执业兽医和乡村兽医管理办法");
  CHECK(f->citation->version == "2022-09-07");
  CHECK_FALSE(f->certain);  // its text is not held: no article is named
  CHECK(f->citation->articles.empty());
  CHECK(f->edits.empty());  // another instrument's name is for a person to write
}

TEST_CASE("a rule replaced by a new rule of the same name: the correction is the new rule",
          "[fix]") {
  const auto res =
      check_basis("[{law: 食品生产许可管理办法, version: 2015-08-31, articles: [\"第十条\"]}]");
  const Fix* f = fix_of(res, "basis/repealed");
  REQUIRE(f);
  REQUIRE(f->citation);
  CHECK(f->citation->law == "食品生产许可管理办法");
  CHECK(f->citation->version == "2020-01-02");
  CHECK_FALSE(f->certain);  // nothing places 第十条 in the new rule
}

TEST_CASE("an article beyond the cited law quoting another law word for word names that source",
          "[fix]") {
  // 行政许可法 has 83 articles; the quotation is 行政处罚法第四条 word for word.
  const auto res = check_basis(
      "[{law: 中华人民共和国行政许可法, articles: [\"第九十条\"], text: "
      "\"公民、法人或者其他组织违反行政管理秩序的行为，应当给予行政处罚的，依照本法由法律、法规、"
      "规章规定，并由行政机关依照本法规定的程序实施。\"}]");
  const Fix* f = fix_of(res, "basis/article-range");
  REQUIRE(f);
  REQUIRE(f->citation);
  CHECK(f->citation->law == "中华人民共和国行政处罚法");
  CHECK(f->citation->articles == std::vector<std::string>{"第四条"});
  CHECK(f->certain);
  CHECK(f->edits.empty());  // another instrument: written by a person
}

TEST_CASE("a quotation nearly word for word in another provision in force names it, to check",
          "[fix]") {
  // 畜牧法 2015 第二十二条第一款, cited without a version, is 2022 第二十四条第一款 with one word
  // added (生产商品代仔畜 → 生产经营商品代仔畜); the cited number now holds another provision.
  const auto res = check_basis(
      "[{law: 中华人民共和国畜牧法, articles: [\"第二十二条第一款\"], text: "
      "\"从事种畜禽生产经营或者生产商品代仔畜、雏禽的单位、个人，应当取得种畜禽生产经营许可证。\"}"
      "]");
  const Fix* f = fix_of(res, "basis/text-mismatch");
  REQUIRE(f);
  REQUIRE(f->citation);
  CHECK(f->citation->articles == std::vector<std::string>{"第二十四条第一款"});
  CHECK(f->citation->text.find("生产经营商品代仔畜") != std::string::npos);
  CHECK(f->citation->changed);
  CHECK_FALSE(f->certain);
}

TEST_CASE("a corrected 项 is given with the lead-in of its 款, not as the whole article", "[fix]") {
  // 生猪屠宰管理条例 2016 第二十一条第二款第（四）项 is 2021 第二十七条第二款第（四）项.
  const auto res = check_basis(
      "[{law: 生猪屠宰管理条例, articles: [\"第二十一条第二款第四项\"], text: "
      "\"畜牧兽医行政主管部门依法进行监督检查，可以采取下列措施：（四）查封与违法生猪屠宰活动有关的"
      "场所、设施，扣押与违法生猪屠宰活动有关的生猪、生猪产品以及屠宰工具和设备。\"}]");
  const Fix* f = fix_of(res, "basis/text-mismatch");
  REQUIRE(f);
  REQUIRE(f->citation);
  REQUIRE(f->citation->articles.size() == 1);
  CHECK(f->citation->articles[0] == "第二十七条第二款第（四）项");
  CHECK(f->citation->text.rfind("农业农村主管部门依法进行监督检查", 0) == 0);
  CHECK(f->citation->text.find("（四）查封与违法生猪屠宰活动") != std::string::npos);
  CHECK(f->citation->text.find("建立健全随机抽查机制") == std::string::npos);
}

TEST_CASE("a reworded quotation a few articles from the cited number names that article, to check",
          "[fix]") {
  // 畜牧法 2015 第二十四条 (卵子、冷冻精液、胚胎 … 省级人民政府畜牧兽医行政主管部门) is 2022
  // 第二十六条, the authorities renamed (农业农村主管部门): most of the words, two articles on.
  const auto res = check_basis(
      "[{law: 中华人民共和国畜牧法, articles: [\"第二十四条\"], text: "
      "\"申请取得生产家畜卵子、冷冻精液、胚胎等遗传材料的生产经营许可证，应当向省级人民政府畜牧兽医"
      "行政主管部门提出申请。受理申请的畜牧兽医行政主管部门应当自收到申请之日起六十个工作日内依法决"
      "定"
      "是否发给生产经营许可证。\"}]");
  const Fix* f = fix_of(res, "basis/text-mismatch");
  REQUIRE(f);
  REQUIRE(f->citation);
  REQUIRE(f->citation->articles.size() == 1);
  CHECK(f->citation->articles[0].rfind("第二十六条", 0) == 0);
  CHECK(f->citation->changed);
  CHECK_FALSE(f->certain);
}

TEST_CASE("penalty boilerplate shared by neighbouring articles is no place to guess", "[fix]") {
  // 治安管理处罚法 2012 第二十五条's lead-in (处五日以上十日以下拘留，可以并处五百元以下罚款) is
  // word for word the lead-in of several articles of the 2025 text: no article is named for it.
  const auto res = check_basis(
      "[{law: 中华人民共和国治安管理处罚法, articles: [\"第二十五条\"], text: "
      "\"有下列行为之一的，处五日以上十日以下拘留，可以并处五百元以下罚款\"}]");
  for (const auto& d : res.diags.list()) {
    if (d.rule != "basis/text-mismatch" || d.fixes.empty() || !d.fixes.front().citation) continue;
    const auto& articles = d.fixes.front().citation->articles;
    INFO(d.message.zh);
    CHECK((articles.empty() || d.fixes.front().certain ||
           articles == std::vector<std::string>{"第二十五条"}));
  }
}
