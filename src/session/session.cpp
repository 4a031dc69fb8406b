// The library's driver (session.hpp): inputs through the right front end, then the shared
// data, then the rules; the resolved items built once for every output.
#include "powerlist/session.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <optional>

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

std::unique_ptr<Session> Session::open(const std::vector<std::string>& paths,
                                       const SessionOptions& options) {
  std::unique_ptr<Session> s(new Session);
  s->open_inputs(paths.empty() ? std::vector<std::string>{"."} : paths, options);
  if (s->fatal_.empty()) s->open_data(options);
  return s;
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

void Session::open_data(const SessionOptions& o) {
  const std::string data = o.data_dir.empty() ? data_dir() : o.data_dir;
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
  RegistryLoad reg = load_registry(data + "/catalogs/laws", law_files, load_.sources, load_.diags);
  if (!reg.fatal.empty()) {
    fatal_ = reg.fatal;
    return;
  }
  laws_ = std::move(reg.registry);
  templates_ = load_templates(data + "/templates/procedures", load_.sources, load_.diags);
  std::vector<std::string> calendar_errors;  // a missing year is said where a count needs it
  calendar_ = load_holidays(data + "/catalogs/holidays", calendar_errors);
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
  run_rules(load_.catalog, load_.diags, &laws_, &templates_, &calendar_, &flows);
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
      if (it.procedure) r.flow = resolve_flow(it, templates_, load_.diags, item_id(d, it));
      items_.push_back(std::move(r));
    }
  return items_;
}

}  // namespace powerlist
