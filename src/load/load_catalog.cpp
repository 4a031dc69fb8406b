// Orchestrates loading: powerlist.yaml, then every department file (in parallel workers,
// each with its own findings list, merged in file order so output stays deterministic).
#include <fmt/format.h>
#include <glob.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "load_parts.hpp"
#include "powerlist/codes.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/load.hpp"
#include "powerlist/text.hpp"
#include "yaml/parse_file.hpp"

namespace fs = std::filesystem;

namespace powerlist {

static void load_project_file(LoadResult& res, const YAML::Node& root, uint32_t file_id) {
  Reader r(res.sources.get(file_id), file_id, res.diags);
  Project& p = res.catalog.project;
  p.file = file_id;
  Fields f = r.fields(root, *project_table(), Span{file_id, 1, 1, 1, 2});
  if (!f.ok) return;
  if (auto v = r.str(f, "title")) p.title = *v;
  if (f.has("region")) {
    Fields rg = r.fields(f.get("region"), *project_table()->find("region")->table(), f.span);
    if (rg.ok) {
      if (auto v = r.str(rg, "code")) {
        p.region_code = *v;
        if (!is_digits(v->value, 6))
          r.report(rule::schema_type, v->span,
                   {fmt::format("行政区划代码“{}”应为 6 位数字（加引号）", v->value),
                    fmt::format("region code '{}' must be 6 digits (quoted)", v->value)});
      }
      if (auto v = r.str(rg, "name")) p.region_name = *v;
    }
  }
  if (auto v = r.enum_value(f, "level", project_table()->find("level")->values)) p.level = *v;
  if (auto v = r.date(f, "effective")) p.effective = *v;
  if (auto v = r.str(f, "publisher")) p.publisher = *v;
  if (f.has("publication")) {
    Fields pb =
        r.fields(f.get("publication"), *project_table()->find("publication")->table(), f.span);
    if (pb.ok) {
      if (auto v = r.str(pb, "number")) p.publication_number = v->value;
      if (auto v = r.str(pb, "footer")) p.footer = v->value;
    }
  }
  if (f.has("audit")) {
    Fields a = r.fields(f.get("audit"), *project_table()->find("audit")->table(), f.span);
    if (a.ok) {
      if (auto v = r.str(a, "to")) p.audit.to = v->value;
      if (auto v = r.str(a, "number")) p.audit.number = v->value;
      if (auto v = r.str(a, "issuer")) p.audit.issuer = v->value;
      if (auto v = r.date(a, "date")) p.audit.date = v->value;
    }
  }
  if (auto v = r.enum_value(f, "profile", project_table()->find("profile")->values))
    p.profile = v->value == "权责清单" ? Profile::DutyList : Profile::PowerCatalog;
  p.department_globs = r.str_list(f, "departments");
  p.laws = r.str_list(f, "laws");
  p.holidays = r.str_list(f, "holidays");
  if (auto v = r.str(f, "baseline")) p.baseline.push_back(*v);
  if (f.has("settings")) {
    Fields s = r.fields(f.get("settings"), *project_table()->find("settings")->table(), f.span);
    if (s.ok) {
      if (auto v = r.str(s, "promised_ratio")) {
        long long a = 0, b = 0;
        char slash = 0;
        if (sscanf(v->value.c_str(), "%lld %c %lld", &a, &slash, &b) == 3 && slash == '/' &&
            a > 0 && b > 0 && a <= b) {
          p.promised_ratio = {a, b};
        } else {
          r.report(
              rule::schema_type, v->span,
              {fmt::format("承诺时限比例“{}”应写作分数，如 \"2/3\"", v->value),
               fmt::format("promised_ratio '{}' must be a fraction such as \"2/3\"", v->value)});
        }
      }
      if (auto v = r.integer(s, "large_fine")) p.large_fine = v->value;
      for (auto& [rule, sev] : r.str_map(s, "rules")) {
        if (!find_rule(rule)) {
          std::vector<std::string> ids;
          for (const auto& ri : all_rules()) ids.emplace_back(ri.id);
          std::string hint = closest_match(rule, ids);
          r.report(rule::schema_enum, sev.span,
                   {fmt::format("未知的规则编号“{}”{}", rule,
                                hint.empty() ? "" : "；是否应为“" + hint + "”？"),
                    fmt::format("unknown rule id '{}'{}", rule,
                                hint.empty() ? "" : "; did you mean '" + hint + "'?")});
          continue;
        }
        if (!parse_severity(sev.value)) {
          r.report(rule::schema_enum, sev.span,
                   {fmt::format("规则级别“{}”无效，可选 off、warning、error", sev.value),
                    fmt::format("invalid severity '{}'; use off, warning or error", sev.value)});
          continue;
        }
        p.rule_settings[rule] = sev;
      }
    }
  }
}

static std::vector<std::string> expand_glob(const fs::path& root, const std::string& pattern) {
  std::vector<std::string> out;
  glob_t g{};
  const std::string full = (root / pattern).string();
  if (glob(full.c_str(), 0, nullptr, &g) == 0)
    for (size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
  globfree(&g);
  std::sort(out.begin(), out.end());
  return out;
}

Message outside_catalog_problem(const std::string& root, const std::string& path,
                                const std::string& shown, bool allow_outside) {
  if (allow_outside || path_within(path, root)) return {};
  return {fmt::format("“{}”位于目录文件夹之外，不予读取（防止提交的目录读取本机其他文件）；"
                      "确需读取时请加 --allow-outside",
                      shown),
          fmt::format("'{}' lies outside the catalog folder and is not read (a submitted catalog "
                      "must not read other files of this machine); pass --allow-outside if you "
                      "mean it",
                      shown)};
}

// An absolute pattern or one with a ".." component.
static bool pattern_leaves_folder(const std::string& pattern) {
  if (!pattern.empty() && (pattern.front() == '/' || pattern.front() == '\\')) return true;
  for (const auto& part : fs::path(pattern)) {
    if (part == "..") return true;
  }
  return false;
}

static void parse_department_file(LoadResult& res, uint32_t id, DiagSink& sink,
                                  std::vector<Suppression>& sups, Department& out,
                                  const LoadOptions& opts, bool read) {
  SourceFile& src = res.sources.get_mut(id);
  if (read && !read_source(src, id, sink, opts.limits)) return;
  ParsedFile pf = parse_source(src, id, sink, opts.limits);
  scan_suppressions(src, id, sups);
  if (!pf.ok) return;
  Reader r(src, id, sink);
  r.set_profile(opts.profile);
  out = load_department(r, pf.root);
}

// Loads files [ids] in `jobs` workers; results are merged in id order.
static void load_departments(LoadResult& res, const std::vector<uint32_t>& ids,
                             const LoadOptions& opts) {
  std::vector<DiagSink> sinks(ids.size());
  std::vector<std::vector<Suppression>> sups(ids.size());
  std::vector<Department> depts(ids.size());
  std::atomic<size_t> next{0};
  size_t done = 0;
  std::mutex progress_mutex;
  auto worker = [&] {
    for (size_t i; (i = next++) < ids.size();) {
      parse_department_file(res, ids[i], sinks[i], sups[i], depts[i], opts, true);
      if (opts.progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        opts.progress(++done, ids.size());
      }
    }
  };
  const unsigned jobs =
      std::max(1u, std::min<unsigned>(opts.jobs, static_cast<unsigned>(ids.size())));
  std::vector<std::thread> pool;
  for (unsigned j = 1; j < jobs; ++j) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  for (size_t i = 0; i < ids.size(); ++i) {
    for (auto& d : sinks[i].mutable_list()) res.diags.mutable_list().push_back(std::move(d));
    for (auto& s : sups[i]) res.suppressions.push_back(std::move(s));
    depts[i].file = ids[i];
    res.catalog.departments.push_back(std::move(depts[i]));
  }
}

// A department may be split over several files (same department.id); its keys must still
// be unique across them, since the lock maps "dept/key" to one code.
static void index_items(LoadResult& res) {
  for (const auto& d : res.catalog.departments)
    for (const auto& it : d.powers) {
      if (it.key.value.empty()) continue;
      const std::string id = item_id(d, it);
      auto [pos, fresh] = res.item_starts.emplace(id, it.span);
      if (fresh || pos->second.file == it.span.file) continue;
      res.diags.add(
          rule::schema_duplicate_item, it.key.span, id,
          {fmt::format("部门“{}”的事项标识“{}”已在 {} 第 {} 行使用", d.id.value, it.key.value,
                       res.sources.get(pos->second.file).display, pos->second.line),
           fmt::format("department '{}' already has an item '{}' in {} line {}", d.id.value,
                       it.key.value, res.sources.get(pos->second.file).display, pos->second.line)});
    }
}

// powerlist.lock and the 基本目录 file: read after the departments so that their file ids
// come last and department findings keep their order.
static void load_ledgers(LoadResult& res, const fs::path& root, const LoadOptions& opts) {
  std::error_code ec;
  const fs::path lock = root / "powerlist.lock";
  if (fs::is_regular_file(lock, ec)) {
    uint32_t id = res.sources.add("powerlist.lock", lock.string(), "");
    res.files += 1;
    if (read_source(res.sources.get_mut(id), id, res.diags, LoadLimits{})) {
      res.catalog.lock = parse_lock(res.sources.get_mut(id), id, res.diags);
    } else {
      res.catalog.lock.present = true;
      res.catalog.lock.usable = false;
    }
  }
  for (const auto& b : res.catalog.project.baseline) {
    const fs::path path = root / b.value;
    const Message outside = outside_catalog_problem(root, path, b.value, opts.allow_outside);
    if (!outside.zh.empty()) {
      res.diags.add(rule::schema_type, b.span, "", outside);
      continue;
    }
    if (!fs::is_regular_file(path, ec)) {
      res.diags.add(rule::schema_required, b.span, "",
                    {fmt::format("基本目录文件“{}”不存在", b.value),
                     fmt::format("baseline file '{}' does not exist", b.value)});
      continue;
    }
    uint32_t id = res.sources.add(b.value, path.string(), "");
    res.files += 1;
    if (!read_source(res.sources.get_mut(id), id, res.diags, LoadLimits{})) continue;
    auto entries = parse_baseline(res.sources.get_mut(id), id, res.diags);
    res.catalog.has_baseline = true;
    for (auto& e : entries) res.catalog.baseline.push_back(std::move(e));
  }
}

LoadResult load_catalog(const std::vector<std::string>& paths, const LoadOptions& opts) {
  LoadResult res;
  std::error_code ec;
  for (const auto& path : paths) {
    if (!fs::exists(path, ec)) {
      res.fatal = fmt::format("路径不存在 / no such file or folder: {}", path);
      return res;
    }
    if (fs::is_directory(path, ec) && paths.size() > 1) {
      res.fatal = fmt::format(
          "一次只能检查一个目录，或若干部门文件 / give one catalog folder or "
          "several department files: {}",
          path);
      return res;
    }
  }
  const std::string path = paths.empty() ? std::string(".") : paths.front();
  const fs::path p(path);
  if (fs::is_directory(p, ec)) {
    const fs::path proj = p / "powerlist.yaml";
    if (!fs::is_regular_file(proj, ec)) {
      res.fatal = fmt::format("{} 中没有 powerlist.yaml / no powerlist.yaml in {}", path, path);
      return res;
    }
    res.catalog.root = p.string();
    uint32_t pid = res.sources.add("powerlist.yaml", proj.string(), "");
    res.files = 1;
    if (!read_source(res.sources.get_mut(pid), pid, res.diags, opts.limits)) return res;
    ParsedFile pf = parse_source(res.sources.get_mut(pid), pid, res.diags, opts.limits);
    scan_suppressions(res.sources.get(pid), pid, res.suppressions);
    if (!pf.ok) return res;
    load_project_file(res, pf.root, pid);
    LoadOptions dept_opts = opts;
    dept_opts.profile = res.catalog.project.profile;
    std::vector<uint32_t> ids;
    std::set<std::string> seen;
    for (const auto& g : res.catalog.project.department_globs) {
      // A pattern that leaves the folder is refused before it is matched: its matches would
      // tell a submitted catalog which files this machine has.
      if (!opts.allow_outside && pattern_leaves_folder(g.value)) {
        res.diags.add(rule::schema_type, g.span, "",
                      outside_catalog_problem(p, "/", g.value, opts.allow_outside));
        continue;
      }
      auto matches = expand_glob(p, g.value);
      if (matches.empty())
        res.diags.add(rule::schema_required, g.span, "",
                      {fmt::format("部门文件“{}”没有匹配到任何文件", g.value),
                       fmt::format("department pattern '{}' matches no file", g.value)});
      for (const auto& m : matches) {
        if (!seen.insert(fs::weakly_canonical(m, ec).string()).second) continue;
        const Message outside = outside_catalog_problem(p, m, g.value, opts.allow_outside);
        if (!outside.zh.empty()) {
          res.diags.add(rule::schema_type, g.span, "", outside);
          continue;
        }
        ids.push_back(res.sources.add(fs::relative(m, p, ec).string(), m, ""));
      }
    }
    res.files += ids.size();
    load_departments(res, ids, dept_opts);
    load_ledgers(res, p, opts);
  } else {
    res.catalog.project.standalone = true;
    res.catalog.project.effective = Loc<Date>{opts.today.value_or(Date{2026, 1, 1}), {}};
    std::vector<uint32_t> ids;
    for (const auto& f : paths) {
      if (!fs::is_regular_file(f, ec)) {
        res.fatal = fmt::format("不是普通文件 / not a regular file: {}", f);
        return res;
      }
      ids.push_back(res.sources.add(f, f, ""));
    }
    res.files = ids.size();
    load_departments(res, ids, opts);
  }
  index_items(res);
  return res;
}

void load_project_text(LoadResult& res, const std::string& display, std::string text,
                       const LoadOptions& opts) {
  const uint32_t pid = res.sources.add(display, display, std::move(text));
  res.files += 1;
  ParsedFile pf = parse_source(res.sources.get_mut(pid), pid, res.diags, opts.limits);
  scan_suppressions(res.sources.get(pid), pid, res.suppressions);
  if (pf.ok) load_project_file(res, pf.root, pid);
  index_items(res);
}

void load_department_text(LoadResult& res, const std::string& display, std::string text,
                          const LoadOptions& opts) {
  uint32_t id = res.sources.add(display, display, std::move(text));
  res.catalog.project.standalone = true;  // one department on its own: no lock, no baseline
  Department d;
  parse_department_file(res, id, res.diags, res.suppressions, d, opts, false);
  d.file = id;
  res.catalog.departments.push_back(std::move(d));
  res.files += 1;
  index_items(res);
}

std::string catalog_region_name(const std::string& path) {
  std::error_code ec;
  const fs::path proj = fs::path(path) / "powerlist.yaml";
  if (!fs::is_directory(path, ec) || !fs::is_regular_file(proj, ec)) return "";
  Sources sources;
  DiagSink ignored;
  const uint32_t id = sources.add("powerlist.yaml", proj.string(), "");
  if (!read_source(sources.get_mut(id), id, ignored, LoadLimits{})) return "";
  ParsedFile pf = parse_source(sources.get_mut(id), id, ignored, LoadLimits{});
  if (!pf.ok || !pf.root.IsMap()) return "";
  const YAML::Node region = pf.root["region"];
  if (!region.IsMap()) return "";
  const YAML::Node name = region["name"];
  return name.IsScalar() ? name.Scalar() : "";
}

}  // namespace powerlist
