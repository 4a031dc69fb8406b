// One run of powerlist over one catalog, inside the library: the CLI, the tests, the fuzzers
// and the benchmarks all open a Session and ask it for what they need. It owns the sources,
// the catalog (from YAML or from workbooks), the law registry, the procedure templates and
// the findings; each stage runs at most once.
#pragma once
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
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

// The data powerlist ships (law registry, procedure templates, holiday calendars) under one
// folder, each part read on its first use and then kept, shared by the Sessions that ask for it
// (fuzzers, benchmarks, the desk) and by `deadline` (which needs the calendar alone).
// Thread-safe; the references it returns stay valid for the process.
class ShippedData {
 public:
  explicit ShippedData(std::string dir) : dir_(std::move(dir)) {}
  // The registry with the local legislation of `region` (one per region asked for).
  const LawRegistry& laws(const std::string& region = "") const;
  // Non-empty: the registry cannot be used (a damaged data file).
  const std::string& laws_fatal(const std::string& region = "") const;
  const TemplateLibrary& templates() const;
  const HolidayCalendar& calendar() const;
  const std::vector<std::string>& calendar_errors() const;  // holiday files not read

 private:
  struct Laws {
    LawRegistry registry;
    std::string fatal;
  };
  const Laws& load_laws(const std::string& region) const;
  std::string dir_;
  mutable std::mutex mutex_;
  mutable bool has_templates_ = false, has_calendar_ = false;
  mutable Sources sources_;    // the shipped files, for locations of findings in them
  mutable DiagSink findings_;  // problems of the shipped data itself (none in a release)
  mutable std::map<std::string, std::unique_ptr<Laws>> laws_;  // by region
  mutable TemplateLibrary templates_;
  mutable HolidayCalendar calendar_;
  mutable std::vector<std::string> calendar_errors_;
};
// The shipped data under `dir` (data_dir() when empty): one ShippedData per folder for the
// process.
std::shared_ptr<const ShippedData> shipped_data(const std::string& dir = "");

// One input of a Session: a path on disk (a catalog folder, a department file, a workbook), or
// bytes already in memory — a department file's or powerlist.yaml's text, or a workbook's bytes
// (told by content) — shown under `name`.
struct SessionInput {
  enum class Kind { Path, DepartmentText, ProjectText, WorkbookBytes };
  Kind kind = Kind::Path;
  std::string name;
  std::string bytes;
  static SessionInput path(std::string p) { return {Kind::Path, std::move(p), {}}; }
  static SessionInput department(std::string n, std::string text) {
    return {Kind::DepartmentText, std::move(n), std::move(text)};
  }
  static SessionInput project(std::string n, std::string text) {
    return {Kind::ProjectText, std::move(n), std::move(text)};
  }
  static SessionInput workbook(std::string n, std::string b) {
    return {Kind::WorkbookBytes, std::move(n), std::move(b)};
  }
};

struct SessionOptions {
  unsigned jobs = 1;
  std::optional<Date> as_of;  // audit as of this date instead of the catalog's `effective`
  bool allow_outside = false;
  std::vector<std::pair<std::string, Severity>> rules;  // --rule, applied after settings.rules
  ImportOptions import;                                 // for workbooks (--map)
  std::function<void(size_t done, size_t total)> load_progress;
  // Where catalogs/ and templates/ are; data_dir() when empty.
  std::string data_dir;
  // Use the process's shared copy of the shipped data (shipped_data()) instead of reading it
  // for this Session; a catalog with its own `laws:` still gets a registry of its own.
  bool share_shipped_data = false;
  LoadLimits load_limits;  // bounds of the YAML front end (file size, nodes, depth)
  // --region: the region whose local legislation is loaded (新疆维吾尔自治区克拉玛依市 or
  // 克拉玛依市); else powerlist.yaml's region, else inferred from the catalog's names.
  std::string region;
  // --laws: registry files given on the command line (paths as given), added to the catalog's
  // own `laws:` — a workbook has no powerlist.yaml to name them.
  std::vector<std::string> law_files;
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
  // The same over inputs that may be in memory (SessionInput); paths are opened as above, and
  // one in-memory input at a time.
  static std::unique_ptr<Session> open(const std::vector<SessionInput>& inputs,
                                       const SessionOptions& options);

  const std::string& fatal() const { return fatal_; }
  bool from_workbooks() const { return from_workbooks_; }
  // The region whose local legislation the law base holds in full, and how it was chosen.
  const RegionChoice& region() const { return region_; }

  // Every rule, then the severity policy (settings.rules, --rule) and suppressions. Once.
  void check();
  bool checked() const { return checked_; }

  LoadResult& load() { return load_; }
  const LoadResult& load() const { return load_; }
  const Catalog& catalog() const { return load_.catalog; }
  const Sources& sources() const { return load_.sources; }
  const std::vector<Diagnostic>& findings() const { return load_.diags.list(); }
  const LawRegistry& laws() const { return shipped_laws_ ? *shipped_laws_ : laws_; }
  const TemplateLibrary& templates() const { return shipped_ ? shipped_->templates() : templates_; }
  const HolidayCalendar& calendar() const { return calendar_; }
  const ImportReport& import_report() const { return import_; }

  // Active items in catalog order, procedures resolved and codes looked up once.
  const std::vector<ResolvedItem>& items();

 private:
  Session() = default;
  void open_inputs(const std::vector<std::string>& paths, const SessionOptions& o);
  void open_memory(const SessionInput& in, const SessionOptions& o);
  void open_data(const SessionOptions& o);

  LoadResult load_;
  // The shipped law registry, read on a second thread while the inputs load.
  std::future<ShippedRegistry> shipped_registry_;
  LawRegistry laws_;
  TemplateLibrary templates_;
  std::shared_ptr<const ShippedData> shipped_;  // when shared (share_shipped_data)
  const LawRegistry* shipped_laws_ = nullptr;   // shipped_->laws(), unless the catalog adds laws
  HolidayCalendar calendar_;
  ImportReport import_;
  SeverityPolicy policy_;
  std::string fatal_;
  bool from_workbooks_ = false;
  RegionChoice region_;
  bool checked_ = false;
  bool resolved_ = false;
  std::vector<ResolvedItem> items_;
};

// True when `path` is read as a workbook: a workbook extension, or OLE/ZIP content.
bool is_workbook_path(const std::string& path);

}  // namespace powerlist
