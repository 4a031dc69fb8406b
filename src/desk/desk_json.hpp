// JSON for the desk's API: request bodies are flat objects of strings (and true/false/null/
// numbers, kept as their text); answers are written with json_escape. Anything else in a
// request is refused, never half-read.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace powerlist::desk {

// nullopt: not a flat JSON object (nested values, bad escapes, trailing bytes, > 64 KiB).
std::optional<std::map<std::string, std::string>> parse_flat_object(std::string_view text);

// "…" with escapes; `null` for nullopt.
std::string jstr(std::string_view s);

}  // namespace powerlist::desk
