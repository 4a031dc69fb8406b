// A chart as catalog.pdf draws it: PDF operators for a Form XObject, made from the chart's
// SVG (Graphviz's own drawing: polygons, Bézier paths, polylines, ellipses, text), deflated,
// with the chart's size and the glyphs it uses. Made by the worker that renders the chart and
// kept in the chart cache (part "page"), so catalog.pdf only assembles pages: no second
// layout, no drawing, and a rebuild takes unchanged charts from the cache as they are.
#pragma once
#include <string>

#include "pdf_document.hpp"

namespace powerlist {

struct PdfChart {
  double w = 0, h = 0;   // points
  std::string deflated;  // the form's operators, /FlateDecode
  PdfGlyphs glyphs;
};

// The chart page of a Graphviz SVG, serialized for the cache; "" with `error` set when the SVG
// cannot be read or the font is missing.
std::string pdf_chart_from_svg(const std::string& svg, std::string* error);
// Reads what pdf_chart_from_svg made; false when it is not that.
bool parse_pdf_chart(const std::string& bytes, PdfChart* out);
// The chart's own PDF file (flowcharts/<code>.pdf) from its page: one page the chart's
// size, the fonts cut to the glyphs it uses. "" with `error` set on failure.
std::string pdf_chart_file(const std::string& page, const std::string& title, std::string* error);

}  // namespace powerlist
