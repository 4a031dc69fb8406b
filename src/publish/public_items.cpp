// Which items the public outputs show, with their codes and resolved flowcharts.
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

}  // namespace powerlist
