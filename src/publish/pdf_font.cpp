#include "pdf_font.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <memory>

#include "powerlist/flow.hpp"

namespace powerlist {

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
    // Only a CID-keyed CFF font addresses glyphs by GID = CID, as the writer assumes.
    hb_blob_t* cff = hb_face_reference_table(f->hb_->face, HB_TAG('C', 'F', 'F', ' '));
    const bool ok = hb_blob_get_length(cff) > 0;
    hb_blob_destroy(cff);
    if (!ok || hb_face_get_glyph_count(f->hb_->face) > 65535) return nullptr;
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
