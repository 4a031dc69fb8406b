#include "pdf_font.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <memory>
#include <vector>

#include "powerlist/flow.hpp"

namespace powerlist {

namespace {

// Whether a CFF table is CID-keyed (its Top DICT has ROS) with an identity charset
// (glyph i is CID i): what lets pages name glyphs by their id. Reads the header, the Name
// INDEX, the first Top DICT and the charset; false on anything else or out of bounds.
bool cid_keyed_identity(const unsigned char* p, size_t len, unsigned glyphs) {
  auto card = [&](size_t at, int n, size_t* v) {
    if (at + static_cast<size_t>(n) > len) return false;
    *v = 0;
    for (int i = 0; i < n; ++i) *v = *v << 8 | p[at + static_cast<size_t>(i)];
    return true;
  };
  // An INDEX at `at`: the first object's bounds and where the INDEX ends.
  auto index = [&](size_t at, size_t* first, size_t* first_end, size_t* end) {
    size_t count = 0, off_size = 0, a = 0, b = 0, last = 0;
    if (!card(at, 2, &count) || count == 0 || !card(at + 2, 1, &off_size) || off_size < 1 ||
        off_size > 4)
      return false;
    const size_t offs = at + 3, data = offs + (count + 1) * off_size - 1;
    const int n = static_cast<int>(off_size);
    if (!card(offs, n, &a) || !card(offs + off_size, n, &b) ||
        !card(offs + count * off_size, n, &last))
      return false;
    *first = data + a, *first_end = data + b, *end = data + last;
    return *first <= *first_end && *end <= len;
  };
  size_t hdr = 0, f = 0, fe = 0, end = 0;
  if (!card(2, 1, &hdr) || !index(hdr, &f, &fe, &end)) return false;  // Name INDEX
  size_t dict = 0, dict_end = 0;
  if (!index(end, &dict, &dict_end, &end)) return false;  // Top DICT INDEX
  bool ros = false;
  long charset = 0;
  std::vector<long> operands;
  for (size_t i = dict; i < dict_end;) {
    const unsigned b0 = p[i];
    if (b0 <= 21) {  // an operator
      const unsigned op = b0 == 12 && i + 1 < dict_end ? 1200 + p[i + 1] : b0;
      i += b0 == 12 ? 2 : 1;
      if (op == 1230) ros = true;
      if (op == 15 && !operands.empty()) charset = operands.back();
      operands.clear();
    } else if (b0 == 28 && i + 2 < dict_end) {
      operands.push_back(static_cast<int16_t>(p[i + 1] << 8 | p[i + 2])), i += 3;
    } else if (b0 == 29 && i + 4 < dict_end) {
      operands.push_back(static_cast<int32_t>(static_cast<uint32_t>(p[i + 1]) << 24 |
                                              p[i + 2] << 16 | p[i + 3] << 8 | p[i + 4])),
          i += 5;
    } else if (b0 == 30) {  // a real: nibbles up to an end nibble
      ++i;
      while (i < dict_end && (p[i] & 0x0F) != 0x0F && (p[i] >> 4) != 0x0F) ++i;
      ++i;
      operands.push_back(0);
    } else if (b0 >= 32 && b0 <= 246) {
      operands.push_back(static_cast<long>(b0) - 139), i += 1;
    } else if (b0 >= 247 && b0 <= 250 && i + 1 < dict_end) {
      operands.push_back((static_cast<long>(b0) - 247) * 256 + p[i + 1] + 108), i += 2;
    } else if (b0 >= 251 && b0 <= 254 && i + 1 < dict_end) {
      operands.push_back(-(static_cast<long>(b0) - 251) * 256 - p[i + 1] - 108), i += 2;
    } else {
      return false;
    }
  }
  if (!ros || charset <= 2) return false;  // 0–2: the predefined (name-keyed) charsets
  size_t format = 0, at = static_cast<size_t>(charset) + 1, next = 1;
  if (!card(at - 1, 1, &format)) return false;
  while (next < glyphs) {
    size_t first = 0, left = 0;
    if (format == 0) {
      if (!card(at, 2, &first)) return false;
      at += 2;
    } else if (format == 1 || format == 2) {
      if (!card(at, 2, &first) || !card(at + 2, static_cast<int>(format), &left)) return false;
      at += 2 + format;
    } else {
      return false;
    }
    if (first != next) return false;
    next += left + 1;
  }
  return true;
}

}  // namespace

struct PdfFont::Hb {
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  unsigned upem = 1000;
  // The charts' GB 2312 subset of the same font (chart_font.cpp), when in use: glyphs are cut
  // from it when it has them all. Made from the system font without renumbering CIDs, so a
  // glyph keeps its CID there too.
  hb_face_t* small_face = nullptr;
  hb_font_t* small_font = nullptr;
};

PdfFont::~PdfFont() {
  if (hb_) {
    hb_font_destroy(hb_->font);
    hb_face_destroy(hb_->face);
    if (hb_->small_font) hb_font_destroy(hb_->small_font);
    if (hb_->small_face) hb_face_destroy(hb_->small_face);
    delete hb_;
  }
}

const PdfFont* PdfFont::get(bool bold) {
  static auto load = [](const char* style) -> std::unique_ptr<PdfFont> {
    std::string file;
    unsigned index = 0;
    if (!system_face(style, &file, &index)) return nullptr;
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(file.c_str());
    if (!blob) return nullptr;
    std::unique_ptr<PdfFont> f(new PdfFont);
    f->hb_ = new Hb;
    f->hb_->face = hb_face_create(blob, index);
    hb_blob_destroy(blob);
    f->hb_->font = hb_font_create(f->hb_->face);
    f->hb_->upem = hb_face_get_upem(f->hb_->face);
    const std::string& small = chart_font_subset_file(style[0] == 'B');
    if (hb_blob_t* sb = small.empty() ? nullptr : hb_blob_create_from_file_or_fail(small.c_str())) {
      f->hb_->small_face = hb_face_create(sb, 0);
      hb_blob_destroy(sb);
      f->hb_->small_font = hb_font_create(f->hb_->small_face);
    }
    hb_font_set_scale(f->hb_->font, static_cast<int>(f->hb_->upem), static_cast<int>(f->hb_->upem));
    hb_font_extents_t ext{};
    if (hb_font_get_h_extents(f->hb_->font, &ext) && f->hb_->upem > 0) {
      const double u = f->hb_->upem;
      f->ascender_ = ext.ascender / u;
      f->line_ = (ext.ascender - ext.descender + ext.line_gap) / u;
    }
    hb_blob_t* head = hb_face_reference_table(f->hb_->face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned head_len = 0;
    const auto* h = reinterpret_cast<const unsigned char*>(hb_blob_get_data(head, &head_len));
    if (h && head_len >= 44)
      for (int i = 0; i < 4; ++i)
        f->bbox_[i] = static_cast<int>(static_cast<int16_t>(h[36 + 2 * i] << 8 | h[37 + 2 * i]) *
                                       1000.0 / f->hb_->upem);
    hb_blob_destroy(head);
    char name[128] = {0};
    unsigned len = sizeof name - 1;
    hb_ot_name_get_utf8(f->hb_->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len,
                        name);
    f->ps_name_ =
        name[0] ? name : (style[0] == 'B' ? "NotoSansCJKsc-Bold" : "NotoSansCJKsc-Regular");
    // Only a CID-keyed CFF font whose CIDs are its glyph ids can be used as the writer does.
    hb_blob_t* cff = hb_face_reference_table(f->hb_->face, HB_TAG('C', 'F', 'F', ' '));
    unsigned cff_len = 0;
    const auto* cff_data = reinterpret_cast<const unsigned char*>(hb_blob_get_data(cff, &cff_len));
    const unsigned glyphs = hb_face_get_glyph_count(f->hb_->face);
    const bool ok = cff_data && glyphs <= 65535 && cid_keyed_identity(cff_data, cff_len, glyphs);
    hb_blob_destroy(cff);
    if (!ok) return nullptr;
    return f;
  };
  static const std::unique_ptr<PdfFont> regular = load("Regular"), bold_face = load("Bold");
  return bold ? bold_face.get() : regular.get();
}

uint16_t PdfFont::glyph(char32_t cp) const {
  hb_codepoint_t g = 0;
  if (!hb_font_get_nominal_glyph(hb_->font, cp, &g)) return 0;
  return static_cast<uint16_t>(g);
}

double PdfFont::advance(uint16_t gid) const {
  return hb_font_get_glyph_h_advance(hb_->font, gid) / static_cast<double>(hb_->upem);
}

std::string PdfFont::subset_cff(const std::map<uint16_t, char32_t>& used) const {
  hb_subset_input_t* in = hb_subset_input_create_or_fail();
  if (!in) return "";
  hb_set_t* glyphs = hb_subset_input_glyph_set(in);
  hb_face_t* from = hb_->face;
  if (hb_->small_font) {  // the glyph of each character in the small font, if it has them all
    bool all = true;
    for (const auto& [gid, cp] : used) {
      hb_codepoint_t g = 0;
      if (gid != 0 && !hb_font_get_nominal_glyph(hb_->small_font, cp, &g)) {
        all = false;
        break;
      }
      hb_set_add(glyphs, g);
    }
    if (all)
      from = hb_->small_face;
    else
      hb_set_clear(glyphs);
  }
  if (from == hb_->face)
    for (const auto& [gid, cp] : used) hb_set_add(glyphs, gid);
  hb_set_clear(hb_subset_input_unicode_set(in));
  // Only the CFF table is embedded: the others are not subset at all (layout closure over
  // this font's large GSUB would cost more than the rest). The subset renumbers glyphs but
  // its charset keeps each glyph's CID, which is what the pages name (CID = system GID).
  hb_set_t* drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t :
       {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
        HB_TAG('B', 'A', 'S', 'E'), HB_TAG('V', 'O', 'R', 'G'), HB_TAG('v', 'h', 'e', 'a'),
        HB_TAG('v', 'm', 't', 'x'), HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e'),
        HB_TAG('p', 'o', 's', 't'), HB_TAG('O', 'S', '/', '2'), HB_TAG('D', 'S', 'I', 'G')})
    hb_set_add(drop, t);
  hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_DEFAULT);
  hb_face_t* sub = hb_subset_or_fail(from, in);
  hb_subset_input_destroy(in);
  if (!sub) return "";
  hb_blob_t* cff = hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' '));
  unsigned len = 0;
  const char* data = hb_blob_get_data(cff, &len);
  std::string out(data ? data : "", data ? len : 0);
  hb_blob_destroy(cff);
  hb_face_destroy(sub);
  return out;
}

}  // namespace powerlist
