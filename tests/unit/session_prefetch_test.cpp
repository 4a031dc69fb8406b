// The shipped law registry read on a second thread while the catalog loads (Session with
// jobs > 1) gives the same Session as read after it: the same files under the same ids, the
// same findings in the same order, the same registry.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "powerlist/session.hpp"

using namespace powerlist;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

// A catalog whose powerlist.yaml names its region and a `laws:` file with two faults, one item
// citing a 新疆 地方性法规 (its province loaded in full) and one a national law.
fs::path make_catalog(const std::string& region_name) {
  const fs::path dir = fs::temp_directory_path() / ("powerlist-prefetch-" + region_name);
  fs::remove_all(dir);
  write(dir / "powerlist.yaml",
        "title: 克拉玛依市行政职权目录\nregion: {code: \"650200\", name: " + region_name +
            "}\nlevel: 市级\neffective: 2026-01-01\npublisher: 克拉玛依市人民政府\n"
            "departments: [d.yaml]\nlaws: [mylaws.yaml]\n");
  write(dir / "mylaws.yaml",
        "- name: 测试办法\n  level: 部门规章\n  versions:\n    - {date: 2020-13-01}\n"
        "- name: 中华人民共和国行政许可法\n  level: 部门规章\n");
  write(dir / "d.yaml",
        "department:\n  id: d\n  name: 克拉玛依市测试局\n  credit_code: 11650200MB0123456X\n"
        "  units: [执法大队]\n  contacts: {supervise: \"1\", complaint: {phone: \"12345\"}}\n"
        "powers:\n"
        "  - key: a\n    name: 某项检查\n    category: 行政检查\n"
        "    basis: 《新疆维吾尔自治区农业机械安全监督管理条例》（2010年7月28日）第九十九条\n"
        "    initiation: 依职权\n    handled_by: 执法大队\n"
        "    disclosure: {forms: [政府网站], scope: 社会公开, timing: 长期公开}\n"
        "    rights: [复议, 诉讼]\n"
        "  - key: b\n    name: 某项许可\n    category: 行政许可\n"
        "    basis: 《中华人民共和国行政许可法》第十二条\n"
        "    initiation: 依申请\n    handled_by: 执法大队\n"
        "    disclosure: {forms: [政府网站], scope: 社会公开, timing: 长期公开}\n"
        "    rights: [复议, 诉讼]\n");
  return dir;
}

struct Seen {
  std::vector<std::string> findings, files;
  std::string region;
  size_t laws = 0;
};

Seen open_and_check(const fs::path& dir, unsigned jobs, const std::string& region = "") {
  SessionOptions o;
  o.jobs = jobs;
  o.region = region;
  o.as_of = Date{2026, 6, 1};
  auto s = Session::open(std::vector<std::string>{dir.string()}, o);
  REQUIRE(s->fatal().empty());
  s->check();
  Seen seen;
  for (const auto& d : s->findings())
    seen.findings.push_back(d.rule + " " + s->sources().get(d.span.file).display + ":" +
                            std::to_string(d.span.line) + " " + d.message.zh);
  for (uint32_t id = 1; id < s->sources().size(); ++id)
    seen.files.push_back(s->sources().get(id).display);
  seen.region = s->region().region;
  seen.laws = s->laws().size();
  return seen;
}

void require_same(const Seen& a, const Seen& b) {
  CHECK(a.findings == b.findings);
  CHECK(a.files == b.files);
  CHECK(a.region == b.region);
  CHECK(a.laws == b.laws);
}

}  // namespace

TEST_CASE("the registry read while the catalog loads gives the same Session", "[session]") {
  const fs::path dir = make_catalog("克拉玛依市");
  const Seen serial = open_and_check(dir, 1);
  REQUIRE(serial.region == "新疆维吾尔自治区克拉玛依市");
  // The user's registry file: its findings at its own lines, after the shipped files.
  bool faults = false;
  for (const auto& f : serial.findings) faults |= f.rfind("schema/type mylaws.yaml:4", 0) == 0;
  CHECK(faults);
  const auto at = [&](const std::string& f) {
    return std::find(serial.files.begin(), serial.files.end(), f) - serial.files.begin();
  };
  REQUIRE(at("mylaws.yaml") < static_cast<long>(serial.files.size()));
  CHECK(at("catalogs/laws/rules.yaml") < at("catalogs/laws/local/新疆维吾尔自治区.yaml"));
  CHECK(at("catalogs/laws/local/新疆维吾尔自治区.yaml") < at("mylaws.yaml"));
  // The region from powerlist.yaml, read ahead; then the region given as --region.
  require_same(open_and_check(dir, 2), serial);
  require_same(open_and_check(dir, 2, "克拉玛依市"), open_and_check(dir, 1, "克拉玛依市"));
  fs::remove_all(dir);
}

TEST_CASE("a registry read ahead for another region is read again for the region chosen",
          "[session][law]") {
  const std::string laws = std::string(POWERLIST_SOURCE_DIR) + "/catalogs/laws";
  Sources a_sources, b_sources;
  DiagSink a_sink, b_sink;
  RegistryLoad ahead = complete_registry(load_shipped_registry(laws, std::string("广东省深圳市")),
                                         laws, {}, a_sources, a_sink, "新疆维吾尔自治区克拉玛依市");
  RegistryLoad direct = load_registry(laws, {}, b_sources, b_sink, "新疆维吾尔自治区克拉玛依市");
  REQUIRE(ahead.fatal.empty());
  CHECK(ahead.registry.region == "新疆维吾尔自治区克拉玛依市");
  CHECK(ahead.registry.size() == direct.registry.size());
  const Instrument* local = ahead.registry.find("自治区专业技术人员继续教育条例");
  REQUIRE(local);  // the short form names the chosen region's instrument
  CHECK(local->region == "新疆维吾尔自治区");
  CHECK(a_sources.size() == b_sources.size());
}
