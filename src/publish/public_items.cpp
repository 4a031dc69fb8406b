// Which items the public outputs show, with their codes and resolved flowcharts.
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "powerlist/publish.hpp"

namespace powerlist {

static PublicItem make_item(const ResolvedItem& r) {
  PublicItem p;
  p.dept = r.dept;
  p.item = r.item;
  p.codes = r.codes;
  p.stem = p.codes.assigned() ? p.codes.implementation : r.dept->id.value + "-" + r.item->key.value;
  p.flow = r.flow ? &*r.flow : nullptr;
  return p;
}

std::vector<PublicItem> collect_public_items(const std::vector<ResolvedItem>& resolved) {
  std::vector<PublicItem> out;
  for (const auto& r : resolved) {
    if (!r.item->listed_publicly()) continue;
    PublicItem p = make_item(r);
    if (!r.item->parent.value.empty())
      for (const auto& other : r.dept->powers)
        if (other.key.value == r.item->parent.value && other.active() && other.listed_publicly())
          p.parent = &other;
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<PublicItem> collect_internal_charts(const std::vector<ResolvedItem>& resolved) {
  std::vector<PublicItem> out;
  for (const auto& r : resolved)
    if (!r.item->listed_publicly() && r.flow) out.push_back(make_item(r));
  return out;
}

std::vector<std::pair<const Department*, const PowerItem*>> collect_internal_items(
    const Catalog& catalog) {
  std::vector<std::pair<const Department*, const PowerItem*>> out;
  for (const auto& d : catalog.departments)
    for (const auto& it : d.powers)
      if (it.active() && !it.listed_publicly()) out.push_back({&d, &it});
  return out;
}

// cairo writes "(D:YYYYMMDDHHmmSS" and then the local offset ("Z", "+08'00", "-05'00'"):
// the date is set to `fixed` in UTC with the offset written as zeros (same length, so the
// cross-reference offsets stay valid), or the entry is blanked when no date is wanted.
static void blank_date(std::string& pdf, const char* key, const char* fixed) {
  for (size_t pos = pdf.find(key); pos != std::string::npos; pos = pdf.find(key, pos + 1)) {
    const size_t open = pdf.find('(', pos), close = pdf.find(')', pos);
    if (open == std::string::npos || close == std::string::npos || close < open || close - pos > 64)
      continue;
    const size_t digits = open + 3;  // after "(D:"
    const bool dated = pdf.compare(open, 3, "(D:") == 0 && close >= digits + 14;
    if (fixed && dated) {
      pdf.replace(digits, 14, fixed);
      for (size_t i = digits + 14; i < close; ++i) {
        char& c = pdf[i];
        if (c == '-') c = '+';
        if (c >= '0' && c <= '9') c = '0';
      }
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
