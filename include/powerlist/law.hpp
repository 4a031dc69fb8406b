// Stage 2: the law registry (catalogs/laws + users' `laws:` files), citation resolution,
// 设定权 (which level may create which power) and the working-day calendar.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
  Date date;  // 公布/修正/修订 date (for laws: the 通过 date)
  std::optional<Date> effective;
  std::optional<Date> meeting;  // the meeting that adopted it, when not the same day
  std::vector<Date> also;       // other dates sources give this version
  std::string kind;             // 制定 / 修正 / 修订
  std::string order;            // 公布令号 (农业农村部令2022年第1号), when known
  std::optional<int> articles;  // highest article number of that text
  bool truncated = false;       // the collected text stops early: its count is not trusted
  bool has_text = false;        // its articles are in the registry's texts/ folder
  Date in_force() const { return effective.value_or(date); }
  // True when `d` names this version: its 公布, meeting, effective or another known date.
  bool named_by(const Date& d) const;
};

// The articles of one version of an instrument (texts/<name>/<date>.txt).
struct ArticleText {
  int number = 0, suffix = 0;  // 第十条之一 → 10, 1
  std::string heading;         // 第二章 行政许可的设定
  // 款 in order; the 项 of a 款 are the lines that followed it starting with （一）.
  struct Paragraph {
    std::string text;
    std::vector<std::string> items;
  };
  std::vector<Paragraph> paragraphs;
  std::string full() const;  // every paragraph and item, one per line
  // The 款 (1-based) a citation means: as given, or for 第三十三条第（二）项 the one 款 that has
  // a list; 0 when it cannot be told.
  int paragraph_meant(int paragraph, int item) const;
  // The words a citation of it quotes: a 项 after its 款's lead-in (…可以采取下列措施：（四）
  // 查封…), a 款 with its 项, else the whole article; one line each.
  std::string provision(int paragraph, int item) const;
  // quote_key(full()), computed once (quotations are compared against it many times).
  const std::u32string& key() const;

 private:
  mutable std::u32string key_;
};
struct LawText {
  std::vector<ArticleText> articles;
  // False when the text's own references name a 款 an article does not have here (第二十二条第二款
  // of a 22nd article of one paragraph): the collected text merged its 款, which are then not
  // counted (no basis/clause-range).
  bool paragraphs_reliable = true;
  const ArticleText* find(int number, int suffix = 0) const;
};
// Parses a text file of texts/ (lines "第X条 …", "## 第一章 …", paragraphs, items).
LawText parse_law_text(std::string_view text);

struct StatutoryLimit {
  std::string key;
  Duration duration;
  ArticleRef article;
  std::string article_text;  // as written in the registry ("42", "42.1")
};

// An article (or 款) an amending decision deleted ("删去第六十条。"), numbered as before it.
struct Deletion {
  Date version;  // the version the decision made
  int article = 0;
  int paragraph = 0;  // 0: the whole article
  std::string by;     // the decision
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
  std::string text_root;  // folder holding texts/<name>/, or a packed .texts file
  // Local legislation: the region whose body made it (新疆维吾尔自治区克拉玛依市) and its
  // rank there (省级, 设区的市, 自治州, 自治县, 经济特区).
  std::string region, region_level;
  bool status_unknown = false;  // the source does not say whether it is in force (不详)
  // A 国务院 decision that sets (or keeps by setting) 行政许可 under 行政许可法第十四条第二款
  // (国务院令第412号, 国发〔2015〕22号 …): enough for a licence whatever its level.
  bool sets_licences = false;
  std::vector<Deletion> deleted;
  // The items an annex lists (国务院令第412号: 500 licences), in order: 项目名称, 实施机关.
  struct AnnexItem {
    std::string name, organ;
  };
  std::vector<AnnexItem> annex_items;
  // The deletion that removed `ref` of version `cited` by the next version, or null.
  const Deletion* deleted_after(const LawVersion& cited, const ArticleRef& ref) const;
  bool other_region = false;  // local legislation of a region other than the catalog's
  Span span;

  // The version in force on `d` (latest in-force date ≤ d), or nullptr.
  const LawVersion* version_on(const Date& d) const;
  const LawVersion* version_dated(const Date& d) const;  // a date that names a version
  // The version a citation dated `d` means: one that `d` names, else the first promulgated
  // within half a year after `d` (a meeting date the registry does not list).
  const LawVersion* version_cited(const Date& d) const;
  // Article count for a check: the given version's, or the nearest earlier known one.
  std::optional<int> article_count(const LawVersion* v) const;
  const StatutoryLimit* limit_for(const ArticleRef& a) const;
};

// Repealed entries whose date is unknown were invalid when the reference data was taken.
inline constexpr Date kRegistrySnapshot{2025, 4, 19};

struct SearchIndex;  // law_search.cpp

class LawRegistry {
 public:
  // Adds or merges an instrument (same name: versions, aliases and limits are added).
  // Returns an error message when the entry conflicts with what is there.
  std::string add(Instrument ins);
  const Instrument* find(const std::string& cited) const;
  // The instrument an amending decision names (国务院关于修改〈营业性演出管理条例〉的决定 →
  // 营业性演出管理条例; …关于修改〈职业健康检查管理办法〉等4部门规章的决定 → the first, with
  // `several` set), when the registry knows it; nullptr for other names and for …部分… . Its
  // changes are part of the versions of the instruments it amended.
  const Instrument* amended_by_decision(const std::string& cited, bool* several = nullptr) const;
  size_t size() const { return list_.size(); }
  const std::vector<Instrument>& all() const { return list_; }
  static std::string normalize(const std::string& name);
  // Reads a packed text file (an xz stream of "@@ name/date" records, derive_laws.py --flk)
  // so that text() finds the versions of instruments whose text_root names it. Returns "" or
  // why it cannot be read.
  std::string open_pack(const std::string& path);
  // The articles of a version, read from texts/ on first use; nullptr without a text.
  const LawText* text(const Instrument& ins, const LawVersion& v) const;
  // Full-text search over the articles of the versions in force on `as_of` (law_search.cpp):
  // the best `limit` articles for `query`, ranked by how much of the query they contain.
  struct Hit {
    std::string law;
    int article = 0, suffix = 0;
    std::string text;
    double score = 0;
    Date version;
  };
  std::vector<Hit> search(const std::string& query, size_t limit, const Date& as_of) const;
  // Builds the index search() uses for `as_of` now, instead of on the first search.
  void prepare_search(const Date& as_of) const;
  // Renumbers the file ids of every entry's span by `offset` (Sources::adopt).
  void shift_files(uint32_t offset);
  // Marks the entries made for regions `catalog_region` does not cover (researched 地方政府规章 of
  // the national files) as another region's and drops their short names, as the local legislation
  // of other provinces is read. Nothing when `catalog_region` is empty.
  void scope_to_region(const std::string& catalog_region);
  // The date of the shipped law base (catalogs/laws/law-base), when the registry includes it.
  std::optional<Date> base_date;
  std::string region;  // the region whose local legislation was loaded in full ("" none)

 private:
  std::vector<Instrument> list_;
  std::unordered_map<std::string, size_t> index_;
  struct TextCache;
  std::shared_ptr<TextCache> texts_ = make_text_cache();
  const SearchIndex& index_on(const Date& as_of) const;  // built once a day asked for
  static std::shared_ptr<TextCache> make_text_cache();
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
// `region` (新疆维吾尔自治区克拉玛依市, or empty) selects the shipped local legislation
// (local_laws.cpp): its province's file in full, any other region's instruments by full name.
RegistryLoad load_registry(const std::string& builtin_dir,
                           const std::vector<ExtraLawFile>& extra_files, Sources& sources,
                           DiagSink& sink, const std::string& region = "");

// load_registry in two parts, so that the first can be read on another thread while the
// catalog loads (Session): the shipped files — the national ones, and the local legislation
// of `region` when it is known before the catalog (--region) — on Sources and findings of
// their own; then, once the region is known, those moved into the caller's (numbered as if
// read there), the region's local legislation if not read yet, and the user's files.
struct ShippedRegistry {
  RegistryLoad load;
  Sources sources;
  DiagSink diags;
  std::optional<std::string> region;  // the region whose local legislation is read, if any
};
ShippedRegistry load_shipped_registry(const std::string& builtin_dir,
                                      const std::optional<std::string>& region);
RegistryLoad complete_registry(ShippedRegistry&& shipped, const std::string& builtin_dir,
                               const std::vector<ExtraLawFile>& extra_files, Sources& sources,
                               DiagSink& sink, const std::string& region);

// ---- Regions and the shipped local legislation (local_laws.cpp) ----
// The date of the shipped law base (catalogs/laws/BASE: "2025-11-22"); nullopt when absent.
std::optional<Date> law_base_date(const std::string& laws_dir);
struct RegionChoice {
  std::string region;  // 新疆维吾尔自治区克拉玛依市; empty when none was found
  std::string how;     // "given", "catalog", "inferred" (from names in the catalog)
};
// The full region a name or a text means: a region as given (克拉玛依市 →
// 新疆维吾尔自治区克拉玛依市), or the place most named in `text` (行使主体, sheet titles). Empty
// when none is known.
std::string region_named(const std::string& laws_dir, const std::string& name);
std::string region_in_text(const std::string& laws_dir, const std::string& text);
// Loads the shipped local legislation of `laws_dir`/local for `region` into `reg`.
// Returns "" or the reason the data could not be read (a damaged file: exit 2).
std::string load_local_laws(LawRegistry& reg, const std::string& laws_dir,
                            const std::string& region, Sources& sources, DiagSink& sink);
// Parses the registry file sources[id] (text already read) into `reg`; texts are looked for
// in texts/ next to its fs_path.
void load_registry_file(LawRegistry& reg, uint32_t id, Sources& sources, DiagSink& sink);
// The same for a file of local legislation: instruments of regions `region` does not cover
// are marked other_region and keep no short names.
void load_registry_file_for_region(LawRegistry& reg, uint32_t id, Sources& sources, DiagSink& sink,
                                   const std::string& region);
// Does a catalog of `catalog_region` fall under an instrument made for `instrument_region`?
bool region_covers(const std::string& catalog_region, const std::string& instrument_region);
// Parses one registry file's text into `reg`.
void load_registry_text(LawRegistry& reg, const std::string& display, std::string text,
                        Sources& sources, DiagSink& sink);

// ---- Quotations (quote_match.cpp) ----
// Text as compared: no whitespace or punctuation, full-width ASCII folded, numerals as
// Arabic digits (五千 → 5000, 1万 → 10000).
std::u32string quote_key(std::string_view text);
// The parts of a quotation: split where it is abridged (……) or names another article.
std::vector<std::string> quote_fragments(const std::string& quote);
// Every fragment of `quote` (of 4 characters or more once normalized) occurs in the text.
bool quote_in_text(const std::string& quote, const std::u32string& text_key);
// The keys of a quotation's fragments (those long enough to prove anything), computed once
// when one quotation is compared with many articles.
std::vector<std::u32string> quote_fragment_keys(const std::string& quote);
bool quote_in_text(const std::vector<std::u32string>& fragment_keys,
                   const std::u32string& text_key);
// The share of the quotation's character pairs that occur in the text (0…1).
double quote_containment(const std::string& quote, const std::u32string& text_key);

// ---- Levels of instruments outside the registry (instrument_level.cpp) ----
// From the catalog's tag (法律, 法规, 部门规章, 规章 …, typos such as 行法规) and the name
// (a province's name, 国务院关于…的决定, …条例, …办法). nullopt when it cannot be told.
std::optional<LawLevel> infer_law_level(const std::string& name, const std::string& tag,
                                        const std::string& note = "");

// Whether the catalog's tag (法律, 法规, 规章, 部门规章 …; 【】 allowed) admits `level`:
// 【法规】 admits 行政法规 and 地方性法规, 【规章】 every rule. nullopt for no tag or a tag that
// names no level (国务院决定, 其他).
std::optional<bool> tag_admits_level(const std::string& tag, LawLevel level);

// ---- What an article provides for (penalty_words.cpp) ----
// The 处罚种类 an article text provides for (罚款, 吊销许可证件, 责令停产停业 …).
std::vector<std::string> penalty_kinds_in(std::string_view text);
// The 强制措施 an article text provides for (查封, 扣押, 冻结, 限制人身自由).
std::vector<std::string> measures_in(std::string_view text);
// Words that show an article provides for a power of the category (罚款 for 行政处罚 …);
// empty for categories without such words.
const std::vector<std::string>& category_words(Category c);

// A registry's problems beyond its format (registry_lint.cpp): versions twice or a month
// apart, out of order or after the repeal, article counts that differ from the texts.
void lint_registry(const LawRegistry& reg, DiagSink& sink);

// ---- What the law base knows of a catalog's citations (citation_counts.cpp) ----
// A citation is one instrument named in one item's basis. by_level: the registry's level, or
// the level told by the name and tag for an instrument outside it ("不明" when neither says).
struct CitationCounts {
  size_t total = 0, in_registry = 0;
  std::vector<std::pair<std::string, size_t>> by_level;  // in the order of LawLevel, then 不明
};
CitationCounts count_citations(const Catalog& catalog, const LawRegistry& laws);

// Where catalogs/ and templates/ are: $POWERLIST_DATA_DIR, else the source tree of the build.
std::string data_dir();

// 设定权 (LEGAL-FACTS.md): may an instrument of `level` create this item's power?
// Returns "" when it may, else the reason (zh, en).
Message competence_problem(const PowerItem& item, LawLevel level);
// The same with the penalty kinds and measures given (read from the cited articles when the
// item does not list them, as a 权责清单 does not).
Message competence_problem(const PowerItem& item, LawLevel level,
                           const std::vector<std::string>& penalties,
                           const std::vector<std::string>& measures);

}  // namespace powerlist
