// read_xls: FreeXL run in a child process, its answer read back (xls_reader.hpp).
//
// FreeXL 1.0.6 reads past a stack buffer (iconv with a length taken from the file) on some
// damaged BIFF files (found by fuzz_xls and fuzz_xlsx; AddressSanitizer: stack-buffer-
// underflow in freexl_open). Without a fixed FreeXL in Debian, the library runs in a child
// process: whatever a damaged file does to it, powerlist gets either the sheets or a clear
// "damaged file" message, and nothing the child read beyond the file reaches the output
// unless FreeXL returned it as cell text of a file it accepted.
//
// The child is a program of its own, powerlist-xls-reader, started with posix_spawn: a bare
// fork() of a process with threads (the review desk's server) copies locks other threads
// hold, and the child can wait on one for ever (seen in CI: AddressSanitizer's allocator, GCC
// 12, a desk check that never ended). Only where that program is not found (a program of
// someone else's linking the library) is the reader forked, as before.
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "powerlist/fsio.hpp"
#include "powerlist/workbook.hpp"
#include "xls_layout.hpp"
#include "xls_reader.hpp"

extern char** environ;

namespace powerlist {

namespace {

namespace fs = std::filesystem;

bool executable(const fs::path& p) {
  std::error_code ec;
  return ::access(p.c_str(), X_OK) == 0 && !fs::is_directory(p, ec);
}

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

struct ChildAnswer {
  bool started = false;    // false: no child could be started (the caller reads another way)
  bool ok = false;         // the child exited cleanly
  bool timed_out = false;  // stopped after limits.max_xls_seconds
  std::string data;
};

// Reads the child's answer until it closes its end, then reaps it; a child still writing at
// the deadline is killed.
void collect(pid_t pid, int fd, unsigned seconds, ChildAnswer& answer) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::seconds(seconds);
  char buf[1 << 16];
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      answer.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<int64_t>(left.count(), 60'000)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    answer.data.append(buf, static_cast<size_t>(n));
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return;
  answer.ok = !answer.timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

ChildAnswer spawn_reader(const std::string& program, const std::string& bytes,
                         const WorkbookLimits& limits) {
  ChildAnswer answer;
  Fd input(memory_file(bytes));  // not a pipe: a child that stops reading cannot stall us
  int fds[2];
  if (input.get() < 0 || ::pipe2(fds, O_CLOEXEC) != 0) return answer;
  Fd out_read(fds[0]), out_write(fds[1]);
  std::vector<std::string> args = {program};
  for (auto& a : xls_reader_arguments(limits)) args.push_back(std::move(a));
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  if (posix_spawn_file_actions_init(&actions) != 0) return answer;
  posix_spawn_file_actions_adddup2(&actions, input.get(), 0);
  posix_spawn_file_actions_adddup2(&actions, out_write.get(), 1);
  // Nothing else of ours (the desk's sockets, say) stays open in the child while it reads.
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return answer;
  answer.started = true;
  out_write.reset();  // the child's copy is the only writer left: EOF when it ends
  collect(pid, out_read.get(), limits.max_xls_seconds, answer);
  return answer;
}

// Only for a process without threads (see the top of this file).
ChildAnswer fork_reader(const std::string& bytes, const WorkbookLimits& limits) {
  ChildAnswer answer;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return answer;
  Fd out_read(fds[0]), out_write(fds[1]);
  const pid_t pid = ::fork();
  if (pid < 0) return answer;
  if (pid == 0) {
    ::_exit(write_all(out_write.get(), xls_child_answer(bytes, limits)) == 0 ? 0 : 1);
  }
  answer.started = true;
  out_write.reset();
  collect(pid, out_read.get(), limits.max_xls_seconds, answer);
  return answer;
}

Message damaged() {
  return {
      "无法读取 .xls 工作簿：文件已损坏（读取程序异常退出）；请用 Excel 或 WPS "
      "打开后另存一份再检查",
      "cannot read the .xls workbook: the file is damaged (the reader failed); open it in "
      "Excel or WPS and save a copy"};
}

// Merged cells and column widths from our own walk of the file (FreeXL reports neither),
// matched to FreeXL's sheets by name.
void attach_layout(const std::string& bytes, WorkbookRead& out) {
  if (!out.error.zh.empty()) return;
  for (auto& layout : read_xls_layout(bytes))
    for (auto& sheet : out.book.sheets)
      if (sheet.name == layout.name && sheet.merges.empty() && sheet.col_widths.empty()) {
        sheet.merges = std::move(layout.merges);
        sheet.col_widths = std::move(layout.col_widths);
        break;
      }
}

}  // namespace

// POWERLIST_XLS_READER, else beside the running program (the build tree; a package's
// /usr/bin), else in the package's libexec directory; "" when none is there.
const std::string& xls_reader_program() {
  static const std::string path = [] {
    if (const char* env = std::getenv("POWERLIST_XLS_READER"); env && *env)
      return executable(env) ? std::string(env) : std::string();
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return std::string();
    for (const fs::path& p :
         {exe.parent_path() / "powerlist-xls-reader",
          (exe.parent_path() / ".." / "libexec" / "powerlist" / "powerlist-xls-reader")
              .lexically_normal()})
      if (executable(p)) return p.string();
    return std::string();
  }();
  return path;
}

WorkbookRead read_xls(const std::string& bytes, const WorkbookLimits& limits) {
  const std::string& program = xls_reader_program();
  ChildAnswer answer;
  if (!program.empty()) answer = spawn_reader(program, bytes, limits);
  if (!answer.started) answer = fork_reader(bytes, limits);
  if (!answer.started) return read_xls_in_process(bytes, limits);  // no process to be had
  WorkbookRead out;
  out.book.format = WorkbookFormat::Xls;
  if (answer.timed_out) {
    out.error = {
        fmt::format("无法读取 .xls 工作簿：读取程序 {} 秒内未读完，已停止（文件可能已损坏）；"
                    "请用 Excel 或 WPS 打开后另存一份再检查",
                    limits.max_xls_seconds),
        fmt::format("cannot read the .xls workbook: the reader did not finish within {} s "
                    "and was stopped (the file may be damaged); open it in Excel or WPS "
                    "and save a copy",
                    limits.max_xls_seconds)};
    return out;
  }
  if (!answer.ok || !deserialize_xls_read(answer.data, out, limits)) {
    out.book.sheets.clear();
    out.error = damaged();
    return out;
  }
  attach_layout(bytes, out);
  return out;
}

}  // namespace powerlist
