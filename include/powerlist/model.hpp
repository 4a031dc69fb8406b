// The catalog model: what the loader builds from YAML and every later stage reads.
// Each value that a finding may point at carries its Span.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "powerlist/date.hpp"
#include "powerlist/duration.hpp"
#include "powerlist/source.hpp"

namespace powerlist {

template <class T>
struct Loc {
  T value{};
  Span span;
};
using LStr = Loc<std::string>;

enum class Category {
  Licensing = 1,       // 行政许可 01 XK
  Penalty = 2,         // 行政处罚 02 CF
  Coercion = 3,        // 行政强制 03 QZ
  Levy = 4,            // 行政征收 04 ZS
  Benefit = 5,         // 行政给付 05 GF
  Inspection = 6,      // 行政检查 06 JC
  Confirmation = 7,    // 行政确认 07 QR
  Reward = 8,          // 行政奖励 08 JL
  Adjudication = 9,    // 行政裁决 09 CJ
  Other = 10,          // 其他行政权力 10 QT
  Internal = 11,       // 内部管理 11 NB
  PublicService = 20,  // 公共服务 20 FW
};
struct CategoryInfo {
  Category cat;
  const char* name;
  const char* code;
  const char* letters;
  const char* en;
};
const std::vector<CategoryInfo>& categories();
const CategoryInfo& category_info(Category c);
// Accepts the name, two-digit code or letters; `legacy` is set for
// 监督检查/行政征用/非行政许可审批.
std::optional<Category> parse_category(const std::string& s, bool* legacy);

// 十五, 一百二十, 一千零五: how articles, 款 and 项 are numbered in Chinese.
std::string chinese_number(int n);

struct ArticleRef {
  int article = 0, paragraph = 0, item = 0;  // 0 = not given
  std::string str() const;                   // 第四十条第二款第三项
};

struct Citation {
  LStr law;
  std::vector<Loc<ArticleRef>> articles;
  std::optional<Loc<Date>> version;
  std::string text;
  LStr tag;  // the source's level tag without brackets: 法律, 部门规章, 规范性文件 …
  std::string note;  // the version note as written: （2005年12月29日…第三次修正）
  Span note_span;    // where `note` is written (fix --write rewrites it with the version)
  Span span;
};

struct Limits {
  std::optional<Loc<Duration>> statutory;
  std::optional<Citation> statutory_basis;
  std::optional<Loc<Duration>> promised;
  // The limits as written when they are more than one duration
  // (告知承诺制：20个工作日；非告知承诺制：10个工作日); the durations hold the first one.
  std::string statutory_note, promised_note;
  bool statutory_given = false, promised_given = false;  // key present, even if unparsable
  Span span;
};

struct Fee {
  LStr name;
  std::string standard;
  std::optional<Citation> basis;
  Span span;
};

struct Disclosure {
  std::vector<LStr> forms;
  LStr scope, timing;
  bool scope_invalid = false, timing_invalid = false;  // schema/enum already reported them
  Span span;
};

struct Secrecy {
  LStr reason;
  std::optional<Citation> basis;
  Span span;
};

struct PenaltyKind {
  LStr kind;
  std::optional<long long> max;  // yuan, for 罚款
};

struct Branch {
  LStr to;
  std::string when;
  bool loop = false;
  Span span;
};

enum class StepKind { Start, Step, End };

struct Step {
  LStr id;
  StepKind kind = StepKind::Step;
  LStr actor;
  std::optional<Loc<Duration>> limit;
  std::string duty;
  std::string basis;  // the article behind the step's limit (templates cite it)
  bool excluded = false;
  std::vector<Branch> next;
  std::vector<LStr> rights_at;
  std::map<std::string, std::string> disclose;  // scope, form, timing
  Span span;
};

struct Procedure {
  LStr template_name;
  std::map<std::string, LStr> actors;           // overrides by step id
  std::map<std::string, Loc<Duration>> limits;  // overrides by step id
  std::vector<Step> steps;
  bool refused = false;  // over the size limits (schema/too-large): not resolved or drawn
  Span span;
};

struct Risk {
  LStr step;
  LStr level;  // A/B/C
  std::string point, measures;
  Span span;
};

// Where an item imported from a workbook came from (findings on it point there).
struct SourceRef {
  std::string file, sheet;
  uint32_t row = 0;  // 1-based
  Span span;
};

// 协助/配合 another department's enforcement.
struct Cooperation {
  LStr department;
  std::string duty;
  Span span;
};

// One row of a 行政处罚 裁量基准: circumstance → penalty kind and range.
struct DiscretionRow {
  std::string circumstance;
  LStr penalty, range;
  Span span;
};

struct HandleItem {
  LStr code, name;
};

struct Material {
  LStr name;
  std::string source, note;
  int copies = 0;
  bool required = true;
};

struct Service {
  std::vector<std::string> channels, special;
  std::optional<int> visits;
  std::string location, hours, objects;
  Span span;
};

struct Retirement {
  std::optional<Loc<Date>> date;
  LStr reason;
  std::optional<Citation> basis;
  Span span;
};

enum class Initiation { Unknown, OnApplication, ExOfficio };  // 依申请 / 依职权

struct PowerItem {
  LStr key, name;
  Loc<Category> category;
  bool legacy_category = false;
  LStr parent;
  std::vector<Citation> basis;
  bool has_basis_key = false;
  // The 实施依据 cell as written, kept when the citations above do not render back to it
  // (an imported cell that was not fully understood); exports write it back verbatim.
  std::string basis_text;
  Loc<Initiation> initiation;
  LStr conditions, handled_by, responsible;
  Limits limits;
  bool has_limits = false;
  bool fees_none = false;
  std::vector<Fee> fees;
  std::optional<Disclosure> disclosure;
  Loc<bool> is_public{true, {}};
  std::optional<Secrecy> secrecy;
  std::vector<LStr> rights;
  std::vector<PenaltyKind> penalties;
  std::vector<LStr> measures;
  std::map<std::string, std::string> duties;
  std::vector<std::string> accountability;
  std::optional<Procedure> procedure;
  std::vector<Risk> risks;
  LStr baseline;
  std::vector<HandleItem> handle_items;
  std::vector<Material> materials;
  std::optional<Service> service;
  std::optional<Retirement> retired;
  // Columns of a published 权责清单 (FORMAT.md second wave; docs/format.md).
  LStr seq;                                  // 序号 as written
  LStr level;                                // 实施层级 of the item (地州市级 …)
  LStr authority;                            // 权限: what this level does
  LStr dept_duty;                            // 部门职责
  LStr duty_basis;                           // 责任事项依据
  LStr accountable;                          // 追责对象范围
  LStr note;                                 // 备注
  std::map<std::string, std::string> extra;  // other columns of the source, by header
  std::optional<SourceRef> source;
  std::optional<Loc<Date>> revised;  // last revision of the item (catalog/revision-overdue)
  // 廉政风险防控 and 公开 elements (issue 12).
  LStr commitment, discipline, entrusted_by;
  std::vector<Cooperation> cooperation;
  std::vector<DiscretionRow> discretion;
  Span span;  // the item's mapping (first line = the "- key:" line)

  bool active() const { return !retired.has_value(); }
  // Shown in public outputs: public, and not published only inside the administration
  // (disclosure scope 内部, FORMAT.md second wave). A 相对人 item is listed with its scope.
  bool listed_publicly() const {
    return is_public.value && !(disclosure && disclosure->scope.value == "内部");
  }
};

struct Complaint {
  std::string phone, web, address;
  Span span;
};
struct Supervision {
  std::string internal;
  std::vector<std::string> external;
  Span span;
};

struct Contacts {
  std::string consult, supervise;
  std::optional<Complaint> complaint;
  std::optional<Supervision> supervision;
  Span span;
};

struct Department {
  LStr id, name, credit_code, nature;
  std::vector<LStr> units;
  std::optional<Contacts> contacts;
  std::vector<PowerItem> powers;
  uint32_t file = 0;
  Span span;            // the `department` mapping
  bool loaded = false;  // false when the file could not be parsed at all
};

struct Ratio {
  long long num = 2, den = 3;
};

// Which fields a catalog must have (FORMAT.md `profile`).
enum class Profile {
  PowerCatalog,  // 职权目录: every field as specified (default)
  DutyList,      // 权责清单: the published list; service fields optional
};

// powerlist.yaml `audit:`: the 审核意见书's addressee, 文号, issuer and date.
struct AuditSettings {
  std::string to, number, issuer;
  std::optional<Date> date;
};

struct Project {
  LStr title, region_code, region_name, level, publisher;
  std::string publication_number, footer;  // `publication:` 文号 and the publisher's footer
  AuditSettings audit;
  Profile profile = Profile::PowerCatalog;
  std::optional<Loc<Date>> effective;
  std::optional<Date> last_revision;  // the declared `effective` when --as-of replaced it
  std::vector<LStr> department_globs, laws, baseline;
  std::vector<LStr> holidays;  // the catalog's own holiday calendar files (years not shipped)
  Ratio promised_ratio;
  long long large_fine = 10000;  // 较大数额罚款 threshold (yuan); set locally, configurable
  std::map<std::string, Loc<std::string>> rule_settings;
  uint32_t file = 0;
  bool standalone = false;  // a single department file checked with built-in defaults
};

// One line of powerlist.lock: the codes given to (department id, item key).
struct LockEntry {
  std::string id;  // "dept/key"
  std::string basic, implementation;
  std::optional<Date> assigned, retired;
  bool active = true;
  std::string reason;
  std::vector<std::string> previous;  // codes this entry held before; never given out again
  Span span;
};

struct CodeLock {
  bool present = false;  // the file exists
  bool usable = true;    // false when malformed: `codes` refuses to rewrite it
  std::map<std::string, LockEntry> entries;
  uint32_t file = 0;
};

// One entry of the 基本目录 named by powerlist.yaml `baseline:`.
struct BaselineEntry {
  LStr code, name;
  std::optional<Category> category;
  std::vector<std::string> levels;  // 国家级 … 乡级; empty = every level
  Span span;
};

struct Catalog {
  std::string root;  // folder holding powerlist.yaml ("" for standalone files)
  Project project;
  std::vector<Department> departments;
  CodeLock lock;
  bool has_baseline = false;  // a baseline file was configured and read
  std::vector<BaselineEntry> baseline;
  size_t item_count() const;
};

}  // namespace powerlist

namespace powerlist {
// "40", "40.2", "40.2.3", "第四十条", "第四十条第二款第三项", "第40条" → ArticleRef.
std::optional<ArticleRef> parse_article_ref(const std::string& text);

// "《law》第四十条、第四十一条" as the outputs show a citation (no version).
std::string citation_text(const Citation& c);

// "dept/key": an item's identity in findings, the lock and the outputs.
inline std::string item_id(const Department& d, const PowerItem& it) {
  return d.id.value + "/" + it.key.value;
}

// The values of a list joined with `sep` (Chinese lists use "、").
std::string join_values(const std::vector<LStr>& values, std::string_view sep = "、");
}  // namespace powerlist
