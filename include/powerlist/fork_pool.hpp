// A pool of forked worker processes, for work that cannot share a process between threads
// (Graphviz and cairo keep global state). Worker w of n runs in its own process and reports
// by lines on a pipe; the parent receives every line as it arrives. Not for use inside a
// threaded server: fork copies only the calling thread.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "powerlist/diag.hpp"

namespace powerlist {

struct ForkPool {
  unsigned workers = 1;
  // File descriptors only the parent may use (closed in each worker).
  std::vector<int> parent_only_fds;
  // Runs in worker `w` (0-based) of `n`; `say` writes one line to the parent (false when the
  // pipe is gone). Returning false makes the worker exit with a failure.
  std::function<bool(unsigned w, unsigned n, const std::function<bool(const std::string&)>& say)>
      work;
  // In the parent, for each line a worker said (without its newline).
  std::function<void(unsigned w, const std::string& line)> heard;
};

// Starts the workers, relays their lines, waits for them. An empty message when every worker
// exited cleanly; otherwise why not (a pipe or fork that failed, a worker that failed).
Message run_fork_pool(const ForkPool& pool);

}  // namespace powerlist
