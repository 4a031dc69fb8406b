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
};

PdfFont::~PdfFont() {
  if (hb_) {
    hb_font_destroy(hb_->font);
    hb_face_destroy(hb_->face);
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
  for (const auto& [gid, cp] : used) hb_set_add(glyphs, gid);
  hb_set_clear(hb_subset_input_unicode_set(in));
  // Kept ids: the pages name glyphs by their id in the system font. Flattened charstrings
  // are what cairo embeds too, and every viewer reads them.
  hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_DESUBROUTINIZE);
  hb_face_t* sub = hb_subset_or_fail(hb_->face, in);
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
