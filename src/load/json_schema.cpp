// Prints the format tables as JSON Schema draft-07 for editor completion (VS Code YAML).
#include <fmt/format.h>

#include "powerlist/format_spec.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

std::string q(std::string_view s) {
  return "\"" + json_escape(s) + "\"";
}

std::string pad(int n) {
  return std::string(static_cast<size_t>(n) * 2, ' ');
}

std::string table_schema(const TableSpec& t, int ind);

std::string string_enum(const std::vector<std::string_view>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + q(values[i]);
  return out + "]";
}

std::string kind_schema(const FieldSpec& f, int ind) {
  const std::string duration =
      R"("type": ["string", "number"], "pattern": "^(无|即办|[0-9.〇零一二两三四五六七八九十百千]+(个?工作日|日|天|个?月|小时|个?自然日))$")";
  const std::string date = R"("type": "string", "pattern": "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$")";
  switch (f.kind) {
    case FieldKind::String:
      return R"("type": ["string", "number"])";
    case FieldKind::Bool:
      return R"("type": "boolean")";
    case FieldKind::Int:
      return R"("type": "integer", "minimum": 0)";
    case FieldKind::Date:
      return date;
    case FieldKind::Duration:
      return duration;
    case FieldKind::Ratio:
      return R"("type": "string", "pattern": "^[0-9]+/[0-9]+$")";
    case FieldKind::Enum:
      return "\"enum\": " + string_enum(f.values);
    case FieldKind::StringList:
      return R"("type": "array", "items": {"type": ["string", "number"]})";
    case FieldKind::EnumList:
      return "\"type\": \"array\", \"items\": {\"enum\": " + string_enum(f.values) + "}";
    case FieldKind::Map:
      return table_schema(*f.table(), ind);
    case FieldKind::MapList:
      return "\"type\": \"array\", \"items\": {\n" + pad(ind + 1) +
             table_schema(*f.table(), ind + 1) + "\n" + pad(ind) + "}";
    case FieldKind::StringMap:
      return R"("type": "object", "additionalProperties": {"type": ["string", "number"]})";
    case FieldKind::DurationMap:
      return "\"type\": \"object\", \"additionalProperties\": {" + duration + "}";
    case FieldKind::Citation:
      return R"("$ref": "#/definitions/citation")";
    case FieldKind::CitationList:
      return R"("type": "array", "items": {"$ref": "#/definitions/citation"})";
    case FieldKind::Next:
      return R"("anyOf": [{"type": "string"}, {"type": "array", "items": {"anyOf": [{"type": "string"}, {"$ref": "#/definitions/branch"}]}}])";
    case FieldKind::Fees:
      return "\"anyOf\": [{\"const\": \"无\"}, {\"type\": \"array\", \"items\": {\n" +
             pad(ind + 1) + table_schema(*f.table(), ind + 1) + "\n" + pad(ind) + "}}]";
    case FieldKind::Penalties:
      return "\"type\": \"array\", \"items\": {\"anyOf\": [{\"enum\": " +
             string_enum(penalty_values()) + "}, {\n" + pad(ind + 1) +
             table_schema(*f.table(), ind + 1) + "\n" + pad(ind) + "}]}";
  }
  return "";
}

std::string table_schema(const TableSpec& t, int ind) {
  std::string out = "\"type\": \"object\",\n" + pad(ind) + "\"additionalProperties\": false,\n" +
                    pad(ind) + "\"properties\": {\n";
  bool first = true;
  for (const auto& f : t.fields) {
    auto emit = [&](std::string_view name, std::string_view desc) {
      out += (first ? "" : ",\n") + pad(ind + 1) + q(name) + ": {\"description\": " + q(desc) +
             ", " + kind_schema(f, ind + 2) + "}";
      first = false;
    };
    emit(f.key, f.desc);
    for (auto a : f.aliases) emit(a, fmt::format("{}（同 {}）", f.desc, f.key));
  }
  out += "\n" + pad(ind) + "}";
  // "required" is left out on purpose: a Chinese alias may stand in for a required key.
  return out;
}

}  // namespace

std::string json_schema(bool project_file) {
  const TableSpec& top = project_file ? *project_table() : *department_file_table();
  std::string out = "{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n";
  out += "  \"$id\": \"https://powerlist.invalid/schema/" +
         std::string(project_file ? "powerlist" : "department") + ".json\",\n";
  out +=
      "  \"title\": " + q(project_file ? "powerlist.yaml 目录项目文件" : "powerlist 部门职权文件") +
      ",\n";
  out += "  \"definitions\": {\n    \"citation\": {\n      " + table_schema(*citation_table(), 3) +
         "\n    },\n    \"branch\": {\n      " + table_schema(*branch_table(), 3) +
         "\n    }\n  },\n  ";
  out += table_schema(top, 1);
  out += "\n}\n";
  return out;
}

}  // namespace powerlist
