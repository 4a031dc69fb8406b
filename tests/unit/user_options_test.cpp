// The options a user types, turned into a Session's options by the library (issue 29): the CLI
// and later the desk call this instead of validating on their own.
#include "powerlist/user_options.hpp"

#include <catch2/catch.hpp>

using namespace powerlist;

TEST_CASE("user options become session options, or a usage message naming the option",
          "[options]") {
  SessionOptions so;
  CHECK(apply_user_options({{"basis/unknown-law=off"}, "2026-06-01", {"职权名称=name"}}, so)
            .zh.empty());
  REQUIRE(so.rules.size() == 1);
  CHECK(so.rules[0].first == "basis/unknown-law");
  CHECK(so.rules[0].second == Severity::Off);
  CHECK(so.as_of == Date{2026, 6, 1});
  CHECK(so.import.overrides.size() == 1);

  SessionOptions bad;
  const Message rule = apply_user_options({{"basis/unknwn-law=off"}, "", {}}, bad);
  CHECK(rule.zh.find("--rule basis/unknwn-law=off") == 0);
  CHECK(rule.en.find("expected a rule id") != std::string::npos);
  CHECK(apply_user_options({{}, "2026-13-01", {}}, bad).zh ==
        "--as-of 2026-13-01：应为 YYYY-MM-DD");
  CHECK(apply_user_options({{}, "", {"名称"}}, bad).en.find("expected heading=field") !=
        std::string::npos);
  CHECK(parse_fail_on("warning") == Severity::Warning);
  CHECK(parse_fail_on("error") == Severity::Error);
  CHECK(parse_fail_on("never") > Severity::Error);
}
