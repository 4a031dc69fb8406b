// Content-addressed store of rendered charts under OUT/.cache/charts: an entry is keyed by
// the chart's DOT source (everything that decides how it looks), the formats, the PNG
// resolution, this executable and the Graphviz, cairo and pango versions. Every part of an
// entry (svg, png, pdf, placed) is checked against its recorded size and CRC-32 when read;
// an entry that does not check out is ignored and rendered again, never trusted. Internal to
// src/publish.
#pragma once
#include <optional>
#include <set>
#include <string>

#include "powerlist/flow.hpp"

namespace powerlist {

class ChartCache {
 public:
  // `dir` "" disables the cache (every chart is rendered).
  explicit ChartCache(std::string dir);

  std::string key(const std::string& source, const ChartFormats& formats) const;
  // The entry's files (svg, placed, and png/pdf when asked for) when all are intact.
  std::optional<ChartFiles> load(const std::string& key, const ChartFormats& formats) const;
  // Stores a rendered chart; failures only cost a later render.
  void save(const std::string& key, const ChartFiles& files) const;
  // One verified file of an entry ("svg", "placed"); "" when absent or damaged.
  std::string part(const std::string& key, const char* ext) const;
  // Removes every entry but `keep`: the cache then holds exactly this build's public charts
  // (never a chart of an item that has since become non-public) and does not grow.
  void prune(const std::set<std::string>& keep) const;

 private:
  std::string path(const std::string& key) const;
  std::string dir_, salt_;
};

}  // namespace powerlist
