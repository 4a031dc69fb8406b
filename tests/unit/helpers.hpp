// Shared helpers: load a department file from text and run every rule on it.
#pragma once
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "powerlist/flow.hpp"
#include "powerlist/law.hpp"
#include "powerlist/load.hpp"
#include "powerlist/rules.hpp"

namespace powerlist::test {

// The shipped registry plus tests/cases/laws.yaml (fictional local instruments), loaded once
// per region (the region selects the shipped local legislation loaded in full).
inline const LawRegistry& test_registry(const std::string& region = "") {
  static std::map<std::string, LawRegistry> made;
  auto it = made.find(region);
  if (it != made.end()) return it->second;
  Sources sources;
  DiagSink sink;
  const std::string root = POWERLIST_SOURCE_DIR;
  RegistryLoad r = load_registry(root + "/catalogs/laws",
                                 {{"tests/cases/laws.yaml", root + "/tests/cases/laws.yaml"}},
                                 sources, sink, region);
  if (!r.fatal.empty() || !sink.list().empty())
    throw std::runtime_error("test registry does not load cleanly");
  return made.emplace(region, std::move(r.registry)).first->second;
}

// A flow start → middle → end: `start` and `middle` as the caller filled them (ids, actors,
// duties), the links and the end step added here.
inline Flow linear_flow(FlowStep start, FlowStep middle, const std::string& end_id,
                        const std::string& first_label = "") {
  start.kind = StepKind::Start;
  start.next.push_back(Branch{LStr{middle.id, {}}, first_label, false, {}});
  middle.next.push_back(Branch{LStr{end_id, {}}, "", false, {}});
  FlowStep end;
  end.id = end_id;
  end.kind = StepKind::End;
  Flow f;
  f.steps = {start, middle, end};
  for (size_t i = 0; i < f.steps.size(); ++i) f.index[f.steps[i].id] = i;
  return f;
}

inline const TemplateLibrary& test_templates() {
  static const TemplateLibrary lib = [] {
    Sources sources;
    DiagSink sink;
    auto l =
        load_templates(std::string(POWERLIST_SOURCE_DIR) + "/templates/procedures", sources, sink);
    if (!sink.list().empty()) throw std::runtime_error("templates do not load cleanly");
    return l;
  }();
  return lib;
}

inline LoadResult check_text(const std::string& yaml, const std::string& name = "dept.yaml",
                             Date as_of = Date{2026, 1, 1}, const SeverityPolicy& policy = {},
                             const std::string& region = "") {
  LoadResult res;
  res.catalog.project.standalone = true;
  res.catalog.project.effective = Loc<Date>{as_of, {}};
  load_department_text(res, name, yaml, LoadOptions{});
  run_rules(res.catalog, res.diags, &test_registry(region), &test_templates());
  finalize_diagnostics(res.diags.mutable_list(), policy, res.suppressions, res.item_starts);
  return res;
}

// "rule line:col" for each unsuppressed finding, in order.
inline std::vector<std::string> brief(const LoadResult& res) {
  std::vector<std::string> out;
  for (const auto& d : res.diags.list())
    if (!d.suppressed)
      out.push_back(d.rule + " " + std::to_string(d.span.line) + ":" + std::to_string(d.span.col));
  return out;
}

inline std::vector<std::string> brief_of(const DiagSink& sink) {
  std::vector<std::string> out;
  for (const auto& d : sink.list())
    out.push_back(d.rule + " " + std::to_string(d.span.line) + ":" + std::to_string(d.span.col) +
                  " " + d.message.en);
  return out;
}

// The Chinese messages of one rule's findings (not suppressed), in order.
inline std::vector<std::string> messages(const LoadResult& res, const std::string& rule) {
  std::vector<std::string> out;
  for (const auto& d : res.diags.list())
    if (d.rule == rule && !d.suppressed) out.push_back(d.message.zh);
  return out;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A minimal valid department with one item; `item_extra` is appended to the item.
inline std::string dept_with_item(const std::string& item_body) {
  return "department:\n"
         "  id: d\n"
         "  name: 测试局\n"
         "  credit_code: 11360827MB0123456H\n"
         "  units: [审批股, 执法大队]\n"
         "  contacts:\n"
         "    supervise: \"1\"\n"
         "    complaint: {phone: \"12345\"}\n"
         "powers:\n" +
         item_body;
}

}  // namespace powerlist::test
