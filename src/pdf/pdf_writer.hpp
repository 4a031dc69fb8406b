// The printed catalogs' page layer over PdfDocument: A4 pages in either orientation, wrapped
// CJK text (plain text, never markup), simple drawing, 公文-style page numbers, bookmarks and
// chart pages. Coordinates are points from the page's top left, as on paper.
#pragma once
#include <initializer_list>
#include <string>
#include <vector>

#include "pdf_document.hpp"

namespace powerlist {

constexpr double kA4Short = 595.28, kA4Long = 841.89;  // points

enum class Align { Left, Center, Right };

struct TextStyle {
  double size = 10;
  bool bold = false;
  Align align = Align::Left;
  double max_height = 0;  // > 0: cut with an ellipsis beyond this height
  double leading = 0;     // line height ÷ size; 0: the font's own (1.448 for Noto Sans CJK)
};

class PdfWriter {
 public:
  PdfWriter(const std::string& title, const std::string& author);

  // Ends the current page (drawing its number) and starts a new one.
  void new_page(bool landscape, bool numbered = true);
  int page() const { return page_; }
  double width() const { return landscape_ ? kA4Long : kA4Short; }
  double height() const { return landscape_ ? kA4Short : kA4Long; }

  // Drawing. One colour serves lines, fills and text; it, the line width and the dash
  // carry over to the next page.
  void set_rgb(double r, double g, double b);
  void set_line_width(double w);
  void set_dash(std::initializer_list<double> dash);  // {} for solid lines
  void rectangle(double x, double y, double w, double h);
  void move_to(double x, double y);
  void line_to(double x, double y);
  void fill();
  void stroke();

  // Height `s` takes when wrapped to width `w`.
  double measure(const std::string& s, double w, const TextStyle& st);
  // Width of `s` on one line.
  double text_width(const std::string& s, const TextStyle& st);
  // Draws `s` wrapped to width `w` with its top-left at (x, y); returns its height.
  double text(double x, double y, double w, const std::string& s, const TextStyle& st);

  // A chart at print size on pages of its own (A4 portrait, or landscape when only that keeps
  // its text ≥ 9 pt): `heading` (one line) above it on its first page, "（续）" on the next ones;
  // split between lines of text when taller than a page. False when the part cannot be read.
  bool chart_pages(const std::string& part, const std::string& heading,
                   const std::string& continued);
  // How many pages chart_pages gives the chart (0 when the part cannot be read).
  static int chart_page_count(const std::string& part);

  // A link over the rectangle (top-left x, y, width, height) to `page`.
  void link(double x, double y, double w, double h, int page);

  // A bookmark pointing at `page`; returns its id for children (0 = top level).
  int outline(int parent, const std::string& name, int page, bool open = false);

  // Finishes the document; returns its bytes ("" with `error` set on failure).
  std::string finish(std::string* error);

  // The lines `s` is set in at width `w` (0: no wrapping).
  struct Line {
    std::vector<char32_t> chars;
    double width;  // points
  };
  std::vector<Line> wrap(const std::string& s, double w, const TextStyle& st) const;

 private:
  void end_page();
  void state();  // the carried-over graphics state, at the top of a page
  void write_dash();
  void point(double x, double y, const char* op);

  PdfDocument doc_;
  int page_ = 0;
  bool landscape_ = false, numbered_ = false, finished_ = false;
  double rgb_[3] = {0, 0, 0}, line_width_ = 1;
  std::vector<double> dash_;
  std::string bytes_, error_;
};

}  // namespace powerlist
