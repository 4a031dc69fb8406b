// The charts' PNG encoder (chart_raster.cpp): an 8-bit indexed PNG of a cairo RGB24 image.
// Internal to src/flow; declared here for its unit test.
#pragma once
#include <string>

namespace powerlist {

// `data`: h rows of `stride` bytes, w pixels of 0x00RRGGBB each. The 256 commonest colours
// (by 15-bit bins) form the palette; a pixel of another bin takes the nearest entry. "" when
// deflate fails.
std::string encode_png(const unsigned char* data, int w, int h, int stride, double dpi);

}  // namespace powerlist
