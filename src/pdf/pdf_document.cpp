#include "pdf_document.hpp"

#include <fmt/format.h>
#include <libdeflate.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <memory>

#include "pdf_font.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

void pdf_num(std::string& out, double v, int decimals) {
  static const long long scale[] = {1, 10, 100, 1000, 10000, 100000};
  decimals = std::max(0, std::min(decimals, 5));
  if (!std::isfinite(v) || std::fabs(v) > 1e12) v = 0;  // never reached by real drawings
  long long n = std::llround(v * static_cast<double>(scale[decimals]));
  if (n < 0) {
    out += '-';
    n = -n;
  }
  const long long whole = n / scale[decimals];
  long long frac = n % scale[decimals];
  char buf[32];
  char* e = buf + sizeof buf;
  char* p = e;
  if (frac > 0) {
    int d = decimals;
    while (frac % 10 == 0) frac /= 10, --d;
    for (; d > 0; --d, frac /= 10) *--p = static_cast<char>('0' + frac % 10);
    *--p = '.';
  }
  long long w = whole;
  do {
    *--p = static_cast<char>('0' + w % 10);
    w /= 10;
  } while (w > 0);
  out.append(p, static_cast<size_t>(e - p));
}

void pdf_dash(std::string& out, const std::vector<double>& dash) {
  out += '[';
  for (size_t i = 0; i < dash.size(); ++i) {
    if (i) out += ' ';
    pdf_num(out, dash[i]);
  }
  out += "] 0 d";
}

std::string pdf_deflate(const std::string& data) {
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  thread_local std::unique_ptr<libdeflate_compressor, Free> c(libdeflate_alloc_compressor(6));
  std::string out(libdeflate_zlib_compress_bound(c.get(), data.size()), '\0');
  const size_t n =
      libdeflate_zlib_compress(c.get(), data.data(), data.size(), out.data(), out.size());
  out.resize(n);
  return out;
}

void PdfGlyphs::merge(const PdfGlyphs& o) {
  regular.insert(o.regular.begin(), o.regular.end());
  bold.insert(o.bold.begin(), o.bold.end());
}

double pdf_text_advance(const std::vector<char32_t>& text, bool bold) {
  const PdfFont* f = PdfFont::get(bold);
  if (!f) return 0.5 * static_cast<double>(text.size());
  double w = 0;
  for (char32_t cp : text) w += f->advance(f->glyph(cp));
  return w;
}

PdfDocument::PdfDocument(std::string title, std::string author)
    : title_(std::move(title)), author_(std::move(author)) {
  outlines_.push_back({0, "", 0, true, {}});
}

void PdfDocument::begin_page(double w, double h) {
  pages_.push_back({w, h, {}, {}});
}

std::string PdfDocument::add_form(double w, double h, std::string deflated_ops,
                                  const PdfGlyphs& glyphs) {
  forms_.push_back({w, h, std::move(deflated_ops)});
  pages_.back().forms.push_back(forms_.size() - 1);
  glyphs_.merge(glyphs);
  return fmt::format("/C{}", forms_.size() - 1);
}

void PdfDocument::reuse_form(const std::string& name) {
  // Only a name add_form gave ("/C<n>"); anything else is ignored.
  if (name.size() < 3 || name.compare(0, 2, "/C") != 0 ||
      name.find_first_not_of("0123456789", 2) != std::string::npos)
    return;
  const size_t index = std::strtoul(name.c_str() + 2, nullptr, 10);
  if (index < forms_.size() && !pages_.empty()) pages_.back().forms.push_back(index);
}

void PdfDocument::link(double x0, double y0, double x1, double y1, int page) {
  pages_.back().links.push_back({{x0, y0, x1, y1}, page});
}

int PdfDocument::outline(int parent, const std::string& title, int page, bool open) {
  outlines_.push_back({parent, title, page, open, {}});
  const int id = static_cast<int>(outlines_.size() - 1);
  outlines_[static_cast<size_t>(parent)].children.push_back(id);
  return id;
}

namespace {

// One character in UTF-16BE hex (a surrogate pair beyond the BMP).
std::string utf16_hex(char32_t cp) {
  if (cp > 0xFFFF) {
    cp -= 0x10000;
    return fmt::format("{:04X}{:04X}", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
  }
  return fmt::format("{:04X}", static_cast<unsigned>(cp));
}

// A PDF text string: UTF-16BE with its byte order mark, in hex.
std::string text_string(const std::string& s) {
  std::string out = "<FEFF";
  for (char32_t cp : decode_utf8(s)) out += utf16_hex(cp);
  return out + ">";
}

std::string stream_object(const std::string& dict, const std::string& data) {
  return fmt::format("<<{} /Length {}>>\nstream\n", dict, data.size()) + data + "\nendstream";
}

// Glyphs → code points, so text can be searched and copied.
std::string to_unicode_cmap(const std::map<uint16_t, char32_t>& used) {
  std::string m =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<uint16_t, char32_t>> all;
  for (const auto& g : used)
    if (g.first != 0) all.push_back(g);  // .notdef stands for every missing character
  for (size_t i = 0; i < all.size(); i += 100) {
    const size_t n = std::min<size_t>(100, all.size() - i);
    m += fmt::format("{} beginbfchar\n", n);
    for (size_t k = i; k < i + n; ++k)
      m += fmt::format("<{:04X}> <{}>\n", all[k].first, utf16_hex(all[k].second));
    m += "endbfchar\n";
  }
  return m + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

// Widths of the glyphs used, in 1/1000 em, runs of consecutive ids together. Glyphs of the
// default width (/DW 1000: every CJK character) are not listed: most of the array.
std::string widths(const PdfFont& f, const std::map<uint16_t, char32_t>& used) {
  std::string w = "[";
  int last = -2;
  for (const auto& [gid, cp] : used) {
    std::string width;
    pdf_num(width, f.advance(gid) * 1000, 1);
    if (width == "1000") continue;
    if (gid != last + 1) {
      if (last >= 0) w += "]";
      w += fmt::format(" {} [", gid);
    } else {
      w += ' ';
    }
    w += width;
    last = gid;
  }
  if (last >= 0) w += "]";
  return w + " ]";
}

// The subset's tag (six capitals), from the glyphs it holds.
std::string subset_tag(const std::map<uint16_t, char32_t>& used) {
  uint32_t h = 2166136261u;
  for (const auto& [gid, cp] : used) h = (h ^ gid) * 16777619u;
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
  return tag;
}

// The file from its objects (obj[0] unused). PDF 1.5's compact form: the dictionaries
// (fonts, pages, bookmarks, links …) are deflated together in object streams of up to 100,
// and the cross-reference table is a deflated stream: a chart's own PDF a kilobyte smaller.
std::string write_pdf_file(std::vector<std::string>& obj) {
  constexpr size_t kPerObjectStream = 100;
  auto is_stream = [](const std::string& o) {
    return o.size() >= 10 && o.compare(o.size() - 10, 10, "\nendstream") == 0;
  };
  struct Entry {
    uint8_t type;  // 1: at an offset in the file, 2: in an object stream
    size_t where;  // offset, or the object stream's number
    uint16_t index;
  };
  std::vector<Entry> xref(obj.size(), Entry{0, 0, 0});
  std::string out = "%PDF-1.5\n%\xB5\xED\xAE\xFB\n";
  auto write_object = [&](size_t number, const std::string& body) {
    if (xref.size() <= number) xref.resize(number + 1, Entry{0, 0, 0});
    xref[number] = Entry{1, out.size(), 0};
    out += fmt::format("{} 0 obj\n", number);
    out += body;
    out += "\nendobj\n";
  };
  std::vector<size_t> packed;
  for (size_t i = 1; i < obj.size(); ++i) {
    if (is_stream(obj[i]))
      write_object(i, obj[i]);
    else
      packed.push_back(i);
    if (is_stream(obj[i])) std::string().swap(obj[i]);
  }
  size_t next = obj.size();
  for (size_t first = 0; first < packed.size(); first += kPerObjectStream) {
    const size_t stream = next++;
    const size_t n = std::min(kPerObjectStream, packed.size() - first);
    std::string offsets, bodies;
    for (size_t k = 0; k < n; ++k) {
      const size_t number = packed[first + k];
      offsets += fmt::format("{}{} {}", k ? " " : "", number, bodies.size());
      bodies += obj[number];
      bodies += '\n';
      if (xref.size() <= number) xref.resize(number + 1, Entry{0, 0, 0});
      xref[number] = Entry{2, stream, static_cast<uint16_t>(k)};
      std::string().swap(obj[number]);
    }
    offsets += '\n';
    write_object(stream, stream_object(fmt::format(" /Type /ObjStm /N {} /First {} /Filter "
                                                   "/FlateDecode",
                                                   n, offsets.size()),
                                       pdf_deflate(offsets + bodies)));
  }
  const size_t xref_number = next++;
  xref.resize(next, Entry{0, 0, 0});
  xref[xref_number] = Entry{1, out.size(), 0};
  int width = 1;                                      // bytes for the largest field
  const size_t largest = std::max(out.size(), next);  // offsets, and object stream numbers
  while (width < 8 && (largest >> (8 * width)) != 0) ++width;
  std::string table;
  for (size_t i = 0; i < xref.size(); ++i) {
    const Entry& e = xref[i];
    table += static_cast<char>(e.type);
    for (int b = width - 1; b >= 0; --b) table += static_cast<char>((e.where >> (8 * b)) & 0xFF);
    const unsigned third = i == 0 ? 65535 : e.index;  // object 0: the free list's head
    table += static_cast<char>(third >> 8);
    table += static_cast<char>(third & 0xFF);
  }
  const size_t xref_offset = out.size();
  write_object(xref_number,
               stream_object(fmt::format(" /Type /XRef /Size {} /W [1 {} 2] /Root 1 0 R /Info 3 "
                                         "0 R /Filter /FlateDecode",
                                         next, width),
                             pdf_deflate(table)));
  out += fmt::format("startxref\n{}\n%%EOF\n", xref_offset);
  return out;
}

}  // namespace

void pdf_show_text(std::string& out, const std::vector<char32_t>& text, bool bold,
                   PdfGlyphs& used) {
  static const char* hex = "0123456789ABCDEF";
  const PdfFont* f = PdfFont::get(bold);
  std::string glyphs = "<";
  bool missing = false;
  auto& set = used.of(bold);
  for (char32_t cp : text) {
    const uint16_t g = f ? f->glyph(cp) : 0;
    // .notdef, or a glyph ToUnicode already maps to another character (one glyph can serve
    // two code points): the run then carries its own text.
    const auto [kept, added] = set.emplace(g, cp);
    missing = missing || g == 0 || (!added && kept->second != cp);
    glyphs += hex[g >> 12];
    glyphs += hex[(g >> 8) & 15];
    glyphs += hex[(g >> 4) & 15];
    glyphs += hex[g & 15];
  }
  glyphs += "> Tj";
  if (!missing) {
    out += glyphs;
    return;
  }
  // Copying and searching then find the characters themselves.
  std::string s;
  for (char32_t cp : text) append_utf8(s, cp);
  out += "/Span <</ActualText " + text_string(s) + ">> BDC " + glyphs + " EMC";
}

std::string PdfDocument::finish(std::string* error) {
  // Object numbers: 1 catalog, 2 page tree, 3 info, 4 outline root, then fonts (five
  // objects each), forms, pages (page and contents), outline items.
  const bool used_font[2] = {!glyphs_.regular.empty(), !glyphs_.bold.empty()};
  int next = 5;
  int font_obj[2] = {0, 0};
  for (int b = 0; b < 2; ++b)
    if (used_font[b]) font_obj[b] = next, next += 5;
  const int first_form = next;
  next += static_cast<int>(forms_.size());
  const int first_page = next;
  next += 2 * static_cast<int>(pages_.size());
  const int first_outline = next;
  next += static_cast<int>(outlines_.size()) - 1;
  const int first_link = next;
  for (const Page& p : pages_) next += static_cast<int>(p.links.size());
  const int count = next - 1;
  auto page_obj = [&](int page) {  // 1-based, clamped
    return first_page + 2 * (std::max(1, std::min(page, static_cast<int>(pages_.size()))) - 1);
  };

  std::vector<std::string> obj(static_cast<size_t>(count + 1));
  obj[1] = outlines_[0].children.empty()
               ? "<</Type /Catalog /Pages 2 0 R>>"
               : "<</Type /Catalog /Pages 2 0 R /Outlines 4 0 R /PageMode /UseOutlines>>";
  std::string kids;
  for (size_t i = 0; i < pages_.size(); ++i)
    kids += fmt::format("{}{} 0 R", i ? " " : "", first_page + 2 * static_cast<int>(i));
  obj[2] = fmt::format("<</Type /Pages /Kids [{}] /Count {}>>", kids, pages_.size());
  obj[3] = fmt::format("<</Title {} /Author {} /Creator (powerlist) /Producer (powerlist)",
                       text_string(title_), text_string(author_));
  // SOURCE_DATE_EPOCH (reproducible-builds.org) gives the date to write; without it no date.
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    const std::time_t t = static_cast<std::time_t>(std::atoll(epoch));
    std::tm tm{};
    char fixed[32] = {0};
    if (gmtime_r(&t, &tm) && tm.tm_year >= 0 && tm.tm_year < 8000 &&
        std::strftime(fixed, sizeof fixed, "%Y%m%d%H%M%S", &tm) == 14)
      obj[3] += fmt::format(" /CreationDate (D:{}Z) /ModDate (D:{}Z)", fixed, fixed);
  }
  obj[3] += ">>";

  std::string font_res = "/Font <<";
  for (int b = 0; b < 2; ++b) {
    if (!used_font[b]) continue;
    const PdfFont* f = PdfFont::get(b == 1);
    const auto& used = b ? glyphs_.bold : glyphs_.regular;
    if (!f) {
      if (error) *error = "未找到 Noto Sans CJK SC 字体 / font Noto Sans CJK SC not found";
      return "";
    }
    const std::string cff = f->subset_cff(used);
    if (cff.empty()) {
      if (error) *error = "字体子集失败 / cannot subset the font";
      return "";
    }
    const int o = font_obj[b];
    const std::string name = subset_tag(used) + "+" + f->postscript_name();
    const int* bb = f->bbox();
    obj[static_cast<size_t>(o)] = fmt::format(
        "<</Type /Font /Subtype /Type0 /BaseFont /{} /Encoding /Identity-H /DescendantFonts [{} 0 "
        "R] /ToUnicode {} 0 R>>",
        name, o + 1, o + 4);
    obj[static_cast<size_t>(o + 1)] = fmt::format(
        "<</Type /Font /Subtype /CIDFontType0 /BaseFont /{} /CIDSystemInfo <</Registry (Adobe) "
        "/Ordering (Identity) /Supplement 0>> /FontDescriptor {} 0 R /DW 1000 /W {}>>",
        name, o + 2, widths(*f, used));
    obj[static_cast<size_t>(o + 2)] = fmt::format(
        "<</Type /FontDescriptor /FontName /{} /Flags 4 /FontBBox [{} {} {} {}] /ItalicAngle 0 "
        "/Ascent {} /Descent {} /CapHeight 733 /StemV {} /FontFile3 {} 0 R>>",
        name, bb[0], bb[1], bb[2], bb[3], std::lround(f->ascender() * 1000),
        std::lround((f->ascender() - f->line_height()) * 1000), b ? 140 : 80, o + 3);
    obj[static_cast<size_t>(o + 3)] =
        stream_object(" /Subtype /CIDFontType0C /Filter /FlateDecode", pdf_deflate(cff));
    obj[static_cast<size_t>(o + 4)] =
        stream_object(" /Filter /FlateDecode", pdf_deflate(to_unicode_cmap(used)));
    font_res += fmt::format(" /{} {} 0 R", b ? "B" : "R", o);
  }
  font_res += ">>";

  for (size_t i = 0; i < forms_.size(); ++i) {
    const Form& f = forms_[i];
    std::string box;
    pdf_num(box, f.w);
    box += ' ';
    pdf_num(box, f.h);
    obj[static_cast<size_t>(first_form) + i] = stream_object(
        fmt::format(" /Type /XObject /Subtype /Form /BBox [0 0 {}] /Resources <<{}>> /Filter "
                    "/FlateDecode",
                    box, font_res),
        f.data);
  }
  int link_obj = first_link;
  for (size_t i = 0; i < pages_.size(); ++i) {
    const Page& p = pages_[i];
    const int o = first_page + 2 * static_cast<int>(i);
    std::string res = font_res;
    if (!p.forms.empty()) {
      res += " /XObject <<";
      for (size_t f : p.forms)
        res += fmt::format(" /C{} {} 0 R", f, first_form + static_cast<int>(f));
      res += ">>";
    }
    std::string box;
    pdf_num(box, p.w);
    box += ' ';
    pdf_num(box, p.h);
    std::string annots;
    for (const Link& l : p.links) {
      std::string rect;
      for (double v : l.rect) {
        pdf_num(rect, v);
        rect += ' ';
      }
      rect.pop_back();
      obj[static_cast<size_t>(link_obj)] = fmt::format(
          "<</Type /Annot /Subtype /Link /Rect [{}] /Border [0 0 0] /Dest [{} 0 R /XYZ null null "
          "null]>>",
          rect, page_obj(l.page));
      annots += fmt::format("{}{} 0 R", annots.empty() ? "" : " ", link_obj++);
    }
    if (!annots.empty()) annots = " /Annots [" + annots + "]";
    obj[static_cast<size_t>(o)] = fmt::format(
        "<</Type /Page /Parent 2 0 R /MediaBox [0 0 {}] /Resources <<{}>> /Contents {} 0 R{}>>",
        box, res, o + 1, annots);
    obj[static_cast<size_t>(o + 1)] = stream_object(" /Filter /FlateDecode", pdf_deflate(p.ops));
  }

  // Bookmarks: /Count is the number of descendants shown when the item is open (negative
  // while it is closed).
  auto obj_of = [&](int id) { return id == 0 ? 4 : first_outline + id - 1; };
  std::vector<int> visible(outlines_.size(), 0);
  for (size_t id = outlines_.size(); id-- > 0;) {  // children come after their parent
    int n = 0;
    for (int c : outlines_[id].children)
      n += 1 + (outlines_[static_cast<size_t>(c)].open ? visible[static_cast<size_t>(c)] : 0);
    visible[id] = n;
  }
  const auto& top = outlines_[0].children;
  if (!top.empty())
    obj[4] = fmt::format("<</Type /Outlines /First {} 0 R /Last {} 0 R /Count {}>>",
                         obj_of(top.front()), obj_of(top.back()), visible[0]);
  else
    obj[4] = "<</Type /Outlines /Count 0>>";
  for (size_t id = 1; id < outlines_.size(); ++id) {
    const Outline& o = outlines_[id];
    const auto& sib = outlines_[static_cast<size_t>(o.parent)].children;
    const size_t at =
        static_cast<size_t>(std::find(sib.begin(), sib.end(), static_cast<int>(id)) - sib.begin());
    std::string s = fmt::format("<</Title {} /Parent {} 0 R /Dest [{} 0 R /XYZ null null null]",
                                text_string(o.title), obj_of(o.parent), page_obj(o.page));
    if (at > 0) s += fmt::format(" /Prev {} 0 R", obj_of(sib[at - 1]));
    if (at + 1 < sib.size()) s += fmt::format(" /Next {} 0 R", obj_of(sib[at + 1]));
    if (!o.children.empty())
      s += fmt::format(" /First {} 0 R /Last {} 0 R /Count {}", obj_of(o.children.front()),
                       obj_of(o.children.back()), o.open ? visible[id] : -visible[id]);
    obj[static_cast<size_t>(obj_of(static_cast<int>(id)))] = s + ">>";
  }

  return write_pdf_file(obj);
}

}  // namespace powerlist
