#include <algorithm>
#include <tuple>

#include "powerlist/diag.hpp"

namespace powerlist {

Diagnostic& DiagSink::add(RuleId rule, Span span, std::string item, Message msg) {
  Diagnostic d;
  d.rule = std::string(rule.id());
  const RuleInfo* info = find_rule(rule.id());
  d.severity = info ? info->default_severity : Severity::Error;
  d.span = span;
  d.item = std::move(item);
  d.message = std::move(msg);
  list_.push_back(std::move(d));
  return list_.back();
}

size_t DiagSink::count(Severity s) const {
  return static_cast<size_t>(std::count_if(list_.begin(), list_.end(), [&](const Diagnostic& d) {
    return d.severity == s && !d.suppressed;
  }));
}

static Suppression* find_suppression(std::vector<Suppression>& sups, uint32_t file, uint32_t line,
                                     const std::string& rule) {
  for (auto& s : sups)
    if (s.span.file == file && s.span.line == line && s.rule == rule && !s.used) return &s;
  return nullptr;
}

void finalize_diagnostics(std::vector<Diagnostic>& diags, const SeverityPolicy& policy,
                          std::vector<Suppression>& suppressions,
                          const std::map<std::string, Span>& item_starts) {
  for (auto& d : diags) {
    auto it = policy.overrides.find(d.rule);
    if (it != policy.overrides.end()) d.severity = it->second;
  }
  diags.erase(std::remove_if(diags.begin(), diags.end(),
                             [](const Diagnostic& d) { return d.severity == Severity::Off; }),
              diags.end());
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.file, a.span.line, a.span.col, a.rule) <
           std::tie(b.span.file, b.span.line, b.span.col, b.rule);
  });
  // A suppression on the finding's own line, or on the first line of its item, silences
  // one finding of that rule.
  for (auto& d : diags) {
    Suppression* s = nullptr;
    if (d.span.valid()) s = find_suppression(suppressions, d.span.file, d.span.line, d.rule);
    if (!s && !d.item.empty()) {
      auto it = item_starts.find(d.item);
      if (it != item_starts.end())
        s = find_suppression(suppressions, it->second.file, it->second.line, d.rule);
    }
    if (s) {
      s->used = true;
      d.suppressed = true;
      d.suppression_reason = s->reason;
    }
  }
}

}  // namespace powerlist
