// zlib-inflates a stream the PDF writer deflated (tests read the operators back).
#pragma once
#include <zlib.h>

#include <catch2/catch.hpp>
#include <string>

namespace powerlist::test {

inline std::string inflate(const std::string& z) {
  std::string out(z.size() * 40 + 1024, '\0');
  uLongf n = out.size();
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &n,
                     reinterpret_cast<const Bytef*>(z.data()), z.size()) == Z_OK);
  out.resize(n);
  return out;
}

}  // namespace powerlist::test
