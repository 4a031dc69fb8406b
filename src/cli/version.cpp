// `powerlist --version`: the tool and the data it will use (where, the law registry's state,
// the holiday years it can count, the procedure templates), read from the files themselves.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "common.hpp"
#include "powerlist/law.hpp"

namespace powerlist {

std::string version_text(Lang lang) {
  namespace fs = std::filesystem;
  const std::string data = data_dir();
  std::error_code ec;
  size_t instruments = 0;
  std::string state;
  for (fs::directory_iterator it(fs::path(data) / "catalogs" / "laws", ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() != ".yaml") continue;
    std::ifstream in(it->path());
    std::string line;
    static const std::regex state_re(R"(\(state (\d{4}-\d{2}-\d{2})\))");
    while (std::getline(in, line)) {
      if (line.rfind("- name:", 0) == 0) ++instruments;
      std::smatch m;
      if (state.empty() && line.rfind('#', 0) == 0 && std::regex_search(line, m, state_re))
        state = m[1];
    }
  }
  std::set<std::string> years;
  for (fs::directory_iterator it(fs::path(data) / "catalogs" / "holidays", ec), end;
       !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".yaml") years.insert(it->path().stem().string());
  size_t templates = 0;
  for (fs::directory_iterator it(fs::path(data) / "templates" / "procedures", ec), end;
       !ec && it != end; it.increment(ec))
    templates += it->path().extension() == ".yaml";
  const std::string span = years.empty() ? "—" : *years.begin() + "–" + *years.rbegin();
  if (lang == Lang::En)
    return fmt::format(
        "powerlist {}\ndata: {}\n  law registry: {} instruments (texts as of {})\n  holiday "
        "calendars: {}\n  procedure templates: {}\n",
        POWERLIST_VERSION, data, instruments, state.empty() ? "?" : state, span, templates);
  return fmt::format(
      "powerlist {}\n数据目录：{}\n  法规库：{} 部法律文件（条文截至 {}）\n  节假日安排：{} 年\n"
      "  流程模板：{} 个\n",
      POWERLIST_VERSION, data, instruments, state.empty() ? "?" : state, span, templates);
}

}  // namespace powerlist
