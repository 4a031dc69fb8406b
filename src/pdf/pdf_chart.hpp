// A chart as catalog.pdf draws it: PDF operators for a Form XObject, made from the chart's
// SVG (Graphviz's own drawing: polygons, Bézier paths, polylines, ellipses, text), deflated,
// with the chart's size and the glyphs it uses. Made by the worker that renders the chart and
// kept in the chart cache (part "page"), so catalog.pdf only assembles pages: no second
// layout, no drawing, and a rebuild takes unchanged charts from the cache as they are.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "pdf_document.hpp"

namespace powerlist {

struct PdfChart {
  double w = 0, h = 0;   // points
  std::string deflated;  // the form's operators, /FlateDecode
  PdfGlyphs glyphs;
  // Where lines of text are (top, bottom; points from the chart's top, sorted): a chart split
  // over pages is cut between them.
  std::vector<std::pair<double, double>> text_rows;
};

// The smallest scale a chart is printed at: its 9-point notes and edge labels stay ≥ 7.5 pt
// (and 11-point step text ≥ 9.2 pt). A chart that would need less is split over pages instead.
constexpr double kMinChartScale = 7.5 / 9.0;

// How a chart goes on pages whose drawing box is `box_w` wide and `box_h` tall (`first_h` on the
// first page): one scale, and the part of the chart (top, bottom in chart points) each page
// shows, cut where no text is.
struct ChartSlices {
  double scale = 1;
  std::vector<std::pair<double, double>> pages;
};
ChartSlices plan_chart_slices(const PdfChart& c, double box_w, double first_h, double box_h);
// On A4 with the given margins (`head` above the chart, `foot` below): portrait, or landscape
// (`*wide`) when only that keeps the chart at kMinChartScale or more.
ChartSlices plan_chart_a4(const PdfChart& c, double side, double head, double foot, bool* wide);
// PDF operators drawing rows top…bottom of the chart (form `form`, from add_form) at `scale`
// with its left edge at x and the slice's top at y_top (PDF coordinates, y up), clipped.
std::string chart_slice_ops(const std::string& form, const PdfChart& c, double scale, double top,
                            double bottom, double x, double y_top);

// The chart page of a Graphviz SVG, serialized for the cache; "" with `error` set when the SVG
// cannot be read or the font is missing.
std::string pdf_chart_from_svg(const std::string& svg, std::string* error);
// Reads what pdf_chart_from_svg made; false when it is not that.
bool parse_pdf_chart(const std::string& bytes, PdfChart* out);
// The chart's own PDF file (flowcharts/<code>.pdf) from its page: one page the chart's
// size, the fonts cut to the glyphs it uses. "" with `error` set on failure.
std::string pdf_chart_file(const std::string& page, const std::string& title, std::string* error);

}  // namespace powerlist
