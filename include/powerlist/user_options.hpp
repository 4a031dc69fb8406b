// The options every front door shares (the CLI now, the desk later), as the text a user typed,
// turned into a Session's options by the library: no front door validates them itself.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/session.hpp"

namespace powerlist {

struct UserOptions {
  std::vector<std::string> rules;  // --rule id=off|note|warning|error (RULES.md ids)
  std::string as_of;               // --as-of YYYY-MM-DD; "" = the catalog's own date
  std::vector<std::string> maps;   // --map 列名=字段, for workbooks
};

// Fills `so` (rules, as_of, import.overrides) from `u`; a usage message naming the first bad
// option, or an empty one.
Message apply_user_options(const UserOptions& u, SessionOptions& so);

// --map values → the workbook front end's column overrides; a usage message on a bad one.
Message parse_column_maps(const std::vector<std::string>& maps, std::map<std::string, Field>& out);

// --fail-on error|warning|never → the lowest severity that fails a run.
Severity parse_fail_on(const std::string& s);

}  // namespace powerlist
