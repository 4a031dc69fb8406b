// Shared by the libFuzzer targets: the shipped registry, templates and holiday calendar,
// loaded once, and one pass of every rule and reporter over what a front end produced.
#pragma once
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "powerlist/calendar.hpp"
#include "powerlist/flow.hpp"
#include "powerlist/law.hpp"
#include "powerlist/load.hpp"
#include "powerlist/report.hpp"
#include "powerlist/rules.hpp"
#include "powerlist/workbook.hpp"

namespace fuzz {

using namespace powerlist;

struct Data {
  Sources sources;
  LawRegistry laws;
  TemplateLibrary templates;
  HolidayCalendar calendar;
};

inline const Data& data() {
  static const Data d = [] {
    Data x;
    DiagSink sink;
    RegistryLoad r = load_registry(data_dir() + "/catalogs/laws", {}, x.sources, sink);
    if (!r.fatal.empty()) throw std::runtime_error("registry: " + r.fatal);
    x.laws = std::move(r.registry);
    x.templates = load_templates(data_dir() + "/templates/procedures", x.sources, sink);
    std::vector<std::string> errors;
    x.calendar = load_holidays(data_dir() + "/catalogs/holidays", errors);
    // The full-text index is built on first use (basis/missing suggestions); build it here,
    // so that one-time cost is not charged to whichever input comes first (a false timeout).
    (void)x.laws.search("行政许可", 1, Date{2026, 1, 1});
    return x;
  }();
  return d;
}

inline std::string text_of(const uint8_t* bytes, size_t size) {
  return std::string(reinterpret_cast<const char*>(bytes), size);
}

// Every rule (with registry, templates and calendar) and every reporter over `res`.
inline void check_all(LoadResult& res) {
  const Data& d = data();
  run_rules(res.catalog, res.diags, &d.laws, &d.templates, &d.calendar);
  finalize_diagnostics(res.diags.mutable_list(), SeverityPolicy{}, res.suppressions,
                       res.item_starts);
  ReportInput in{res.diags.list(), res.sources};
  (void)render_text(in);
  (void)render_json(in);
  (void)render_sarif(in);
}

// A workbook target: the format's reader on its own (content detection would send most
// inputs to CSV), then the whole front end and every rule, as check and import run them.
template <typename Reader>
int workbook_input(const uint8_t* bytes, size_t size, Reader read, const char* name) {
  const std::string data = text_of(bytes, size);
  (void)read(data, WorkbookLimits{});
  LoadResult res;
  ImportOptions options;
  ImportReport report;
  load_workbook_bytes(res, name, data, options, report);
  if (res.fatal.empty()) check_all(res);
  return 0;
}

}  // namespace fuzz

// libFuzzer calls this once before the first input: the registry, templates, calendar and the
// full-text index are loaded here, so their one-time cost is not timed as the first input's.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)fuzz::data();
  return 0;
}
