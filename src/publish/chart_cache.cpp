#include "chart_cache.hpp"

#include <cairo.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <graphviz/gvc.h>
#include <pango/pango.h>
#include <unistd.h>
#include <zlib.h>

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

uint32_t crc(std::string_view data) {
  return static_cast<uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

// What else decides the bytes: this executable (any change to the renderer) and the
// libraries that draw. Read once per process.
std::string tool_salt() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  std::string exe;
  if (ec || read_regular_file(self.string(), size_t(1) << 30, exe) != ReadStatus::Ok) exe.clear();
  GVC_t* gvc = gvContext();
  std::string salt = fmt::format("{:08x}-{} {} {} {} png{}", crc(exe), exe.size(), gvcVersion(gvc),
                                 cairo_version_string(), pango_version_string(), kChartPngDpi);
  gvFreeContext(gvc);
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

ChartCache::ChartCache(std::string dir) : dir_(std::move(dir)) {
  if (!dir_.empty()) salt_ = tool_salt();
}

std::string ChartCache::key(const std::string& source, const ChartFormats& f) const {
  const std::string all = fmt::format("{}|{}{}{}|", salt_, f.svg, f.png, f.pdf) + source;
  return fmt::format("{:016x}{:016x}", fnv1a(all, 14695981039346656037ULL),
                     fnv1a(all, 0x9e3779b97f4a7c15ULL));
}

// One file per entry: a header of "ext size crc" lines and a blank line, then the parts
// in header order. One file (not one per format) keeps a province's cache to one inode per
// chart.
std::string ChartCache::path(const std::string& key) const {
  return fmt::format("{}/{}/{}.chart", dir_, key.substr(0, 2), key);
}

namespace {

struct PartRef {
  std::string ext;
  size_t offset = 0, size = 0;
  uint32_t sum = 0;
};

// The entry's header; false when the file is missing or not an entry.
bool read_header(int fd, std::vector<PartRef>& parts) {
  char buf[1024];
  const ssize_t n = ::pread(fd, buf, sizeof buf, 0);
  if (n <= 0) return false;
  const std::string head(buf, static_cast<size_t>(n));
  const size_t end = head.find("\n\n");
  if (head.rfind("powerlist-chart 1\n", 0) != 0 || end == std::string::npos) return false;
  std::istringstream in(head.substr(18, end - 18));
  size_t offset = end + 2;
  PartRef p;
  while (in >> p.ext >> p.size >> p.sum) {
    p.offset = offset;
    offset += p.size;
    parts.push_back(p);
  }
  return !parts.empty();
}

std::string read_part(int fd, const std::vector<PartRef>& parts, std::string_view ext) {
  for (const PartRef& p : parts) {
    if (p.ext != ext) continue;
    if (p.size > kMaxPart) return "";
    std::string data(p.size, '\0');
    size_t done = 0;
    while (done < p.size) {
      const ssize_t n =
          ::pread(fd, data.data() + done, p.size - done, static_cast<off_t>(p.offset + done));
      if (n <= 0) return "";
      done += static_cast<size_t>(n);
    }
    return crc(data) == p.sum ? data : "";
  }
  return "";
}

}  // namespace

std::string ChartCache::part(const std::string& key, const char* ext) const {
  if (dir_.empty()) return "";
  const int fd = ::open(path(key).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return "";
  std::vector<PartRef> parts;
  std::string data = read_header(fd, parts) ? read_part(fd, parts, ext) : "";
  ::close(fd);
  return data;
}

std::optional<ChartFiles> ChartCache::load(const std::string& key, const ChartFormats& f) const {
  if (dir_.empty()) return std::nullopt;
  const int fd = ::open(path(key).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::vector<PartRef> parts;
  ChartFiles c;
  if (read_header(fd, parts)) {
    c.svg = read_part(fd, parts, "svg");
    c.placed = read_part(fd, parts, "placed");
    if (f.png) c.png = read_part(fd, parts, "png");
    if (f.pdf) c.pdf = read_part(fd, parts, "pdf");
  }
  ::close(fd);
  if (c.svg.empty() || c.placed.empty() || (f.png && c.png.empty()) || (f.pdf && c.pdf.empty()))
    return std::nullopt;
  return c;
}

void ChartCache::save(const std::string& key, const ChartFiles& c) const {
  if (dir_.empty() || !c.error.empty()) return;
  std::error_code ec;
  fs::create_directories(fs::path(path(key)).parent_path(), ec);
  std::string head = "powerlist-chart 1\n", body;
  const std::pair<const char*, const std::string*> parts[] = {
      {"svg", &c.svg}, {"placed", &c.placed}, {"png", &c.png}, {"pdf", &c.pdf}};
  for (const auto& [ext, data] : parts) {
    if (data->empty()) continue;
    head += fmt::format("{} {} {}\n", ext, data->size(), crc(*data));
    body += *data;
  }
  put(path(key), head + "\n" + body);
}

void ChartCache::prune(const std::set<std::string>& keep) const {
  if (dir_.empty()) return;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const fs::path& f = it->path();
    if (f.extension() != ".chart" || !keep.count(f.stem().string())) fs::remove(f, ec);
  }
}

}  // namespace powerlist
