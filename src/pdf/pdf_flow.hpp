// Flowing content on A4 pages of one orientation: a cursor that moves down the page and turns
// it — paragraphs, headings kept with what follows, and tables continued with their header.
// Documents that are read top to bottom (the 审核意见书, risks.pdf) use it, so a section never
// starts a mostly blank page.
#pragma once
#include <string>

#include "pdf_table.hpp"
#include "pdf_writer.hpp"

namespace powerlist {

class PdfFlow {
 public:
  PdfFlow(PdfWriter& w, bool landscape) : w_(w), landscape_(landscape) {}
  void page() {
    w_.new_page(landscape_, true);
    y_ = kTop;
  }
  double width() const { return w_.width() - 2 * kMargin; }
  double y() const { return y_; }
  void space(double h) { y_ += h; }
  // Starts a new page unless `h` points fit below the cursor.
  void need(double h) {
    if (y_ + h > w_.height() - kBottom) page();
  }
  void text(const std::string& s, const TextStyle& st) {
    need(w_.measure(s, width(), st));
    y_ += w_.text(kMargin, y_, width(), s, st);
  }
  // A heading (bold, `size`) with a bookmark under `parent`; kept with 80 pt of what follows.
  int heading(const std::string& s, double size, int parent) {
    TextStyle st;
    st.size = size;
    st.bold = true;
    need(80);
    space(6);
    const int id = w_.outline(parent, s, w_.page());
    text(s, st);
    space(4);
    return id;
  }
  // The table in `size`-point type with tighter lines and cells, continued over pages.
  void table(PdfTable& t, double size) {
    t.header_size = size;
    t.leading = 1.25;
    t.pad_y = 2;
    for (auto& c : t.columns) c.size = size;
    y_ = flow_table(w_, t, y_) + 6;
  }
  PdfWriter& writer() { return w_; }

 private:
  PdfWriter& w_;
  bool landscape_;
  double y_ = kTop;
};

}  // namespace powerlist
