// The mechanisms behind findings a legal reviewer struck (issue 27), each tested with the real
// cell or clause it was found on: a citation read as a lawyer reads it.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "powerlist/citation_text.hpp"

using namespace powerlist;
using namespace powerlist::test;

namespace {

LoadResult item_with(const std::string& category, const std::string& basis,
                     const std::string& basis_text = "") {
  std::string body =
      "  - key: a\n"
      "    name: 某项职权\n"
      "    category: " +
      category +
      "\n"
      "    basis: " +
      basis + "\n";
  if (!basis_text.empty()) body += "    basis_text: \"" + basis_text + "\"\n";
  body +=
      "    handled_by: 执法大队\n"
      "    disclosure: {forms: [政府网站], scope: 社会公开, timing: 长期公开}\n"
      "    rights: [陈述, 申辩, 听证, 复议, 诉讼]\n";
  return check_text(dept_with_item(body), "dept.yaml", Date{2026, 12, 7});
}

}  // namespace

// ---- 1. The structure of a basis cell: quotations are opaque, titles that do not parse are
// reported and never guessed.

TEST_CASE("a title in a quoted article's prose starts no citation", "[precision][parse]") {
  // A quoted 规章 article that refers to a law; the cell breaks lines every few characters
  // (as the 统计局 workbook does), so the law's title starts a line.
  const auto p = parse_basis_text(
      "【规章】《电影企业经营资格准入暂行规定》\n第二十一条：违反本规定的，\n"
      "《中华人民共和国电影产业促进法》第四十七条的规定予以处罚。");
  REQUIRE(p.citations.size() == 1);
  CHECK(p.citations[0].law == "电影企业经营资格准入暂行规定");
  CHECK(p.citations[0].text.find("电影产业促进法") != std::string::npos);
}

TEST_CASE("a title inside quotation marks belongs to the quotation", "[precision][parse]") {
  const auto p = parse_basis_text(
      "【法规】《营业性演出管理条例》第四十三条：“有下列行为之一的，\n"
      "《中华人民共和国治安管理处罚法》第十条\n规定处罚”");
  REQUIRE(p.citations.size() == 1);
  CHECK(p.citations[0].law == "营业性演出管理条例");
}

TEST_CASE("a header line with a title, articles and a colon still starts a citation",
          "[precision][parse]") {
  const auto p = parse_basis_text(
      "《中华人民共和国消防法》第十五条：公众聚集场所投入使用前…\n"
      "《中华人民共和国行政许可法》第四十二条 除可以当场作出行政许可决定的外…");
  REQUIRE(p.citations.size() == 2);
  CHECK(p.citations[1].law == "中华人民共和国行政许可法");
  CHECK(p.unparsed_titles.empty());
}

TEST_CASE("a malformed title is reported, not attributed to the parent instrument",
          "[precision][parse]") {
  const auto p =
      parse_basis_text("【规章】《报废机动车回收管理办法》实施细则》\n第三十二条：违反本细则…");
  CHECK(p.citations.empty());
  REQUIRE(p.unparsed_titles.size() == 1);
  CHECK(p.unparsed_titles[0].defect == "stray");
  CHECK(p.unparsed_titles[0].excerpt == "《报废机动车回收管理办法》实施细则》");
}

TEST_CASE("an unclosed title does not swallow the citations after it", "[precision][parse]") {
  // 国动办权责清单公示.xlsx 行政处罚（5项）!E7, abridged.
  const auto p = parse_basis_text(
      "【法律】《中华人民共和国人民防空法》第四十八条：城市新建民用建筑，违反国家有关规定不修建"
      "战时可用于防空的地下室的…\n"
      "【法规】《新疆维吾尔自治区实施〈中华人民共和国人民防空法〉办法（2007年9月28日新疆维吾尔"
      "自治区第十届人民代表大会常务委员会第三十三次会议通过）\n第三十二条：…\n"
      "【规范性文件】《新疆维吾尔自治区城市防空地下室易地建设收费办法》（新发改规[2021]10号）\n"
      "第七条：国家人防一类重点城市防空地下室易地建设费为每平方米1400元。");
  REQUIRE(p.citations.size() == 2);
  CHECK(p.citations[0].law == "中华人民共和国人民防空法");
  CHECK(p.citations[1].law == "新疆维吾尔自治区城市防空地下室易地建设收费办法");
  REQUIRE(p.unparsed_titles.size() == 1);
  CHECK(p.unparsed_titles[0].defect == "unbalanced");
}

TEST_CASE("two titles glued together are not guessed", "[precision][parse]") {
  // 2024年市农业农村局权责清单.xls 行政许可（11项）!E2.
  const auto p = parse_basis_text(
      "【法规】《新疆维吾尔自治区种畜禽生产经营许可证管理办法》"
      "《新疆维吾尔自治工种畜禽生产经营许可证管理办法以》（新政发【2020】53号）");
  CHECK(p.citations.empty());
  REQUIRE(p.unparsed_titles.size() == 1);
  CHECK(p.unparsed_titles[0].defect == "glued");
}

TEST_CASE("basis/unparsed-title is a note naming the title", "[precision][rules]") {
  const auto res = item_with("行政处罚", "[{law: 中华人民共和国行政处罚法, articles: [\"28\"]}]",
                             "【规章】《报废机动车回收管理办法》实施细则》第三十二条");
  const auto found = messages(res, "basis/unparsed-title");
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("《报废机动车回收管理办法》实施细则》") != std::string::npos);
  CHECK(found[0].find("多出") != std::string::npos);
}

// ---- 2. Levels from the registry; a tag that contradicts it is said.

TEST_CASE("a 行政法规 tagged 【规章】 gets basis/level-tag and is judged as 行政法规",
          "[precision][level]") {
  const auto res = item_with("行政处罚", "[{law: 农药管理条例, tag: 规章, articles: [\"52\"]}]");
  const auto found = messages(res, "basis/level-tag");
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("行政法规") != std::string::npos);
  CHECK(messages(res, "basis/competence").empty());
}

TEST_CASE("a tag that admits the registry's level is no finding", "[precision][level]") {
  for (const char* tag : {"法规", "行政法规"}) {
    INFO(tag);
    const auto res = item_with(
        "行政处罚", std::string("[{law: 农药管理条例, tag: ") + tag + ", articles: [\"52\"]}]");
    CHECK(messages(res, "basis/level-tag").empty());
  }
  CHECK(tag_admits_level("【规章】", LawLevel::DeptRule) == std::optional<bool>(true));
  CHECK(tag_admits_level("法规", LawLevel::LocalRegulation) == std::optional<bool>(true));
  CHECK(tag_admits_level("法律", LawLevel::DeptRule) == std::optional<bool>(false));
  CHECK_FALSE(tag_admits_level("国务院决定", LawLevel::Normative).has_value());
  CHECK_FALSE(tag_admits_level("", LawLevel::Law).has_value());
}

// ---- 3. Who does what: a measure the department applies to a court for is not its own.

TEST_CASE("a measure the department applies for is not its measure", "[precision][words]") {
  // 银行业监督管理法第三十七条 (as the registry holds it).
  CHECK(measures_in("对涉嫌转移或者隐匿违法资金的，经银行业监督管理机构负责人批准，"
                    "可以申请司法机关予以冻结。")
            .empty());
  // 社会保险法第六十三条第三款.
  CHECK(measures_in("用人单位未足额缴纳社会保险费且未提供担保的，社会保险费征收机构可以申请人民"
                    "法院扣押、查封、拍卖其价值相当于应当缴纳社会保险费的财产")
            .empty());
  // 消防法第五十四条: the 消防救援机构 seals the place itself.
  const auto own = measures_in(
      "消防救援机构在消防监督检查中发现火灾隐患的，应当通知有关单位或者个人立即采取措施消除隐"
      "患；不及时消除隐患可能严重威胁公共安全的，消防救援机构应当依照规定对危险部位或者场所采"
      "取临时查封措施。");
  CHECK(own == std::vector<std::string>{"查封"});
}

TEST_CASE("警戒、疏散 are coercive words; 收回许可证 is a penalty's", "[precision][words]") {
  auto has = [](Category c, const char* w) {
    const auto& ws = category_words(c);
    return std::find(ws.begin(), ws.end(), w) != ws.end();
  };
  CHECK(has(Category::Coercion, "警戒"));
  CHECK(has(Category::Coercion, "疏散"));
  CHECK(has(Category::Penalty, "收回"));
}

// ---- 4. Repeals the texts state (catalogs/laws/text-repeals.yaml).

TEST_CASE("a later instrument's 同时废止 clause repeals the earlier ones", "[precision][repeal]") {
  // 市场主体登记管理条例第五十五条: "…《中华人民共和国公司登记管理条例》…同时废止。"
  const auto res =
      item_with("行政许可", "[{law: 中华人民共和国公司登记管理条例, articles: [\"3\"]}]");
  const auto found = messages(res, "basis/repealed");
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("2022-03-01") != std::string::npos);
  CHECK(found[0].find("市场主体登记管理条例") != std::string::npos);
  // 民法典第一千二百六十条: 合同法 … 同时废止 — a law the registry held no entry for.
  const Instrument* contract = test_registry().find("中华人民共和国合同法");
  REQUIRE(contract);
  CHECK(contract->level == LawLevel::Law);
  REQUIRE(contract->repealed_date);
  CHECK(*contract->repealed_date == Date{2021, 1, 1});
}

TEST_CASE("a repeal without a date does not name the text collection's date",
          "[precision][repeal]") {
  for (const auto& ins : test_registry().all()) {
    if (!ins.repealed || ins.repealed_date || ins.region.size()) continue;
    const auto res = item_with("行政处罚", "[{law: \"" + ins.name + "\", articles: [\"1\"]}]");
    for (const auto& m : messages(res, "basis/repealed")) {
      CHECK(m.find("2025-04-19") == std::string::npos);
      CHECK(m.find("未载明废止日期") != std::string::npos);
    }
    break;
  }
}

TEST_CASE("a 国务院 decision setting a licence is basis enough for it", "[precision][level]") {
  // 国发〔2015〕22号 sets the 银行卡清算业务 licence (行政许可法第十四条第二款).
  const auto set = item_with("行政许可", "[{law: 国务院关于实施银行卡清算机构准入管理的决定}]");
  CHECK(messages(set, "basis/competence").empty());
  CHECK(messages(set, "basis/normative-only").empty());
  CHECK(messages(set, "basis/unknown-law").empty());
  // A decision that only cancels licences sets none.
  const auto cancel =
      item_with("行政许可", "[{law: 国务院关于第三批取消中央指定地方实施行政许可事项的决定}]");
  CHECK(messages(cancel, "basis/normative-only").size() == 1);
  // 412 is known by its 令号 too, as a 行政法规.
  const Instrument* ins = test_registry().find("国务院对确需保留的行政审批项目设定行政许可的决定");
  REQUIRE(ins);
  CHECK(ins->sets_licences);
}

TEST_CASE("a tag before prose naming a notice starts a citation of its own", "[precision][parse]") {
  // 2024年市农业农村局权责清单.xls 行政许可（11项）!E7, abridged: the notice was glued onto
  // 第九条's quotation, which then "did not match" (a struck finding).
  const auto p = parse_basis_text(
      "【法规】《新疆维吾尔自治区畜禽屠宰管理条例》（2016年9月29日…公布自2016年11月1日起施行）\n"
      "    第九条：建立畜禽定点屠宰厂（场）的，应当向…提交书面申请。\n"
      " 【法规】关于印发《自治区关于深化“证照分离”改革进一步激发市场主体发展活力工作方案》的通知"
      "新政发【2021】58号第191页 ，第二部分 自治区畜牧兽医局审批发证改变为由地（州、市）人民政府"
      "审批发证。");
  REQUIRE(p.citations.size() == 2);
  CHECK(p.citations[0].text == "建立畜禽定点屠宰厂（场）的，应当向…提交书面申请。");
  CHECK(p.citations[1].law == "自治区关于深化“证照分离”改革进一步激发市场主体发展活力工作方案");
  CHECK(p.citations[1].note.find("新政发【2021】58号") != std::string::npos);
  // The notice's 文号 makes it a 规范性文件, whatever its tag says.
  CHECK(infer_law_level(p.citations[1].law, p.citations[1].tag, p.citations[1].note) ==
        std::optional<LawLevel>(LawLevel::Normative));
}

TEST_CASE("a glued title's excerpt shows both titles", "[precision][parse]") {
  const auto p = parse_basis_text("【法规】《甲办法》《甲办法以》（新政发【2020】53号）");
  REQUIRE(p.unparsed_titles.size() == 1);
  CHECK(p.unparsed_titles[0].excerpt == "《甲办法》《甲办法以》");
}

TEST_CASE("第一、二款 names two 款", "[precision][parse]") {
  CHECK(split_article_refs("第四十九条第一、三款") ==
        std::vector<std::string>{"第四十九条第一款", "第四十九条第三款"});
  const auto p =
      parse_basis_text("【法律】《中华人民共和国种子法》\n第四十九条第一、三款：农业农村…");
  REQUIRE(p.citations.size() == 1);
  REQUIRE(p.citations[0].refs.size() == 2);
  CHECK(p.citations[0].refs[1].paragraph == 3);
}

TEST_CASE("a quoted lead-in and one item are placed at that item", "[precision][fix]") {
  // 克拉玛依市2025年消防监督执法权责清单.xlsx G43 quotes 消防法第七十二条's lead-in and its
  // (八)… item with a line break between them, as catalogs write it.
  const auto fragments =
      quote_fragments("有下列行为之一的，责令改正：\n    （八）使用不合格的灭火剂");
  REQUIRE(fragments.size() == 2);
  CHECK(fragments[1].rfind("（八）", 0) == 0);
}

// ---- 5. A deleted provision has no closest article.

TEST_CASE("a provision an amending decision deleted gets no successor", "[precision][deleted]") {
  // 全国人大常委会关于修改《中华人民共和国道路交通安全法》等八部法律的决定 (2021-04-29),
  // 四、（三）: "删去第六十条。" (广告法).
  const auto res = item_with(
      "行政处罚", "[{law: 中华人民共和国广告法, version: 2018-10-26, articles: [\"60\"]}]");
  const Diagnostic* found = nullptr;
  for (const auto& d : res.diags.list())
    if (d.rule == "basis/superseded-version") found = &d;
  REQUIRE(found);
  REQUIRE(found->fixes.size() == 1);
  const Fix& fix = found->fixes[0];
  CHECK(fix.title.zh.find("原第六十条已被《全国人民代表大会常务委员会关于修改〈中华人民共和国道路"
                          "交通安全法〉等八部法律的决定》删去") != std::string::npos);
  REQUIRE(fix.citation);
  CHECK(fix.citation->articles.empty());
  CHECK_FALSE(fix.certain);
  // 种子法 2015 第三十九条 was deleted in 2021; 第四十条 was not.
  const Instrument* seeds = test_registry().find("中华人民共和国种子法");
  REQUIRE(seeds);
  const LawVersion* v2015 = seeds->version_cited(Date{2015, 11, 4});
  REQUIRE(v2015);
  CHECK(seeds->deleted_after(*v2015, ArticleRef{39, 0, 0}));
  CHECK_FALSE(seeds->deleted_after(*v2015, ArticleRef{40, 0, 0}));
}

TEST_CASE("a correction from the closest article is as deep as the citation", "[precision][fix]") {
  // 2024年市农业农村局权责清单.xls 行政强制（21项）!E6: 种子法 (2015) 第五十条第一款第（四）项,
  // quoted in the 2015 wording; since 2021 it is 第四十九条第一款第（四）项.
  const auto res = item_with(
      "行政强制",
      "[{law: 中华人民共和国种子法, version: 2015-11-04, articles: [\"第五十条第一款第（四）项\"], "
      "text: "
      "\"农业、林业主管部门是种子行政执法机关。种子执法人员依法执行公务时应当出示行政执法证件。"
      "农业、林业主管部门依法履行种子监督检查职责时，有权采取下列措施：（四）查封、扣押有证据证明违"
      "法"
      "生产经营的种子，以及用于违法生产经营的工具、设备及运输工具等；\"}]");
  const Diagnostic* found = nullptr;
  for (const auto& d : res.diags.list())
    if (d.rule == "basis/text-mismatch") found = &d;
  REQUIRE(found);
  REQUIRE_FALSE(found->fixes.empty());
  REQUIRE(found->fixes[0].citation);
  CHECK(found->fixes[0].citation->articles ==
        std::vector<std::string>{"第四十九条第一款第（四）项"});
}

TEST_CASE("an article list after the version note is the block's contents", "[precision][parse]") {
  // 克拉玛依市2025年消防监督执法权责清单.xlsx G40, abridged: the header lists the articles, then
  // each comes again with its words; the list is no citation of its own.
  const auto p = parse_basis_text(
      "【地方性法规】《新疆维吾尔自治区消防条例》（…第二次修正）第三十八条第一款、第七十二条第五款"
      "\n"
      "    第三十八条第一款  棉花收购、加工、仓储单位应当加强消防安全管理。\n"
      "    第七十二条第五款  违反本条例规定，有下列行为之一的，责令改正：\n"
      "   （五）棉花收购、加工、仓储单位的消防安全不符合国家和自治区有关规定的；");
  REQUIRE(p.citations.size() == 2);
  CHECK(p.citations[0].text.find("棉花收购") != std::string::npos);
  CHECK_FALSE(p.citations[1].text.empty());
  // A list with no words after it stays a citation.
  const auto q = parse_basis_text("【法律】《中华人民共和国消防法》第十五条、第五十八条");
  REQUIRE(q.citations.size() == 1);
  CHECK(q.citations[0].articles.size() == 2);
}

TEST_CASE("a detention the article gives to the police is not the department's penalty",
          "[precision][words]") {
  // 水污染防治法第九十条 (as the registry holds it): the 生态环境 department fines; the police
  // detain.
  CHECK(
      penalty_kinds_in("有《中华人民共和国环境保护法》第六十三条规定的违法排放水污染物等行为之一，"
                       "尚不构成犯罪的，由公安机关对直接负责的主管人员和其他直接责任人员处十日以上"
                       "十五日以下的拘留") == std::vector<std::string>{});
  const auto police = penalty_kinds_in("违反治安管理的，处五日以下拘留或者五百元以下罚款");
  CHECK(std::find(police.begin(), police.end(), "行政拘留") != police.end());
}
