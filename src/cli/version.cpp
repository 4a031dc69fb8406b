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
  // The law base's date (catalogs/laws/law-base) and the local legislation it holds.
  if (auto base = law_base_date((fs::path(data) / "catalogs" / "laws").string()))
    state = base->str();
  size_t local = 0, provinces = 0;
  for (fs::directory_iterator it(fs::path(data) / "catalogs" / "laws" / "local", ec), end;
       !ec && it != end; it.increment(ec))
    provinces += it->path().extension() == ".yaml";
  {
    std::ifstream in(fs::path(data) / "catalogs" / "laws" / "local" / "index.tsv");
    std::string line;
    while (std::getline(in, line)) local += !line.empty() && line[0] != '#';
  }
  const std::string span = years.empty() ? "—" : *years.begin() + "–" + *years.rbegin();
  if (lang == Lang::En)
    return fmt::format(
        "powerlist {}\ndata: {}\n  law base: {}\n  law registry: {} national instruments, {} local "
        "ones of {} provinces\n  holiday calendars: {}\n  procedure templates: {}\n",
        POWERLIST_VERSION, data, state.empty() ? "?" : state, instruments, local, provinces, span,
        templates);
  return fmt::format(
      "powerlist {}\n数据目录：{}\n  法规库截至：{}\n  法规库：全国性法律文件 {} 部，地方性法规 {} "
      "部（{} "
      "个省级行政区）\n  节假日安排：{} 年\n  流程模板：{} 个\n",
      POWERLIST_VERSION, data, state.empty() ? "?" : state, instruments, local, provinces, span,
      templates);
}

}  // namespace powerlist
