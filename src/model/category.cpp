#include <fmt/format.h>

#include "powerlist/model.hpp"

namespace powerlist {

const std::vector<CategoryInfo>& categories() {
  static const std::vector<CategoryInfo> list = {
      {Category::Licensing, "行政许可", "01", "XK", "administrative licensing"},
      {Category::Penalty, "行政处罚", "02", "CF", "administrative penalty"},
      {Category::Coercion, "行政强制", "03", "QZ", "administrative coercion"},
      {Category::Levy, "行政征收", "04", "ZS", "administrative levy"},
      {Category::Benefit, "行政给付", "05", "GF", "administrative benefit"},
      {Category::Inspection, "行政检查", "06", "JC", "administrative inspection"},
      {Category::Confirmation, "行政确认", "07", "QR", "administrative confirmation"},
      {Category::Reward, "行政奖励", "08", "JL", "administrative reward"},
      {Category::Adjudication, "行政裁决", "09", "CJ", "administrative adjudication"},
      {Category::Other, "其他行政权力", "10", "QT", "other administrative power"},
      {Category::Internal, "内部管理", "11", "NB", "internal management"},
      {Category::PublicService, "公共服务", "20", "FW", "public service"},
  };
  return list;
}

const CategoryInfo& category_info(Category c) {
  for (const auto& i : categories())
    if (i.cat == c) return i;
  return categories().front();
}

std::optional<Category> parse_category(const std::string& s, bool* legacy) {
  if (legacy) *legacy = false;
  for (const auto& i : categories())
    if (s == i.name || s == i.code || s == i.letters) return i.cat;
  if (s == "监督检查") {
    if (legacy) *legacy = true;
    return Category::Inspection;
  }
  if (s == "行政征用" || s == "非行政许可审批") {
    if (legacy) *legacy = true;
    return Category::Other;
  }
  return std::nullopt;
}

std::string chinese_number(int n) {
  static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0) return "零";
  std::string out;
  int thousands = n / 1000, hundreds = n / 100 % 10, tens = n / 10 % 10, ones = n % 10;
  if (thousands) out += std::string(digits[thousands]) + "千";
  if (hundreds)
    out += std::string(digits[hundreds]) + "百";
  else if (thousands && (tens || ones))
    out += "零";
  if (tens)
    out += (tens == 1 && !thousands && !hundreds) ? std::string("十")
                                                  : std::string(digits[tens]) + "十";
  else if (hundreds && ones)
    out += "零";
  if (ones) out += digits[ones];
  return out;
}

std::string ArticleRef::str() const {
  std::string s = "第" + chinese_number(article) + "条";
  if (paragraph) s += "第" + chinese_number(paragraph) + "款";
  if (item) s += "第" + chinese_number(item) + "项";
  return s;
}

size_t Catalog::item_count() const {
  size_t n = 0;
  for (const auto& d : departments) n += d.powers.size();
  return n;
}

}  // namespace powerlist
