#include "pdf_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "pdf_writer.hpp"  // kA4Short, kA4Long
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

constexpr std::string_view kMagic = "powerlist-pdf-chart 2";

// One element of the SVG: its name and attributes (values still XML-escaped).
struct Element {
  std::string_view name;
  std::vector<std::pair<std::string_view, std::string_view>> attrs;
  std::string_view attr(std::string_view key) const {
    for (const auto& [k, v] : attrs)
      if (k == key) return v;
    return {};
  }
};

// Parses `<name a="v" …` from `s` at `at` (just after '<'); returns the position after '>'.
size_t parse_tag(std::string_view s, size_t at, Element* e) {
  size_t i = at;
  while (i < s.size() && !std::strchr(" \t\r\n/>", s[i])) ++i;
  e->name = s.substr(at, i - at);
  e->attrs.clear();
  while (i < s.size() && s[i] != '>') {
    while (i < s.size() && std::strchr(" \t\r\n/", s[i])) ++i;
    if (i >= s.size() || s[i] == '>') break;
    const size_t k = i;
    while (i < s.size() && s[i] != '=' && s[i] != '>' && s[i] != ' ') ++i;
    const std::string_view key = s.substr(k, i - k);
    if (i + 1 < s.size() && s[i] == '=' && (s[i + 1] == '"' || s[i + 1] == '\'')) {
      const char q = s[i + 1];
      const size_t v = i + 2;
      const size_t end = s.find(q, v);
      if (end == std::string_view::npos) return std::string_view::npos;
      e->attrs.emplace_back(key, s.substr(v, end - v));
      i = end + 1;
    } else if (i < s.size() && s[i] != '>') {
      ++i;
    }
  }
  return i < s.size() ? i + 1 : std::string_view::npos;
}

std::string xml_unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos) {
      out += s[i];
      continue;
    }
    const std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp")
      out += '&';
    else if (ent == "lt")
      out += '<';
    else if (ent == "gt")
      out += '>';
    else if (ent == "quot")
      out += '"';
    else if (ent == "apos")
      out += '\'';
    else if (!ent.empty() && ent[0] == '#') {
      const bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
      const unsigned long cp =
          std::strtoul(std::string(ent.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10);
      append_utf8(out, cp > 0 && cp < 0x110000 ? static_cast<char32_t>(cp) : U'\uFFFD');
    } else {
      out.append(s.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

// "#rrggbb", "white", "black"; false for none / transparent (nothing drawn).
bool parse_colour(std::string_view c, double rgb[3]) {
  if (c.empty() || c == "none" || c == "transparent") return false;
  if (c[0] == '#' && c.size() >= 7) {
    for (int i = 0; i < 3; ++i)
      rgb[i] = static_cast<double>(std::strtol(
                   std::string(c.substr(1 + 2 * static_cast<size_t>(i), 2)).c_str(), nullptr, 16)) /
               255.0;
    return true;
  }
  const double v = c == "white" ? 1 : 0;  // black and any other name: black
  rgb[0] = rgb[1] = rgb[2] = v;
  return true;
}

std::vector<double> numbers(std::string_view s) {
  std::vector<double> out;
  const std::string str(s);
  const char* p = str.c_str();
  while (*p) {
    char* end = nullptr;
    const double v = std::strtod(p, &end);
    if (end == p) {
      ++p;
      continue;
    }
    out.push_back(v);
    p = end;
  }
  return out;
}

// Writes the chart's operators, keeping the graphics state to emit only changes.
class Painter {
 public:
  std::string ops;
  PdfGlyphs glyphs;
  std::string text_size, text_anchor;  // said once on <svg>, inherited by every text
  double scale = 1, shift_y = 0;       // the <g> transform, for text_rows
  std::vector<std::pair<double, double>> text_rows;

  void shape(const Element& e, const std::string& path, bool closed) {
    double fill[3], stroke[3];
    const bool f = parse_colour(e.attr("fill"), fill);
    const bool s = parse_colour(e.attr("stroke"), stroke);
    if (!f && !s) return;
    if (f) colour(fill, "rg", fill_);
    if (s) {
      colour(stroke, "RG", stroke_);
      const std::string_view sw = e.attr("stroke-width");
      set_width(sw.empty() ? 1 : std::strtod(std::string(sw).c_str(), nullptr));
      set_dash(e.attr("stroke-dasharray"));
    }
    ops += path;
    if (closed) ops += "h ";
    ops += f && s ? "B\n" : f ? "f\n" : "S\n";
  }

  void text(const Element& e, std::string_view content) {
    const std::vector<char32_t> chars = decode_utf8(xml_unescape(content));
    if (chars.empty()) return;
    double rgb[3] = {0, 0, 0};
    if (!parse_colour(e.attr("fill"), rgb)) {
      if (!e.attr("fill").empty()) return;  // fill="none": invisible
    }
    const bool bold = e.attr("font-weight") == "bold";
    const std::string_view size_attr = e.attr("font-size");
    const double size = std::strtod(
        std::string(size_attr.empty() ? std::string_view(text_size) : size_attr).c_str(), nullptr);
    double x = std::strtod(std::string(e.attr("x")).c_str(), nullptr);
    const double y = std::strtod(std::string(e.attr("y")).c_str(), nullptr);
    const std::string_view anchor =
        e.attr("text-anchor").empty() ? std::string_view(text_anchor) : e.attr("text-anchor");
    if (anchor == "middle" || anchor == "end") {
      const double w = pdf_text_advance(chars, bold) * size;
      x -= anchor == "end" ? w : w / 2;
    }
    // The line's band on the page, from above the capitals to below the descenders.
    text_rows.push_back({scale * (y + shift_y - size), scale * (y + shift_y + 0.3 * size)});
    colour(rgb, "rg", fill_);
    ops += bold ? "BT /B " : "BT /R ";
    pdf_num(ops, size);
    ops += " Tf 1 0 0 -1 ";  // the form's space is flipped to SVG's; the glyphs are not
    pdf_num(ops, x);
    ops += ' ';
    pdf_num(ops, y);
    ops += " Tm ";
    pdf_show_text(ops, chars, bold, glyphs);
    ops += " ET\n";
  }

 private:
  void colour(const double rgb[3], const char* op, double* current) {
    if (current[0] == rgb[0] && current[1] == rgb[1] && current[2] == rgb[2]) return;
    for (int i = 0; i < 3; ++i) {
      pdf_num(ops, rgb[i], 3);
      ops += ' ';
      current[i] = rgb[i];
    }
    ops += op;
    ops += ' ';
  }
  void set_width(double w) {
    if (w == width_) return;
    width_ = w;
    pdf_num(ops, w);
    ops += " w ";
  }
  void set_dash(std::string_view d) {
    if (d == dash_) return;
    dash_ = std::string(d);
    pdf_dash(ops, numbers(d));
    ops += ' ';
  }
  double fill_[3] = {0, 0, 0}, stroke_[3] = {0, 0, 0};
  double width_ = 1;
  std::string dash_;
};

void point(std::string& out, double x, double y, const char* op) {
  pdf_num(out, x);
  out += ' ';
  pdf_num(out, y);
  out += ' ';
  out += op;
  out += ' ';
}

// "x,y x,y …" as a path.
std::string points_path(std::string_view pts) {
  const std::vector<double> v = numbers(pts);
  std::string p;
  for (size_t i = 0; i + 1 < v.size(); i += 2) point(p, v[i], v[i + 1], i ? "l" : "m");
  return p;
}

// SVG path data with absolute M, L, C and Z, as Graphviz writes it.
std::string svg_path(std::string_view d) {
  std::string p;
  constexpr std::string_view kCommands = "MLCZz";
  for (size_t at = d.find_first_of(kCommands); at != std::string_view::npos;) {
    const char cmd = d[at];
    const size_t next = d.find_first_of(kCommands, at + 1);
    const std::vector<double> args =
        numbers(d.substr(at + 1, next == std::string_view::npos ? next : next - at - 1));
    if (cmd == 'M' || cmd == 'L') {
      for (size_t i = 0; i + 1 < args.size(); i += 2)
        point(p, args[i], args[i + 1], cmd == 'M' && i == 0 ? "m" : "l");
    } else if (cmd == 'C') {
      for (size_t i = 0; i + 5 < args.size(); i += 6) {
        for (size_t k = 0; k < 6; ++k) {
          pdf_num(p, args[i + k]);
          p += ' ';
        }
        p += "c ";
      }
    } else {
      p += "h ";
    }
    at = next;
  }
  return p;
}

std::string ellipse_path(const Element& e) {
  const auto num = [&](const char* k) {
    return std::strtod(std::string(e.attr(k)).c_str(), nullptr);
  };
  const double cx = num("cx"), cy = num("cy"), rx = num("rx"), ry = num("ry");
  constexpr double k = 0.5522847498;
  std::string p;
  point(p, cx + rx, cy, "m");
  const double q[4][6] = {{cx + rx, cy + k * ry, cx + k * rx, cy + ry, cx, cy + ry},
                          {cx - k * rx, cy + ry, cx - rx, cy + k * ry, cx - rx, cy},
                          {cx - rx, cy - k * ry, cx - k * rx, cy - ry, cx, cy - ry},
                          {cx + k * rx, cy - ry, cx + rx, cy - k * ry, cx + rx, cy}};
  for (const auto& seg : q) {
    for (double v : seg) {
      pdf_num(p, v);
      p += ' ';
    }
    p += "c ";
  }
  return p;
}

}  // namespace

std::string pdf_chart_from_svg(const std::string& svg_text, std::string* error) {
  const std::string_view svg = svg_text;
  Painter paint;
  double width = 0, height = 0;
  bool transformed = false;
  std::vector<double> keep;  // the 说明 panel's rows, in the drawing's y (render.cpp)
  Element e;
  for (size_t at = svg.find('<'); at != std::string_view::npos; at = svg.find('<', at)) {
    if (svg.compare(at, 4, "<!--") == 0) {
      const size_t end = svg.find("-->", at);
      at = end == std::string_view::npos ? end : end + 3;
      continue;
    }
    if (at + 1 < svg.size() && (svg[at + 1] == '/' || svg[at + 1] == '?' || svg[at + 1] == '!')) {
      ++at;
      continue;
    }
    const size_t next = parse_tag(svg, at + 1, &e);
    if (next == std::string_view::npos) break;
    at = next;
    if (e.name == "svg") {
      const std::vector<double> box = numbers(e.attr("viewBox"));
      if (box.size() == 4) width = box[2], height = box[3];
      keep = numbers(e.attr("data-keep"));
      paint.text_size = std::string(e.attr("font-size"));
      paint.text_anchor = std::string(e.attr("text-anchor"));
    } else if (e.name == "g" && !transformed && !e.attr("transform").empty()) {
      // scale(sx sy) rotate(0) translate(tx ty): the form's space becomes SVG's, y down.
      const std::vector<double> t = numbers(e.attr("transform"));
      if (t.size() != 5 || t[2] != 0) break;  // rotated charts are not drawn (refused below)
      std::string cm;
      for (double v : {t[0], 0.0, 0.0, -t[1], t[0] * t[3], height - t[1] * t[4]}) {
        pdf_num(cm, v, 4);
        cm += ' ';
      }
      // A form inherits the drawing page's graphics state: start from SVG's defaults.
      paint.ops += cm + "cm 0 g 0 G 1 w [] 0 d 0 J 0 j 4 M\n";
      paint.scale = t[1];
      paint.shift_y = t[4];
      transformed = true;
    } else if (e.name == "title") {
      const size_t end = svg.find("</title>", at);
      at = end == std::string_view::npos ? end : end + 8;
    } else if (e.name == "polygon") {
      paint.shape(e, points_path(e.attr("points")), true);
    } else if (e.name == "polyline") {
      paint.shape(e, points_path(e.attr("points")), false);
    } else if (e.name == "path") {
      paint.shape(e, svg_path(e.attr("d")), false);
    } else if (e.name == "ellipse") {
      paint.shape(e, ellipse_path(e), true);
    } else if (e.name == "text") {
      const size_t end = svg.find("</text>", at);
      if (end == std::string_view::npos) break;
      paint.text(e, svg.substr(at, end - at));
      at = end + 7;
    }
  }
  if (width <= 0 || height <= 0 || !transformed) {
    if (error) *error = "无法读取流程图 SVG / cannot read the chart's SVG";
    return "";
  }
  std::string out = fmt::format("{} ", kMagic);
  pdf_num(out, width);
  out += ' ';
  pdf_num(out, height);
  out += fmt::format(" {} {}\n", paint.glyphs.regular.size(), paint.glyphs.bold.size());
  for (const auto* g : {&paint.glyphs.regular, &paint.glyphs.bold})
    for (const auto& [gid, cp] : *g) out += fmt::format("{} {}\n", gid, static_cast<uint32_t>(cp));
  // A split never cuts the panel: its whole height counts as one line of text.
  if (keep.size() == 2 && keep[0] < keep[1])
    paint.text_rows.push_back(
        {paint.scale * (keep[0] + paint.shift_y), paint.scale * (keep[1] + paint.shift_y)});
  std::sort(paint.text_rows.begin(), paint.text_rows.end());
  out += fmt::format("{}\n", paint.text_rows.size());
  for (const auto& [top, bottom] : paint.text_rows) {
    pdf_num(out, top);
    out += ' ';
    pdf_num(out, bottom);
    out += '\n';
  }
  const std::string deflated = pdf_deflate(paint.ops);
  out += fmt::format("{}\n", deflated.size());
  return out + deflated;
}

bool parse_pdf_chart(const std::string& bytes, PdfChart* out) {
  if (bytes.compare(0, kMagic.size(), kMagic) != 0) return false;
  const char* p = bytes.c_str() + kMagic.size();
  const char* end = bytes.c_str() + bytes.size();
  char* next = nullptr;
  out->w = std::strtod(p, &next);
  out->h = std::strtod(p = next, &next);
  const unsigned long n_reg = std::strtoul(p = next, &next, 10);
  const unsigned long n_bold = std::strtoul(p = next, &next, 10);
  // A chart is at least a point and at most 1,400 m on a side, and not a thread: a damaged or
  // hostile cache part must not turn into thousands of pages.
  if (!(out->w >= 1 && out->h >= 1 && out->w < 1e5 && out->h < 1e5) || out->h / out->w > 50 ||
      out->w / out->h > 50 || n_reg > 65536 || n_bold > 65536)
    return false;
  out->glyphs = {};
  for (unsigned long i = 0; i < n_reg + n_bold; ++i) {
    const unsigned long gid = std::strtoul(p = next, &next, 10);
    const unsigned long cp = std::strtoul(p = next, &next, 10);
    if (next == p || gid > 65535 || cp >= 0x110000) return false;
    out->glyphs.of(i >= n_reg).emplace(static_cast<uint16_t>(gid), static_cast<char32_t>(cp));
  }
  const unsigned long rows = std::strtoul(p = next, &next, 10);
  if (next == p || rows > 1000000) return false;
  out->text_rows.clear();
  for (unsigned long i = 0; i < rows; ++i) {
    const double top = std::strtod(p = next, &next);
    const double bottom = std::strtod(p = next, &next);
    if (next == p || !std::isfinite(top) || !std::isfinite(bottom)) return false;
    out->text_rows.push_back({top, bottom});
  }
  const unsigned long len = std::strtoul(p = next, &next, 10);
  if (next == p || next >= end || *next != '\n' || len != static_cast<size_t>(end - next - 1))
    return false;
  out->deflated.assign(next + 1, len);
  return true;
}

ChartSlices plan_chart_slices(const PdfChart& c, double box_w, double first_h, double box_h) {
  ChartSlices out;
  if (!(c.w > 0 && c.h > 0 && box_w > 0 && first_h > 0 && box_h > 0)) {
    out.pages.push_back({0, c.h});  // nothing sensible to plan: one page
    return out;
  }
  out.scale = std::min(1.0, box_w / c.w);
  // A chart a little too tall is shrunk onto one page as long as its text stays legible.
  if (c.h * out.scale > first_h && first_h / c.h >= kMinChartScale) out.scale = first_h / c.h;
  double top = 0;
  double room = first_h / out.scale;
  constexpr size_t kMaxPages = 50;  // parse_pdf_chart bounds the shape; this bounds the loop
  while (c.h - top > room + 1e-6 && out.pages.size() < kMaxPages) {
    // The lowest place in the lower half of the page that cuts no line of text.
    double cut = top + room;
    for (bool moved = true; moved && cut > top + room / 2;) {
      moved = false;
      for (const auto& [t, b] : c.text_rows)
        if (t - 2 < cut && cut < b + 2) {
          cut = t - 2;
          moved = true;
        }
    }
    if (cut <= top + room / 2) cut = top + room;  // no gap: cut at the page's foot
    out.pages.push_back({top, cut});
    top = cut;
    room = box_h / out.scale;
  }
  out.pages.push_back({top, c.h});
  return out;
}

ChartSlices plan_chart_a4(const PdfChart& c, double side, double head, double foot, bool* wide) {
  auto plan_for = [&](bool landscape) {
    const double w = landscape ? kA4Long : kA4Short, h = landscape ? kA4Short : kA4Long;
    return plan_chart_slices(c, w - 2 * side, h - head - foot, h - head - foot);
  };
  *wide = false;
  ChartSlices plan = plan_for(false);
  if (plan.scale < kMinChartScale) {
    ChartSlices other = plan_for(true);
    if (other.scale > plan.scale) plan = std::move(other), *wide = true;
  }
  return plan;
}

std::string pdf_chart_file(const std::string& page, const std::string& title, std::string* error) {
  PdfChart c;
  if (!parse_pdf_chart(page, &c)) {
    if (error) *error = "无法读取流程图 / cannot read the chart";
    return "";
  }
  // A4 with 20-pt margins, portrait unless only landscape keeps the text legible.
  constexpr double kMargin = 20;
  bool landscape = false;
  const ChartSlices plan = plan_chart_a4(c, kMargin, kMargin, kMargin, &landscape);
  const double page_w = landscape ? kA4Long : kA4Short, page_h = landscape ? kA4Short : kA4Long;
  PdfDocument doc(title, "");
  std::string form;
  for (const auto& [top, bottom] : plan.pages) {
    doc.begin_page(page_w, page_h);
    if (form.empty())
      form = doc.add_form(c.w, c.h, std::string(c.deflated), c.glyphs);
    else
      doc.reuse_form(form);
    doc.ops() += chart_slice_ops(form, c, plan.scale, top, bottom, (page_w - c.w * plan.scale) / 2,
                                 page_h - kMargin);
  }
  return doc.finish(error);
}

std::string chart_slice_ops(const std::string& form, const PdfChart& c, double scale, double top,
                            double bottom, double x, double y_top) {
  // Clip to the slice, then place the form so the slice's top is at y_top (PDF y up).
  std::string ops = "q ";
  for (double v : {x, y_top - (bottom - top) * scale, c.w * scale, (bottom - top) * scale}) {
    pdf_num(ops, v, 3);
    ops += ' ';
  }
  ops += "re W n ";
  for (double v : {scale, 0.0, 0.0, scale, x, y_top - (c.h - top) * scale}) {
    pdf_num(ops, v, 4);
    ops += ' ';
  }
  return ops + "cm " + form + " Do Q\n";
}

std::string chart_pdf_from_svg(const std::string& svg, const std::string& title,
                               std::string* error) {
  const std::string page = pdf_chart_from_svg(svg, error);
  return page.empty() ? "" : pdf_chart_file(page, title, error);
}

}  // namespace powerlist
