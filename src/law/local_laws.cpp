// The shipped local legislation (catalogs/laws/local, derived by scripts/derive_laws.py --flk):
// one registry file and one packed text file per province, index.tsv naming every
// instrument of every province, regions.tsv naming every place. A catalog's region loads its
// province in full; every other instrument is known by its full name, level and region only,
// so that `check` stays fast while no province's instrument is "unknown".
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <mutex>

#include "powerlist/fsio.hpp"
#include "powerlist/law.hpp"
#include "powerlist/text.hpp"
#include "yaml/parse_file.hpp"

namespace fs = std::filesystem;

namespace powerlist {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

// Calls `row(fields, line number)` for every line but comments; false when unreadable.
template <typename Row>
bool read_tsv(const std::string& path, Row row) {
  std::string bytes;
  if (read_regular_file(path, 64u << 20, bytes) != ReadStatus::Ok) return false;
  size_t start = 0, line_no = 0;
  while (start < bytes.size()) {
    size_t nl = bytes.find('\n', start);
    if (nl == std::string::npos) nl = bytes.size();
    std::string_view line(bytes.data() + start, nl - start);
    start = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (!row(split_tabs(line), line_no)) return false;
  }
  return true;
}

struct Place {
  std::string place, region;
};

const std::vector<Place>& places(const std::string& laws_dir) {
  static std::mutex mutex;
  static std::map<std::string, std::vector<Place>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  // Not a structured binding: clang 14 cannot capture one in the lambda below.
  const auto emplaced = cache.try_emplace(laws_dir);
  const auto it = emplaced.first;
  if (emplaced.second)
    read_tsv(laws_dir + "/local/regions.tsv", [&](const auto& f, size_t) {
      if (f.size() >= 2) it->second.push_back({std::string(f[0]), std::string(f[1])});
      return true;
    });
  return it->second;
}

// The provinces with a registry file in local/ (新疆维吾尔自治区 for 新疆维吾尔自治区.yaml).
std::vector<std::string> provinces(const std::string& laws_dir) {
  std::vector<std::string> out;
  for (const auto& f : yaml_files_in(laws_dir + "/local"))
    out.push_back(fs::path(f).stem().string());
  return out;
}

}  // namespace

std::optional<Date> law_base_date(const std::string& laws_dir) {
  std::string bytes;
  if (read_regular_file(laws_dir + "/law-base", 4096, bytes) != ReadStatus::Ok) return std::nullopt;
  return parse_date(trim(bytes));
}

std::string region_named(const std::string& laws_dir, const std::string& raw) {
  const std::string name = trim(raw);
  if (name.empty()) return "";
  for (const auto& p : places(laws_dir))
    if (name == p.place || name == p.region) return p.region;
  // A fuller region than the places know (…克拉玛依市白碱滩区): as given, if its province is known.
  for (const auto& prov : provinces(laws_dir))
    if (starts_with(name, prov)) return name;
  // A place inside a known one named without its province (克拉玛依市白碱滩区).
  for (const auto& p : places(laws_dir))
    if (starts_with(name, p.place)) return p.region + name.substr(p.place.size());
  return "";
}

std::string region_in_text(const std::string& laws_dir, const std::string& text) {
  // The place named most often (a longer name wins a tie: 乌鲁木齐市 over a province).
  const Place* best = nullptr;
  size_t best_count = 0;
  for (const auto& p : places(laws_dir)) {
    size_t count = 0;
    for (size_t at = text.find(p.place); at != std::string::npos;
         at = text.find(p.place, at + p.place.size()))
      ++count;
    if (count > best_count ||
        (count && count == best_count && p.region.size() > best->region.size())) {
      best = &p;
      best_count = count;
    }
  }
  if (best) return best->region;
  for (const auto& prov : provinces(laws_dir))
    if (text.find(prov) != std::string::npos) return prov;
  return "";
}

std::string load_local_laws(LawRegistry& reg, const std::string& laws_dir,
                            const std::string& region, Sources& sources, DiagSink& sink) {
  const std::string dir = laws_dir + "/local";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "";  // a data folder without local legislation
  // The region's province in full (a damaged file is an installation problem: exit 2).
  for (const auto& prov : provinces(laws_dir)) {
    if (region.empty() || !starts_with(region, prov)) continue;
    const std::string path = dir + "/" + prov + ".yaml";
    uint32_t id = sources.add("catalogs/laws/local/" + prov + ".yaml", path, "");
    sources.get_mut(id).builtin = true;
    DiagSink local;
    if (read_source(sources.get_mut(id), id, local, LoadLimits{}))
      load_registry_file_for_region(reg, id, sources, local, region);
    for (const auto& d : local.list())
      if (d.severity == Severity::Error)
        return fmt::format("内置地方法规库文件损坏 / damaged law base file: {}:{}：{}", path,
                           d.span.line, d.message.zh);
    for (const auto& d : local.list()) sink.mutable_list().push_back(d);
  }
  // Every other instrument by its full name: level, region and a known repeal.
  std::string problem;
  const std::string index = dir + "/index.tsv";
  const bool ok = read_tsv(index, [&](const auto& f, size_t line) {
    auto level = f.size() == 4 ? parse_law_level(std::string(f[1])) : std::nullopt;
    std::optional<Date> repealed;
    if (f.size() == 4 && !f[3].empty()) repealed = parse_date(std::string(f[3]));
    if (!level || f[0].empty() || (!f[3].empty() && !repealed)) {
      problem = fmt::format("第 {} 行格式错误 / line {} is malformed", line, line);
      return false;
    }
    const std::string name(f[0]);
    if (reg.find(name)) return true;
    Instrument ins;
    ins.name = name;
    ins.level = *level;
    ins.region = std::string(f[2]);
    ins.other_region = !region.empty() && !region_covers(region, ins.region);
    ins.status_unknown = !repealed;
    if (repealed) {
      ins.repealed = true;
      ins.repealed_date = repealed;
    }
    ins.source = "flk 2025-11-22 (catalogs/laws/local/index.tsv)";
    reg.add(std::move(ins));
    return true;
  });
  if (!ok)
    return "内置地方法规索引无法读取 / law base index unreadable: " + index +
           (problem.empty() ? "" : "：" + problem);
  return "";
}

}  // namespace powerlist
