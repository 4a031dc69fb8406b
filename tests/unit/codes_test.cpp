// Codes and powerlist.lock: formats, and property-style stability tests over random edits
// (shuffle, rename, move between files, add, retire) of synthetic catalogs.
#include "powerlist/codes.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <set>

#include "helpers.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/gen.hpp"
#include "powerlist/text.hpp"

namespace fs = std::filesystem;
using namespace powerlist;

namespace {

struct Dept {
  std::string header;
  std::vector<std::string> items;  // each "  - key: …" block, newline-terminated
};

Dept split(const std::string& text) {
  Dept d;
  size_t pos = text.find("\n  - key: ");
  d.header = text.substr(0, pos + 1);
  while (pos != std::string::npos) {
    size_t next = text.find("\n  - key: ", pos + 1);
    d.items.push_back(
        text.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos));
    pos = next;
  }
  return d;
}

std::string join(const Dept& d) {
  std::string s = d.header;
  for (const auto& i : d.items) s += i;
  return s;
}

std::string key_of(const std::string& block) {
  const size_t b = block.find("key: ") + 5;
  return block.substr(b, block.find('\n', b) - b);
}

// Writes the catalog, runs the assignment as `powerlist codes` does, returns the lock text.
std::string assign(const fs::path& dir, const FileSet& files, Date today) {
  fs::remove_all(dir / "departments");
  REQUIRE(write_files(dir.string(), files, true).empty());
  LoadResult res = load_catalog({dir.string()}, LoadOptions{});
  REQUIRE(res.fatal.empty());
  for (const auto& d : res.diags.list()) INFO(d.rule << " " << d.message.en);
  REQUIRE(!res.diags.has_errors());
  REQUIRE(res.catalog.lock.usable);
  AssignResult a = assign_codes(res.catalog, res.catalog.lock, today);
  const std::string text = render_lock(a.lock);
  REQUIRE(write_file_atomic((dir / "powerlist.lock").string(), text).zh.empty());
  return text;
}

std::map<std::string, LockEntry> entries(const fs::path& dir) {
  LoadResult res = load_catalog({dir.string()}, LoadOptions{});
  REQUIRE(res.catalog.lock.usable);
  return res.catalog.lock.entries;
}

}  // namespace

TEST_CASE("code formats follow GB/T 39046 as published", "[codes]") {
  const fs::path dir = fs::temp_directory_path() / "powerlist-codes-format";
  fs::remove_all(dir);
  GenOptions g;
  g.items = 6;
  g.departments = 1;
  FileSet files = generate_catalog(g);
  assign(dir, files, Date{2026, 1, 1});
  LoadResult res = load_catalog({dir.string()}, LoadOptions{});
  const Department& d = res.catalog.departments.at(0);
  for (const auto& it : d.powers) {
    ItemCodes c = item_codes(res.catalog, d, it);
    REQUIRE(c.assigned());
    CHECK(c.basic.size() == 12);
    CHECK(c.basic.substr(0, 2) == "36");  // province of region 360827
    CHECK(c.basic.substr(2, 2) == category_info(it.category.value).code);
    CHECK(c.basic[4] == '9');  // local 主项 from 90001
    CHECK(c.implementation.size() == 31);
    CHECK(c.implementation == d.credit_code.value + "4" + c.basic);  // 县级 = 4
  }
  CHECK(item_codes(res.catalog, d, d.powers[0]).basic == "360190001000");
  fs::remove_all(dir);
}

TEST_CASE("parent items give their 子项 numbers and baseline codes are used as given", "[codes]") {
  const fs::path dir = fs::temp_directory_path() / "powerlist-codes-parent";
  fs::remove_all(dir);
  GenOptions g;
  g.items = 3;
  g.departments = 1;
  FileSet files = generate_catalog(g);
  std::string& text = files.begin()->first.find("departments/") == 0 ? files.begin()->second
                                                                     : files.rbegin()->second;
  Dept d = split(text);
  REQUIRE(d.items.size() == 3);
  std::string child = d.items[0];
  child.replace(child.find("key: ") + 5, key_of(child).size(), "child-a");
  child.insert(child.find('\n') + 1, "    parent: " + key_of(d.items[0]) + "\n");
  std::string child2 = child;
  child2.replace(child2.find("child-a"), 7, "child-b");
  std::string with_baseline = d.items[1];
  with_baseline.insert(with_baseline.find('\n') + 1, "    baseline: \"000125046002\"\n");
  d.items = {d.items[0], with_baseline, d.items[2], child, child2};
  text = join(d);
  assign(dir, files, Date{2026, 1, 1});
  auto e = entries(dir);
  const std::string parent = e.at("d000/" + key_of(d.items[0])).basic;
  CHECK(parent.substr(9) == "000");
  CHECK(e.at("d000/child-a").basic == parent.substr(0, 9) + "001");
  CHECK(e.at("d000/child-b").basic == parent.substr(0, 9) + "002");
  CHECK(e.at("d000/" + key_of(with_baseline)).basic == "000125046002");
  CHECK(e.at("d000/" + key_of(with_baseline)).implementation.substr(19) == "000125046002");
  fs::remove_all(dir);
}

TEST_CASE("codes are stable under shuffle, rename, move, add and retire", "[codes][property]") {
  for (uint64_t seed = 1; seed <= 6; ++seed) {
    INFO("seed " << seed);
    const fs::path dir =
        fs::temp_directory_path() / ("powerlist-codes-prop-" + std::to_string(seed));
    fs::remove_all(dir);
    GenOptions g;
    g.items = 40;
    g.departments = 3;
    g.seed = seed;
    FileSet files = generate_catalog(g);
    std::mt19937_64 rng(seed);
    std::string lock = assign(dir, files, Date{2026, 1, 1});
    std::map<std::string, LockEntry> known = entries(dir);
    std::set<std::string> ever;  // every code ever given out
    for (const auto& [id, e] : known) ever.insert(e.implementation);
    int added = 0;
    for (int round = 0; round < 12; ++round) {
      INFO("round " << round);
      const int op = static_cast<int>(rng() % 6);
      std::vector<std::string> dept_files;
      for (const auto& [name, _] : files)
        if (name.rfind("departments/", 0) == 0) dept_files.push_back(name);
      std::string& target = files[dept_files[rng() % dept_files.size()]];
      Dept d = split(target);
      bool changes_lock = false;
      std::string retired_key;
      if (op == 0) {         // nothing
      } else if (op == 1) {  // shuffle items inside a file
        std::shuffle(d.items.begin(), d.items.end(), rng);
      } else if (op == 2) {  // rename every item of a file
        for (auto& it : d.items) {
          size_t p = it.find("    name: ");
          it.insert(it.find('\n', p), "（更名）");
        }
      } else if (op == 3 && d.items.size() > 1) {  // move half the items to a new file of
                                                   // the same department
        Dept moved{d.header, {}};
        while (moved.items.size() < d.items.size() / 2) {
          moved.items.push_back(d.items.back());
          d.items.pop_back();
        }
        files["departments/zz-split-" + std::to_string(round) + ".yaml"] = join(moved);
      } else if (op == 4) {  // add two items
        for (int k = 0; k < 2; ++k) {
          std::string item = d.items[rng() % d.items.size()];
          item.replace(item.find("key: ") + 5, key_of(item).size(),
                       "new-" + std::to_string(++added));
          d.items.insert(d.items.begin() + static_cast<long>(rng() % (d.items.size() + 1)), item);
        }
        changes_lock = true;
      } else if (op == 5) {  // retire an active item (and later drop a retired one)
        for (auto& it : d.items)
          if (it.find("retired:") == std::string::npos) {
            it += "    retired: {date: 2026-05-01, reason: 职能调整}\n";
            retired_key = key_of(it);
            changes_lock = true;
            break;
          }
      }
      target = join(d);
      const std::string next = assign(dir, files, Date{2026, 6, 1});
      if (!changes_lock) CHECK(next == lock);
      auto now = entries(dir);
      for (const auto& [id, e] : known) {
        REQUIRE(now.count(id));  // never losing an entry
        CHECK(now.at(id).basic == e.basic);
        CHECK(now.at(id).implementation == e.implementation);
      }
      if (!retired_key.empty()) {
        const std::string id = d.header.substr(d.header.find("id: ") + 4, 4) + "/" + retired_key;
        REQUIRE(now.count(id));
        CHECK(!now.at(id).active);
        CHECK(now.at(id).retired == Date{2026, 5, 1});
      }
      for (const auto& [id, e] : now)
        if (!known.count(id)) CHECK(ever.insert(e.implementation).second);  // never reused
      // A second run with nothing changed leaves the lock byte-identical.
      CHECK(assign(dir, files, Date{2026, 7, 1}) == next);
      lock = next;
      known = now;
    }
    fs::remove_all(dir);
  }
}

TEST_CASE("new items are numbered the same whatever the item order", "[codes][property]") {
  GenOptions g;
  g.items = 30;
  g.departments = 2;
  FileSet a = generate_catalog(g), b = a;
  std::mt19937_64 rng(7);
  for (auto& [name, text] : b)
    if (name.rfind("departments/", 0) == 0) {
      Dept d = split(text);
      std::shuffle(d.items.begin(), d.items.end(), rng);
      text = join(d);
    }
  const fs::path da = fs::temp_directory_path() / "powerlist-codes-order-a";
  const fs::path db = fs::temp_directory_path() / "powerlist-codes-order-b";
  fs::remove_all(da);
  fs::remove_all(db);
  CHECK(assign(da, a, Date{2026, 1, 1}) == assign(db, b, Date{2026, 1, 1}));
  fs::remove_all(da);
  fs::remove_all(db);
}

TEST_CASE("render_lock round-trips through parse_lock", "[codes]") {
  CodeLock lock;
  LockEntry e;
  e.id = "zrzyj/old-item";
  e.basic = "360190002000";
  e.implementation = "11360827MB0123456H4360190002000";
  e.assigned = Date{2026, 1, 1};
  e.active = false;
  e.retired = Date{2026, 3, 1};
  e.reason = "职能调整: \"合并\"";
  e.previous = {"360190001000"};
  lock.entries[e.id] = e;
  const std::string text = render_lock(lock);
  Sources sources;
  uint32_t id = sources.add("powerlist.lock", "powerlist.lock", text);
  sources.get_mut(id).index_lines();
  DiagSink sink;
  CodeLock back = parse_lock(sources.get_mut(id), id, sink);
  CHECK(sink.list().empty());
  REQUIRE(back.entries.count(e.id));
  CHECK(back.entries.at(e.id).reason == e.reason);
  CHECK(back.entries.at(e.id).previous == e.previous);
  CHECK(render_lock(back) == text);
}

TEST_CASE("local numbers stop at 99999 with a message instead of overflowing", "[codes]") {
  const fs::path dir = fs::temp_directory_path() / "powerlist-codes-full";
  fs::remove_all(dir);
  GenOptions g;
  g.items = 2;
  g.departments = 1;
  REQUIRE(write_files(dir.string(), generate_catalog(g), true).empty());
  LoadResult res = load_catalog({dir.string()}, LoadOptions{});
  CodeLock full;
  LockEntry e;
  e.id = "other/last";
  e.basic = "360199999000";
  e.active = false;
  e.retired = Date{2025, 1, 1};
  full.entries[e.id] = e;
  AssignResult a = assign_codes(res.catalog, full, Date{2026, 1, 1});
  CHECK(a.assigned == 0);
  CHECK(a.errors.size() == 2);
  for (const auto& [id, entry] : a.lock.entries) CHECK(entry.basic.size() == 12);
  fs::remove_all(dir);
}

TEST_CASE("malformed locks are code/lock-conflict findings, never a crash", "[codes]") {
  const std::vector<std::string> texts = {
      "codes: [1, 2]\n",
      "- a\n- b\n",
      "version: 1\ncodes:\n  nokey: {basic: \"360190001000\", status: active}\n",
      "version: 1\ncodes:\n  a/b: 5\n",
      "version: 1\ncodes:\n  a/b: {basic: \"12\", status: maybe, assigned: yesterday}\n",
      "version: 1\ncodes:\n  a/b: {basic: \"360190001000\", status: retired}\n",
      "version: 1\ncodes:\n  a/b: {basic: \"360190001000\", status: active, colour: red}\n",
      "version: 1\ncodes:\n  a/b: {basic: [1], status: active}\n",
      "version: 1\ncodes: {a/b: {basic: \"360190001000\", status: active}\n",
      "\x01\x02\xff\xfe",
      "version: 1\ncodes:\n  a/b: {basic: \"360190001000\", status: active}\n"
      "  a/b: {basic: \"360190002000\", status: active}\n",
  };
  for (const auto& t : texts) {
    INFO(t);
    Sources sources;
    uint32_t id = sources.add("powerlist.lock", "powerlist.lock", t);
    sources.get_mut(id).index_lines();
    DiagSink sink;
    CodeLock lock = parse_lock(sources.get_mut(id), id, sink);
    REQUIRE(!sink.list().empty());
    for (const auto& d : sink.list()) CHECK(d.rule == "code/lock-conflict");
    CHECK(!lock.usable);
  }
}
