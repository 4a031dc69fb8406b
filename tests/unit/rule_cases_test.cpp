// Runs every file in tests/cases/rules/. Each file states what it expects in comments:
//   # expect: RULE LINE:COL     (one line per finding, in output order)
//   # expect: none              (the file must produce no finding at all)
//   # as-of: YYYY-MM-DD         (optional: the catalog date; default 2026-01-01)
//   # region: NAME              (optional: the region whose local legislation is loaded)
// The registry is the shipped one plus tests/cases/laws.yaml; flow/missing is off except in
// its own case files.
// Folders (<rule>.fail/, <rule>.pass/) are whole catalogs for the rules that need one (the
// lock, the baseline, several departments); their powerlist.yaml holds the expectations as
// `# expect: RULE FILE:LINE:COL`.
// Every implemented rule must have a failing file (<rule>.fail*.yaml, '/' as '_') that
// expects it and a passing file (<rule>.pass*.yaml).
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "helpers.hpp"
#include "powerlist/monitor.hpp"
#include "powerlist/report.hpp"
#include "powerlist/session.hpp"
#include "powerlist/text.hpp"

namespace fs = std::filesystem;
using namespace powerlist;

static std::vector<std::string> expectations(const std::string& text, bool* none) {
  std::vector<std::string> out;
  *none = false;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    auto pos = line.find("# expect:");
    if (pos == std::string::npos) continue;
    std::string e = trim(line.substr(pos + 9));
    if (e == "none")
      *none = true;
    else
      out.push_back(e);
  }
  return out;
}

// UPDATE_GOLDEN=1: replace the file's `# expect:` lines with what the tool reports now
// (run twice when the number of expectations changes, since the lines shift).
static void rewrite_expectations(const fs::path& f, const std::string& text,
                                 const std::vector<std::string>& got) {
  std::istringstream in(text);
  std::string out, line;
  bool written = false;
  while (std::getline(in, line)) {
    if (line.rfind("# expect:", 0) == 0) {
      if (!written) {
        if (got.empty()) out += "# expect: none\n";
        for (const auto& g : got) out += "# expect: " + g + "\n";
        written = true;
      }
      continue;
    }
    out += line + "\n";
  }
  std::ofstream(f, std::ios::binary) << out;
}

static std::vector<fs::path> case_files() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(POWERLIST_SOURCE_DIR) / "tests/cases/rules"))
    if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST_CASE("rule case files produce exactly their expected findings", "[rules][cases]") {
  auto files = case_files();
  REQUIRE(files.size() > 20);
  for (const auto& f : files) {
    const std::string text = test::read_file(f.string());
    bool none = false;
    auto expected = expectations(text, &none);
    INFO("case " << f.filename().string());
    REQUIRE((none || !expected.empty()));
    Date as_of{2026, 1, 1};
    if (auto pos = text.find("# as-of:"); pos != std::string::npos)
      as_of = *parse_date(text.substr(pos + 8, 11));
    // Items in rule cases carry no procedure and no risk point unless the case is about
    // them, so flow/missing and risk/none are only checked by their own files.
    SeverityPolicy policy;
    if (!starts_with(f.filename().string(), "flow_missing"))
      policy.overrides["flow/missing"] = Severity::Off;
    if (!starts_with(f.filename().string(), "risk_none"))
      policy.overrides["risk/none"] = Severity::Off;
    std::string region;
    if (auto pos = text.find("# region:"); pos != std::string::npos)
      region = trim(text.substr(pos + 9, text.find('\n', pos) - pos - 9));
    auto res = test::check_text(text, f.filename().string(), as_of, policy, region);
    auto got = test::brief(res);
    if (std::getenv("UPDATE_GOLDEN")) {
      rewrite_expectations(f, text, got);
      continue;
    }
    CHECK(got == expected);
  }
}

// monitor/* cases are ledgers (.csv) held against the shared catalog tests/cases/monitor.
static std::vector<fs::path> monitor_case_files() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(POWERLIST_SOURCE_DIR) / "tests/cases/rules"))
    if (e.is_regular_file() && e.path().extension() == ".csv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

static std::vector<fs::path> case_folders() {
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(fs::path(POWERLIST_SOURCE_DIR) / "tests/cases/rules"))
    if (e.is_directory()) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

TEST_CASE("rule case folders produce exactly their expected findings", "[rules][cases]") {
  auto dirs = case_folders();
  REQUIRE(dirs.size() >= 14);
  for (const auto& dir : dirs) {
    const fs::path proj = dir / "powerlist.yaml";
    const std::string text = test::read_file(proj.string());
    bool none = false;
    auto expected = expectations(text, &none);
    INFO("case " << dir.filename().string());
    REQUIRE((none || !expected.empty()));
    LoadResult res = load_catalog({dir.string()}, LoadOptions{});
    REQUIRE(res.fatal.empty());
    run_rules(res.catalog, res.diags, &test::test_registry(), &test::test_templates());
    SeverityPolicy policy;
    policy.overrides["flow/missing"] = Severity::Off;
    policy.overrides["risk/none"] = Severity::Off;
    for (const auto& [id, sev] : res.catalog.project.rule_settings)
      policy.overrides[id] = *parse_severity(sev.value);
    finalize_diagnostics(res.diags.mutable_list(), policy, res.suppressions, res.item_starts);
    std::vector<std::string> got;
    for (const auto& d : res.diags.list())
      if (!d.suppressed)
        got.push_back(fmt::format("{} {}:{}:{}", d.rule, res.sources.get(d.span.file).display,
                                  d.span.line, d.span.col));
    if (std::getenv("UPDATE_GOLDEN")) {
      rewrite_expectations(proj, text, got);
      continue;
    }
    CHECK(got == expected);
  }
}

TEST_CASE("every implemented rule has a failing and a passing case", "[rules][cases]") {
  std::set<std::string> names;
  for (const auto& f : case_files()) names.insert(f.filename().string());
  for (const auto& f : case_folders()) names.insert(f.filename().string());
  for (const auto& f : monitor_case_files()) names.insert(f.filename().string());
  for (const auto& r : all_rules()) {
    if (!r.implemented) continue;
    std::string stem(r.id);
    std::replace(stem.begin(), stem.end(), '/', '_');
    bool fail = false, pass = false;
    for (const auto& n : names) {
      if (starts_with(n, stem + ".fail")) fail = true;
      if (starts_with(n, stem + ".pass")) pass = true;
    }
    INFO("rule " << r.id);
    CHECK(fail);
    CHECK(pass);
  }
}

TEST_CASE("every implemented rule has a doc entry in docs/rules.md", "[rules][docs]") {
  const std::string doc = test::read_file(std::string(POWERLIST_SOURCE_DIR) + "/docs/rules.md");
  for (const auto& r : all_rules()) {
    INFO("rule " << r.id);
    if (r.implemented)
      CHECK(doc.find("### " + std::string(r.id) + " ✅") != std::string::npos);
    else
      CHECK(doc.find(std::string(r.id)) != std::string::npos);
  }
}

TEST_CASE("each doc entry states the rule's default severity from rule_list.def", "[rules][docs]") {
  const std::string doc = test::read_file(std::string(POWERLIST_SOURCE_DIR) + "/docs/rules.md");
  for (const auto& r : all_rules()) {
    if (!r.implemented) continue;
    INFO("rule " << r.id);
    const size_t at = doc.find("### " + std::string(r.id) + " ✅");
    REQUIRE(at != std::string::npos);
    const size_t line = doc.find('\n', at) + 1;
    const std::string want = "**" + std::string(severity_name(r.default_severity)) + "**";
    CHECK(doc.compare(line, want.size(), want) == 0);
  }
}

TEST_CASE("monitor rule cases produce exactly their expected findings", "[rules][cases][monitor]") {
  auto files = monitor_case_files();
  REQUIRE(files.size() >= 16);
  SessionOptions so;
  so.share_shipped_data = true;
  auto session = Session::open(
      std::vector<std::string>{std::string(POWERLIST_SOURCE_DIR) + "/tests/cases/monitor"}, so);
  REQUIRE(session->fatal().empty());
  for (const auto& f : files) {
    const std::string text = test::read_file(f.string());
    bool none = false;
    auto expected = expectations(text, &none);
    INFO("case " << f.filename().string());
    REQUIRE((none || !expected.empty()));
    MonitorOptions mo;
    mo.as_of = *parse_date(text.substr(text.find("# as-of:") + 9, 10));
    Sources& sources = session->load().sources;
    LedgerRead ledger = read_ledgers({{f.filename().string(), text}}, LedgerOptions{}, sources);
    REQUIRE(ledger.fatal.zh.empty());
    MonitorResult r = run_monitor(*session, ledger, mo);
    std::vector<Suppression> none_suppressed;
    finalize_diagnostics(r.findings.mutable_list(), SeverityPolicy{}, none_suppressed, {});
    std::vector<std::string> got;
    for (const auto& d : r.findings.list())
      got.push_back(d.rule + " " + finding_location(sources.get(d.span.file), d.span));
    if (std::getenv("UPDATE_GOLDEN")) {
      rewrite_expectations(f, text, got);
      continue;
    }
    CHECK(got == expected);
  }
}
