// Registry files: a YAML list of instruments (FORMAT.md "Law registry files").
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "powerlist/law.hpp"
#include "powerlist/text.hpp"
#include "yaml/parse_file.hpp"
#include "yaml/yaml_reader.hpp"

namespace fs = std::filesystem;

namespace powerlist {

namespace {

using K = FieldKind;

const TableSpec* deletion_table() {
  static const TableSpec t{
      "law deletion",
      "删去的条文",
      {
          {"version", {"版本"}, K::Date, "删去该条的修改决定形成的版本", nullptr, {}, true},
          {"article", {"条"}, K::Int, "删去的条（修改前的条号）", nullptr, {}, true},
          {"paragraph", {"款"}, K::Int, "删去的款（整条删去时不写）"},
          {"by", {"依据"}, K::String, "修改决定", nullptr, {}, true},
      }};
  return &t;
}

const TableSpec* version_table() {
  static const TableSpec t{
      "law version",
      "法规版本",
      {
          {"date", {"日期"}, K::Date, "公布、修正或修订日期", nullptr, {}, true},
          {"effective", {"施行日期"}, K::Date, "施行日期"},
          {"kind", {"类型"}, K::Enum, "制定 / 修正 / 修订", nullptr, {"制定", "修正", "修订"}},
          {"articles", {"条文数"}, K::Int, "该版本最大条号"},
          {"meeting", {"会议日期"}, K::Date, "审议通过的会议日期（与公布日期不同时）"},
          {"also", {"其他日期"}, K::StringList, "来源给出的该版本的其他日期"},
          {"truncated", {"文本不全"}, K::Bool, "收录的文本不完整，条文数不可信"},
          {"text", {"有全文"}, K::Bool, "texts/ 中有该版本的条文"},
          {"order", {"令号"}, K::String, "公布令号，如 农业农村部令2022年第1号"},
      }};
  return &t;
}
const TableSpec* repeal_table() {
  static const TableSpec t{"repeal",
                           "废止",
                           {
                               {"date", {"日期"}, K::Date, "废止日期（未知写 null）"},
                               {"by", {"替代"}, K::String, "替代它的法律法规"},
                           }};
  return &t;
}
const TableSpec* limit_table() {
  static const TableSpec t{
      "statutory limit",
      "法定时限",
      {
          {"duration", {"时限"}, K::Duration, "时限", nullptr, {}, true},
          {"article", {"条款"}, K::String, "条款，如 \"42\"", nullptr, {}, true},
      }};
  return &t;
}
const TableSpec* law_table() {
  static const TableSpec t{
      "law",
      "法规条目",
      {
          {"name", {"名称"}, K::String, "全称", nullptr, {}, true},
          {"aliases", {"简称"}, K::StringList, "简称"},
          {"level", {"层级"}, K::String, "效力层级", nullptr, {}, true},
          {"issuer", {"制定机关"}, K::String, "制定机关"},
          {"versions", {"版本"}, K::MapList, "版本", version_table},
          {"repealed", {"废止"}, K::Map, "废止", repeal_table},
          {"limits", {"时限"}, K::StringMap, "法定时限"},
          {"source", {"来源"}, K::String, "核对来源"},
          {"region", {"地区"}, K::String, "制定机关所在的行政区域"},
          {"region_level",
           {"地区层级"},
           K::Enum,
           "省级 / 设区的市 / 自治州 …",
           nullptr,
           {"省级", "设区的市", "自治州", "自治县", "经济特区"}},
          {"status", {"效力"}, K::Enum, "有效 / 不详", nullptr, {"有效", "不详"}},
          {"deleted", {"删去条文"}, K::MapList, "修改决定删去的条、款", deletion_table},
          {"sets_licences",
           {"设定许可"},
           K::Bool,
           "国务院依行政许可法第十四条第二款以决定设定许可"},
      }};
  return &t;
}

std::optional<Instrument> read_instrument(Reader& r, const YAML::Node& n) {
  Fields f = r.fields(n, *law_table(), r.span(n));
  if (!f.ok) return std::nullopt;
  Instrument ins;
  ins.span = f.span;
  if (auto v = r.str(f, "name"))
    ins.name = v->value;
  else
    return std::nullopt;
  for (auto& a : r.str_list(f, "aliases")) ins.aliases.push_back(a.value);
  if (auto v = r.str(f, "level")) {
    auto l = parse_law_level(v->value);
    if (!l) {
      r.report(rule::schema_enum, v->span,
               {fmt::format("无效的效力层级“{}"
                            "”，可选：法律、行政法规、地方性法规、自治条例和单行条例、部门规章、"
                            "地方政府规章(省级)、地方政府规章(设区的市)、规范性文件",
                            v->value),
                fmt::format("invalid level '{}'", v->value)});
      return std::nullopt;
    }
    ins.level = *l;
  } else {
    return std::nullopt;
  }
  if (auto v = r.str(f, "issuer")) ins.issuer = v->value;
  if (auto v = r.str(f, "source")) ins.source = v->value;
  if (auto v = r.str(f, "region")) ins.region = v->value;
  if (auto v = r.str(f, "region_level")) ins.region_level = v->value;
  if (auto v = r.str(f, "status")) ins.status_unknown = v->value == "不详";
  YAML::Node vs = f.get("versions");
  if (vs.IsDefined() && !vs.IsNull() && r.is_seq(vs, "versions")) {
    for (const auto& e : vs) {
      Fields vf = r.fields(e, *version_table(), r.span(e));
      if (!vf.ok) continue;
      LawVersion v;
      if (auto d = r.date(vf, "date"))
        v.date = d->value;
      else
        continue;
      if (auto d = r.date(vf, "effective")) v.effective = d->value;
      if (auto k = r.str(vf, "kind")) v.kind = k->value;
      if (auto o = r.str(vf, "order")) v.order = o->value;
      if (auto a = r.integer(vf, "articles")) v.articles = static_cast<int>(a->value);
      if (auto d = r.date(vf, "meeting")) v.meeting = d->value;
      for (const auto& a : r.str_list(vf, "also"))
        if (auto d = parse_date(a.value)) v.also.push_back(*d);
      if (auto b = r.boolean(vf, "truncated")) v.truncated = b->value;
      if (auto b = r.boolean(vf, "text")) v.has_text = b->value;
      ins.versions.push_back(v);
    }
  }
  if (auto b = r.boolean(f, "sets_licences")) ins.sets_licences = b->value;
  YAML::Node del = f.get("deleted");
  if (del.IsDefined() && del.IsSequence())
    for (const auto& e : del) {
      Fields df = r.fields(e, *deletion_table(), r.span(e));
      if (!df.ok) continue;
      auto v = r.date(df, "version");
      auto a = r.integer(df, "article");
      auto by = r.str(df, "by");
      if (!v || !a || !by || a->value <= 0 || a->value > 100000) continue;
      Deletion d{v->value, static_cast<int>(a->value), 0, by->value};
      if (auto p = r.integer(df, "paragraph"); p && p->value > 0 && p->value < 1000)
        d.paragraph = static_cast<int>(p->value);
      ins.deleted.push_back(d);
    }
  if (f.has("repealed")) {
    Fields rf = r.fields(f.get("repealed"), *repeal_table(), f.span);
    if (rf.ok) {
      ins.repealed = true;
      if (auto d = r.date(rf, "date")) ins.repealed_date = d->value;
      if (auto b = r.str(rf, "by")) ins.repealed_by = b->value;
    }
  }
  YAML::Node lim = f.get("limits");
  if (lim.IsDefined() && !lim.IsNull()) {
    if (!lim.IsMap()) {
      r.report(rule::schema_type, r.span(lim), {"limits 应为映射", "limits must be a mapping"});
    } else {
      for (auto it = lim.begin(); it != lim.end(); ++it) {
        const YAML::Node key = it->first;
        Fields lf = r.fields(it->second, *limit_table(), r.span(key));
        if (!lf.ok) continue;
        auto d = r.duration(lf, "duration");
        auto a = r.str(lf, "article");
        if (!d || !a) continue;
        auto ref = parse_article_ref(a->value);
        if (!ref) {
          r.report(rule::schema_type, a->span,
                   {fmt::format("无法识别的条款“{}”", a->value),
                    fmt::format("unrecognised article '{}'", a->value)});
          continue;
        }
        ins.limits.push_back({key.Scalar(), d->value, *ref, a->value});
      }
    }
  }
  return ins;
}

}  // namespace

bool region_covers(const std::string& catalog_region, const std::string& instrument_region) {
  if (instrument_region.empty() || catalog_region.empty()) return true;
  if (starts_with(catalog_region, instrument_region)) return true;
  // An autonomous county inside a city: 广西壮族自治区三江侗族自治县 covers
  // 广西壮族自治区柳州市三江侗族自治县.
  const size_t common = [&] {
    size_t n = 0;
    while (n < catalog_region.size() && n < instrument_region.size() &&
           catalog_region[n] == instrument_region[n])
      ++n;
    while (n > 0 && (static_cast<unsigned char>(instrument_region[n]) & 0xC0) == 0x80) --n;
    return n;
  }();
  const std::string place = instrument_region.substr(common);
  return common > 0 && place.size() >= 6 && catalog_region.find(place) != std::string::npos;
}

namespace {

void read_registry(LawRegistry& reg, uint32_t id, Sources& sources, DiagSink& sink,
                   const std::string* region = nullptr) {
  SourceFile& src = sources.get_mut(id);
  // Article texts live next to the registry file: packed in <stem>.texts, or one file a
  // version in texts/<name>/<date>.txt.
  const fs::path packed = fs::path(src.fs_path).replace_extension(".texts");
  std::error_code ec;
  const std::string text_root = fs::is_regular_file(packed, ec)
                                    ? packed.string()
                                    : (fs::path(src.fs_path).parent_path() / "texts").string();
  LoadLimits limits;
  ParsedFile pf = parse_source(src, id, sink, limits);
  if (!pf.ok) return;
  if (ends_with(text_root, ".texts"))
    if (std::string err = reg.open_pack(text_root); !err.empty())
      sink.add(rule::schema_syntax, Span{id, 1, 1, 1, 1}, "",
               {"条文包 " + text_root + " 无法读取：" + err,
                "text pack " + text_root + " cannot be read: " + err});
  Reader r(src, id, sink);
  if (pf.root.IsNull()) return;
  if (!r.is_seq(pf.root, "法规库")) return;
  for (const auto& e : pf.root) {
    auto ins = read_instrument(r, e);
    if (!ins) continue;
    ins->text_root = text_root;
    if (!ins->region.empty()) {
      // Local legislation: a short form another place's instrument already has (饮用水水源保护条例
      // of 乌鲁木齐市 and of 伊犁州) names neither outside its region.
      auto& al = ins->aliases;
      al.erase(std::remove_if(al.begin(), al.end(),
                              [&](const std::string& a) {
                                const Instrument* other = reg.find(a);
                                return other && other->region != ins->region;
                              }),
               al.end());
    }
    if (region && !region_covers(*region, ins->region)) {
      // Another place's instrument: known by its full name only (its short forms name the
      // catalog's own region's instruments).
      ins->other_region = true;
      ins->aliases.clear();
    }
    Span at = ins->span;
    std::string err = reg.add(std::move(*ins));
    if (!err.empty())
      sink.add(rule::schema_duplicate_item, at, "",
               {"法规库条目冲突：" + err, "conflicting registry entry: " + err});
  }
}

}  // namespace

void load_registry_file(LawRegistry& reg, uint32_t id, Sources& sources, DiagSink& sink) {
  read_registry(reg, id, sources, sink);
}

void load_registry_file_for_region(LawRegistry& reg, uint32_t id, Sources& sources, DiagSink& sink,
                                   const std::string& region) {
  read_registry(reg, id, sources, sink, &region);
}

void load_registry_text(LawRegistry& reg, const std::string& display, std::string text,
                        Sources& sources, DiagSink& sink) {
  uint32_t id = sources.add(display, display, std::move(text));
  read_registry(reg, id, sources, sink);
}

// catalogs/laws/annex/<name>.tsv (scripts/derive_annex.py): the items a decision's annex
// lists (序号, 项目名称, 实施机关), attached to the registry's entry of that name. Files that
// do not read as such are skipped: the items only serve `law show`.
static void load_annexes(LawRegistry& reg, const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".tsv") files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const Instrument* known = reg.find(f.stem().string());
    if (!known) continue;
    std::ifstream in(f);
    std::string line;
    Instrument ins;
    ins.name = known->name;
    ins.level = known->level;
    std::getline(in, line);  // the header
    while (std::getline(in, line) && ins.annex_items.size() < 100000) {
      const size_t a = line.find('\t'), b = a == std::string::npos ? a : line.find('\t', a + 1);
      if (b == std::string::npos) break;
      ins.annex_items.push_back({line.substr(a + 1, b - a - 1), line.substr(b + 1)});
    }
    reg.add(std::move(ins));
  }
}

namespace {

// Reads one registry file into `reg`; its id, so that a built-in file can be marked so.
uint32_t read_registry_file(LawRegistry& reg, const std::string& display, const std::string& path,
                            bool builtin, Sources& sources, DiagSink& sink) {
  const uint32_t id = sources.add(display, path, "");
  sources.get_mut(id).builtin = builtin;
  if (read_source(sources.get_mut(id), id, sink, LoadLimits{}))
    read_registry(reg, id, sources, sink);
  return id;
}

// Local legislation: the region's province in full, the rest by name (local_laws.cpp); other
// regions' researched entries first lose their short names. "" or why the data is unusable.
std::string add_local_laws(LawRegistry& reg, const std::string& builtin_dir,
                           const std::string& region, Sources& sources, DiagSink& sink) {
  reg.region = region;
  reg.scope_to_region(region);
  return load_local_laws(reg, builtin_dir, region, sources, sink);
}

}  // namespace

ShippedRegistry load_shipped_registry(const std::string& builtin_dir,
                                      const std::optional<std::string>& region) {
  ShippedRegistry n;
  RegistryLoad& out = n.load;
  const std::vector<std::string> files = yaml_files_in(builtin_dir);
  if (files.empty()) {
    out.fatal = "找不到内置法规库 / built-in law registry not found: " + builtin_dir;
    return n;
  }
  // Built-in files: a finding there is our bug, reported like any other with its location.
  for (const auto& f : files)
    read_registry_file(out.registry, "catalogs/laws/" + fs::path(f).filename().string(), f, true,
                       n.sources, n.diags);
  load_annexes(out.registry, builtin_dir + "/annex");
  out.registry.base_date = law_base_date(builtin_dir);
  if (region) {
    n.region = region;
    out.fatal = add_local_laws(out.registry, builtin_dir, *region, n.sources, n.diags);
  }
  return n;
}

RegistryLoad complete_registry(ShippedRegistry&& shipped, const std::string& builtin_dir,
                               const std::vector<ExtraLawFile>& extra_files, Sources& sources,
                               DiagSink& sink, const std::string& region) {
  // Read for another region than the one chosen after all: read again, here.
  if (shipped.region && *shipped.region != region)
    shipped = load_shipped_registry(builtin_dir, region);
  RegistryLoad out = std::move(shipped.load);
  // The shipped files take the ids they would have had, read here: the caller's next ones.
  const uint32_t offset = sources.adopt(std::move(shipped.sources));
  out.registry.shift_files(offset);
  for (auto& d : shipped.diags.mutable_list()) {
    if (d.span.file != 0) d.span.file += offset;
    sink.mutable_list().push_back(std::move(d));
  }
  if (!out.fatal.empty()) return out;
  if (!shipped.region) {
    out.fatal = add_local_laws(out.registry, builtin_dir, region, sources, sink);
    if (!out.fatal.empty()) return out;
  }
  for (const auto& f : extra_files)
    read_registry_file(out.registry, f.display, f.path, false, sources, sink);
  return out;
}

RegistryLoad load_registry(const std::string& builtin_dir,
                           const std::vector<ExtraLawFile>& extra_files, Sources& sources,
                           DiagSink& sink, const std::string& region) {
  return complete_registry(load_shipped_registry(builtin_dir, region), builtin_dir, extra_files,
                           sources, sink, region);
}

}  // namespace powerlist
