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
  };
  std::optional<Citation> citation;
};

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

// Metadata of every rule id in RULES.md (the ids are an interface: never renamed).
struct RuleInfo {
  std::string_view id;
  Severity default_severity;
  std::string_view summary_zh;
  std::string_view summary_en;
  bool implemented;
};
const std::vector<RuleInfo>& all_rules();
const RuleInfo* find_rule(std::string_view id);

// Collects findings during a run. Stages only append; cli decides what to print.
class DiagSink {
 public:
  Diagnostic& add(std::string_view rule, Span span, std::string item, Message msg);
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
