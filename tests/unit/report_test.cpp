#include "powerlist/report.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "powerlist/audit.hpp"
#include "powerlist/text.hpp"

using namespace powerlist;

TEST_CASE("text report underlines the span by display width", "[report]") {
  auto res = test::check_text(test::dept_with_item(
      "  - key: a\n    name: 某项检查\n    category: 行政检查\n    initiation: 依职权\n"
      "    basis: [{law: 行政处罚法, articles: [\"54\"]}]\n"
      "    handled_by: 办公室\n    disclosure: {forms: [网站], scope: 社会公开, timing: 长期公开}\n"
      "    procedure: {template: 行政检查}\n"));
  ReportInput in{res.diags.list(), res.sources};
  const std::string out = render_text(in);
  CHECK(out ==
        "dept.yaml:15:17: error: 承办机构“办公室”不是本部门内设机构（审批股、执法大队） "
        "[unit/handled-by]\n"
        "        handled_by: 办公室\n"
        "                    ^~~~~~\n"
        "1 个错误, 0 个警告\n");
  in.lang = Lang::En;
  CHECK(render_text(in).find("handled_by '办公室' is not one of department.units") !=
        std::string::npos);
}

TEST_CASE("unknown keys suggest the closest spelling", "[report]") {
  auto res =
      test::check_text("department: {id: d, name: x, units: [a], contact: {}}\npowers: []\n");
  auto b = test::brief(res);
  REQUIRE(!b.empty());
  bool found = false;
  for (const auto& d : res.diags.list())
    if (d.rule == "schema/unknown-key") {
      found = true;
      CHECK(d.message.zh == "实施主体中没有键“contact”；是否应为“contacts”？");
      CHECK(d.span.line == 1);
      CHECK(d.span.col == 42);
    }
  CHECK(found);
}

TEST_CASE("columns count characters, not bytes, after a BOM", "[load]") {
  auto res = test::check_text(
      "\xEF\xBB\xBF"
      "department: {id: d, name: 测试局, units: [a], 未知: 1}\npowers: []\n");
  bool found = false;
  for (const auto& d : res.diags.list())
    if (d.rule == "schema/unknown-key") {
      found = true;
      CHECK(d.span.col == 44);
      CHECK(d.span.end_col == 46);
    }
  CHECK(found);
}

TEST_CASE("json escaping and xml escaping", "[text]") {
  CHECK(json_escape("a\"b\\c\nd\x01") == "a\\\"b\\\\c\\nd\\u0001");
  CHECK(xml_escape("<a&\"'>") == "&lt;a&amp;&quot;&#39;&gt;");
  CHECK(display_width("ab中文") == 6);
  CHECK(edit_distance("name", "nmae") == 2);
  CHECK(closest_match("handeld_by", {"handled_by", "name"}) == "handled_by");
  CHECK(closest_match("zzzzzz", {"handled_by", "name"}).empty());
}

TEST_CASE("chart labels wrap by the rules of Chinese typesetting", "[text]") {
  using V = std::vector<std::string>;
  CHECK(wrap_columns("违规降低或者提高审查标准、设置障碍", 24) ==
        V{"违规降低或者提高审查标准、", "设置障碍"});  // 、 never starts a line
  CHECK(wrap_columns("审查标准。」下一句", 8) == V{"审查标准。」", "下一句"});
  CHECK(wrap_columns("依据《行政许可法》", 6) == V{"依据", "《行政", "许可法》"});  // 《 goes down
  CHECK(wrap_columns("abc中文", 4) == V{"abc", "中文"});
  CHECK(wrap_columns("第一行\n第二", 20) == V{"第一行", "第二"});
  CHECK(wrap_columns("", 10).empty());
  CHECK(wrap_columns("《《《", 2) == V{"《", "《", "《"});  // nothing to carry with: still breaks
  // Hanging punctuation stops two wide characters past the width.
  CHECK(wrap_columns("风险。。。。", 4) == V{"风险。。", "。。"});
  CHECK(wrap_columns(".......", 2) == V{"......", "."});
  // ASCII words and numbers stay whole when the line has room before them.
  CHECK(wrap_columns("认证ISO9001标准", 8) == V{"认证", "ISO9001", "标准"});
  CHECK(wrap_columns("ISO9001ABC", 4) == V{"ISO9", "001A", "BC"});  // longer than a line
  // A decimal point or a thousands comma does not end a number (罚款0.5万元).
  CHECK(wrap_columns("金额123.45万", 8) == V{"金额", "123.45万"});
  CHECK(wrap_columns("金额1234.5", 8) == V{"金额", "1234.5"});
  CHECK(wrap_columns("罚款1,000元", 8) == V{"罚款", "1,000元"});
  CHECK(wrap_columns("标准GB/T19001", 10) == V{"标准", "GB/T19001"});
  CHECK(wrap_columns("到ISO9001.", 9) == V{"到ISO9001."});  // a full stop still hangs
  CHECK(wrap_columns("网址 https://www.a.cn/ts", 20) == V{"网址 ", "https://www.a.cn/ts"});
}

TEST_CASE("settings.rules and suppressions", "[diag]") {
  const std::string yaml = test::dept_with_item(
      "  - key: a   # powerlist: ignore unit/handled-by 过渡期\n    name: 某项检查\n    category: "
      "行政检查\n"
      "    initiation: 依职权\n    basis: [{law: 行政处罚法, articles: [\"54\"]}]\n    handled_by: "
      "办公室\n"
      "    procedure: {template: 行政检查}\n");
  auto res = test::check_text(yaml);
  // disclosure/missing remains; the handled-by finding is suppressed with its reason.
  CHECK(test::brief(res) == std::vector<std::string>{"disclosure/missing 10:10"});
  bool suppressed = false;
  for (const auto& d : res.diags.list())
    if (d.suppressed) suppressed = d.rule == "unit/handled-by" && d.suppression_reason == "过渡期";
  CHECK(suppressed);

  LoadResult r2;
  load_department_text(r2, "d.yaml", yaml, LoadOptions{});
  run_rules(r2.catalog, r2.diags);
  SeverityPolicy policy;
  policy.overrides["disclosure/missing"] = Severity::Off;
  finalize_diagnostics(r2.diags.mutable_list(), policy, r2.suppressions, r2.item_starts);
  CHECK(test::brief(r2).empty());
}

TEST_CASE("limits protect against huge input", "[load]") {
  LoadOptions o;
  o.limits.max_file_bytes = 100;
  LoadResult res;
  load_department_text(res, "big.yaml", std::string(200, '#'), o);
  REQUIRE(res.diags.list().size() == 1);
  CHECK(res.diags.list()[0].rule == "schema/too-large");
}

TEST_CASE("audit percentages add up to 100 by largest remainder") {
  using powerlist::percentages;
  CHECK(percentages({1, 1, 1}) == std::vector<int>{34, 33, 33});
  CHECK(percentages({2, 1}) == std::vector<int>{67, 33});
  CHECK(percentages({0, 0}) == std::vector<int>{0, 0});
  CHECK(percentages({}) == std::vector<int>{});
  CHECK(percentages({1, 0, 6}) == std::vector<int>{14, 0, 86});
  const std::vector<int> p = percentages({3, 5, 7, 11, 13, 17});
  int sum = 0;
  for (int x : p) sum += x;
  CHECK(sum == 100);
}

TEST_CASE("audit dates are written as in official documents") {
  CHECK(powerlist::Date{2026, 12, 7}.str_zh() == "2026年12月7日");
}
