// The process's one Graphviz context and the lock every libgvc call runs under (Graphviz is
// not thread-safe). Internal to src/flow.
#pragma once
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <mutex>
#include <string>

namespace powerlist {

std::mutex& graphviz_mutex();
GVC_t* graphviz_context();  // call with the mutex held

// gvRenderData into a string ("" on failure).
std::string graphviz_render(Agraph_t* g, const char* format);

// PNG of a laid-out graph whose page is `width_pt` × `height_pt` (from its SVG), drawn by
// Graphviz's cairo renderer into our own surface at `dpi` and encoded for speed, its pHYs
// saying `stated_dpi` (the print resolution when the chart is drawn at less than 1:1). "" with
// `error` set on failure.
std::string rasterize_graph(Agraph_t* g, double width_pt, double height_pt, double dpi,
                            double stated_dpi, std::string* error);

// Page size in points from the header Graphviz writes into an SVG (width="533pt" …).
bool svg_page_size(const std::string& svg, double* width_pt, double* height_pt);

}  // namespace powerlist
