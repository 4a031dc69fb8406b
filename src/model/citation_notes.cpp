// The dates of a citation's version note (citation_text.hpp): "（2000年7月8日…公布，2015年11月4日
// 予以修改）", "2018年修正", "2010年12月修正" — which version the note names.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "powerlist/citation_text.hpp"
#include "powerlist/text.hpp"
#include "u32_text.hpp"

namespace powerlist {

using u32::to_u32;
using u32::to_utf8;
using u32::U;

std::vector<NoteDate> note_dates(const std::string& note) {
  std::vector<NoteDate> out;
  const std::string& s = note;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!(s[i] >= '0' && s[i] <= '9')) continue;
    size_t j = i;
    auto number = [&](size_t max) {
      int v = 0;
      size_t n = 0;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9' && n < max)
        v = v * 10 + (s[j++] - '0'), ++n;
      while (j < s.size() && s[j] == ' ') ++j;
      return n ? v : -1;
    };
    auto unit = [&](const char* u) {
      if (s.compare(j, 3, u) != 0) return false;
      j += 3;
      while (j < s.size() && s[j] == ' ') ++j;
      return true;
    };
    const int y = number(4);
    if (y < 1949 || !unit("年")) {
      i = std::max(i, j == i ? i : j - 1);
      continue;
    }
    const size_t after_year = j;
    const int m = number(2);
    if (m < 1 || !unit("月")) {
      // A year alone before 修正/修订/修改 (…，2018年修正): that year's version.
      j = after_year;
      const std::string rest = s.substr(after_year, 12);
      const bool revision =
          rest.rfind("修正", 0) == 0 || rest.rfind("修订", 0) == 0 || rest.rfind("修改", 0) == 0;
      if (revision)
        if (auto date = parse_date(fmt::format("{:04d}-01-01", y)))
          out.push_back({*date, false, true});
      i = after_year - 1;
      continue;
    }
    const size_t after_month = j;
    const int d = number(2);
    if (d < 1 || !unit("日")) {
      if (auto date = parse_date(fmt::format("{:04d}-{:02d}-01", y, m)))
        out.push_back({*date, true});
      i = after_month - 1;
      continue;
    }
    if (auto date = parse_date(fmt::format("{:04d}-{:02d}-{:02d}", y, m, d)))
      out.push_back({*date, false});
    i = j - 1;
  }
  return out;
}

std::optional<Date> version_from_note(const std::string& note) {
  const U u = to_u32(note);
  struct Found {
    size_t pos, end;
    Date date;
  };
  std::vector<Found> dates;
  for (size_t i = 0; i < u.size(); ++i) {
    if (!(u[i] >= U'0' && u[i] <= U'9')) continue;
    size_t j = i;
    auto number = [&](size_t max) {
      int v = 0;
      size_t n = 0;
      while (j < u.size() && u[j] >= U'0' && u[j] <= U'9' && n < max)
        v = v * 10 + int(u[j++] - U'0'), ++n;
      while (j < u.size() && u[j] == U' ') ++j;
      return n ? v : -1;
    };
    const int y = number(4);
    if (y < 1949 || j >= u.size() || u[j] != U'年') {
      i = std::max(i, j);
      continue;
    }
    ++j;
    while (j < u.size() && u[j] == U' ') ++j;
    const int m = number(2);
    if (m < 1 || j >= u.size() || u[j] != U'月') continue;
    ++j;
    while (j < u.size() && u[j] == U' ') ++j;
    const int d = number(2);
    if (d < 1 || j >= u.size() || u[j] != U'日') continue;
    if (auto date = parse_date(fmt::format("{:04d}-{:02d}-{:02d}", y, m, d)))
      dates.push_back({i, j + 1, *date});
    i = j;
  }
  std::optional<Date> best, effective_only;
  for (size_t k = 0; k < dates.size(); ++k) {
    const size_t end = k + 1 < dates.size() ? dates[k + 1].pos : u.size();
    const std::string tail = to_utf8(u, dates[k].end, end);
    const bool versioned =
        tail.find("修正") != std::string::npos || tail.find("修订") != std::string::npos ||
        tail.find("修改") != std::string::npos || tail.find("通过") != std::string::npos ||
        tail.find("公布") != std::string::npos || tail.find("发布") != std::string::npos ||
        tail.find("颁布") != std::string::npos || tail.find("令第") != std::string::npos;
    const bool effective = tail.find("施行") != std::string::npos;
    if (versioned && (!effective || tail.find("施行") > tail.find("修"))) {
      if (!best || *best < dates[k].date) best = dates[k].date;
    } else if (effective && (!effective_only || *effective_only < dates[k].date)) {
      effective_only = dates[k].date;
    }
  }
  return best;
}

}  // namespace powerlist
