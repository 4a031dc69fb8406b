// The generators' random numbers: a 64-bit LCG, the same sequence on every platform (the
// standard library's distributions are not), so a --seed always gives the same files.
#pragma once
#include <cstddef>
#include <cstdint>

namespace powerlist {

struct Lcg {
  uint64_t s;
  uint64_t next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return s >> 33;
  }
  size_t pick(size_t n) { return static_cast<size_t>(next() % n); }
};

}  // namespace powerlist
