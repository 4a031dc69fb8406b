// Diagnostics as data: a rule id, a severity, a span and a message in both languages.
// Reporters (report.hpp) render them; nothing here prints.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "powerlist/source.hpp"

namespace powerlist {

enum class Severity { Off = 0, Note = 1, Warning = 2, Error = 3 };
std::string_view severity_name(Severity s);  // "error", "warning", "note", "off"
std::optional<Severity> parse_severity(std::string_view s);

enum class Lang { Zh, En };

struct Message {
  std::string zh, en;
  const std::string& in(Lang l) const { return l == Lang::En ? en : zh; }
};

// Where a fix applies: a byte range of a text file, or one cell of a sheet (replaced whole).
struct FixTarget {
  uint32_t file = 0;          // Sources id
  size_t begin = 0, end = 0;  // text file: bytes [begin, end)
  bool is_cell = false;       // sheet: the cell at (row, col), 0-based
  uint32_t row = 0, col = 0;
};

// A correction a finding proposes. The corrections of basis findings fill `citation` (CLI.md
// "Corrections": the JSON `fix` object); `fix --write` applies only certain ones.
struct Fix {
  Message title;  // what the change does, as a person reads it (建议：…)
  FixTarget target;
  std::string replacement;  // the new text of that range or cell
  bool certain = false;     // false: a guess (similar text, not equal) — never applied blindly
  struct Citation {
    std::string law, version, version_note, text;
    std::vector<std::string> articles;  // the catalog's spelling: 第N条, 第N条第M款 …
    bool changed = false;               // the words differ from the cited text
    // What the citation wrote, to find it in a cell and rewrite it there (建议实施依据).
    std::string cited_law, cited_note;
    std::vector<std::string> cited_articles;  // one per `articles`, as ArticleRef::str()
  };
  std::optional<Citation> citation;
  // The edits that apply a certain correction to a YAML catalog (`fix --write`): each replaces
  // one scalar, keeping its quoting; an article is written in the scalar's own notation ("47"
  // or 第四十七条). Empty: the correction is applied by hand.
  struct Edit {
    Span span;
    std::string text;
    bool article = false;
    std::string expect;  // the value the scalar must hold (else it spans lines: by hand)
  };
  std::vector<Edit> edits;
};

// Rules about the office's law base rather than the catalog (RULES.md third wave): not counted
// as a problem in anything sent to a department, listed as the office's to-do instead.
inline bool about_law_base(std::string_view rule) {
  return rule == "basis/unknown-law" || rule == "basis/law-base-age";
}

struct Diagnostic {
  std::string rule;
  Severity severity = Severity::Error;
  Span span;
  std::string item;  // "dept/key" or "" for file-level findings
  Message message;
  std::vector<Message> notes;
  std::vector<Fix> fixes;
  bool suppressed = false;
  std::string suppression_reason;
};

// Under profile 权责清单 (RULES.md, second wave): a rule runs always, is off because the list has
// no such field, or runs only where the list states rights or contacts.
enum class ListProfile { Always, ServiceField, StatedRights };

// Metadata of every rule id in RULES.md (the ids are an interface: never renamed), defined once
// in rule_list.def.
struct RuleInfo {
  std::string_view id;
  Severity default_severity;
  std::string_view summary_zh;
  std::string_view summary_en;
  bool implemented;
  ListProfile list_profile;
  bool fixable;                // its findings may carry a correction (Diagnostic::fixes)
  std::string_view family;     // where its code lives
  std::string_view reason_zh;  // why it matters, as the audit report says it
};
const std::vector<RuleInfo>& all_rules();
const RuleInfo* find_rule(std::string_view id);

// A rule id known when the program is compiled: findings are raised through the `rule::`
// constants below, so a misspelt id fails to compile (tests/build/misspelt_rule.sh).
class RuleId {
 public:
  constexpr explicit RuleId(std::string_view id) : id_(id) {}
  constexpr std::string_view id() const { return id_; }

 private:
  std::string_view id_;
};

namespace rule {
#define POWERLIST_RULE(constant, id, ...) inline constexpr RuleId constant{id};
#include "powerlist/rule_list.def"
#undef POWERLIST_RULE
}  // namespace rule

// Collects findings during a run. Stages only append; cli decides what to print.
class DiagSink {
 public:
  Diagnostic& add(RuleId rule, Span span, std::string item, Message msg);
  const std::vector<Diagnostic>& list() const { return list_; }
  std::vector<Diagnostic>& mutable_list() { return list_; }
  size_t count(Severity s) const;
  bool has_errors() const { return count(Severity::Error) > 0; }

 private:
  std::vector<Diagnostic> list_;
};

// Inline `# powerlist: ignore RULE 理由` comments, keyed by (file, line).
struct Suppression {
  Span span;
  std::string rule;
  std::string reason;
  bool used = false;
};

struct SeverityPolicy {
  std::map<std::string, Severity> overrides;  // settings.rules, then --rule (later wins)
};

// Applies overrides, drops "off" findings, marks suppressed ones, and sorts by
// file, line, column, rule so output is deterministic.
void finalize_diagnostics(std::vector<Diagnostic>& diags, const SeverityPolicy& policy,
                          std::vector<Suppression>& suppressions,
                          const std::map<std::string, Span>& item_starts);

}  // namespace powerlist
