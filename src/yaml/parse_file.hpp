// Bytes → YAML tree, with the encoding, syntax and size checks done before yaml-cpp sees it.
#pragma once
#include <yaml-cpp/yaml.h>

#include "powerlist/diag.hpp"
#include "powerlist/load.hpp"

namespace powerlist {

struct ParsedFile {
  YAML::Node root;
  bool ok = false;
};

// Reads `fs_path` into sources[file_id].text; returns false (after a finding) when it cannot.
bool read_source(SourceFile& src, uint32_t file_id, DiagSink& sink, const LoadLimits& limits);
// Checks encoding, parses, and enforces node/depth limits.
ParsedFile parse_source(SourceFile& src, uint32_t file_id, DiagSink& sink,
                        const LoadLimits& limits);
// Finds `# powerlist: ignore RULE reason` comments.
void scan_suppressions(const SourceFile& src, uint32_t file_id, std::vector<Suppression>& out);

}  // namespace powerlist
