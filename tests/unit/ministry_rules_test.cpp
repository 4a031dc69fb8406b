// The national ministry rules (部门规章) researched for catalogs/laws/rules.yaml: citations
// as real 权责清单 write them, checked against the shipped registry. Each fact checked here
// has its source in that file's entry.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace powerlist;
using namespace powerlist::test;

namespace {

// One 行政处罚 item citing `basis` (a YAML flow sequence), judged as of 2026-11-25.
LoadResult penalty_citing(const std::string& basis, const std::string& category = "行政处罚") {
  return check_text(
      dept_with_item("  - key: a\n"
                     "    name: 某项职权\n"
                     "    category: " +
                     category +
                     "\n"
                     "    basis: " +
                     basis +
                     "\n"
                     "    handled_by: 执法大队\n"
                     "    disclosure: {forms: [政府网站], scope: 社会公开, timing: 长期公开}\n"
                     "    rights: [复议, 诉讼]\n"),
      "dept.yaml", Date{2026, 11, 25});
}

}  // namespace

TEST_CASE("repealed ministry rules name their repeal date and successor", "[law][rules]") {
  struct Case {
    const char* law;
    const char* date;
    const char* successor;
  } cases[] = {
      {"环境行政处罚办法", "2023-07-01", "生态环境行政处罚办法"},
      {"食品经营许可管理办法", "2023-12-01", "食品经营许可和备案管理办法"},
      {"工商行政管理机关行政处罚程序规定", "2019-04-01", "市场监督管理行政处罚程序规定"},
      {"交通行政处罚程序规定", "2019-06-01", "交通运输行政执法程序规定"},
      {"排污许可管理办法（试行）", "2024-07-01", "排污许可管理办法"},
      {"网络交易管理办法", "2021-05-01", "网络交易监督管理办法"},
  };
  for (const auto& c : cases) {
    INFO(c.law);
    const auto res = penalty_citing(std::string("[{law: ") + c.law + ", articles: [\"10\"]}]");
    const auto found = messages(res, "basis/repealed");
    REQUIRE(found.size() == 1);
    CHECK(found[0].find(c.date) != std::string::npos);
    CHECK(found[0].find(c.successor) != std::string::npos);
    CHECK(messages(res, "basis/unknown-law").empty());
  }
}

TEST_CASE("the successors are known and in force", "[law][rules]") {
  for (const char* law :
       {"生态环境行政处罚办法", "食品经营许可和备案管理办法", "市场监督管理行政处罚程序规定",
        "自然资源行政处罚办法", "道路旅客运输及客运站管理规定", "娱乐场所管理办法",
        "医疗机构管理条例实施细则", "生产安全事故应急预案管理办法"}) {
    INFO(law);
    const auto res = penalty_citing(std::string("[{law: ") + law + ", articles: [\"5\"]}]");
    CHECK(messages(res, "basis/unknown-law").empty());
    CHECK(messages(res, "basis/repealed").empty());
    const Instrument* ins = test_registry().find(law);
    REQUIRE(ins);
    CHECK(ins->level == LawLevel::DeptRule);
  }
}

TEST_CASE("a renamed rule is one instrument: its old version is superseded", "[law][rules]") {
  // 国土资源行政处罚办法 (2014) was revised and renamed 自然资源行政处罚办法 in 2024.
  const auto res = penalty_citing(
      "[{law: 国土资源行政处罚办法, articles: [\"12\"], note: "
      "\"（2014年5月7日国土资源部令第60号公布）\"}]");
  CHECK(messages(res, "basis/repealed").empty());
  CHECK(messages(res, "basis/unknown-law").empty());
  const auto found = messages(res, "basis/superseded-version");
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("2024-01-31") != std::string::npos);
}

TEST_CASE("a 部门规章 alone cannot set a 吊销 or a 查封 (设定权)", "[law][rules]") {
  // 行政处罚法 第十三条: 部门规章 may set only 警告、通报批评 and fines; 行政强制法 第十条: no
  // 行政强制措施 by a 部门规章.
  const auto alone =
      penalty_citing("[{law: 环境保护主管部门实施查封、扣押办法, articles: [\"4\"]}]", "行政强制");
  CHECK(messages(alone, "basis/competence").size() == 1);
  const auto with_law = penalty_citing(
      "[{law: 中华人民共和国环境保护法, articles: [\"25\"]}, "
      "{law: 环境保护主管部门实施查封、扣押办法, articles: [\"4\"]}]",
      "行政强制");
  CHECK(messages(with_law, "basis/competence").empty());
}

TEST_CASE("a ministry rule repealed by a 废止 decision names the decision", "[law][rules]") {
  // 住房城乡建设部、公安部关于废止《城市公共交通车船乘坐规则》的决定 (2018-03-28).
  const auto res = penalty_citing("[{law: 城市公共交通车船乘坐规则, articles: [\"10\"]}]");
  const auto found = messages(res, "basis/repealed");
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("2018-03-28") != std::string::npos);
  CHECK(found[0].find("依《住房城乡建设部、公安部关于废止《城市公共交通车船乘坐规则》的决定》") !=
        std::string::npos);
}

TEST_CASE("a rule replaced by a new rule of the same name is repealed, not superseded",
          "[law][rules]") {
  // 食品生产许可管理办法: the 2015 rule (原国家食品药品监督管理总局令第16号) was repealed by the
  // 2020 rule of the same name (国家市场监督管理总局令第24号, in force 2020-03-01).
  const auto res = penalty_citing(
      "[{law: 食品生产许可管理办法, version: 2015-08-31, articles: [\"10\"]}]", "行政许可");
  const auto found = messages(res, "basis/repealed");
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("2015-08-31") != std::string::npos);
  CHECK(found[0].find("2020-03-01") != std::string::npos);
  CHECK(found[0].find("国家市场监督管理总局令第24号") != std::string::npos);
  CHECK(messages(res, "basis/superseded-version").empty());
  // The 2020 rule itself is in force.
  const auto now = penalty_citing(
      "[{law: 食品生产许可管理办法, version: 2020-01-02, articles: [\"10\"]}]", "行政许可");
  CHECK(messages(now, "basis/repealed").empty());
  CHECK(messages(now, "basis/superseded-version").empty());
}

TEST_CASE("a rule known only from a later amendment on is not 'not yet in force' before it",
          "[law][rules]") {
  // 国家危险废物名录 is listed from its 2021 edition (2020-11-25) on; the catalogue is older.
  const auto res = check_text(
      dept_with_item("  - key: a\n    name: 某项职权\n    category: 行政检查\n"
                     "    basis: [{law: 国家危险废物名录}]\n    handled_by: 执法大队\n"
                     "    disclosure: {forms: [政府网站], scope: 社会公开, timing: 长期公开}\n"
                     "    rights: [复议, 诉讼]\n"),
      "dept.yaml", Date{2019, 6, 1});
  CHECK(messages(res, "basis/not-yet-effective").empty());
}

TEST_CASE("ministry rules researched on 2026-12-07: a decision's repeal and a same-name successor",
          "[law][rules]") {
  // 广告发布登记管理规定 (原国家工商行政管理总局令第89号) was repealed from 2022-05-01 by
  // 《国家市场监督管理总局关于修改和废止有关规章的决定》 (2022-03-24).
  const auto res = penalty_citing("[{law: 广告发布登记管理规定, articles: [\"10\"]}]", "行政许可");
  const auto found = messages(res, "basis/repealed");
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("2022-05-01") != std::string::npos);
  CHECK(found[0].find("国家市场监督管理总局关于修改和废止有关规章的决定") != std::string::npos);
  // 国际道路运输管理规定: the 2005 rule (交通部令2005年第3号) was replaced by the 2022 rule of the
  // same name (交通运输部令2022年第31号): citing the 2005 one is citing a repealed rule.
  const auto old = penalty_citing(
      "[{law: 国际道路运输管理规定, version: 2005-04-13, articles: [\"10\"]}]", "行政许可");
  CHECK(messages(old, "basis/repealed").size() == 1);
  CHECK(messages(old, "basis/superseded-version").empty());
  const auto now = penalty_citing(
      "[{law: 国际道路运输管理规定, version: 2022-09-26, articles: [\"10\"]}]", "行政许可");
  CHECK(messages(now, "basis/repealed").empty());
  CHECK(messages(now, "basis/unknown-law").empty());
  // An in-force rule of a county's construction bureau is known (no "not in the registry").
  const auto known =
      penalty_citing("[{law: 建筑施工企业安全生产许可证管理规定, articles: [\"2\"]}]", "行政许可");
  CHECK(messages(known, "basis/unknown-law").empty());
}

TEST_CASE("ministry rules researched on 2026-12-07 (second round), as re-read by a second reader",
          "[law][rules]") {
  // 应急管理部令第14号 replaced the 试行 rule of 国家安全生产监督管理总局 from 2024-03-01.
  const auto trial = penalty_citing("[{law: 生产安全事故罚款处罚规定（试行）, articles: [\"5\"]}]");
  const auto repealed = messages(trial, "basis/repealed");
  REQUIRE(repealed.size() == 1);
  CHECK(repealed[0].find("2024-03-01") != std::string::npos);
  CHECK(repealed[0].find("《生产安全事故罚款处罚规定》") != std::string::npos);
  const auto now = penalty_citing("[{law: 生产安全事故罚款处罚规定, articles: [\"5\"]}]");
  CHECK(messages(now, "basis/repealed").empty());
  CHECK(messages(now, "basis/unknown-law").empty());
  // 律师事务所管理办法: 司法部令第142号 (2018-12-05) amended the 2016 text.
  const auto firm = penalty_citing(
      "[{law: 律师事务所管理办法, version: 2016-09-06, articles: [\"10\"]}]", "行政许可");
  const auto superseded = messages(firm, "basis/superseded-version");
  REQUIRE(superseded.size() == 1);
  CHECK(superseded[0].find("2018-12-05") != std::string::npos);
  // A rule repealed by its successor's own clause (生态环境统计管理办法 art. 49).
  const auto stats = penalty_citing("[{law: 环境统计管理办法, articles: [\"10\"]}]");
  REQUIRE(messages(stats, "basis/repealed").size() == 1);
}

TEST_CASE("ministry rules researched on 2026-12-07 (third round): history lines and new kinds",
          "[law][rules]") {
  // 中华人民共和国引航员管理办法 (交通运输部令2024年第13号, in force 2025-03-01) repealed the
  // 2008 rule, which its repeal clause calls 《中华人民共和国引航员注册和任职资格管理办法》.
  for (const char* cited :
       {"[{law: 中华人民共和国引航员管理办法, version: 2008-02-13, "
        "articles: [\"10\"]}]",
        "[{law: 中华人民共和国引航员注册和任职资格管理办法, articles: [\"10\"]}]"}) {
    INFO(cited);
    const auto res = penalty_citing(cited, "行政许可");
    const auto found = messages(res, "basis/repealed");
    REQUIRE(found.size() == 1);
    CHECK(found[0].find("2025-03-01") != std::string::npos);
    CHECK(messages(res, "basis/unknown-law").empty());
  }
  // 兽药广告审查发布规定: 国家市场监督管理总局令第31号 (2020-10-23) amended the 2015 text.
  const auto ad = penalty_citing(
      "[{law: 兽药广告审查发布规定, version: 2015-12-24, articles: [\"5\"]}]", "行政检查");
  const auto superseded = messages(ad, "basis/superseded-version");
  REQUIRE(superseded.size() == 1);
  CHECK(superseded[0].find("2020-10-23") != std::string::npos);
  // A rule of a county's religious-affairs bureau, replaced by a new rule from 2021-05-01.
  const auto clergy =
      penalty_citing("[{law: 宗教教职人员备案办法, articles: [\"3\"]}]", "行政确认");
  const auto repealed = messages(clergy, "basis/repealed");
  REQUIRE(repealed.size() == 1);
  CHECK(repealed[0].find("宗教教职人员管理办法") != std::string::npos);
  // A 统计 rule in force is known.
  const auto stats =
      penalty_citing("[{law: 统计执法监督检查办法, articles: [\"10\"]}]", "行政检查");
  CHECK(messages(stats, "basis/unknown-law").empty());
  CHECK(messages(stats, "basis/repealed").empty());
}

TEST_CASE("ministry rules researched on 2026-12-07 (fourth round): decisions of the ministries",
          "[law][rules]") {
  // 煤矿安全规程: the 2025-07-24 text (in force 2026-02-01) repealed the 2016 text as amended in
  // 2022 (its art. 776).
  const auto coal =
      penalty_citing("[{law: 煤矿安全规程, version: 2016-02-25, articles: [\"10\"]}]", "行政检查");
  const auto repealed = messages(coal, "basis/repealed");
  REQUIRE(repealed.size() == 1);
  CHECK(repealed[0].find("2026-02-01") != std::string::npos);
  // 道路危险货物运输管理规定: amended 2023-11-10 and 2026-02-06 (mot.gov.cn history line).
  const auto road =
      penalty_citing("[{law: 道路危险货物运输管理规定, version: 2019-11-28, articles: [\"10\"]}]");
  const auto superseded = messages(road, "basis/superseded-version");
  REQUIRE(superseded.size() == 1);
  CHECK(superseded[0].find("2026-02-06") != std::string::npos);
  // 环境信访办法: repealed from 2025-01-01 by 生态环境部's decision.
  const auto petition = penalty_citing("[{law: 环境信访办法, articles: [\"5\"]}]", "行政检查");
  CHECK(messages(petition, "basis/repealed").size() == 1);
}

TEST_CASE("an amending decision cited as an instrument points to the instrument it amended",
          "[law][rules]") {
  const auto one =
      penalty_citing("[{law: 国务院关于修改〈营业性演出管理条例〉的决定}]", "行政许可");
  const auto said = messages(one, "basis/unknown-law");
  REQUIRE(said.size() == 1);
  CHECK(said[0].find("请直接引用《营业性演出管理条例》（现行版本") != std::string::npos);
  // Still not in the registry itself: one definition for the finding and the count.
  CHECK(count_citations(one.catalog, test_registry()).in_registry == 0);
  // 中华人民共和国 inside the name; a 等 inside the amended law's own name (高等教育法).
  const auto npc = penalty_citing(
      "[{law: 全国人民代表大会常务委员会关于修改〈中华人民共和国高等教育法〉的决定}]", "行政许可");
  const auto law = messages(npc, "basis/unknown-law");
  REQUIRE(law.size() == 1);
  CHECK(law[0].find("请直接引用《中华人民共和国高等教育法》") != std::string::npos);
  const auto several = penalty_citing(
      "[{law: 国家卫生健康委关于修改‹职业健康检查管理办法>等4部门规章的决定}]", "行政检查");
  const auto four = messages(several, "basis/unknown-law");
  REQUIRE(four.size() == 1);
  CHECK(four[0].find("是修改《职业健康检查管理办法》等的决定") != std::string::npos);
  // A decision that names no one instrument stays a plain "not in the registry".
  for (const char* none : {"国务院关于修改部分行政法规的决定",
                           "国务院关于修改〈营业性演出管理条例〉和〈娱乐场所管理条例〉的决定"}) {
    INFO(none);
    const auto omnibus = penalty_citing(std::string("[{law: \"") + none + "\"}]", "行政许可");
    const auto generic = messages(omnibus, "basis/unknown-law");
    REQUIRE(generic.size() == 1);
    CHECK(generic[0].find("并入") == std::string::npos);
  }
}
