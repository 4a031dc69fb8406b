// One piece of a build run in a forked process while the build goes on (Graphviz and cairo
// cannot share a process between threads). The child dies with the build and reports its
// Message on a pipe; a child that dies without a report is a failure. Internal to src/publish.
#pragma once
#include <sys/types.h>

#include <functional>

#include "powerlist/diag.hpp"

namespace powerlist {

class ChildJob {
 public:
  // Starts `job` in a child; with `parallel` false, or when fork fails, the job is run here
  // by wait().
  ChildJob(std::function<Message()> job, bool parallel);
  ~ChildJob();  // waits for a child; a job not yet run here is dropped
  ChildJob(const ChildJob&) = delete;
  ChildJob& operator=(const ChildJob&) = delete;
  bool forked() const { return pid_ > 0; }
  // The job's Message ("" zh on success), from the child or from running it now.
  Message wait();

 private:
  std::function<Message()> job_;
  pid_t pid_ = -1;
  int fd_ = -1;
  Message done_;
};

}  // namespace powerlist
