// A small layer over cairo-pdf and pango for the printed catalogs: A4 pages in either
// orientation, wrapped CJK text (always plain text, never pango markup), 公文-style page
// numbers and bookmarks.
#pragma once
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>

namespace powerlist {

constexpr double kA4Short = 595.28, kA4Long = 841.89;  // points
constexpr const char* kPdfFont = "Noto Sans CJK SC";

struct TextStyle {
  double size = 10;
  bool bold = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double max_height = 0;  // > 0: cut with an ellipsis beyond this height
};

class PdfWriter {
 public:
  PdfWriter(const std::string& title, const std::string& author);
  ~PdfWriter();
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // Ends the current page (drawing its number) and starts a new one.
  void new_page(bool landscape, bool numbered = true);
  int page() const { return page_; }
  double width() const { return landscape_ ? kA4Long : kA4Short; }
  double height() const { return landscape_ ? kA4Short : kA4Long; }
  cairo_t* cr() { return cr_; }

  // Height `s` takes when wrapped to width `w`.
  double measure(const std::string& s, double w, const TextStyle& st);
  // Width of `s` on one line.
  double text_width(const std::string& s, const TextStyle& st);
  // Draws `s` wrapped to width `w` with its top-left at (x, y); returns its height.
  double text(double x, double y, double w, const std::string& s, const TextStyle& st);

  // A bookmark pointing at `page`; returns its id for children (0 = top level).
  int outline(int parent, const std::string& name, int page, bool open = false);

  // Finishes the document; returns its bytes ("" with `error` set on failure).
  std::string finish(std::string* error);

 private:
  PangoLayout* layout(const std::string& s, double w, const TextStyle& st);
  void end_page();

  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  int page_ = 0;
  bool landscape_ = false, numbered_ = false, finished_ = false;
};

}  // namespace powerlist
