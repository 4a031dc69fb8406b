// Stage 4: stable power codes (GB/T 39046-2020; see LEGAL-FACTS.md "Code tables") and the
// powerlist.lock ledger that keeps them stable across edits.
#pragma once
#include <string>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

// Parses powerlist.lock (its text already read into `src`); every problem is
// code/lock-conflict located in the lock. Merge-conflict markers make the lock unusable.
CodeLock parse_lock(SourceFile& src, uint32_t file, DiagSink& sink);
// Sorted, one entry per line, diff-friendly; byte-identical for the same entries.
std::string render_lock(const CodeLock& lock);

// Reads the 基本目录 file named by powerlist.yaml `baseline:`; findings are schema/*.
std::vector<BaselineEntry> parse_baseline(SourceFile& src, uint32_t file, DiagSink& sink);

// A 实施编码 as GB/T 39046 builds it: 18 characters of the 统一社会信用代码 charset, the
// 行使层级 digit 1–7, then the 12-digit 基本编码. Codes become file names, so the lock is
// held to exactly this shape.
bool valid_implementation_code(std::string_view code);

// 行使层级 digit (GB/T 39046 A.2) of a level name: 国家级 → '1' … 乡级 → '5'; '4' if unknown.
char level_digit(const std::string& level);
// The two-digit 目录来源 of local items: the province part of the region code.
std::string province_prefix(const Catalog& c);

struct AssignResult {
  CodeLock lock;
  std::vector<Message> log;     // one line per assignment, retirement or update
  std::vector<Message> errors;  // items that could not be numbered
  size_t assigned = 0, retired = 0, updated = 0;
};
// Gives every item without a lock entry a code, records retirements, keeps everything else.
// New items are numbered in sorted "dept/key" order, so the result does not depend on the
// order of items or files.
AssignResult assign_codes(const Catalog& c, const CodeLock& old, Date today);

struct ItemCodes {
  std::string basic, implementation;
  std::vector<std::pair<std::string, std::string>> handle;  // 33-character code, name
  bool assigned() const { return !implementation.empty(); }
};
ItemCodes item_codes(const Catalog& c, const Department& d, const PowerItem& item);

}  // namespace powerlist
