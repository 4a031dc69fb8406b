// File system edges shared by every stage: one way to read an input file and one way to
// write an output file. Nothing here knows the catalog format.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "powerlist/diag.hpp"

namespace powerlist {

enum class ReadStatus { Ok, Missing, NotRegular, TooLarge, Unreadable };

// Reads a regular file whole. A FIFO, socket, device or folder is never opened for reading
// (so a FIFO cannot hang a check); files over `max_bytes` are not read.
ReadStatus read_regular_file(const std::string& path, size_t max_bytes, std::string& out,
                             size_t* size_seen = nullptr);
// The user-facing sentence for a failed read of `shown` (a path as the user gave it).
Message read_error_message(ReadStatus status, const std::string& shown, size_t size = 0,
                           size_t limit = 0);

// Writes `data` to `path` through a fresh temporary file in the same folder (created with
// O_EXCL under a random name, so no existing file or symlink is ever written through),
// flushed, then renamed over `path`. Returns an empty message on success.
Message write_file_atomic(const std::string& path, std::string_view data);

// Writes all of `data` to `fd` (a file, a pipe); 0 or errno.
int write_all(int fd, std::string_view data);
// An anonymous memory file (close-on-exec) holding `bytes`, read from its start: for a
// library that reads from a path, or a child's standard input. -1 when none can be made.
int memory_file(std::string_view bytes);

// `child` lies inside `parent` or is it (both made absolute and normalized, symlinks
// resolved where the path exists).
bool path_within(const std::filesystem::path& child, const std::filesystem::path& parent);
// Absolute, lexically normal, symlinks of existing parts resolved, no trailing separator
// ("out/", "out/." and "./out" are the same folder).
std::filesystem::path normalized_path(const std::filesystem::path& p);

// A relative output name made only of safe components: no "..", no absolute or empty
// parts, no control characters. Output names come from codes and fixed names; this is the
// last line of defence before a path is joined to the output folder.
bool safe_relative_name(std::string_view rel);

}  // namespace powerlist
