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

Message file_size_problem(size_t bytes, const WorkbookLimits& limits) {
  if (bytes <= limits.max_file_bytes) return {};
  return limit_exceeded(
      fmt::format("文件有 {} MB，超过 {} MB 的上限", bytes >> 20, limits.max_file_bytes >> 20),
      fmt::format("the file has {} MB, over the limit of {} MB", bytes >> 20,
                  limits.max_file_bytes >> 20));
}

}  // namespace powerlist
