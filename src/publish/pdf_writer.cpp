#include "pdf_writer.hpp"

#include <fmt/format.h>

#include "powerlist/fsio.hpp"

namespace powerlist {

static cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int len) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), len);
  return CAIRO_STATUS_SUCCESS;
}

PdfWriter::PdfWriter(const std::string& title, const std::string& author) {
  use_utc_for_documents();  // PDF dates do not depend on the TZ
  surface_ = cairo_pdf_surface_create_for_stream(append_bytes, &bytes_, kA4Short, kA4Long);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, author.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "powerlist");
  cr_ = cairo_create(surface_);
}

PdfWriter::~PdfWriter() {
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

void PdfWriter::end_page() {
  if (page_ == 0) return;
  if (numbered_) {
    TextStyle st;
    st.size = 11;
    st.align = PANGO_ALIGN_CENTER;
    text(0, height() - 34, width(), fmt::format("— {} —", page_), st);
  }
  cairo_show_page(cr_);
}

void PdfWriter::new_page(bool landscape, bool numbered) {
  end_page();
  ++page_;
  landscape_ = landscape;
  numbered_ = numbered;
  // The size applies to the page about to be drawn; it must be set before drawing on it.
  cairo_pdf_surface_set_size(surface_, width(), height());
}

PangoLayout* PdfWriter::layout(const std::string& s, double w, const TextStyle& st) {
  PangoLayout* l = pango_cairo_create_layout(cr_);
  PangoFontDescription* fd = pango_font_description_new();
  pango_font_description_set_family(fd, kPdfFont);
  pango_font_description_set_absolute_size(fd, st.size * PANGO_SCALE);
  pango_font_description_set_weight(fd, st.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(l, fd);
  pango_font_description_free(fd);
  if (w > 0) pango_layout_set_width(l, static_cast<int>(w * PANGO_SCALE));  // else one line
  pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(l, st.align);
  if (st.max_height > 0) {
    pango_layout_set_height(l, static_cast<int>(st.max_height * PANGO_SCALE));
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
  }
  pango_layout_set_text(l, s.c_str(), static_cast<int>(s.size()));  // plain text: no markup
  return l;
}

double PdfWriter::measure(const std::string& s, double w, const TextStyle& st) {
  PangoLayout* l = layout(s, w, st);
  int pw = 0, ph = 0;
  pango_layout_get_size(l, &pw, &ph);
  g_object_unref(l);
  return static_cast<double>(ph) / PANGO_SCALE;
}

double PdfWriter::text_width(const std::string& s, const TextStyle& st) {
  PangoLayout* l = layout(s, 0, st);
  int pw = 0, ph = 0;
  pango_layout_get_size(l, &pw, &ph);
  g_object_unref(l);
  return static_cast<double>(pw) / PANGO_SCALE;
}

double PdfWriter::text(double x, double y, double w, const std::string& s, const TextStyle& st) {
  PangoLayout* l = layout(s, w, st);
  int pw = 0, ph = 0;
  pango_layout_get_size(l, &pw, &ph);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, l);
  g_object_unref(l);
  return static_cast<double>(ph) / PANGO_SCALE;
}

int PdfWriter::outline(int parent, const std::string& name, int page, bool open) {
  const std::string attrs = fmt::format("page={}", page);
  return cairo_pdf_surface_add_outline(
      surface_, parent, name.c_str(), attrs.c_str(),
      open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : static_cast<cairo_pdf_outline_flags_t>(0));
}

std::string PdfWriter::finish(std::string* error) {
  if (!finished_) {
    end_page();
    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(surface_);
    const cairo_status_t st = cairo_surface_status(surface_);
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    finished_ = true;
    if (st != CAIRO_STATUS_SUCCESS) {
      if (error) *error = std::string("cairo: ") + cairo_status_to_string(st);
      return "";
    }
  }
  return bytes_;
}

}  // namespace powerlist
