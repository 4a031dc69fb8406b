// A PDF file written object by object, without cairo: pages whose content the caller writes
// as PDF operators, the CJK fonts (subset when the file is finished, so a page's glyph ids
// never change and a chart's page content can be kept in the chart cache), chart pages as
// Form XObjects, bookmarks and document information. Deterministic: the same calls give
// the same bytes.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace powerlist {

// A number as PDF writes it: fixed point with at most `decimals` digits, no trailing zeros.
void pdf_num(std::string& out, double v, int decimals = 2);
// The dash operator: "[on off …] 0 d" ("[] 0 d": solid).
void pdf_dash(std::string& out, const std::vector<double>& dash);
// zlib-wrapped deflate (/FlateDecode).
std::string pdf_deflate(const std::string& data);

// Glyphs a content stream draws, by font (false: Regular, true: Bold): id → code point.
struct PdfGlyphs {
  std::map<uint16_t, char32_t> regular, bold;
  std::map<uint16_t, char32_t>& of(bool b) { return b ? bold : regular; }
  void merge(const PdfGlyphs& o);
};

// Appends `<…> Tj` showing `text` in the Regular or Bold font, recording the glyphs in
// `used`. A character the font lacks is drawn as its .notdef box; such a run, or one using a
// glyph already mapped to another character, carries its text as /ActualText.
void pdf_show_text(std::string& out, const std::vector<char32_t>& text, bool bold, PdfGlyphs& used);
// Advance of `text` in em, without drawing.
double pdf_text_advance(const std::vector<char32_t>& text, bool bold);

class PdfDocument {
 public:
  PdfDocument(std::string title, std::string author);

  // Starts a page of `w` × `h` points; its operators go to ops() (origin bottom left,
  // fonts /R and /B) until the next page.
  void begin_page(double w, double h);
  std::string& ops() { return pages_.back().ops; }
  PdfGlyphs& glyphs() { return glyphs_; }
  int page_count() const { return static_cast<int>(pages_.size()); }

  // A Form XObject on the current page (fonts /R and /B, box 0 0 w h) from deflated
  // operators; returns the name to draw it with (`/Name Do`).
  std::string add_form(double w, double h, std::string deflated_ops, const PdfGlyphs& glyphs);
  // Makes a form added on an earlier page (its name from add_form) usable on this one.
  void reuse_form(const std::string& name);

  // A link on the current page: the rectangle (PDF coordinates) leads to `page` (1-based).
  void link(double x0, double y0, double x1, double y1, int page);

  // A bookmark pointing at `page` (1-based) under `parent` (0 = top); returns its id.
  int outline(int parent, const std::string& title, int page, bool open);

  // The file; "" with `error` set when the font is missing or cannot be subset.
  std::string finish(std::string* error);

 private:
  struct Link {
    double rect[4];
    int page;
  };
  struct Page {
    double w, h;
    std::string ops;
    std::vector<size_t> forms;
    std::vector<Link> links;
  };
  struct Form {
    double w, h;
    std::string data;
  };
  struct Outline {
    int parent;
    std::string title;
    int page;
    bool open;
    std::vector<int> children;
  };
  std::string title_, author_;
  std::vector<Page> pages_;
  std::vector<Form> forms_;
  std::vector<Outline> outlines_;  // [0] is the root
  PdfGlyphs glyphs_;
};

}  // namespace powerlist
