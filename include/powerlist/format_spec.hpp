// The catalog format of FORMAT.md as data: every mapping's keys with their Chinese aliases,
// value kinds and descriptions. The loader checks keys against it and `powerlist schema`
// prints it as JSON Schema, so the two cannot drift apart.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace powerlist {

enum class FieldKind {
  String,
  Bool,
  Int,
  Date,
  Duration,
  Enum,
  StringList,
  EnumList,
  Map,
  MapList,
  StringMap,    // map of free keys to strings (duties, actors)
  DurationMap,  // map of step id to duration (procedure.limits)
  Citation,
  CitationList,
  Next,       // a step id, a list of ids, or a list of branch maps
  Fees,       // 无 or a list of fee maps
  Penalties,  // strings or {kind, max}
  Ratio,      // "2/3"
};

struct TableSpec;

struct FieldSpec {
  std::string_view key;
  std::vector<std::string_view> aliases;
  FieldKind kind;
  std::string_view desc;  // Chinese description (editor tooltips, docs)
  const TableSpec* (*table)() = nullptr;
  std::vector<std::string_view> values = {};  // for Enum/EnumList
  bool required = false;
};

struct TableSpec {
  std::string_view name;  // e.g. "item", used in messages
  std::string_view name_zh;
  std::vector<FieldSpec> fields;
  const FieldSpec* find(std::string_view key_or_alias) const;
  std::vector<std::string> all_spellings() const;
};

const TableSpec* project_table();
const TableSpec* department_file_table();
const TableSpec* department_table();
const TableSpec* item_table();
const TableSpec* citation_table();
const TableSpec* step_table();
const TableSpec* branch_table();

// Allowed spellings of enumerations used in several places.
const std::vector<std::string_view>& rights_values();
const std::vector<std::string_view>& penalty_values();
const std::vector<std::string_view>& measure_values();

// JSON Schema (draft-07) of the department format, or of powerlist.yaml.
std::string json_schema(bool project_file);

}  // namespace powerlist
