// The build's output folder: validation, lock, staging and the swap (output_dir.hpp).
#include "powerlist/output_dir.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "powerlist/fsio.hpp"

namespace fs = std::filesystem;

namespace powerlist {

namespace {

constexpr const char* kStagingPrefix = ".powerlist-staging-";

Message refuse(const std::string& zh, const std::string& en) {
  return {zh, en};
}

// Why `out` may not be used, or an empty message.
Message check_target(const std::string& given, const fs::path& out, const OutputGuard& guard) {
  std::error_code ec;
  fs::path as_given(given);
  while (as_given.has_parent_path() && !as_given.has_filename() && as_given != as_given.root_path())
    as_given = as_given.parent_path();  // "out/" → "out"
  if (fs::is_symlink(as_given, ec))
    return refuse(fmt::format("输出目录 {} 是符号链接；请给出真实的文件夹", given),
                  fmt::format("output folder {} is a symbolic link; give a real folder", given));
  if (!guard.catalog_root.empty() && path_within(guard.catalog_root, out))
    return refuse(
        fmt::format("输出目录 {} 是目录文件夹本身或其上级，生成会覆盖源文件；请另选 -o（默认 "
                    "DIR/out）",
                    given),
        fmt::format("output folder {} is the catalog folder or above it and would replace the "
                    "sources; choose another -o (default DIR/out)",
                    given));
  const fs::path root =
      guard.catalog_root.empty() ? fs::path() : normalized_path(guard.catalog_root);
  for (const auto& s : guard.sources) {
    if (normalized_path(s) == out)
      return refuse(fmt::format("输出路径 {} 就是源文件；请另选 -o", given),
                    fmt::format("output path {} is a source file; choose another -o", given));
    if (path_within(s, out))
      return refuse(fmt::format("输出目录 {} 包含源文件 {}；请另选 -o", given, s.string()),
                    fmt::format("output folder {} holds the source file {}; choose another -o",
                                given, s.string()));
    const fs::path folder = normalized_path(s).parent_path();
    if (folder != root && path_within(out, folder))
      return refuse(
          fmt::format("输出目录 {} 位于源文件夹 {} 内；请另选 -o", given, folder.string()),
          fmt::format("output folder {} is inside the source folder {}; choose another -o", given,
                      folder.string()));
  }
  if (fs::exists(out, ec)) {
    if (!fs::is_directory(out, ec))
      return refuse(fmt::format("输出路径 {} 已存在且不是文件夹", given),
                    fmt::format("output path {} exists and is not a folder", given));
    const bool marked = fs::exists(out / kOutputMarker, ec);
    const bool empty = fs::is_empty(out, ec);
    if (!marked && !empty)
      return refuse(
          fmt::format(
              "文件夹 {} 已存在且不是 powerlist 的输出目录（没有标记文件 {}），为防止误删不会"
              "覆盖；请另选 -o 或先清空该文件夹",
              given, kOutputMarker),
          fmt::format("folder {} exists and is not a powerlist output folder (no {} marker); it is "
                      "not replaced — choose another -o or empty it first",
                      given, kOutputMarker));
  }
  return {};
}

Message system_error(const std::string& what_zh, const std::string& what_en, int err) {
  return {fmt::format("{}：{}", what_zh, std::strerror(err)),
          fmt::format("{}: {}", what_en, std::strerror(err))};
}

}  // namespace

std::unique_ptr<OutputDir> OutputDir::open(const std::string& out, const OutputGuard& guard,
                                           Message& error, const std::function<void()>& on_wait) {
  const fs::path path = normalized_path(out.empty() ? "." : out);
  error = check_target(out, path, guard);
  if (!error.zh.empty()) return nullptr;
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) {
    error = system_error("无法创建输出目录 " + out, "cannot create the output folder " + out,
                         ec.value());
    return nullptr;
  }
  std::unique_ptr<OutputDir> dir(new OutputDir);
  dir->out_ = path;
  dir->lock_fd_ = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
  if (dir->lock_fd_ < 0) {
    error = system_error("无法打开输出目录 " + out, "cannot open the output folder " + out, errno);
    return nullptr;
  }
  if (::flock(dir->lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    if (on_wait) on_wait();
    while (::flock(dir->lock_fd_, LOCK_EX) != 0)
      if (errno != EINTR) {
        error =
            system_error("无法锁定输出目录 " + out, "cannot lock the output folder " + out, errno);
        return nullptr;
      }
  }
  // Holding the lock: staging folders still here belong to builds that were killed.
  for (const auto& e : fs::directory_iterator(path, ec))
    if (e.path().filename().string().rfind(kStagingPrefix, 0) == 0) fs::remove_all(e.path(), ec);
  const Message marked = write_file_atomic((path / kOutputMarker).string(),
                                           "powerlist output folder: replaced by each build\n");
  if (!marked.zh.empty()) {
    error = marked;
    return nullptr;
  }
  std::string templ = (path / (std::string(kStagingPrefix) + "XXXXXX")).string();
  if (!::mkdtemp(templ.data())) {
    error = system_error("无法创建临时目录", "cannot create the staging folder", errno);
    return nullptr;
  }
  dir->staging_ = templ;
  return dir;
}

OutputDir::~OutputDir() {
  std::error_code ec;
  if (!staging_.empty()) fs::remove_all(staging_, ec);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

namespace {
Message refused(std::string_view rel) {
  return {fmt::format("拒绝写入输出目录之外或名称不安全的文件：{}", std::string(rel)),
          fmt::format("refused to write an unsafe or outside name: {}", std::string(rel))};
}
}  // namespace

Message OutputDir::link(std::string_view rel, const std::string& from) const {
  if (committed_ || !safe_relative_name(rel)) return refused(rel);
  const fs::path full = staging_ / std::string(rel);
  std::error_code ec;
  fs::create_directories(full.parent_path(), ec);
  if (::link(from.c_str(), full.c_str()) == 0) return {};
  std::string data;
  if (read_regular_file(from, size_t(1) << 31, data) != ReadStatus::Ok)
    return {"无法读取缓存文件 " + from, "cannot read the cached file " + from};
  return write(rel, data);
}

Message OutputDir::write(std::string_view rel, std::string_view data) const {
  const std::string shown = (out_ / std::string(rel)).string();
  if (committed_ || !safe_relative_name(rel)) return refused(rel);
  const fs::path full = staging_ / std::string(rel);
  std::error_code ec;
  fs::create_directories(full.parent_path(), ec);
  if (ec)
    return system_error("无法创建文件夹 " + shown, "cannot create a folder for " + shown,
                        ec.value());
  const int fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) return system_error("无法写入 " + shown, "cannot write " + shown, errno);
  size_t done = 0;
  int err = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      err = errno;
      break;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0 && !err) err = errno;
  if (err == ENOSPC || err == EDQUOT)
    return {fmt::format("磁盘空间不足，无法写入 {}", shown),
            fmt::format("no space left on the device writing {}", shown)};
  if (err) return system_error("无法写入 " + shown, "cannot write " + shown, err);
  return {};
}

std::string OutputDir::read_staged(std::string_view rel) const {
  std::string text;
  if (!safe_relative_name(rel)) return text;
  if (read_regular_file((staging_ / std::string(rel)).string(), size_t(1) << 30, text) !=
      ReadStatus::Ok)
    text.clear();
  return text;
}

Message OutputDir::commit() {
  std::error_code ec;
  std::set<std::string> fresh;
  for (const auto& e : fs::directory_iterator(staging_, ec)) fresh.insert(e.path().filename());
  if (ec) return system_error("无法读取临时目录", "cannot read the staging folder", ec.value());
  for (const auto& name : fresh) {
    const fs::path from = staging_ / name, to = out_ / name;
    struct stat st {};
    // RENAME_EXCHANGE swaps atomically: at every moment OUT/name is a complete old or new tree.
    const bool exists = ::lstat(to.c_str(), &st) == 0;
    int rc = exists ? ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE)
                    : ::rename(from.c_str(), to.c_str());
    if (rc != 0 && exists && (errno == EINVAL || errno == ENOSYS)) {
      // File systems without RENAME_EXCHANGE: move the old entry aside, then the new one in.
      const fs::path aside = staging_ / ("old-" + name);
      rc = ::rename(to.c_str(), aside.c_str());
      if (rc == 0) rc = ::rename(from.c_str(), to.c_str());
    }
    if (rc != 0)
      return system_error("无法替换输出 " + to.string(), "cannot replace " + to.string(), errno);
  }
  // What the previous build wrote and this one did not (internal/ without --internal …).
  std::vector<std::string> stale;
  for (const auto& e : fs::directory_iterator(out_, ec)) {
    const std::string name = e.path().filename();
    if (!fresh.count(name) && name != kOutputMarker && name != kOutputCache &&
        name.rfind(kStagingPrefix, 0) != 0)
      stale.push_back(name);
  }
  for (const auto& name : stale) fs::rename(out_ / name, staging_ / ("stale-" + name), ec);
  committed_ = true;
  fs::remove_all(staging_, ec);
  staging_.clear();
  return {};
}

}  // namespace powerlist
