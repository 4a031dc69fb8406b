#include "pdf_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "pdf_chart.hpp"
#include "pdf_font.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\u3000';
}

// Ideographs, kana, CJK and full-width punctuation: a line may break on either side.
bool is_cjk(char32_t c) {
  return c >= 0x2E80 && !(c >= 0xFE00 && c <= 0xFE0F);
}

bool can_break_before(const std::vector<char32_t>& c, size_t i) {
  if (is_space(c[i])) return false;
  if (is_space(c[i - 1])) return true;
  if (no_line_start(c[i]) || no_line_end(c[i - 1])) return false;
  // After a hyphen between words ("category-mismatch"), not in a number ("-5", "2-3").
  if (c[i - 1] == U'-' && i >= 2 && !(c[i] >= U'0' && c[i] <= U'9') &&
      !(c[i - 2] >= U'0' && c[i - 2] <= U'9') && !is_space(c[i - 2]))
    return true;
  return is_cjk(c[i - 1]) || is_cjk(c[i]);
}

}  // namespace

PdfWriter::PdfWriter(const std::string& title, const std::string& author) : doc_(title, author) {}

std::vector<PdfWriter::Line> PdfWriter::wrap(const std::string& s, double w,
                                             const TextStyle& st) const {
  const PdfFont* font = PdfFont::get(st.bold);
  std::vector<Line> out;
  size_t from = 0;
  while (true) {  // paragraph by paragraph
    const size_t nl = s.find('\n', from);
    std::vector<char32_t> c =
        decode_utf8(std::string_view(s).substr(from, nl == std::string::npos ? nl : nl - from));
    std::replace(c.begin(), c.end(), U'\t', U' ');  // the font has no tab glyph
    std::vector<double> adv(c.size());
    for (size_t i = 0; i < c.size(); ++i)
      adv[i] = st.size * (font ? font->advance(font->glyph(c[i])) : 0.5);
    size_t start = 0;
    do {
      double width = 0;
      size_t i = start, brk = start;
      for (; i < c.size(); ++i) {
        if (i > start && can_break_before(c, i)) brk = i;
        if (w > 0 && !is_space(c[i]) && i > start && width + adv[i] > w + 1e-6) break;
        width += adv[i];
      }
      const size_t end = i < c.size() && brk > start ? brk : i;
      size_t last = end;
      while (last > start && is_space(c[last - 1])) --last;  // trailing spaces hang
      Line line{{c.begin() + static_cast<long>(start), c.begin() + static_cast<long>(last)}, 0};
      for (size_t k = start; k < last; ++k) line.width += adv[k];
      out.push_back(std::move(line));
      start = end;
    } while (start < c.size());
    if (nl == std::string::npos) break;
    from = nl + 1;
  }
  const double lh = st.size * (st.leading > 0 ? st.leading : font ? font->line_height() : 1.448);
  if (st.max_height > 0 && out.size() > 1) {
    const size_t fit = static_cast<size_t>(std::clamp(st.max_height / lh + 1e-6, 1.0, 1e6));
    if (out.size() > fit) {
      out.resize(fit);
      Line& l = out.back();
      const double ell = st.size * (font ? font->advance(font->glyph(U'…')) : 1);
      while (!l.chars.empty() && w > 0 && l.width + ell > w + 1e-6) {
        l.width -= st.size * (font ? font->advance(font->glyph(l.chars.back())) : 0.5);
        l.chars.pop_back();
      }
      l.chars.push_back(U'…');
      l.width += ell;
    }
  }
  return out;
}

double PdfWriter::measure(const std::string& s, double w, const TextStyle& st) {
  const PdfFont* font = PdfFont::get(st.bold);
  return static_cast<double>(wrap(s, w, st).size()) * st.size *
         (st.leading > 0 ? st.leading
          : font         ? font->line_height()
                         : 1.448);
}

double PdfWriter::text_width(const std::string& s, const TextStyle& st) {
  double w = 0;
  for (const Line& l : wrap(s, 0, st)) w = std::max(w, l.width);
  return w;
}

double PdfWriter::text(double x, double y, double w, const std::string& s, const TextStyle& st) {
  const PdfFont* font = PdfFont::get(st.bold);
  const double lh = st.size * (st.leading > 0 ? st.leading : font ? font->line_height() : 1.448);
  const double ascent = st.size * (font ? font->ascender() : 1.16);
  const std::vector<Line> ls = wrap(s, w, st);
  std::string& ops = doc_.ops();
  ops += st.bold ? "BT /B " : "BT /R ";
  pdf_num(ops, st.size);
  ops += " Tf\n";
  for (size_t i = 0; i < ls.size(); ++i) {
    if (ls[i].chars.empty()) continue;
    double lx = x;
    if (w > 0 && st.align == Align::Center) lx += (w - ls[i].width) / 2;
    if (w > 0 && st.align == Align::Right) lx += w - ls[i].width;
    ops += "1 0 0 1 ";
    pdf_num(ops, lx);
    ops += ' ';
    pdf_num(ops, height() - (y + static_cast<double>(i) * lh + ascent));
    ops += " Tm ";
    pdf_show_text(ops, ls[i].chars, st.bold, doc_.glyphs());
    ops += '\n';
  }
  ops += "ET\n";
  return static_cast<double>(ls.size()) * lh;
}

void PdfWriter::point(double x, double y, const char* op) {
  std::string& ops = doc_.ops();
  pdf_num(ops, x);
  ops += ' ';
  pdf_num(ops, height() - y);
  ops += op;
}

void PdfWriter::set_rgb(double r, double g, double b) {
  rgb_[0] = r, rgb_[1] = g, rgb_[2] = b;
  if (page_ == 0) return;
  std::string c;
  for (double v : rgb_) {
    pdf_num(c, v, 3);
    c += ' ';
  }
  doc_.ops() += c + "rg " + c + "RG\n";
}

void PdfWriter::set_line_width(double w) {
  line_width_ = w;
  if (page_ == 0) return;
  pdf_num(doc_.ops(), w);
  doc_.ops() += " w\n";
}

void PdfWriter::set_dash(std::initializer_list<double> dash) {
  dash_.assign(dash.begin(), dash.end());
  if (page_ > 0) write_dash();
}

void PdfWriter::write_dash() {
  pdf_dash(doc_.ops(), dash_);
  doc_.ops() += '\n';
}

void PdfWriter::rectangle(double x, double y, double w, double h) {
  point(x, y + h, " ");
  std::string& ops = doc_.ops();
  pdf_num(ops, w);
  ops += ' ';
  pdf_num(ops, h);
  ops += " re\n";
}

void PdfWriter::move_to(double x, double y) {
  point(x, y, " m\n");
}
void PdfWriter::line_to(double x, double y) {
  point(x, y, " l\n");
}
void PdfWriter::fill() {
  doc_.ops() += "f\n";
}
void PdfWriter::stroke() {
  doc_.ops() += "S\n";
}

void PdfWriter::state() {
  if (rgb_[0] != 0 || rgb_[1] != 0 || rgb_[2] != 0) set_rgb(rgb_[0], rgb_[1], rgb_[2]);
  if (line_width_ != 1) set_line_width(line_width_);
  if (!dash_.empty()) write_dash();
}

void PdfWriter::end_page() {
  if (page_ == 0) return;
  if (numbered_) {  // in black, whatever the page was drawn in
    TextStyle st;
    st.size = 11;
    st.align = Align::Center;
    doc_.ops() += "q 0 g\n";
    text(0, height() - 34, width(), fmt::format("— {} —", page_), st);
    doc_.ops() += "Q\n";
  }
}

void PdfWriter::new_page(bool landscape, bool numbered) {
  end_page();
  ++page_;
  landscape_ = landscape;
  numbered_ = numbered;
  doc_.begin_page(width(), height());
  state();
}

namespace {

constexpr double kChartSide = 30, kChartHead = 32, kChartFoot = 40;  // the foot: page number

}  // namespace

int PdfWriter::chart_page_count(const std::string& part) {
  PdfChart c;
  if (!parse_pdf_chart(part, &c)) return 0;
  bool wide = false;
  return static_cast<int>(plan_chart_a4(c, kChartSide, kChartHead, kChartFoot, &wide).pages.size());
}

bool PdfWriter::chart_pages(const std::string& part, const std::string& heading,
                            const std::string& continued) {
  PdfChart c;
  if (!parse_pdf_chart(part, &c)) return false;
  bool wide = false;
  const ChartSlices plan = plan_chart_a4(c, kChartSide, kChartHead, kChartFoot, &wide);
  TextStyle st;
  st.size = 9;
  st.max_height = 13;  // one line: a long name ends in "…" rather than running into the chart
  std::string form;
  for (size_t i = 0; i < plan.pages.size(); ++i) {
    new_page(wide);
    text(kChartSide, 14, width() - 2 * kChartSide, i == 0 ? heading : continued, st);
    if (form.empty())
      form = doc_.add_form(c.w, c.h, std::string(c.deflated), c.glyphs);
    else
      doc_.reuse_form(form);
    const auto& [top, bottom] = plan.pages[i];
    doc_.ops() += chart_slice_ops(form, c, plan.scale, top, bottom,
                                  (width() - c.w * plan.scale) / 2, height() - kChartHead);
  }
  return true;
}

void PdfWriter::link(double x, double y, double w, double h, int page) {
  doc_.link(x, height() - y - h, x + w, height() - y, page);
}

int PdfWriter::outline(int parent, const std::string& name, int page, bool open) {
  return doc_.outline(parent, name, page, open);
}

std::string PdfWriter::finish(std::string* error) {
  if (!finished_) {
    end_page();
    finished_ = true;
    bytes_ = doc_.finish(&error_);
  }
  if (bytes_.empty() && error)
    *error = error_.empty() ? "PDF 生成失败 / cannot write the PDF" : error_;
  return bytes_;
}

}  // namespace powerlist
