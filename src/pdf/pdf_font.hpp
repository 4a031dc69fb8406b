// The CJK font the printed catalogs embed: the system's Noto Sans CJK SC, Regular and Bold,
// read with HarfBuzz. Text is set glyph by glyph from the font's cmap and advances (CJK needs
// no shaping; Latin goes without kerning). A glyph is addressed by its id in the system font,
// which is also its CID (the font's CFF is CID-keyed, Adobe-Identity-0, CID = GID), so chart
// pages drawn in different processes agree, and a PDF embeds a subset whose charset keeps
// the CIDs.
#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace powerlist {

class PdfFont {
 public:
  // The face for `bold`; nullptr when the system has no Noto Sans CJK SC.
  static const PdfFont* get(bool bold);

  uint16_t glyph(char32_t cp) const;             // 0 (.notdef) when the font lacks it
  double advance(uint16_t gid) const;            // in em
  double ascender() const { return ascender_; }  // em, above the baseline
  double line_height() const { return line_; }   // em: ascender + descender + gap
  const std::string& postscript_name() const { return ps_name_; }
  // xMin yMin xMax yMax of all glyphs, in 1/1000 em (the FontDescriptor's /FontBBox).
  const int* bbox() const { return bbox_; }
  // The font program (a bare CID-keyed CFF) with only the glyphs of `used`, each under its
  // CID (= its id in the system font). "" on failure.
  std::string subset_cff(const std::map<uint16_t, char32_t>& used) const;

  ~PdfFont();
  PdfFont(const PdfFont&) = delete;
  PdfFont& operator=(const PdfFont&) = delete;

 private:
  PdfFont() = default;
  struct Hb;
  Hb* hb_ = nullptr;
  double ascender_ = 1.16, line_ = 1.448;
  std::string ps_name_;
  int bbox_[4] = {-1000, -300, 3000, 1200};
};

}  // namespace powerlist
