#include "svg_compact.hpp"

#include <map>
#include <string_view>

namespace powerlist {

namespace {

// The value of ` key="…"` in a start tag, and whether it is there.
bool attr_value(std::string_view tag, std::string_view key, std::string_view* value) {
  const std::string needle = " " + std::string(key) + "=\"";
  const size_t at = tag.find(needle);
  if (at == std::string_view::npos) return false;
  const size_t start = at + needle.size();
  const size_t end = tag.find('"', start);
  if (end == std::string_view::npos) return false;
  *value = tag.substr(start, end - start);
  return true;
}

void erase_attr(std::string& tag, std::string_view key) {
  const std::string needle = " " + std::string(key) + "=\"";
  const size_t at = tag.find(needle);
  if (at == std::string::npos) return;
  const size_t end = tag.find('"', at + needle.size());
  if (end != std::string::npos) tag.erase(at, end + 1 - at);
}

void set_attr(std::string& tag, std::string_view key, std::string_view value) {
  const std::string needle = " " + std::string(key) + "=\"";
  const size_t at = tag.find(needle);
  if (at == std::string::npos) return;
  const size_t start = at + needle.size();
  const size_t end = tag.find('"', start);
  if (end != std::string::npos) tag.replace(start, end - start, value);
}

// "12.00" → "12", "10.50" → "10.5".
std::string trim_number(std::string_view v) {
  std::string s(v);
  if (s.find('.') == std::string::npos) return s;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// Graphviz's "Mx,yCx,y x,y x,y …" with each straight cubic (first control at the current
// point, second at the end) written as a line. Anything else is returned unchanged.
std::string straight_cubics(std::string_view d) {
  if (d.size() < 2 || d[0] != 'M') return std::string(d);
  const size_t c = d.find('C');
  if (c == std::string_view::npos ||
      d.find_first_of("MLHVSQTAZmlhvcsqtaz", 1) != std::string_view::npos)
    return std::string(d);
  std::string_view current = d.substr(1, c - 1);
  std::vector<std::string_view> points;
  for (size_t at = c + 1; at < d.size();) {
    size_t end = d.find(' ', at);
    if (end == std::string_view::npos) end = d.size();
    if (end > at) points.push_back(d.substr(at, end - at));
    at = end + 1;
  }
  if (points.empty() || points.size() % 3 != 0) return std::string(d);
  std::string out = "M" + std::string(current);
  char mode = 0;
  for (size_t i = 0; i < points.size(); i += 3) {
    const bool straight = points[i] == current && points[i + 1] == points[i + 2];
    const char want = straight ? 'L' : 'C';
    out += want == mode ? ' ' : want;
    mode = want;
    if (straight) {
      out += points[i + 2];
    } else {
      out += points[i];
      out += ' ';
      out += points[i + 1];
      out += ' ';
      out += points[i + 2];
    }
    current = points[i + 2];
  }
  return out;
}

// Graphviz repeats a polygon's first point at its end; a polygon closes itself.
std::string open_polygon(std::string_view points) {
  const size_t first_end = points.find(' ');
  const size_t last_start = points.rfind(' ');
  if (first_end == std::string_view::npos || first_end == last_start ||
      points.substr(0, first_end) != points.substr(last_start + 1))
    return std::string(points);
  return std::string(points.substr(0, last_start));
}

// Step index of a Graphviz node title "s<digits>", or -1.
long step_index(std::string_view title) {
  if (title.size() < 2 || title[0] != 's' || title.size() > 10) return -1;
  long n = 0;
  for (size_t i = 1; i < title.size(); ++i) {
    if (title[i] < '0' || title[i] > '9') return -1;
    n = n * 10 + (title[i] - '0');
  }
  return n;
}

// What the texts share, said once on <svg> when every text says it the same way.
struct Inherited {
  std::string family, size;
  bool anchor = true;  // every text has a text-anchor: "middle" can be the default
};

Inherited shared_text_attributes(std::string_view svg) {
  Inherited out;
  std::map<std::string, size_t> sizes;
  bool one_family = true, every_size = true;
  size_t texts = 0;
  for (size_t at = svg.find("<text "); at != std::string_view::npos;
       at = svg.find("<text ", at + 1)) {
    const size_t end = svg.find('>', at);
    if (end == std::string_view::npos) return {};
    const std::string_view tag = svg.substr(at, end - at);
    std::string_view v;
    if (!attr_value(tag, "text-anchor", &v)) out.anchor = false;
    if (attr_value(tag, "font-size", &v))
      ++sizes[trim_number(v)];
    else
      every_size = false;
    if (!attr_value(tag, "font-family", &v) || (texts > 0 && v != out.family)) one_family = false;
    if (texts == 0) out.family = std::string(v);
    ++texts;
  }
  if (!one_family || texts == 0) out.family.clear();
  if (every_size && !sizes.empty()) {
    size_t best = 0;
    for (const auto& [size, n] : sizes)  // ordered map: ties go to the first, deterministic
      if (n > best) best = n, out.size = size;
  }
  if (texts == 0) out.anchor = false;
  return out;
}

}  // namespace

std::string compact_chart_svg(const std::string& graphviz_svg,
                              const std::vector<std::string>& step_titles) {
  const std::string_view svg = graphviz_svg;
  const size_t root = svg.find("<svg");
  if (root == std::string_view::npos) return graphviz_svg;
  const Inherited shared = shared_text_attributes(svg);
  std::string out;
  out.reserve(svg.size());
  auto skip_newline = [&](size_t at) { return at < svg.size() && svg[at] == '\n' ? at + 1 : at; };
  auto kept_title = [&](std::string_view name) {
    const long step = step_index(name);
    return step >= 0 && static_cast<size_t>(step) < step_titles.size();
  };
  std::vector<bool> kept_groups;  // open <g> elements: written, or dropped with their </g>
  const size_t xmlns = svg.find("xmlns:xlink");
  const bool xlink_used =
      xmlns != std::string_view::npos && svg.find("xlink:", xmlns + 1) != std::string_view::npos;
  size_t at = root;  // the XML declaration and DOCTYPE before <svg> are dropped
  while (at < svg.size()) {
    const size_t open = svg.find('<', at);
    if (open == std::string_view::npos) {
      out.append(svg.substr(at));
      break;
    }
    out.append(svg.substr(at, open - at));
    if (svg.compare(open, 4, "<!--") == 0) {
      const size_t close = svg.find("-->", open);
      if (close == std::string_view::npos) return graphviz_svg;
      at = skip_newline(close + 3);
      continue;
    }
    const size_t close = svg.find('>', open);
    if (close == std::string_view::npos) return graphviz_svg;
    std::string tag(svg.substr(open, close + 1 - open));
    at = close + 1;
    if (tag == "<title>") {
      const size_t end = svg.find("</title>", at);
      if (end == std::string_view::npos) return graphviz_svg;
      const std::string_view name = svg.substr(at, end - at);
      if (kept_title(name))
        out += "<title>" + step_titles[static_cast<size_t>(step_index(name))] + "</title>";
      at = kept_title(name) ? end + 8 : skip_newline(end + 8);
      continue;
    }
    if (tag.compare(0, 3, "<g ") == 0 || tag == "<g>") {
      // A group matters for its transform (the graph) or a step's title; the others go.
      erase_attr(tag, "id");
      erase_attr(tag, "class");
      size_t next = svg.find('<', at);
      while (next != std::string_view::npos && svg.compare(next, 4, "<!--") == 0) {
        const size_t comment_end = svg.find("-->", next);
        next = comment_end == std::string_view::npos ? comment_end : svg.find('<', comment_end + 3);
      }
      const bool titled = next != std::string_view::npos && svg.compare(next, 7, "<title>") == 0 &&
                          kept_title(svg.substr(next + 7, svg.find('<', next + 7) - next - 7));
      kept_groups.push_back(titled || tag != "<g>");
      if (!kept_groups.back()) {
        at = skip_newline(at);
        continue;
      }
    } else if (tag == "</g>") {
      const bool kept = kept_groups.empty() || kept_groups.back();
      if (!kept_groups.empty()) kept_groups.pop_back();
      if (!kept) {
        at = skip_newline(at);
        continue;
      }
    } else if (tag.compare(0, 6, "<text ") == 0) {
      std::string_view v;
      if (!shared.family.empty()) erase_attr(tag, "font-family");
      if (shared.anchor && attr_value(tag, "text-anchor", &v) && v == "middle")
        erase_attr(tag, "text-anchor");
      if (attr_value(tag, "font-size", &v)) {
        const std::string size = trim_number(v);
        if (size == shared.size)
          erase_attr(tag, "font-size");
        else
          set_attr(tag, "font-size", size);
      }
    } else if (tag.compare(0, 6, "<path ") == 0) {
      std::string_view d;
      if (attr_value(tag, "d", &d)) set_attr(tag, "d", straight_cubics(d));
    } else if (tag.compare(0, 9, "<polygon ") == 0) {
      std::string_view v;
      if (attr_value(tag, "stroke", &v) && v == "transparent") set_attr(tag, "stroke", "none");
      if (attr_value(tag, "points", &v)) set_attr(tag, "points", open_polygon(v));
    } else if (tag.compare(0, 5, "<svg ") == 0) {
      if (!xlink_used) erase_attr(tag, "xmlns:xlink");
      std::string inherited;
      if (!shared.family.empty()) inherited += " font-family=\"" + shared.family + "\"";
      if (shared.anchor) inherited += " text-anchor=\"middle\"";
      if (!shared.size.empty()) inherited += " font-size=\"" + shared.size + "\"";
      tag.insert(tag.size() - 1, inherited);
    }
    out += tag;
  }
  return out;
}

}  // namespace powerlist
