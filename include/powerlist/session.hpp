// One run of powerlist over one catalog, inside the library: the CLI, the tests, the fuzzers
// and the benchmarks all open a Session and ask it for what they need. It owns the sources,
// the catalog (from YAML or from workbooks), the law registry, the procedure templates and
// the findings; each stage runs at most once.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "powerlist/calendar.hpp"
#include "powerlist/codes.hpp"
#include "powerlist/diag.hpp"
#include "powerlist/flow.hpp"
#include "powerlist/law.hpp"
#include "powerlist/load.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist {

struct SessionOptions {
  unsigned jobs = 1;
  std::optional<Date> as_of;  // audit as of this date instead of the catalog's `effective`
  bool allow_outside = false;
  std::vector<std::pair<std::string, Severity>> rules;  // --rule, applied after settings.rules
  ImportOptions import;                                 // for workbooks (--map)
  std::function<void(size_t done, size_t total)> load_progress;
  // Where catalogs/ and templates/ are; data_dir() when empty.
  std::string data_dir;
};

// One active item with everything the outputs and reports use, resolved once.
struct ResolvedItem {
  const Department* dept = nullptr;
  const PowerItem* item = nullptr;
  ItemCodes codes;
  std::optional<Flow> flow;
  bool is_public = true;
};

class Session {
 public:
  // Reads `paths`: one catalog folder, one or more department files, or one or more workbooks
  // (.xls .xlsx .et .csv, told by content). fatal() is set when an input is unusable.
  static std::unique_ptr<Session> open(const std::vector<std::string>& paths,
                                       const SessionOptions& options);

  const std::string& fatal() const { return fatal_; }
  bool from_workbooks() const { return from_workbooks_; }

  // Every rule, then the severity policy (settings.rules, --rule) and suppressions. Once.
  void check();
  bool checked() const { return checked_; }

  LoadResult& load() { return load_; }
  const LoadResult& load() const { return load_; }
  const Catalog& catalog() const { return load_.catalog; }
  const Sources& sources() const { return load_.sources; }
  const std::vector<Diagnostic>& findings() const { return load_.diags.list(); }
  const LawRegistry& laws() const { return laws_; }
  const TemplateLibrary& templates() const { return templates_; }
  const HolidayCalendar& calendar() const { return calendar_; }
  const ImportReport& import_report() const { return import_; }

  // Active items in catalog order, procedures resolved and codes looked up once.
  const std::vector<ResolvedItem>& items();

 private:
  Session() = default;
  void open_inputs(const std::vector<std::string>& paths, const SessionOptions& o);
  void open_data(const SessionOptions& o);

  LoadResult load_;
  LawRegistry laws_;
  TemplateLibrary templates_;
  HolidayCalendar calendar_;
  ImportReport import_;
  SeverityPolicy policy_;
  std::string fatal_;
  bool from_workbooks_ = false;
  bool checked_ = false;
  bool resolved_ = false;
  std::vector<ResolvedItem> items_;
};

// True when `path` is read as a workbook: a workbook extension, or OLE/ZIP content.
bool is_workbook_path(const std::string& path);

}  // namespace powerlist
