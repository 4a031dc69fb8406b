// Reading input files and writing output files (fsio.hpp).
#include "powerlist/fsio.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace fs = std::filesystem;

namespace powerlist {

ReadStatus read_regular_file(const std::string& path, size_t max_bytes, std::string& out,
                             size_t* size_seen) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return errno == ENOENT ? ReadStatus::Missing : ReadStatus::Unreadable;
  if (!S_ISREG(st.st_mode)) return ReadStatus::NotRegular;
  // O_NONBLOCK: should the file be swapped for a FIFO after the stat, open does not hang.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return ReadStatus::Unreadable;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return ReadStatus::NotRegular;
  }
  if (size_seen) *size_seen = static_cast<size_t>(st.st_size);
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
    ::close(fd);
    return ReadStatus::TooLarge;
  }
  out.clear();
  out.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return ReadStatus::Unreadable;
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) {  // grew while being read
      ::close(fd);
      return ReadStatus::TooLarge;
    }
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return ReadStatus::Ok;
}

Message read_error_message(ReadStatus status, const std::string& shown, size_t size, size_t limit) {
  switch (status) {
    case ReadStatus::Ok:
      return {};
    case ReadStatus::Missing:
      return {fmt::format("文件不存在：{}", shown), fmt::format("no such file: {}", shown)};
    case ReadStatus::NotRegular:
      return {
          fmt::format("不是普通文件（文件夹、管道或设备不能读取）：{}", shown),
          fmt::format("not a regular file (folders, pipes and devices are not read): {}", shown)};
    case ReadStatus::TooLarge:
      return {fmt::format("文件 {} 大小 {} 字节，超过上限 {} 字节", shown, size, limit),
              fmt::format("file {} is {} bytes, over the limit of {} bytes", shown, size, limit)};
    case ReadStatus::Unreadable:
      break;
  }
  return {fmt::format("无法读取文件 {}：{}", shown, std::strerror(errno)),
          fmt::format("cannot read {}: {}", shown, std::strerror(errno))};
}

static std::string random_suffix() {
  static thread_local std::mt19937_64 rng{std::random_device{}() ^
                                          static_cast<unsigned long long>(::getpid())};
  static const char* chars = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string s;
  for (int i = 0; i < 10; ++i) s += chars[rng() % 36];
  return s;
}

static Message write_error(const std::string& path, int err) {
  if (err == ENOSPC || err == EDQUOT)
    return {fmt::format("磁盘空间不足，无法写入 {}", path),
            fmt::format("no space left on the device writing {}", path)};
  return {fmt::format("无法写入 {}：{}", path, std::strerror(err)),
          fmt::format("cannot write {}: {}", path, std::strerror(err))};
}

int write_all(int fd, std::string_view data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    done += static_cast<size_t>(n);
  }
  return 0;
}

int memory_file(std::string_view bytes) {
  const int fd = ::memfd_create("powerlist", MFD_CLOEXEC);
  if (fd < 0) return -1;
  if (write_all(fd, bytes) != 0 || ::lseek(fd, 0, SEEK_SET) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

Message write_file_atomic(const std::string& path, std::string_view data) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::path tmp;
  int fd = -1;
  for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
    tmp = dir / ("." + target.filename().string() + ".tmp-" + random_suffix());
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) return write_error(path, errno);
  }
  if (fd < 0) return write_error(path, EEXIST);
  int err = write_all(fd, data);
  if (!err && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && !err) err = errno;
  if (!err && ::rename(tmp.c_str(), target.c_str()) != 0) err = errno;
  if (err) {
    ::unlink(tmp.c_str());
    return write_error(path, err);
  }
  return {};
}

fs::path normalized_path(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  fs::path canon = fs::weakly_canonical(abs, ec);
  if (ec) canon = abs.lexically_normal();
  // "a/b/" normalizes to "a/b/" (an empty last part): drop it.
  if (!canon.has_filename() && canon.has_parent_path() && canon != canon.root_path())
    canon = canon.parent_path();
  return canon;
}

bool path_within(const fs::path& child, const fs::path& parent) {
  const fs::path c = normalized_path(child), p = normalized_path(parent);
  auto ci = c.begin();
  for (auto pi = p.begin(); pi != p.end(); ++pi, ++ci) {
    if (ci == c.end() || *ci != *pi) return false;
  }
  return true;
}

bool safe_relative_name(std::string_view rel) {
  if (rel.empty() || rel.front() == '/' || rel.back() == '/') return false;
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string_view::npos) end = rel.size();
    const std::string_view part = rel.substr(start, end - start);
    if (part.empty() || part == "." || part == ".." || part.size() > 200) return false;
    for (unsigned char ch : part)
      if (ch < 0x20 || ch == 0x7f || ch == '\\') return false;
    start = end + 1;
  }
  return true;
}

}  // namespace powerlist
