// Writing YAML by hand, for catalogs that people then read and edit: strings double-quoted
// (exact round trip of any text: control characters, "yes", "1.0", "=HYPERLINK(…)"), long
// multi-line texts as literal blocks when that is exact too.
#pragma once
#include <string>
#include <string_view>

namespace powerlist {

// A double-quoted YAML scalar (escapes ", \, control characters, C1, U+2028/2029, BOM).
std::string yaml_quoted(std::string_view s);
// `key: value` at `indent` spaces, the value quoted or (multi-line) a |- block.
std::string yaml_field(int indent, std::string_view key, std::string_view value);
// Turns the first field of a mapping written at `indent` + 2 into a sequence entry "- key:"
// with the dash at `indent`.
std::string yaml_entry(int indent, std::string first_field);
// A sequence entry "- value" with the dash at `indent` (multi-line values as a |- block).
std::string yaml_list_value(int indent, std::string_view value);

}  // namespace powerlist
