// Fixes in the Diagnostic (issue 29): every reporter renders a finding's correction — JSON
// `fix` (CLI.md "Corrections"), SARIF 2.1.0 `fixes`, a 建议 line in text, JUnit and GitHub.
#include <catch2/catch.hpp>

#include "powerlist/report.hpp"

using namespace powerlist;

namespace {

struct Fixture {
  Sources sources;
  std::vector<Diagnostic> diags;
  uint32_t yaml = 0, sheet = 0;
  Fixture() {
    yaml = sources.add("departments/a.yaml", "departments/a.yaml",
                       "basis: [{law: 种子法, version: 2015-11-04, articles: [\"48\"]}]\n");
    sheet = sources.add("清单.xlsx", "清单.xlsx", "");
    sources.get_mut(sheet).sheet = "Sheet1";
    Diagnostic d;
    d.rule = "basis/superseded-version";
    d.severity = Severity::Warning;
    d.span = {yaml, 1, 10, 1, 14};
    d.message = {"引用的是旧版本", "an old version is cited"};
    Fix f;
    f.title = {"改为 2021-12-24 版本第四十七条", "cite the 2021-12-24 version, article 47"};
    f.target = {yaml, 30, 40, false, 0, 0};
    f.replacement = "2021-12-24";
    f.certain = true;
    f.citation = Fix::Citation{
        "中华人民共和国种子法",
        "2021-12-24",
        "（2021年12月24日第十三届全国人民代表大会常务委员会第三十二次会议第二次修正）",
        "第四十七条 …",
        {"第四十七条"},
        true};
    d.fixes.push_back(f);
    diags.push_back(d);
    Diagnostic c = d;
    c.span = {sheet, 5, 4, 5, 5};
    c.fixes[0].target = {sheet, 0, 0, true, 4, 3};
    c.fixes[0].certain = false;
    c.fixes[0].citation.reset();
    diags.push_back(c);
  }
  ReportInput input(Lang l = Lang::Zh) {
    ReportInput in{diags, sources};
    in.lang = l;
    return in;
  }
};

}  // namespace

TEST_CASE("every reporter renders a finding's fix", "[report][fix]") {
  Fixture fx;
  const std::string json = render_json(fx.input());
  CHECK(json.find("\"fix\": {\"title\": \"改为 2021-12-24 版本第四十七条\"") != std::string::npos);
  CHECK(json.find("\"law\": \"中华人民共和国种子法\", \"version\": \"2021-12-24\"") !=
        std::string::npos);
  CHECK(json.find("\"articles\": [\"第四十七条\"]") != std::string::npos);
  CHECK(json.find("\"changed\": true") != std::string::npos);
  CHECK(json.find("\"certain\": false") != std::string::npos);  // the sheet's fix

  const std::string sarif = render_sarif(fx.input());
  CHECK(
      sarif.find("\"fixes\": [{\"description\": {\"text\": \"改为 2021-12-24 版本第四十七条\"}") !=
      std::string::npos);
  CHECK(sarif.find("\"deletedRegion\": {\"charOffset\": 30, \"charLength\": 10}") !=
        std::string::npos);
  CHECK(sarif.find("\"deletedRegion\": {\"startLine\": 5, \"startColumn\": 4, \"endLine\": 5, "
                   "\"endColumn\": 5}") != std::string::npos);
  CHECK(sarif.find("\"insertedContent\": {\"text\": \"2021-12-24\"}") != std::string::npos);

  const std::string text = render_text(fx.input());
  CHECK(text.find("    建议：改为 2021-12-24 版本第四十七条\n") != std::string::npos);
  CHECK(text.find("    建议：改为 2021-12-24 版本第四十七条（不确定）\n") != std::string::npos);
  CHECK(render_text(fx.input(Lang::En)).find("    suggestion: cite the 2021-12-24 version") !=
        std::string::npos);
  CHECK(render_junit(fx.input()).find("建议：改为 2021-12-24 版本第四十七条") != std::string::npos);
  CHECK(render_github(fx.input()).find("建议：改为 2021-12-24 版本第四十七条") !=
        std::string::npos);
}

TEST_CASE("a finding without a fix renders as before", "[report][fix]") {
  Fixture fx;
  for (auto& d : fx.diags) d.fixes.clear();
  CHECK(render_json(fx.input()).find("\"fix\"") == std::string::npos);
  CHECK(render_sarif(fx.input()).find("\"fixes\"") == std::string::npos);
  CHECK(render_text(fx.input()).find("建议") == std::string::npos);
}

TEST_CASE("JSON keeps every correction of a finding on several articles", "[report][fix]") {
  // 野生动物保护法 cited at 第七条 and its penalty article: each gets its correction; `fix` is
  // the first (CLI.md), `fixes` all of them.
  Fixture fx;
  fx.diags.resize(1);
  Fix second = fx.diags[0].fixes[0];
  second.title = {"改为 2021-12-24 版本第八十六条", "cite article 86"};
  second.citation->articles = {"第八十六条"};
  fx.diags[0].fixes.push_back(second);
  const std::string json = render_json(fx.input());
  CHECK(json.find("\"fix\": {\"title\": \"改为 2021-12-24 版本第四十七条\"") != std::string::npos);
  const size_t all = json.find("\"fixes\": [");
  REQUIRE(all != std::string::npos);
  CHECK(json.find("改为 2021-12-24 版本第四十七条", all) != std::string::npos);
  CHECK(json.find("改为 2021-12-24 版本第八十六条", all) != std::string::npos);
  // One correction: no `fixes` array.
  fx.diags[0].fixes.resize(1);
  CHECK(render_json(fx.input()).find("\"fixes\"") == std::string::npos);
}
