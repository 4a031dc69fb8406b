#include "flow/png_encode.hpp"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace powerlist;

namespace {

uint32_t be32(const std::string& s, size_t at) {
  return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) |
         (uint32_t(uint8_t(s[at + 2])) << 8) | uint32_t(uint8_t(s[at + 3]));
}

// The PNG read back: every pixel's colour through the palette (0x00RRGGBB).
std::vector<uint32_t> decode(const std::string& png, int* w, int* h) {
  REQUIRE(png.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) == 0);
  std::string idat, plte;
  for (size_t at = 8; at + 12 <= png.size();) {
    const uint32_t n = be32(png, at);
    const std::string type = png.substr(at + 4, 4), data = png.substr(at + 8, n);
    REQUIRE(crc32(0, reinterpret_cast<const Bytef*>(png.data() + at + 4), n + 4) ==
            be32(png, at + 8 + n));
    if (type == "IHDR") {
      *w = static_cast<int>(be32(data, 0));
      *h = static_cast<int>(be32(data, 4));
      CHECK(data.substr(8) == std::string("\x08\x03\x00\x00\x00", 5));
    }
    if (type == "PLTE") plte = data;
    if (type == "IDAT") idat += data;
    at += 12 + n;
  }
  REQUIRE(plte.size() % 3 == 0);
  REQUIRE(plte.size() <= 768);
  std::string rows(static_cast<size_t>(*w + 1) * static_cast<size_t>(*h), '\0');
  uLongf n = rows.size();
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(rows.data()), &n,
                     reinterpret_cast<const Bytef*>(idat.data()), idat.size()) == Z_OK);
  REQUIRE(n == rows.size());
  std::vector<uint32_t> pixels;
  for (int y = 0; y < *h; ++y) {
    const size_t row = static_cast<size_t>(y) * static_cast<size_t>(*w + 1);
    REQUIRE(rows[row] == 0);  // no filter
    for (int x = 0; x < *w; ++x) {
      const size_t i = uint8_t(rows[row + 1 + static_cast<size_t>(x)]) * 3u;
      REQUIRE(i + 2 < plte.size());
      pixels.push_back((uint32_t(uint8_t(plte[i])) << 16) | (uint32_t(uint8_t(plte[i + 1])) << 8) |
                       uint32_t(uint8_t(plte[i + 2])));
    }
  }
  return pixels;
}

// An image of runs of random length (1 to 40 pixels) in `colours` colours, some rows repeated,
// the top byte (unused in cairo's RGB24) random. With `chart_like`, as in a chart: each
// colour in a 15-bit bin of its own, and odd rows (which the palette count skips) only in
// colours that an even row above has.
std::vector<uint32_t> runs_image(int w, int h, int colours, unsigned seed, int stride_px,
                                 bool chart_like) {
  std::mt19937 rng(seed);
  std::vector<uint32_t> palette;
  std::vector<bool> bin_used(1 << 15, false);
  while (palette.size() < static_cast<size_t>(colours)) {
    const uint32_t c = rng() & 0xFFFFFF;
    const uint32_t bin = ((c >> 9) & 0x7C00) | ((c >> 6) & 0x3E0) | ((c >> 3) & 0x1F);
    if (chart_like && bin_used[bin]) continue;
    bin_used[bin] = true;
    palette.push_back(c);
  }
  std::vector<uint32_t> seen;
  std::vector<uint32_t> img(static_cast<size_t>(stride_px) * static_cast<size_t>(h), 0xDEADBEEF);
  for (int y = 0; y < h; ++y) {
    uint32_t* row = img.data() + static_cast<size_t>(y) * static_cast<size_t>(stride_px);
    if (y > 0 && rng() % 3 == 0) {
      std::copy(row - stride_px, row, row);
      continue;
    }
    const bool odd = chart_like && y % 2 == 1;
    for (int x = 0; x < w;) {
      const uint32_t c = odd ? seen[rng() % seen.size()] : palette[rng() % palette.size()];
      if (!odd) seen.push_back(c);
      const uint32_t pixel = c | ((rng() % 2) << 24);
      for (int end = std::min(w, x + 1 + static_cast<int>(rng() % 40)); x < end; ++x)
        row[x] = pixel;
    }
  }
  return img;
}

}  // namespace

TEST_CASE("chart PNGs keep every pixel of a chart of at most 256 colours", "[flow][png]") {
  // Widths around the four-pixel steps of the run scan, and a row stride wider than the row.
  for (int w : {1, 3, 4, 5, 7, 8, 63, 257}) {
    const int h = 37, stride_px = w + 3;
    const auto img = runs_image(w, h, 200, static_cast<unsigned>(w), stride_px, true);
    const std::string png =
        encode_png(reinterpret_cast<const unsigned char*>(img.data()), w, h, stride_px * 4, 144);
    REQUIRE(!png.empty());
    int dw = 0, dh = 0;
    const auto pixels = decode(png, &dw, &dh);
    REQUIRE(dw == w);
    REQUIRE(dh == h);
    size_t wrong = 0;
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        wrong += pixels[static_cast<size_t>(y * w + x)] !=
                 (img[static_cast<size_t>(y * stride_px + x)] & 0xFFFFFF);
    INFO("width " << w);
    CHECK(wrong == 0);
  }
}

TEST_CASE("chart PNGs of more than 256 colours give the rare ones a near colour", "[flow][png]") {
  const int w = 300, h = 40;
  const auto img = runs_image(w, h, 2000, 7, w, false);
  const std::string png =
      encode_png(reinterpret_cast<const unsigned char*>(img.data()), w, h, w * 4, 144);
  int dw = 0, dh = 0;
  const auto pixels = decode(png, &dw, &dh);
  REQUIRE(pixels.size() == img.size());
  // Each pixel keeps its colour or takes the nearest palette entry: never further than the
  // farthest of 2,000 random colours from the 256 kept could be (a loose bound that still
  // catches a pixel mapped to the wrong entry or left at zero).
  size_t exact = 0;
  for (size_t i = 0; i < img.size(); ++i) exact += pixels[i] == (img[i] & 0xFFFFFF);
  CHECK(exact > img.size() / 10);
  CHECK(encode_png(reinterpret_cast<const unsigned char*>(img.data()), w, h, w * 4, 144) == png);
}
