// Back ends that hand a catalog to other tools and people: the catalog as YAML files (what
// `import` writes) and the review workbook (`export`: xlsx or csv with the findings).
#pragma once
#include <string>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/gen.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

struct ImportReport;

// powerlist.yaml + departments/<id>.yaml for `catalog` (built by the workbook front end).
// `region_code` is written as given (import cannot know it).
FileSet render_catalog_yaml(const Catalog& catalog, const std::string& region_code,
                            const std::string& region_name);

}  // namespace powerlist
