// Text as code points, for the parsers of citation cells and version notes (model/): the
// valid UTF-8 prefix decoded, and a range of code points encoded back.
#pragma once
#include <algorithm>
#include <string>
#include <string_view>

#include "powerlist/text.hpp"

namespace powerlist::u32 {

using U = std::u32string;

inline U to_u32(const std::string& s) {
  const size_t bad = find_invalid_utf8(s);
  const auto cps =
      decode_utf8(std::string_view(s).substr(0, bad == std::string::npos ? s.size() : bad));
  return U(cps.begin(), cps.end());
}

inline std::string to_utf8(const U& u, size_t b = 0, size_t e = U::npos) {
  std::string out;
  e = std::min(e, u.size());
  for (size_t i = b; i < e; ++i) append_utf8(out, u[i]);
  return out;
}

}  // namespace powerlist::u32
