#include <filesystem>
#include <fstream>

#include "powerlist/publish.hpp"

namespace fs = std::filesystem;

namespace powerlist {

static std::string write_file(const fs::path& p, const std::string& text) {
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  std::ofstream out(p, std::ios::binary);
  out << text;
  out.close();
  return out ? "" : "无法写入 / cannot write: " + p.string();
}

std::string publish_all(const Catalog& catalog, const std::string& out_dir) {
  std::error_code ec;
  const fs::path out = fs::absolute(out_dir, ec);
  const fs::path tmp = out.parent_path() / (out.filename().string() + ".tmp-powerlist");
  const fs::path old = out.parent_path() / (out.filename().string() + ".old-powerlist");
  fs::remove_all(tmp, ec);
  if (!fs::create_directories(tmp, ec) && ec) return "无法创建输出目录 / cannot create " + tmp.string();
  std::string err = write_file(tmp / "catalog.json", render_catalog_json(catalog));
  if (!err.empty()) {
    fs::remove_all(tmp, ec);
    return err;
  }
  // Swap in: the old output is moved aside first, so a crash leaves one complete tree.
  fs::remove_all(old, ec);
  if (fs::exists(out, ec)) fs::rename(out, old, ec);
  fs::rename(tmp, out, ec);
  if (ec) return "无法替换输出目录 / cannot replace " + out.string() + ": " + ec.message();
  fs::remove_all(old, ec);
  return "";
}

}  // namespace powerlist
