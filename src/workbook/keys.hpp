// Stable identifiers for imported departments and items (keys.cpp).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace powerlist {

// Lower-case pinyin initials of the GB2312 level-1 hanzi in `text`, ASCII letters and digits
// kept, everything else skipped; at most `max_len` characters. 克拉玛依市农业农村局 → klmysnyncj.
std::string pinyin_initials(std::string_view text, size_t max_len);
// initials + "-" + 4 hex digits of a hash of (salt, name): [a-z0-9-], stable, ≤ max_initials + 5.
std::string stable_key(std::string_view name, std::string_view salt, size_t max_initials);

}  // namespace powerlist
