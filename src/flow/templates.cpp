// templates/procedures/<name>.yaml: category, statutory {duration, basis}, notes, steps.
#include <fmt/format.h>

#include <filesystem>

#include "load/load_parts.hpp"
#include "powerlist/flow.hpp"
#include "yaml/parse_file.hpp"

namespace fs = std::filesystem;

namespace powerlist {

const ProcedureTemplate* TemplateLibrary::find(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &it->second;
}

namespace {

using K = FieldKind;

const TableSpec* statutory_table() {
  static const TableSpec t{"template statutory",
                           "模板法定时限",
                           {
                               {"duration", {"时限"}, K::Duration, "法定时限", nullptr, {}, true},
                               {"basis", {"依据"}, K::String, "依据条款"},
                           }};
  return &t;
}
const TableSpec* template_table() {
  static const TableSpec t{"template",
                           "流程模板",
                           {
                               {"category", {"类别"}, K::String, "权力类别", nullptr, {}, true},
                               {"statutory", {"法定时限"}, K::Map, "法定时限", statutory_table},
                               {"notes", {"说明"}, K::String, "说明"},
                               {"steps", {"环节"}, K::MapList, "环节", step_table, {}, true},
                           }};
  return &t;
}

}  // namespace

TemplateLibrary load_templates(const std::string& dir, Sources& sources, DiagSink& sink) {
  TemplateLibrary lib;
  std::vector<fs::path> files;
  for (const auto& f : yaml_files_in(dir)) files.emplace_back(f);
  for (const auto& f : files) {
    uint32_t id = sources.add("templates/procedures/" + f.filename().string(), f.string(), "");
    SourceFile& src = sources.get_mut(id);
    src.builtin = true;
    if (!read_source(src, id, sink, LoadLimits{})) continue;
    ParsedFile pf = parse_source(src, id, sink, LoadLimits{});
    if (!pf.ok) continue;
    Reader r(src, id, sink);
    Fields top = r.fields(pf.root, *template_table(), Span{id, 1, 1, 1, 2});
    if (!top.ok) continue;
    ProcedureTemplate t;
    t.name = f.stem().string();
    t.file = id;
    if (auto c = r.str(top, "category")) {
      bool legacy = false;
      if (auto cat = parse_category(c->value, &legacy))
        t.category = *cat;
      else
        r.report(rule::schema_enum, c->span,
                 {"无效的权力类别“" + c->value + "”", "invalid category '" + c->value + "'"});
    }
    if (top.has("statutory")) {
      Fields s = r.fields(top.get("statutory"), *statutory_table(), top.span);
      if (s.ok) {
        if (auto d = r.duration(s, "duration")) t.statutory = d->value;
        if (auto b = r.str(s, "basis")) t.statutory_basis = b->value;
      }
    }
    if (auto n = r.str(top, "notes")) t.notes = n->value;
    YAML::Node steps = top.get("steps");
    if (steps.IsDefined() && r.is_seq(steps, "steps"))
      for (const auto& s : steps)
        if (auto st = load_step(r, s)) t.steps.push_back(std::move(*st));
    lib.add(std::move(t));
  }
  return lib;
}

}  // namespace powerlist
