#include "desk/desk_zip.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "powerlist/text.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist::desk {

namespace fs = std::filesystem;

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// A member's name as UTF-8: as stored when it is valid UTF-8, else GB18030 (what the zip tools
// of Chinese Windows write without the UTF-8 flag).
std::string member_name(zip_t* z, zip_uint64_t i) {
  const char* raw = zip_get_name(z, i, ZIP_FL_ENC_RAW);
  if (!raw) return "";
  std::string name(raw);
  if (find_invalid_utf8(name) == std::string::npos) return name;
  std::string converted;
  return convert_to_utf8(name, "GB18030", converted) ? converted : "";
}

bool is_link(zip_t* z, zip_uint64_t i) {
  zip_uint8_t opsys = 0;
  zip_uint32_t attributes = 0;
  if (zip_file_get_external_attributes(z, i, 0, &opsys, &attributes) != 0) return false;
  return opsys == ZIP_OPSYS_UNIX && S_ISLNK(attributes >> 16);
}

// The members under one shared top folder (示范县/powerlist.yaml …) lose it, so that a zipped
// folder and its zipped contents read the same.
void drop_shared_top_folder(std::vector<ZipMember>& members) {
  if (members.empty()) return;
  const size_t slash = members.front().path.find('/');
  if (slash == std::string::npos) return;
  const std::string top = members.front().path.substr(0, slash + 1);
  for (const auto& m : members)
    if (m.path.compare(0, top.size(), top) != 0) return;
  for (auto& m : members) m.path.erase(0, top.size());
}

ZipFolder refused(std::string zh, std::string en) {
  ZipFolder f;
  f.error = {std::move(zh), std::move(en)};
  return f;
}

}  // namespace

bool looks_like_zip(const std::string& bytes) {
  return bytes.compare(0, 4, "PK\x03\x04") == 0;
}

std::string safe_member_path(const std::string& name) {
  std::string path;
  size_t start = 0;
  const std::string unified = [&] {
    std::string s = name;
    for (auto& c : s)
      if (c == '\\') c = '/';
    return s;
  }();
  if (unified.empty() || unified.front() == '/' || unified.find(':') != std::string::npos)
    return "";
  while (start <= unified.size()) {
    size_t end = unified.find('/', start);
    if (end == std::string::npos) end = unified.size();
    const std::string part = unified.substr(start, end - start);
    start = end + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") return "";
    for (const char c : part)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "";
    path += (path.empty() ? "" : "/") + part;
  }
  return path;
}

ZipFolder read_zip_folder(const std::string& bytes, const ZipLimits& limits) {
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!src) return refused("无法读取压缩包", "cannot read the archive");
  std::unique_ptr<zip_t, ZipCloser> z(zip_open_from_source(src, ZIP_RDONLY, &zerr));
  zip_error_fini(&zerr);
  if (!z) {
    zip_source_free(src);
    return refused("不是有效的 .zip 压缩包：已损坏或被截断",
                   "not a valid .zip archive: damaged or truncated");
  }
  const zip_int64_t count = zip_get_num_entries(z.get(), 0);
  if (count < 0 || static_cast<zip_uint64_t>(count) > limits.max_members)
    return refused(fmt::format("压缩包中的文件超过 {} 个", limits.max_members),
                   fmt::format("the archive has more than {} files", limits.max_members));
  ZipFolder folder;
  size_t total = 0;
  std::string buffer(1 << 16, '\0');
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    const std::string name = member_name(z.get(), i);
    if (!name.empty() && name.back() == '/') continue;  // a folder entry
    const std::string path = safe_member_path(name);
    if (path.empty() || is_link(z.get(), i))
      return refused(
          fmt::format("压缩包中的文件名不安全：{}", name.empty() ? "（无法识别）" : name),
          fmt::format("unsafe file name in the archive: {}", name));
    // Stored or deflated only: other methods (xz, bzip2 …) bring decoders whose memory is not
    // bounded here, and no spreadsheet or zip tool of an office writes them.
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z.get(), i, 0, &st) != 0 || !(st.valid & ZIP_STAT_COMP_METHOD) ||
        (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE))
      return refused(fmt::format("{} 的压缩方式不受支持（只支持常见的 deflate 压缩）", path),
                     fmt::format("{}: unsupported compression method (deflate only)", path));
    std::unique_ptr<zip_file_t, FileCloser> f(zip_fopen_index(z.get(), i, 0));
    if (!f)
      return refused(fmt::format("无法解压 {}（已损坏或已加密）", path),
                     fmt::format("cannot unpack {} (damaged or encrypted)", path));
    ZipMember m{path, {}};
    // Counted on the bytes inflated: the sizes an archive states may lie.
    for (;;) {
      const zip_int64_t n = zip_fread(f.get(), buffer.data(), buffer.size());
      if (n < 0)
        return refused(fmt::format("无法解压 {}：数据已损坏", path),
                       fmt::format("cannot unpack {}: damaged data", path));
      if (n == 0) break;
      total += static_cast<size_t>(n);
      if (m.bytes.size() + static_cast<size_t>(n) > limits.max_member_bytes ||
          total > limits.max_total_bytes)
        return refused(fmt::format("压缩包解压后超过上限（单个文件 {} MB，合计 {} MB）",
                                   limits.max_member_bytes >> 20, limits.max_total_bytes >> 20),
                       fmt::format("the archive unpacks beyond the limit ({} MB a file, {} MB "
                                   "in all)",
                                   limits.max_member_bytes >> 20, limits.max_total_bytes >> 20));
      m.bytes.append(buffer.data(), static_cast<size_t>(n));
    }
    folder.members.push_back(std::move(m));
  }
  // Finder's and Windows' leftovers are not part of a catalog (and must not hide its top folder).
  auto& ms = folder.members;
  ms.erase(std::remove_if(ms.begin(), ms.end(),
                          [](const ZipMember& m) {
                            const std::string base = fs::path(m.path).filename().string();
                            return m.path.compare(0, 9, "__MACOSX/") == 0 || base == ".DS_Store" ||
                                   base == "Thumbs.db";
                          }),
           ms.end());
  drop_shared_top_folder(folder.members);
  if (folder.members.empty()) return refused("压缩包是空的", "the archive is empty");
  return folder;
}

bool holds_catalog(const ZipFolder& folder) {
  for (const auto& m : folder.members)
    if (m.path == "powerlist.yaml") return true;
  return false;
}

bool is_workbook_member(const ZipMember& m) {
  // "~$x.xlsx" is the lock file Excel and WPS leave beside an open workbook.
  return fs::path(m.path).filename().string().compare(0, 2, "~$") != 0 &&
         has_workbook_extension(m.path);
}

Message unpack_folder(const ZipFolder& folder, const std::string& dir) {
  std::error_code ec;
  for (const auto& m : folder.members) {
    const fs::path path = fs::path(dir) / fs::path(m.path);  // safe_member_path: stays inside
    fs::create_directories(path.parent_path(), ec);
    if (ec)
      return {fmt::format("无法创建文件夹 {}：{}", path.parent_path().string(), ec.message()),
              fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message())};
    // A scratch copy, removed after the check: written plainly (no fsync per file).
    std::ofstream out(path, std::ios::binary);
    out.write(m.bytes.data(), static_cast<std::streamsize>(m.bytes.size()));
    if (!out.flush())
      return {fmt::format("无法写入 {}", m.path), fmt::format("cannot write {}", m.path)};
  }
  return {};
}

}  // namespace powerlist::desk
