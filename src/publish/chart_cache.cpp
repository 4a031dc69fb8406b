#include "chart_cache.hpp"

#include <cairo.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <graphviz/gvc.h>
#include <hb.h>
#include <libdeflate.h>
#include <pango/pango.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "powerlist/fsio.hpp"

namespace powerlist {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxPart = size_t(256) << 20;

uint64_t fnv1a(std::string_view s, uint64_t h) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// CRC-32 (the same values as zlib's crc32), with libdeflate's carry-less multiply: a
// rebuild checks every part of every entry.
uint32_t crc(std::string_view data) {
  return libdeflate_crc32(0, data.data(), data.size());
}

// What else decides the bytes: this executable (any change to the renderer) and the
// libraries that draw. Read once per process.
std::string tool_salt() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  std::string exe;
  if (ec || read_regular_file(self.string(), size_t(1) << 30, exe) != ReadStatus::Ok) exe.clear();
  GVC_t* gvc = gvContext();
  std::string salt = fmt::format("{:08x}-{} {} {} {} {} png{}", crc(exe), exe.size(),
                                 gvcVersion(gvc), cairo_version_string(), pango_version_string(),
                                 hb_version_string(), kChartPngDpi);
  gvFreeContext(gvc);
  // The system font: cached chart pages name its glyph ids, whether or not the charts' subset
  // is in use (the subset's identity is salted separately).
  for (const char* style : {"Regular", "Bold"}) {
    std::string file;
    unsigned index = 0;
    if (!system_face(style, &file, &index)) continue;
    std::error_code fe;
    const auto size = fs::file_size(file, fe);
    const auto mtime = fs::last_write_time(file, fe).time_since_epoch().count();
    salt += fmt::format(" {}:{}:{}:{}", file, index, fe ? 0 : size, fe ? 0 : mtime);
  }
  return salt;
}

// Temporary name, then rename: a reader never sees half a file under the final name.
bool put(const std::string& path, std::string_view data) {
  const std::string tmp = fmt::format("{}.tmp{}", path, ::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  const bool ok = ::close(fd) == 0 && done == data.size();
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace

ChartCache::ChartCache(std::string dir, const std::string& font)
    : dir_(std::move(dir)), font_(font), salt_(tool_salt() + " font " + font) {}

std::string ChartCache::key(const std::string& source, const ChartFormats& f) const {
  const std::string all = fmt::format("{}|{}{}{}|", salt_, f.svg, f.png, f.pdf) + source;
  return fmt::format("{:016x}{:016x}", fnv1a(all, 14695981039346656037ULL),
                     fnv1a(all, 0x9e3779b97f4a7c15ULL));
}

std::string ChartCache::file(const std::string& key, const char* ext) const {
  return fmt::format("{}/{}/{}.{}", dir_, key.substr(0, 2), key, ext);
}

std::string ChartCache::part(const std::string& key, const char* ext) const {
  std::string sums, data;
  if (read_regular_file(file(key, "sum"), 4096, sums) != ReadStatus::Ok) return "";
  if (read_regular_file(file(key, ext), kMaxPart, data) != ReadStatus::Ok) return "";
  std::istringstream in(sums);
  std::string name;
  size_t size = 0;
  uint32_t sum = 0;
  while (in >> name >> size >> sum)
    if (name == ext) return size == data.size() && sum == crc(data) ? data : "";
  return "";
}

bool ChartCache::check(const std::string& key, const ChartFormats& f) const {
  for (const char* ext : {"svg", "page"})
    if (part(key, ext).empty()) return false;
  return (!f.png || !part(key, "png").empty()) && (!f.pdf || !part(key, "pdf").empty());
}

bool ChartCache::save(const std::string& key, const ChartFiles& c) const {
  if (!c.error.empty()) return false;
  std::error_code ec;
  fs::create_directories(fs::path(file(key, "sum")).parent_path(), ec);
  std::string sums;
  const std::pair<const char*, const std::string*> parts[] = {
      {"svg", &c.svg}, {"page", &c.page}, {"png", &c.png}, {"pdf", &c.pdf}};
  for (const auto& [ext, data] : parts) {
    if (data->empty()) continue;
    if (!put(file(key, ext), *data)) return false;
    sums += fmt::format("{} {} {}\n", ext, data->size(), crc(*data));
  }
  return put(file(key, "sum"), sums);  // last: an entry counts once every part is in place
}

std::string ChartCache::keep_bytes(const std::string& bytes, const char* ext) const {
  const std::string key =
      fmt::format("{:016x}{:08x}", std::hash<std::string_view>{}(bytes), crc(bytes));
  const std::string path = file(key, ext);
  std::string kept;
  if (read_regular_file(path, bytes.size() + 1, kept) == ReadStatus::Ok && kept == bytes)
    return path;  // compared, not trusted by name
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  return put(path, bytes) ? path : "";
}

void ChartCache::prune(const std::set<std::string>& keep) const {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const fs::path& f = it->path();
    // Kept bytes (keep_bytes) stay while an output links them: the build being made or the
    // one it replaces.
    if (f.extension() == ".html" ? fs::hard_link_count(f, ec) > 1 : keep.count(f.stem().string()))
      continue;
    fs::remove(f, ec);
  }
}

}  // namespace powerlist
