// The refusal of a workbook over one of its bounds (workbook.hpp), shared by every reader.
#include <fmt/format.h>

#include "powerlist/workbook.hpp"

namespace powerlist {

Message limit_exceeded(const std::string& what_zh, const std::string& what_en) {
  return {fmt::format("{}；不予读取（为防恶意文件而设的上限，真实的清单和台账远低于它）", what_zh),
          fmt::format("{}; not read (a bound against hostile files; real catalogs and ledgers "
                      "are far below it)",
                      what_en)};
}

}  // namespace powerlist
