#include "powerlist/fork_pool.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

namespace powerlist {

namespace {

[[noreturn]] void worker_main(const ForkPool& pool, unsigned w, int fd, pid_t parent) {
  // Die with the parent: a killed build must not leave workers writing anywhere.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) _exit(1);
  auto say = [fd](const std::string& text) {
    std::string line = text;
    std::replace(line.begin(), line.end(), '\n', ' ');
    line += '\n';
    return ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  };
  _exit(pool.work(w, pool.workers, say) ? 0 : 1);
}

}  // namespace

Message run_fork_pool(const ForkPool& pool) {
  struct Worker {
    pid_t pid;
    int fd;
    unsigned index;
    std::string buf;
  };
  std::vector<Worker> workers;
  const pid_t self = ::getpid();
  Message failure;
  for (unsigned w = 0; w < pool.workers; ++w) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      failure = {"无法创建管道", "pipe failed"};
      break;
    }
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
      ::close(fds[0]);
      ::close(fds[1]);
      failure = {"无法创建子进程", "fork failed"};
      break;
    }
    if (pid == 0) {
      ::close(fds[0]);
      for (const auto& other : workers) ::close(other.fd);
      for (int fd : pool.parent_only_fds)
        if (fd >= 0) ::close(fd);
      worker_main(pool, w, fds[1], self);
    }
    ::close(fds[1]);
    workers.push_back({pid, fds[0], w, {}});
  }
  size_t open_pipes = workers.size();
  while (open_pipes > 0) {
    std::vector<pollfd> pfds;
    for (const auto& w : workers)
      if (w.fd >= 0) pfds.push_back({w.fd, POLLIN, 0});
    if (::poll(pfds.data(), pfds.size(), -1) < 0 && errno != EINTR) break;
    for (auto& w : workers) {
      if (w.fd < 0) continue;
      char buf[4096];
      const ssize_t n = ::read(w.fd, buf, sizeof buf);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) {
        ::close(w.fd);
        w.fd = -1;
        --open_pipes;
        continue;
      }
      w.buf.append(buf, static_cast<size_t>(n));
      for (size_t nl; (nl = w.buf.find('\n')) != std::string::npos; w.buf.erase(0, nl + 1))
        pool.heard(w.index, w.buf.substr(0, nl));
    }
  }
  for (const auto& w : workers) {
    if (w.fd >= 0) ::close(w.fd);
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    if ((!WIFEXITED(status) || WEXITSTATUS(status) != 0) && failure.zh.empty())
      failure = {"子进程异常退出", "a worker process failed"};
  }
  return failure;
}

}  // namespace powerlist
