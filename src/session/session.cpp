// The library's driver (session.hpp): inputs through the right front end, then the shared
// data, then the rules; the resolved items built once for every output.
#include "powerlist/session.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>

#include "powerlist/fsio.hpp"
#include "powerlist/rules.hpp"

namespace fs = std::filesystem;

namespace powerlist {

bool is_workbook_path(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  if (has_workbook_extension(path)) return true;
  const std::string ext = fs::path(path).extension().string();
  if (ext == ".yaml" || ext == ".yml") return false;
  std::string head;
  // Only the first bytes: OLE2 and ZIP say who they are.
  if (read_regular_file(path, 64u << 20, head) != ReadStatus::Ok) return false;
  return detect_workbook_format(head) != WorkbookFormat::Csv;
}

const ShippedData::Laws& ShippedData::load_laws(const std::string& region) const {
  auto& slot = laws_[region];
  if (slot) return *slot;
  slot = std::make_unique<Laws>();
  RegistryLoad reg = load_registry(dir_ + "/catalogs/laws", {}, sources_, findings_, region);
  slot->fatal = reg.fatal;
  slot->registry = std::move(reg.registry);
  return *slot;
}

const LawRegistry& ShippedData::laws(const std::string& region) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return load_laws(region).registry;
}

const std::string& ShippedData::laws_fatal(const std::string& region) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return load_laws(region).fatal;
}

const TemplateLibrary& ShippedData::templates() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!has_templates_) {
    has_templates_ = true;
    templates_ = load_templates(dir_ + "/templates/procedures", sources_, findings_);
  }
  return templates_;
}

const HolidayCalendar& ShippedData::calendar() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!has_calendar_) {
    has_calendar_ = true;
    calendar_ = load_holidays(dir_ + "/catalogs/holidays", calendar_errors_);
  }
  return calendar_;
}

const std::vector<std::string>& ShippedData::calendar_errors() const {
  (void)calendar();
  return calendar_errors_;
}

std::shared_ptr<const ShippedData> shipped_data(const std::string& dir) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const ShippedData>> made;
  const std::string data = dir.empty() ? data_dir() : dir;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = made[data];
  if (!slot) slot = std::make_shared<const ShippedData>(data);
  return slot;
}

namespace {

// --region as given (克拉玛依市) or as the law base names it (新疆维吾尔自治区克拉玛依市).
std::string given_region(const std::string& laws_dir, const std::string& region) {
  std::string r = region_named(laws_dir, region);
  return r.empty() ? region : r;
}

}  // namespace

std::unique_ptr<Session> Session::open(const std::vector<std::string>& paths,
                                       const SessionOptions& options) {
  std::vector<SessionInput> inputs;
  for (const auto& p : paths.empty() ? std::vector<std::string>{"."} : paths)
    inputs.push_back(SessionInput::path(p));
  return open(inputs, options);
}

std::unique_ptr<Session> Session::open(const std::vector<SessionInput>& inputs,
                                       const SessionOptions& options) {
  std::unique_ptr<Session> s(new Session);
  std::vector<std::string> paths;
  const SessionInput* memory = nullptr;
  for (const auto& in : inputs) {
    if (in.kind == SessionInput::Kind::Path)
      paths.push_back(in.name);
    else if (!memory)
      memory = &in;
    else
      s->fatal_ = "一次只能检查一个内存中的输入 / one in-memory input at a time";
  }
  if (memory && !paths.empty())
    s->fatal_ =
        "内存中的输入不能与磁盘上的文件一起检查 / an in-memory input cannot be checked "
        "together with files on disk";
  if (!s->fatal_.empty()) return s;
  // The shipped law registry is read while a catalog loads when a core is spare, with the
  // local legislation of the region if it is known ahead (--region, or the region a catalog
  // folder's powerlist.yaml names). Its files and findings join the Session's in open_data,
  // numbered as if read there, so the outputs are the same.
  // Only beside YAML: a workbook's region is read from the workbook itself, not known ahead.
  const bool yaml_inputs = !memory && std::all_of(paths.begin(), paths.end(), [](const auto& p) {
    std::error_code ec;
    const std::string ext = fs::path(p).extension().string();
    return fs::is_directory(p, ec) || ext == ".yaml" || ext == ".yml";
  });
  if (!options.share_shipped_data && options.jobs > 1 && yaml_inputs) {
    const std::string laws_dir =
        (options.data_dir.empty() ? data_dir() : options.data_dir) + "/catalogs/laws";
    const std::string given = options.region;
    const std::string folder = paths.size() > 1 ? "" : paths.empty() ? "." : paths.front();
    try {
      s->shipped_registry_ = std::async(std::launch::async, [laws_dir, given, folder] {
        std::string region = given.empty() ? catalog_region_name(folder) : given;
        return load_shipped_registry(
            laws_dir, region.empty() ? std::nullopt
                                     : std::optional<std::string>(given_region(laws_dir, region)));
      });
    } catch (const std::system_error&) {
      // No thread to be had: the registry is read after the inputs, as with one job.
    }
  }
  if (memory)
    s->open_memory(*memory, options);
  else
    s->open_inputs(paths.empty() ? std::vector<std::string>{"."} : paths, options);
  if (s->fatal_.empty()) s->open_data(options);
  return s;
}

void Session::open_memory(const SessionInput& in, const SessionOptions& o) {
  LoadOptions lo;
  lo.limits = o.load_limits;
  lo.today = o.as_of;
  switch (in.kind) {
    case SessionInput::Kind::DepartmentText:
      load_department_text(load_, in.name, in.bytes, lo);
      break;
    case SessionInput::Kind::ProjectText:
      load_project_text(load_, in.name, in.bytes, lo);
      break;
    case SessionInput::Kind::WorkbookBytes: {
      from_workbooks_ = true;
      ImportOptions io = o.import;
      io.as_of = o.as_of ? o.as_of : std::optional<Date>(today());
      load_workbook_bytes(load_, in.name, in.bytes, io, import_);
      break;
    }
    case SessionInput::Kind::Path:
      break;
  }
  fatal_ = load_.fatal;
}

void Session::open_inputs(const std::vector<std::string>& paths, const SessionOptions& o) {
  size_t workbooks = 0;
  for (const auto& p : paths) workbooks += is_workbook_path(p);
  if (workbooks > 0 && workbooks != paths.size()) {
    fatal_ =
        "工作簿不能与 YAML 部门文件或目录文件夹一起检查 / workbooks cannot be checked together "
        "with YAML files or a catalog folder";
    return;
  }
  if (workbooks > 0) {
    from_workbooks_ = true;
    ImportOptions io = o.import;
    io.as_of = o.as_of ? o.as_of : std::optional<Date>(today());  // the law in force now
    load_workbooks(load_, paths, io, import_);
    fatal_ = load_.fatal;
    return;
  }
  LoadOptions lo;
  lo.limits = o.load_limits;
  lo.jobs = std::max(1u, o.jobs);
  lo.allow_outside = o.allow_outside;
  lo.progress = o.load_progress;
  lo.today = o.as_of;
  load_ = load_catalog(paths, lo);
  fatal_ = load_.fatal;
  // --as-of audits the catalog as of another date than its `effective`.
  if (o.as_of && fatal_.empty()) {
    auto& proj = load_.catalog.project;
    if (proj.effective) proj.last_revision = proj.effective->value;
    proj.effective = Loc<Date>{*o.as_of, {}};
  }
}

// The region of the local legislation to load: --region, powerlist.yaml's region, or the place
// the catalog's department and unit names and titles name most (a workbook has no region).
RegionChoice choose_region(const std::string& laws_dir, const SessionOptions& o, const Catalog& c,
                           const Sources& sources) {
  if (!o.region.empty()) return {given_region(laws_dir, o.region), "given"};
  if (!c.project.region_name.value.empty() && !c.project.standalone) {
    std::string r = region_named(laws_dir, c.project.region_name.value);
    return {r.empty() ? c.project.region_name.value : r, "catalog"};
  }
  std::string text = c.project.title.value + "\n";
  for (const auto& d : c.departments) {
    text += d.name.value + "\n";
    for (const auto& u : d.units) text += u.value + "\n";
    for (const auto& item : d.powers) text += item.handled_by.value + "\n";
  }
  // The workbook's file name, sheet names and title rows (克拉玛依市农业农村局权责清单).
  for (uint32_t id = 1; id < sources.size(); ++id) {
    const SourceFile& f = sources.get(id);
    if (f.builtin) continue;
    text += f.display + "\n" + f.sheet + "\n";
    if (f.grid)
      for (uint32_t row = 1; row <= 3; ++row)
        for (uint32_t col = 1; col <= 8; ++col) text += std::string(f.cell_text(row, col)) + "\n";
  }
  return {region_in_text(laws_dir, text), "inferred"};
}

void Session::open_data(const SessionOptions& o) {
  const std::string data = o.data_dir.empty() ? data_dir() : o.data_dir;
  region_ = choose_region(data + "/catalogs/laws", o, load_.catalog, load_.sources);
  // A catalog-relative data file (`laws:`, `holidays:`): its path, or none when it lies
  // outside the catalog without --allow-outside (said as a finding).
  auto inside = [&](const auto& file) -> std::optional<fs::path> {
    auto path = fs::path(load_.catalog.root) / file.value;
    const Message outside =
        outside_catalog_problem(load_.catalog.root, path, file.value, o.allow_outside);
    if (outside.zh.empty()) return path;
    load_.diags.add(rule::schema_type, file.span, "", outside);
    return std::nullopt;
  };
  // The law registry: built-in data plus the catalog's own `laws:` files.
  std::vector<ExtraLawFile> law_files;
  for (const auto& l : load_.catalog.project.laws) {
    const auto found = inside(l);
    if (!found) continue;
    const fs::path& path = *found;
    if (!fs::is_regular_file(path)) {
      load_.diags.add(rule::schema_required, l.span, "",
                      {"法规库文件“" + l.value + "”不存在",
                       "law registry file '" + l.value + "' does not exist"});
      continue;
    }
    law_files.push_back({l.value, path.string()});
  }
  for (const auto& f : o.law_files) {
    if (!fs::is_regular_file(f)) {
      fatal_ = "法规库文件不存在 / law registry file not found: " + f;
      return;
    }
    law_files.push_back({f, f});
  }
  if (o.share_shipped_data) {
    shipped_ = shipped_data(data);
    calendar_ = shipped_->calendar();
  }
  if (shipped_ && law_files.empty()) {
    if (!shipped_->laws_fatal(region_.region).empty()) {
      fatal_ = shipped_->laws_fatal(region_.region);
      return;
    }
    shipped_laws_ = &shipped_->laws(region_.region);
    // The full-text index (one per day) of shared data is built here, not charged to the first
    // rule that searches (a fuzzer's false timeout) — for the days most Sessions are judged on,
    // a workbook's (today) and an undated catalog's; any other day's only if a rule searches.
    const Date day = judged_on(load_.catalog);
    if (!load_.catalog.project.effective || day == today()) shipped_laws_->prepare_search(day);
  } else {
    const std::string laws_dir = data + "/catalogs/laws";
    ShippedRegistry shipped = shipped_registry_.valid()
                                  ? shipped_registry_.get()
                                  : load_shipped_registry(laws_dir, region_.region);
    RegistryLoad reg = complete_registry(std::move(shipped), laws_dir, law_files, load_.sources,
                                         load_.diags, region_.region);
    if (!reg.fatal.empty()) {
      fatal_ = reg.fatal;
      return;
    }
    laws_ = std::move(reg.registry);
  }
  if (!shipped_) {
    templates_ = load_templates(data + "/templates/procedures", load_.sources, load_.diags);
    std::vector<std::string> calendar_errors;  // a missing year is said where a count needs it
    calendar_ = load_holidays(data + "/catalogs/holidays", calendar_errors);
  }
  // The catalog's own calendars: a year the shipped data lacks (or a corrected one).
  for (const auto& h : load_.catalog.project.holidays) {
    const auto found = inside(h);
    if (!found) continue;
    const fs::path& path = *found;
    std::vector<std::string> errors;
    if (!fs::is_regular_file(path) || !load_holiday_file(calendar_, path.string(), errors))
      load_.diags.add(rule::schema_type, h.span, "",
                      {"节假日安排文件“" + h.value + "”无法读取：" +
                           (errors.empty() ? std::string("文件不存在") : errors.front()),
                       "holiday calendar '" + h.value + "' cannot be read: " +
                           (errors.empty() ? std::string("no such file") : errors.front())});
  }
  for (const auto& [id, sev] : load_.catalog.project.rule_settings)
    policy_.overrides[id] = *parse_severity(sev.value);
  for (const auto& [id, sev] : o.rules) policy_.overrides[id] = sev;
}

void Session::check() {
  if (checked_ || !fatal_.empty()) return;
  checked_ = true;
  // Procedures are resolved once (items()), for the rules and for every output.
  std::map<const PowerItem*, const Flow*> flows;
  for (const auto& r : items())
    if (r.item->procedure) flows[r.item] = r.flow ? &*r.flow : nullptr;
  run_rules(load_.catalog, load_.diags, &laws(), &templates(), &calendar_, &flows);
  finalize_diagnostics(load_.diags.mutable_list(), policy_, load_.suppressions, load_.item_starts);
}

const std::vector<ResolvedItem>& Session::items() {
  if (resolved_) return items_;
  resolved_ = true;
  for (const auto& d : load_.catalog.departments)
    for (const auto& it : d.powers) {
      if (!it.active()) continue;
      ResolvedItem r;
      r.dept = &d;
      r.item = &it;
      r.codes = item_codes(load_.catalog, d, it);
      r.is_public = it.listed_publicly();
      // Findings of the resolution (unknown template or step) are reported here, once.
      if (it.procedure) r.flow = resolve_flow(it, templates(), load_.diags, item_id(d, it));
      items_.push_back(std::move(r));
    }
  return items_;
}

}  // namespace powerlist
