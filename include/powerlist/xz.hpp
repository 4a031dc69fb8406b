// xz (LZMA2) decompression of the packed law texts, with a bound on the output.
#pragma once
#include <string>

namespace powerlist {

// Decompresses the whole xz stream `in` into `out`; returns "" or why it failed (damaged,
// truncated, or larger than `max_out` bytes).
std::string xz_decompress(const std::string& in, size_t max_out, std::string& out);

}  // namespace powerlist
