// The desk's pages (templates/desk/*), compiled into the binary by cmake/embed_assets.cmake so
// the desk works offline and never loads anything from elsewhere.
#pragma once
#include <cstddef>
#include <string_view>

namespace powerlist::desk {

struct DeskAsset {
  std::string_view path;  // "/index.html", "/desk.js" …
  std::string_view type;  // its Content-Type
  std::string_view data;
};
const DeskAsset* find_desk_asset(std::string_view path);

}  // namespace powerlist::desk
