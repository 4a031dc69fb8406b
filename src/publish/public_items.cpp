// Which items the public outputs show, with their codes and resolved flowcharts.
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "powerlist/publish.hpp"

namespace powerlist {

std::vector<PublicItem> collect_public_items(const Catalog& catalog,
                                             const TemplateLibrary& templates) {
  std::vector<PublicItem> out;
  for (const auto& d : catalog.departments)
    for (const auto& it : d.powers) {
      if (!it.active() || !it.is_public.value) continue;
      PublicItem p;
      p.dept = &d;
      p.item = &it;
      p.codes = item_codes(catalog, d, it);
      p.stem = p.codes.assigned() ? p.codes.implementation : d.id.value + "-" + it.key.value;
      if (it.procedure) {
        DiagSink ignored;  // check reported these; build runs only without errors
        p.flow = resolve_flow(it, templates, ignored, item_id(d, it));
      }
      out.push_back(std::move(p));
    }
  return out;
}

std::vector<std::pair<const Department*, const PowerItem*>> collect_internal_items(
    const Catalog& catalog) {
  std::vector<std::pair<const Department*, const PowerItem*>> out;
  for (const auto& d : catalog.departments)
    for (const auto& it : d.powers)
      if (it.active() && !it.is_public.value) out.push_back({&d, &it});
  return out;
}

static void blank_date(std::string& pdf, const char* key, const char* fixed) {
  for (size_t pos = pdf.find(key); pos != std::string::npos; pos = pdf.find(key, pos + 1)) {
    const size_t open = pdf.find('(', pos), close = pdf.find(')', pos);
    if (open == std::string::npos || close == std::string::npos || close - pos > 64) continue;
    const size_t digits = open + 3;  // after "(D:"
    if (fixed && close - digits == 15 && pdf[close - 1] == 'Z') {
      pdf.replace(digits, 14, fixed);
    } else {
      for (size_t i = pos; i <= close; ++i) pdf[i] = ' ';
    }
  }
}

void normalize_pdf_dates(std::string& pdf) {
  // SOURCE_DATE_EPOCH (reproducible-builds.org) gives the date to write; without it no date.
  char fixed[32] = {0};
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch && *epoch) {
    std::time_t t = static_cast<std::time_t>(std::atoll(epoch));
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(fixed, sizeof fixed, "%Y%m%d%H%M%S", &tm);
  }
  blank_date(pdf, "/CreationDate", fixed[0] ? fixed : nullptr);
  blank_date(pdf, "/ModDate", fixed[0] ? fixed : nullptr);
}

}  // namespace powerlist
