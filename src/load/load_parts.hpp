// Typed loaders for the parts of a department file (one function per mapping kind).
#pragma once
#include "yaml/yaml_reader.hpp"

namespace powerlist {

std::optional<Citation> load_citation(Reader& r, const YAML::Node& n, Span where);
std::vector<Citation> load_citations(Reader& r, const Fields& f, std::string_view key);
std::optional<Step> load_step(Reader& r, const YAML::Node& n);
std::optional<Procedure> load_procedure(Reader& r, const YAML::Node& n, Span where);
std::optional<PowerItem> load_item(Reader& r, const YAML::Node& n, const std::string& dept_id);
Department load_department(Reader& r, const YAML::Node& root);

}  // namespace powerlist
