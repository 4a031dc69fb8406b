// The chart font, subset once per build. cairo embeds a font subset in every PDF it writes,
// and to make it reads the whole CFF table of the font and copies every subroutine: with the
// 19 MB Noto Sans CJK collection that took half of a chart's time and most of its PDF's
// bytes. Here HarfBuzz cuts the face down to GB 2312 and ASCII with the subroutines
// flattened (≈ 3.6 MB), renamed to a private family and registered with fontconfig for this
// process; charts name that family first and the system font second, so a character outside
// the subset is still drawn from the system font. The glyphs and their metrics are the
// system font's own, so layouts, SVGs and PNGs come out byte-identical
// (tests/unit/chart_font_test.cpp); PDFs are smaller and cheaper.
#include <fmt/format.h>
#include <fontconfig/fontconfig.h>
#include <harfbuzz/hb-ot.h>
#include <harfbuzz/hb-subset.h>
#include <harfbuzz/hb.h>
#include <iconv.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <vector>

#include "powerlist/flow.hpp"

namespace powerlist {

namespace {

constexpr const char* kSystemFamily = "Noto Sans CJK SC";
constexpr const char* kSubsetFamily = "Powerlist Noto Sans CJK SC";

std::string& family_in_use() {
  static std::string family = kSystemFamily;
  return family;
}

// GB 2312 (its 7,445 characters: hanzi of both levels, punctuation, symbols, kana, Greek,
// Cyrillic) and printable ASCII. Real catalogs' text is > 99.99 % inside it.
std::vector<hb_codepoint_t> subset_codepoints() {
  std::vector<hb_codepoint_t> cps;
  for (hb_codepoint_t c = 0x20; c < 0x7F; ++c) cps.push_back(c);
  iconv_t cd = iconv_open("UTF-32LE", "GB2312");
  if (cd == reinterpret_cast<iconv_t>(-1)) return cps;
  for (int hi = 0xA1; hi <= 0xF7; ++hi)
    for (int lo = 0xA1; lo <= 0xFE; ++lo) {
      char in[2] = {static_cast<char>(hi), static_cast<char>(lo)};
      unsigned char out[4];
      char* ip = in;
      char* op = reinterpret_cast<char*>(out);
      size_t il = 2, ol = 4;
      if (iconv(cd, &ip, &il, &op, &ol) != static_cast<size_t>(-1) && ol == 0)
        cps.push_back(out[0] | out[1] << 8 | out[2] << 16 |
                      static_cast<hb_codepoint_t>(out[3]) << 24);
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  iconv_close(cd);
  return cps;
}

// A 'name' table (format 0, Windows Unicode records) giving the private family and style
// and keeping the PostScript name, so the PDFs still name the font NotoSansCJKsc-….
std::string name_table(const std::string& style, const std::string& postscript) {
  auto utf16be = [](const std::string& ascii) {
    std::string s;
    for (char c : ascii) s += '\0', s += c;
    return s;
  };
  const std::array<std::pair<uint16_t, std::string>, 4> records = {{
      {1, utf16be(kSubsetFamily)},
      {2, utf16be(style)},
      {4, utf16be(std::string(kSubsetFamily) + " " + style)},
      {6, utf16be(postscript)},
  }};
  std::string t, strings;
  auto u16 = [&](uint16_t v) { t += static_cast<char>(v >> 8), t += static_cast<char>(v & 0xFF); };
  u16(0);
  u16(static_cast<uint16_t>(records.size()));
  u16(static_cast<uint16_t>(6 + 12 * records.size()));
  for (const auto& [id, text] : records) {
    u16(3), u16(1), u16(0x0409), u16(id);
    u16(static_cast<uint16_t>(text.size())), u16(static_cast<uint16_t>(strings.size()));
    strings += text;
  }
  return t + strings;
}

// One face of the system font cut down and renamed; "" when HarfBuzz cannot.
std::string make_subset(const std::string& file, unsigned index, const std::string& style,
                        const std::vector<hb_codepoint_t>& cps) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(file.c_str());
  if (!blob) return "";
  hb_face_t* face = hb_face_create(blob, index);
  hb_blob_destroy(blob);
  char ps[128] = {0};
  unsigned ps_len = sizeof ps;
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &ps_len, ps);
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  std::string out;
  if (input) {
    hb_set_t* unicodes = hb_subset_input_unicode_set(input);
    for (hb_codepoint_t c : cps) hb_set_add(unicodes, c);
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
    hb_face_t* sub = hb_subset_or_fail(face, input);
    hb_subset_input_destroy(input);
    if (sub && hb_face_get_glyph_count(sub) > 1000) {
      // The subset's tables, but our 'name' (a subset face lists no tables: read it back).
      hb_blob_t* whole = hb_face_reference_blob(sub);
      hb_face_destroy(sub);
      sub = hb_face_create(whole, 0);
      hb_blob_destroy(whole);
      hb_face_t* builder = hb_face_builder_create();
      hb_tag_t tags[64];
      unsigned count = 64;
      hb_face_get_table_tags(sub, 0, &count, tags);
      for (unsigned i = 0; i < count; ++i) {
        if (tags[i] == HB_TAG('n', 'a', 'm', 'e')) continue;
        hb_blob_t* table = hb_face_reference_table(sub, tags[i]);
        hb_face_builder_add_table(builder, tags[i], table);
        hb_blob_destroy(table);
      }
      const std::string name = name_table(style, ps[0] ? ps : "NotoSansCJKsc-" + style);
      hb_blob_t* nb = hb_blob_create(name.data(), static_cast<unsigned>(name.size()),
                                     HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr);
      hb_face_builder_add_table(builder, HB_TAG('n', 'a', 'm', 'e'), nb);
      hb_blob_destroy(nb);
      hb_blob_t* font = hb_face_reference_blob(builder);
      unsigned len = 0;
      const char* data = hb_blob_get_data(font, &len);
      if (data) out.assign(data, len);
      hb_blob_destroy(font);
      hb_face_destroy(builder);
    }
    if (sub) hb_face_destroy(sub);
  }
  hb_face_destroy(face);
  return out;
}

// What fontconfig picks for `family` in `style`: its family, style, file and face index.
struct Match {
  std::string family, style, file;
  unsigned index = 0;
};
Match font_match(const char* family, const char* style) {
  FcPattern* pat = FcPatternCreate();
  FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
  FcPatternAddString(pat, FC_STYLE, reinterpret_cast<const FcChar8*>(style));
  FcConfigSubstitute(nullptr, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult res;
  FcPattern* m = FcFontMatch(nullptr, pat, &res);
  FcPatternDestroy(pat);
  Match out;
  if (!m) return out;
  auto text = [&](const char* key, std::string* to) {
    FcChar8* v = nullptr;
    if (FcPatternGetString(m, key, 0, &v) == FcResultMatch) *to = reinterpret_cast<char*>(v);
  };
  text(FC_FAMILY, &out.family);
  text(FC_STYLE, &out.style);
  text(FC_FILE, &out.file);
  int idx = 0;
  if (FcPatternGetInteger(m, FC_INDEX, 0, &idx) == FcResultMatch)
    out.index = static_cast<unsigned>(idx);
  FcPatternDestroy(m);
  return out;
}

}  // namespace

bool system_face(const char* style, std::string* file, unsigned* index) {
  const Match m = font_match(kSystemFamily, style);
  if (m.family != kSystemFamily || m.style != style || m.file.empty()) return false;
  *file = m.file;
  *index = m.index;
  return true;
}

namespace {

// Whether fontconfig now resolves the private family in `style` to `file`.
bool resolves_to(const char* style, const std::string& file) {
  return font_match(kSubsetFamily, style).file == file;
}

}  // namespace

const std::string& chart_font_family() {
  return family_in_use();
}

std::string chart_svg_family(std::string svg) {
  const std::string& used = family_in_use();
  if (used == kSystemFamily) return svg;
  const std::string from = "font-family=\"" + used + "\"";
  const std::string to = std::string("font-family=\"") + kSystemFamily + "\"";
  for (size_t at = svg.find(from); at != std::string::npos; at = svg.find(from, at + to.size()))
    svg.replace(at, from.size(), to);
  return svg;
}

namespace {

uint32_t crc_of(const std::string& s) {
  return static_cast<uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size())));
}

// Where the subsets are kept between builds: $XDG_CACHE_HOME/powerlist or ~/.cache/powerlist.
std::string user_cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg == '/') return std::string(xdg) + "/powerlist";
  const char* home = std::getenv("HOME");
  if (home && *home == '/') return std::string(home) + "/.cache/powerlist";
  return "";
}

// A kept subset is used only when its bytes match the CRC in its name; else made again.
bool read_kept(const std::string& path, uint32_t crc, std::string* bytes) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  bytes->assign(std::istreambuf_iterator<char>(f), {});
  return crc_of(*bytes) == crc;
}

bool keep(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f.good()) return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

}  // namespace

namespace {
std::string& subset_file(bool bold) {
  static std::string files[2];
  return files[bold ? 1 : 0];
}
}  // namespace

const std::string& chart_font_subset_file(bool bold) {
  return subset_file(bold);
}

std::string use_chart_font_subset() {
  static const std::string identity = []() -> std::string {
    // POWERLIST_CHART_FONT=system: the system font only (tests compare the two).
    const char* choice = std::getenv("POWERLIST_CHART_FONT");
    if ((choice && std::strcmp(choice, "system") == 0) || !FcInit()) return "";
    std::string reg_file, bold_file;
    unsigned reg_index = 0, bold_index = 0;
    if (!system_face("Regular", &reg_file, &reg_index) ||
        !system_face("Bold", &bold_file, &bold_index))
      return "";
    // The subsets depend on the system font files, HarfBuzz and what we ask of it.
    std::error_code ec;
    std::string what = fmt::format("v1 {} {}", hb_version_string(), kSubsetFamily);
    for (const auto& [file, index] :
         {std::pair{reg_file, reg_index}, std::pair{bold_file, bold_index}}) {
      const auto size = std::filesystem::file_size(file, ec);
      const auto mtime = std::filesystem::last_write_time(file, ec).time_since_epoch().count();
      what += fmt::format(" {}:{}:{}:{}", file, index, ec ? 0 : size, ec ? 0 : mtime);
    }
    const std::string base = user_cache_dir();
    if (base.empty()) return "";
    const std::string dir = fmt::format("{}/chart-fonts-{:08x}", base, crc_of(what));
    // "<style>.crc" holds the CRC of "<style>.otf", written after it.
    auto load_or_make = [&](const char* style, const std::string& file, unsigned index,
                            std::string* bytes) {
      const std::string otf = fmt::format("{}/{}.otf", dir, style);
      std::ifstream c(fmt::format("{}/{}.crc", dir, style));
      uint32_t crc = 0;
      if (c >> crc && read_kept(otf, crc, bytes)) return otf;
      static const std::vector<hb_codepoint_t> cps = subset_codepoints();  // once for both
      *bytes = make_subset(file, index, style, cps);
      if (bytes->empty()) return std::string();
      std::filesystem::create_directories(dir, ec);
      if (!keep(otf, *bytes) ||
          !keep(fmt::format("{}/{}.crc", dir, style), std::to_string(crc_of(*bytes))))
        return std::string();
      return otf;
    };
    std::string bold_bytes;
    auto bold = std::async(std::launch::async, [&] {
      return load_or_make("Bold", bold_file, bold_index, &bold_bytes);
    });
    std::string reg_bytes;
    const std::string reg_path = load_or_make("Regular", reg_file, reg_index, &reg_bytes);
    const std::string bold_path = bold.get();
    if (reg_path.empty() || bold_path.empty()) return "";
    if (!FcConfigAppFontAddFile(nullptr, reinterpret_cast<const FcChar8*>(reg_path.c_str())) ||
        !FcConfigAppFontAddFile(nullptr, reinterpret_cast<const FcChar8*>(bold_path.c_str())) ||
        !resolves_to("Regular", reg_path) || !resolves_to("Bold", bold_path))
      return "";
    family_in_use() = std::string(kSubsetFamily) + "," + kSystemFamily;
    subset_file(false) = reg_path;
    subset_file(true) = bold_path;
    return fmt::format("{:08x}-{:08x}", crc_of(reg_bytes), crc_of(bold_bytes));
  }();
  return identity;
}

}  // namespace powerlist
