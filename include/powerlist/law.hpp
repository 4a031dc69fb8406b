// Stage 2: the law registry (catalogs/laws + users' `laws:` files), citation resolution,
// 设定权 (which level may create which power) and the working-day calendar.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/duration.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

// 效力层级, highest first.
enum class LawLevel {
  Law,              // 法律
  AdminRegulation,  // 行政法规
  LocalRegulation,  // 地方性法规
  Autonomous,       // 自治条例和单行条例
  DeptRule,         // 部门规章
  ProvGovRule,      // 地方政府规章(省级)
  CityGovRule,      // 地方政府规章(设区的市)
  Normative,        // 规范性文件
};
std::optional<LawLevel> parse_law_level(const std::string& s);
const char* law_level_name(LawLevel l);

struct LawVersion {
  Date date;  // 公布/修正/修订 date
  std::optional<Date> effective;
  std::string kind;             // 制定 / 修正 / 修订
  std::optional<int> articles;  // highest article number of that text
  Date in_force() const { return effective.value_or(date); }
};

struct StatutoryLimit {
  std::string key;
  Duration duration;
  ArticleRef article;
  std::string article_text;  // as written in the registry ("42", "42.1")
};

struct Instrument {
  std::string name;
  std::vector<std::string> aliases;
  LawLevel level = LawLevel::Law;
  std::string issuer;
  std::vector<LawVersion> versions;  // sorted by date
  bool repealed = false;
  std::optional<Date> repealed_date;  // nullopt with repealed = true: date unknown
  std::string repealed_by;
  std::vector<StatutoryLimit> limits;
  std::string source;
  Span span;

  // The version in force on `d` (latest in-force date ≤ d), or nullptr.
  const LawVersion* version_on(const Date& d) const;
  const LawVersion* version_dated(const Date& d) const;  // exact 公布 date
  // Article count for a check: the given version's, or the nearest earlier known one.
  std::optional<int> article_count(const LawVersion* v) const;
  const StatutoryLimit* limit_for(const ArticleRef& a) const;
};

// Repealed entries whose date is unknown were invalid when the reference data was taken.
inline constexpr Date kRegistrySnapshot{2025, 4, 19};

class LawRegistry {
 public:
  // Adds or merges an instrument (same name: versions, aliases and limits are added).
  // Returns an error message when the entry conflicts with what is there.
  std::string add(Instrument ins);
  const Instrument* find(const std::string& cited) const;
  size_t size() const { return list_.size(); }
  const std::vector<Instrument>& all() const { return list_; }
  static std::string normalize(const std::string& name);

 private:
  std::vector<Instrument> list_;
  std::unordered_map<std::string, size_t> index_;
};

// Loads every *.yaml under `dir` (sorted) and then each of `extra` (users' files, whose
// findings go to `sink` with file ids added to `sources`).
struct RegistryLoad {
  LawRegistry registry;
  std::string fatal;  // the built-in data could not be read (installation problem)
};
struct ExtraLawFile {
  std::string display, path;  // shown path (relative to the catalog) and path on disk
};
RegistryLoad load_registry(const std::string& builtin_dir,
                           const std::vector<ExtraLawFile>& extra_files, Sources& sources,
                           DiagSink& sink);
// Parses one registry file's text into `reg`.
void load_registry_text(LawRegistry& reg, const std::string& display, std::string text,
                        Sources& sources, DiagSink& sink);

// Where catalogs/ and templates/ are: $POWERLIST_DATA_DIR, else the source tree of the build.
std::string data_dir();

// 设定权 (LEGAL-FACTS.md): may an instrument of `level` create this item's power?
// Returns "" when it may, else the reason (zh, en).
Message competence_problem(const PowerItem& item, LawLevel level);

}  // namespace powerlist
