// Drawing laid-out charts with Graphviz's cairo renderer into a surface we own: the PNG
// charts, encoded here with fast settings instead of cairo's slow default PNG writer.
//
// Graphviz 2.42/2.43 (Debian 12) renders into a caller's cairo context through
// gvRenderContext. Its "pdf:cairo" device, at the end of the page, shows the page, destroys
// the context once and finishes the context's target surface. So: the context gets an extra
// reference, and the PNG is drawn into an image surface over our own buffer (finishing it
// leaves the pixels). Every PNG of tests/cli/example_catalog.sh and chart_font.sh is drawn this
// way.
#include <cairo.h>
#include <libdeflate.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "graphviz_context.hpp"
#include "png_encode.hpp"

namespace powerlist {

std::mutex& graphviz_mutex() {
  static std::mutex m;
  return m;
}

GVC_t* graphviz_context() {
  static GVC_t* gvc = gvContext();
  return gvc;
}

std::string graphviz_render(Agraph_t* g, const char* format) {
  char* buf = nullptr;
  unsigned int len = 0;
  std::string out;
  if (gvRenderData(graphviz_context(), g, format, &buf, &len) == 0 && buf) out.assign(buf, len);
  if (buf) gvFreeRenderData(buf);
  return out;
}

bool svg_page_size(const std::string& svg, double* width_pt, double* height_pt) {
  auto read = [&](const char* key, double* v) {
    const size_t at = svg.find(key);
    if (at == std::string::npos || at > 2048) return false;
    *v = std::strtod(svg.c_str() + at + std::char_traits<char>::length(key), nullptr);
    return *v > 0 && *v < 100000;
  };
  return read("<svg width=\"", width_pt) && read("height=\"", height_pt);
}

namespace {

// A palette of at most 256 colours for the chart, and each pixel's entry. Charts are flat
// fills, lines and anti-aliased text: a few hundred 15-bit colour bins hold nearly every
// pixel. The 256 fullest bins become the palette; pixels of the other bins take the nearest
// entry. 8-bit indexed PNGs are a third of the RGB size and
// three times faster to compress.
struct Rgb {
  unsigned char red, green, blue;
};
struct Indexed {
  std::vector<Rgb> palette;
  std::vector<unsigned char> rows;  // h rows of a filter byte (0: none) and w indices
};

// Where the run of row[x]'s colour ends: four pixels compared at once where SSE2 is there
// (every x86-64); runs average some twenty pixels on a chart, and this scan was most of the
// palette's time.
int run_end(const uint32_t* row, int x, int w) {
  const uint32_t v = row[x++];
#if defined(__SSE2__)
  const __m128i same = _mm_set1_epi32(static_cast<int>(v));
  for (; x + 4 <= w; x += 4) {
    const __m128i p = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + x));
    const unsigned equal = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi32(p, same)));
    if (equal != 0xFFFF) return x + __builtin_ctz(~equal & 0xFFFF) / 4;
  }
#endif
  while (x < w && row[x] == v) ++x;
  return x;
}

Indexed quantize(const unsigned char* data, int w, int h, int stride) {
  constexpr size_t kBins = 1 << 15;
  auto bin = [](uint32_t v) {
    return static_cast<size_t>(((v >> 9) & 0x7C00) | ((v >> 6) & 0x3E0) | ((v >> 3) & 0x1F));
  };
  auto row_of = [&](int y) {
    return reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
  };
  // Every other row is enough to find the colours that matter; a bin's colour is the first
  // pixel seen in it (fills and text are flat, so that is their exact colour).
  std::vector<uint32_t> count(kBins, 0), colour(kBins, 0);
  for (int y = 0; y < h; y += 2) {
    const uint32_t* row = row_of(y);
    for (int x = 0; x < w;) {  // runs of one colour (most of a chart) counted at once
      const uint32_t v = row[x];
      const int end = run_end(row, x, w);
      const size_t b = bin(v);
      if (count[b] == 0) colour[b] = v;
      count[b] += static_cast<uint32_t>(end - x);
      x = end;
    }
  }
  std::vector<uint32_t> used;
  for (size_t b = 0; b < kBins; ++b)
    if (count[b]) used.push_back(static_cast<uint32_t>(b));
  // Fullest first; ties by bin so the palette does not depend on the sort.
  std::sort(used.begin(), used.end(), [&](uint32_t a, uint32_t b) {
    return count[a] != count[b] ? count[a] > count[b] : a < b;
  });
  Indexed out;
  std::vector<int16_t> entry(kBins, -1);
  for (size_t i = 0; i < std::min<size_t>(used.size(), 256); ++i) {
    const uint32_t v = colour[used[i]];
    out.palette.push_back({static_cast<unsigned char>(v >> 16), static_cast<unsigned char>(v >> 8),
                           static_cast<unsigned char>(v)});
    entry[used[i]] = static_cast<int16_t>(i);
  }
  if (out.palette.empty()) out.palette.push_back({255, 255, 255});
  auto nearest = [&](uint32_t v) {
    const int r = (v >> 16) & 0xFF, g = (v >> 8) & 0xFF, b = v & 0xFF;
    int best = 0, best_d = 1 << 30;
    for (size_t i = 0; i < out.palette.size(); ++i) {
      const int dr = r - out.palette[i].red, dg = g - out.palette[i].green,
                db = b - out.palette[i].blue;
      const int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
      if (d < best_d) best_d = d, best = static_cast<int>(i);
    }
    return static_cast<int16_t>(best);
  };
  out.rows.resize((static_cast<size_t>(w) + 1) * static_cast<size_t>(h));
  unsigned char* o = out.rows.data();
  for (int y = 0; y < h; ++y) {
    const uint32_t* row = row_of(y);
    *o++ = 0;  // filter: none (filters do not pay on indexed charts)
    for (int x = 0; x < w;) {
      const uint32_t v = row[x];
      int16_t& e = entry[bin(v)];
      if (e < 0) e = nearest(v);  // a rare colour: its nearest entry, found once
      const int end = run_end(row, x, w);
      std::memset(o, e, static_cast<size_t>(end - x));
      o += end - x;
      x = end;
    }
  }
  return out;
}

void put_u32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void put_chunk(std::string& out, const char* type, const std::string& data) {
  put_u32(out, static_cast<uint32_t>(data.size()));
  const size_t start = out.size();
  out.append(type, 4);
  out += data;
  put_u32(out, static_cast<uint32_t>(libdeflate_crc32(0, out.data() + start, out.size() - start)));
}

}  // namespace

// An 8-bit indexed PNG, written here: unfiltered rows deflated by libdeflate at level 5
// (cairo's own writer, adaptive filters over RGBA at zlib level 6, took most of a build's
// time). Measured on 40 charts: level 4 46.9 KB in 3.1 ms, 5 45.4 KB in 3.3 ms, 6 45.2 KB
// in 3.7 ms, 8 44.5 KB in 11 ms, 10 41.5 KB in 50 ms; PNG filters make indexed charts
// larger (Sub/Up/Paeth +25 %). Deflate is a quarter of a build's CPU.
std::string encode_png(const unsigned char* data, int w, int h, int stride, double dpi) {
  const Indexed img = quantize(data, w, h, stride);
  static libdeflate_compressor* compressor = libdeflate_alloc_compressor(5);
  if (!compressor) return "";
  std::string idat(libdeflate_zlib_compress_bound(compressor, img.rows.size()), '\0');
  const size_t n = libdeflate_zlib_compress(compressor, img.rows.data(), img.rows.size(),
                                            idat.data(), idat.size());
  if (n == 0) return "";
  idat.resize(n);
  std::string out("\x89PNG\r\n\x1a\n", 8), ihdr, phys, plte;
  put_u32(ihdr, static_cast<uint32_t>(w));
  put_u32(ihdr, static_cast<uint32_t>(h));
  ihdr +=
      std::string("\x08\x03\x00\x00\x00", 5);  // 8 bits, palette, deflate, no filter, no interlace
  const auto ppm = static_cast<uint32_t>(std::lround(dpi / 0.0254));
  put_u32(phys, ppm);
  put_u32(phys, ppm);
  phys += '\x01';  // per metre
  for (const Rgb& c : img.palette)
    plte += {static_cast<char>(c.red), static_cast<char>(c.green), static_cast<char>(c.blue)};
  put_chunk(out, "IHDR", ihdr);
  put_chunk(out, "pHYs", phys);
  put_chunk(out, "PLTE", plte);
  put_chunk(out, "IDAT", idat);
  put_chunk(out, "IEND", "");
  return out;
}

std::string rasterize_graph(Agraph_t* g, double width_pt, double height_pt, double dpi,
                            double stated_dpi, std::string* error) {
  const int w = static_cast<int>(std::ceil(width_pt * dpi / 72));
  const int h = static_cast<int>(std::ceil(height_pt * dpi / 72));
  if (w <= 0 || h <= 0 || static_cast<double>(w) * h > 60e6) {
    if (error) *error = "流程图过大，无法生成 PNG / chart too large for PNG";
    return "";
  }
  const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
  // Not zeroed (3.5 MB a chart): cairo_paint below fills every pixel.
  std::unique_ptr<unsigned char[]> pixels(
      new unsigned char[static_cast<size_t>(stride) * static_cast<size_t>(h)]);
  cairo_surface_t* s =
      cairo_image_surface_create_for_data(pixels.get(), CAIRO_FORMAT_RGB24, w, h, stride);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, dpi / 72, dpi / 72);
  cairo_reference(cr);  // Graphviz destroys the context it was given once
  const int rc = gvRenderContext(graphviz_context(), g, "pdf:cairo", cr);
  cairo_destroy(cr);
  cairo_surface_flush(s);
  cairo_surface_destroy(s);  // finished by Graphviz; the pixels are ours
  std::string png = rc == 0 ? encode_png(pixels.get(), w, h, stride, stated_dpi) : "";
  if (png.empty() && error) *error = "Graphviz 无法输出 png / cannot render png";
  return png;
}

}  // namespace powerlist
