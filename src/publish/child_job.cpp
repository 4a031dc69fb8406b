#include "child_job.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>
#include <utility>

namespace powerlist {

ChildJob::ChildJob(std::function<Message()> job, bool parallel) : job_(std::move(job)) {
  int fds[2];
  if (parallel && ::pipe2(fds, O_CLOEXEC) == 0) {
    const pid_t parent = ::getpid();
    std::fflush(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::close(fds[0]);
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a killed build leaves no child writing
      if (::getppid() != parent) _exit(1);
      const Message m = job_();
      const std::string report = m.zh + '\t' + m.en;
      size_t done = 0;
      while (done < report.size()) {
        const ssize_t n = ::write(fds[1], report.data() + done, report.size() - done);
        if (n <= 0) break;
        done += static_cast<size_t>(n);
      }
      _exit(m.zh.empty() ? 0 : 1);
    }
    ::close(fds[1]);
    if (pid_ > 0) {
      fd_ = fds[0];
      job_ = nullptr;
      return;
    }
    ::close(fds[0]);
  }
}

ChildJob::~ChildJob() {
  if (forked()) wait();
}

Message ChildJob::wait() {
  if (!forked()) {
    if (job_) done_ = std::exchange(job_, nullptr)();  // no child asked for or to be had
    return done_;
  }
  std::string report;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    report.append(buf, static_cast<size_t>(n));
  }
  ::close(fd_);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  const size_t tab = report.find('\t');
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
    done_ = {};
  else if (tab != std::string::npos && tab > 0)
    done_ = {report.substr(0, tab), report.substr(tab + 1)};
  else
    done_ = {"输出子进程异常退出", "a build worker failed"};
  return done_;
}

}  // namespace powerlist
