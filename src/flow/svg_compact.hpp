// The chart SVG as published: Graphviz's output without what no reader needs. Internal to
// src/flow (render.cpp), reachable by the unit tests.
#pragma once
#include <string>
#include <vector>

namespace powerlist {

// Graphviz's SVG of a chart, rewritten so that it draws the same and is about a fifth
// smaller (it is written twice per item: the .svg file and inline in the site page):
//  - no XML declaration, DOCTYPE or comments;
//  - node `s<i>`'s title becomes `step_titles[i]` (already XML-escaped; hovering over a
//    step shows its 职责); every other title (graph, cluster, edge and helper-node names
//    such as "s0->s1") is dropped, as are the groups' ids and classes;
//  - the font family, `text-anchor="middle"` and the commonest font size are said once on
//    <svg> (inherited) instead of on every text; sizes lose their ".00";
//  - a cubic segment that is a straight line (Graphviz's rounded boxes: controls at the
//    ends) becomes an `L`; a polygon's first point is not repeated at its end;
//  - groups that only grouped (no transform, no kept title) are dropped, with their classes.
// When the input is not in the shape Graphviz writes, the affected rewrite is skipped.
std::string compact_chart_svg(const std::string& graphviz_svg,
                              const std::vector<std::string>& step_titles);

}  // namespace powerlist
