// Content-addressed store of rendered charts under OUT/.cache/charts: an entry is keyed by
// the chart's DOT source (everything that decides how it looks), the formats, the PNG
// resolution, this executable, the Graphviz, cairo and pango versions and the chart font. An entry
// is one file per part (svg, png, pdf, and "page": the chart as catalog.pdf draws it) plus a
// list of their sizes and CRC-32s, written last. Every part is checked against that list
// before it is used; an entry that does not check out is rendered again, never trusted.
// Output files are hard links to the parts, so a build writes each chart's bytes once.
// Internal to src/publish.
#pragma once
#include <set>
#include <string>

#include "powerlist/flow.hpp"

namespace powerlist {

class ChartCache {
 public:
  // `dir`: the folder of the store (created on demand); `font`: the chart font subset's
  // identity (use_chart_font_subset).
  ChartCache(std::string dir, const std::string& font);

  std::string key(const std::string& source, const ChartFormats& formats) const;
  // Whether the entry holds every part the formats need (svg and page always), intact.
  bool check(const std::string& key, const ChartFormats& formats) const;
  // Stores a rendered chart; false when it could not (the caller then writes the bytes).
  bool save(const std::string& key, const ChartFiles& files) const;
  // One verified part ("svg", "page"); "" when absent or damaged.
  std::string part(const std::string& key, const char* ext) const;
  // Where a part lives (to link an output to it after check or save).
  std::string file(const std::string& key, const char* ext) const;
  // Keeps `bytes` (an item's site page) as a file named by their hash and returns its path,
  // for an output to be a link to it ("" when it cannot be kept). A rebuild that makes the
  // same page links the kept file instead of creating one: thousands of new files right after
  // the old output's were deleted are what a rebuild spent most of its time on (ext4 inode
  // allocation). A kept file that differs from `bytes` is replaced.
  std::string keep_bytes(const std::string& bytes, const char* ext) const;
  // Removes every entry but `keep`: the cache then holds exactly this build's public charts
  // (never a chart of an item that has since become non-public) and does not grow.
  void prune(const std::set<std::string>& keep) const;

  const std::string& font() const { return font_; }

 private:
  std::string dir_, font_, salt_;
};

}  // namespace powerlist
