#include "powerlist/flow.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "helpers.hpp"

using namespace powerlist;

TEST_CASE("the shipped templates pass every graph rule", "[flow][templates]") {
  const auto& lib = test::test_templates();
  REQUIRE(lib.all().size() >= 14);
  for (const char* name :
       {"行政许可一般程序", "行政许可含听证", "行政处罚一般程序", "行政处罚简易程序",
        "行政处罚含听证", "行政强制措施查封扣押", "行政强制执行", "行政征收", "行政给付",
        "行政检查", "行政确认", "行政奖励", "行政裁决", "政府信息公开申请"}) {
    INFO("template " << name);
    const ProcedureTemplate* t = lib.find(name);
    REQUIRE(t != nullptr);
    DiagSink sink;
    Flow f = flow_of_template(*t);
    check_flow_graph(f, {}, sink, name);
    CHECK(test::brief_of(sink).empty());
    // Every counted step of a template that has a statutory limit cites its article or is即办.
    for (const auto& s : t->steps)
      if (s.limit && s.kind == StepKind::Step && t->statutory && !t->statutory->is_none() &&
          s.limit->value.unit != TimeUnit::Immediate && t->category != Category::Other)
        CHECK(!s.basis.empty());
  }
}

TEST_CASE("longest path converts units conservatively and exactly", "[flow]") {
  Flow f;
  auto step = [&](const char* id, StepKind k, const char* limit, std::vector<const char*> next) {
    FlowStep s;
    s.id = id;
    s.kind = k;
    s.actor = "x";
    if (limit) s.limit = *parse_duration(limit);
    for (auto n : next) s.next.push_back(Branch{LStr{n, {}}, "", false, {}});
    f.steps.push_back(s);
  };
  step("开始", StepKind::Start, nullptr, {"告知"});
  step("告知", StepKind::Step, "5工作日", {"决定"});
  step("决定", StepKind::Step, "80日", {"送达"});
  step("送达", StepKind::Step, "0.4工作日", {"结束"});
  step("结束", StepKind::End, nullptr, {});
  for (size_t i = 0; i < f.steps.size(); ++i) f.index[f.steps[i].id] = i;
  auto days = longest_path(f, TimeUnit::Days);
  REQUIRE(days);
  CHECK(days->total.str() == "88日");  // 80 + ⌈5×7/5⌉ + ⌈0.4×7/5⌉
  CHECK(days->converted);
  auto work = longest_path(f, TimeUnit::WorkDays);
  CHECK(work->total.str() == "85.4工作日");  // 5 + 80 (n 日 as n 工作日) + 0.4
  CHECK(work->path == std::vector<std::string>{"开始", "告知", "决定", "送达", "结束"});
}

static std::string golden_path(const std::string& name) {
  return std::string(POWERLIST_SOURCE_DIR) + "/tests/golden/dot/" + name + ".dot";
}

TEST_CASE("golden DOT of three templates", "[flow][golden]") {
  for (const char* name : {"行政许可一般程序", "行政处罚含听证", "行政强制措施查封扣押"}) {
    INFO("template " << name);
    Flow f = flow_of_template(*test::test_templates().find(name));
    ChartInfo info;
    info.title = name;
    info.category = "模板";
    info.rights = "陈述、申辩";
    std::string error;
    const std::string dot = render_flow(f, info, "dot", &error);
    CHECK(error.empty());
    if (std::getenv("UPDATE_GOLDEN")) {
      std::filesystem::create_directories(std::filesystem::path(golden_path(name)).parent_path());
      std::ofstream(golden_path(name), std::ios::binary) << dot;
      continue;
    }
    CHECK(dot == test::read_file(golden_path(name)));
  }
}

TEST_CASE("labels with markup and escapes render literally", "[flow][escape]") {
  const std::string nasty = "<script>alert(1)</script>&\"'{a|b}\\N\\n";
  FlowStep a;
  a.id = "开始";
  FlowStep b;
  b.id = "x";
  b.actor = nasty + "\n第二行";
  b.limit = *parse_duration("1工作日");
  const Flow f = test::linear_flow(a, b, "结束", nasty);
  ChartInfo info;
  info.title = nasty;
  info.rights = nasty;  // into the 说明 box, an HTML-like label: escaped there too
  std::string error;
  const std::string svg = render_flow(f, info, "svg", &error);
  REQUIRE(error.empty());
  const std::string lit = "&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;{a|b}\\N\\n";
  CHECK(svg.find(lit) != std::string::npos);
  CHECK(svg.find("第二行") != std::string::npos);
  CHECK(svg.find("<script>") == std::string::npos);
  const std::string dot = render_flow(f, info, "dot", &error);
  // In DOT the label is one quoted string: quotes escaped, backslashes doubled, & as entity.
  CHECK(dot.find("<script>alert(1)</script>&amp;\\\"'{a|b}\\\\N\\\\n") != std::string::npos);
  // The only HTML-like label is the 说明 box, and the user's text in it is escaped.
  for (size_t at = dot.find("label=<"); at != std::string::npos; at = dot.find("label=<", at + 1)) {
    CHECK(dot.compare(at, 13, "label=<<TABLE") == 0);
    const size_t end = dot.find(">,", at);
    const std::string html =
        dot.substr(at, end == std::string::npos ? std::string::npos : end - at);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;") != std::string::npos);
  }
}

TEST_CASE("the chart cache key changes with every field a chart is drawn from", "[flow][cache]") {
  Flow flow;
  FlowStep start;
  start.id = "申请";
  start.kind = StepKind::Start;
  Branch b;
  b.to.value = "受理";
  start.next.push_back(b);
  FlowStep step;
  step.id = "受理";
  flow.steps = {start, step};
  ChartInfo info;
  info.title = "ab";
  info.code = "c";
  const std::string key = chart_fingerprint(flow, info);
  CHECK(chart_fingerprint(flow, info) == key);
  auto differs = [&](auto change) {
    Flow f = flow;
    ChartInfo i = info;
    change(f, i);
    return chart_fingerprint(f, i) != key;
  };
  CHECK(differs([](Flow&, ChartInfo& i) { i.title = "a", i.code = "bc"; }));  // not just joined
  CHECK(differs([](Flow&, ChartInfo& i) { i.conditions = "x"; }));
  CHECK(differs([](Flow&, ChartInfo& i) { i.complaint = "x"; }));
  CHECK(differs([](Flow& f, ChartInfo&) { f.steps[1].duty = "x"; }));
  CHECK(differs([](Flow& f, ChartInfo&) { f.steps[1].excluded = true; }));
  CHECK(differs([](Flow& f, ChartInfo&) {
    f.steps[1].limit = Duration{TimeUnit::WorkDays, 1000};
  }));
  CHECK(differs([](Flow& f, ChartInfo&) { f.steps[0].next[0].when = "x"; }));
  CHECK(differs([](Flow& f, ChartInfo&) { f.steps[0].next[0].loop = true; }));
  CHECK(differs([](Flow& f, ChartInfo&) { f.steps[1].risks.push_back({"A", "p", "m"}); }));
  CHECK(differs([](Flow& f, ChartInfo&) { f.steps[1].disclose["scope"] = "x"; }));
  CHECK(differs([](Flow& f, ChartInfo&) { f.steps[1].rights_at.push_back("陈述"); }));
}
