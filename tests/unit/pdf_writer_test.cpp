// The PDF writer of the printed catalogs (src/publish/pdf_*.cpp): numbers, line breaking,
// the file's structure, and chart pages made from Graphviz SVG.
#include "pdf/pdf_writer.hpp"

#include <zlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <regex>

#include "pdf/pdf_chart.hpp"
#include "pdf/pdf_font.hpp"
#include "pdf_read.hpp"
#include "powerlist/text.hpp"

using namespace powerlist;
using powerlist::test::inflate;

namespace {

std::string num(double v, int decimals = 2) {
  std::string s;
  pdf_num(s, v, decimals);
  return s;
}

std::vector<std::string> wrapped(const std::string& s, double w, TextStyle st = {}) {
  std::vector<std::string> out;
  for (const auto& l : PdfWriter("t", "a").wrap(s, w, st)) {
    std::string line;
    for (char32_t c : l.chars) append_utf8(line, c);
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("PDF numbers are short fixed-point", "[pdf]") {
  CHECK(num(0) == "0");
  CHECK(num(1.5) == "1.5");
  CHECK(num(-3.25) == "-3.25");
  CHECK(num(12.345) == "12.35");
  CHECK(num(-0.001) == "0");
  CHECK(num(841.89) == "841.89");
  CHECK(num(0.65, 4) == "0.65");
  CHECK(num(1000000) == "1000000");
  CHECK(num(std::numeric_limits<double>::infinity()) == "0");
  CHECK(num(std::nan("")) == "0");
}

TEST_CASE("text wraps by the rules of Chinese typesetting", "[pdf]") {
  REQUIRE(PdfFont::get(false) != nullptr);  // Noto Sans CJK SC is a build dependency
  TextStyle st;
  st.size = 10;  // CJK characters are 10 points wide
  SECTION("a line holds what fits") {
    CHECK(wrapped("行政许可行政处罚", 40) == std::vector<std::string>{"行政许可", "行政处罚"});
    CHECK(wrapped("行政许可", 0) == std::vector<std::string>{"行政许可"});
  }
  SECTION("no line starts with closing punctuation or ends with opening punctuation") {
    CHECK(wrapped("行政许可，处罚", 40) == std::vector<std::string>{"行政许", "可，处罚"});
    CHECK(wrapped("行政许（可）", 40) == std::vector<std::string>{"行政许", "（可）"});
  }
  SECTION("Latin words stay whole, break after spaces and hyphens, and are cut when too long") {
    CHECK(wrapped("abc defgh", 30)[0] == "abc");
    CHECK(wrapped("basis/category-mismatch", 75)[0] == "basis/category-");
    CHECK(wrapped("2024-11-08", 30).size() > 1);  // too long: cut, not at a hyphen rule
    for (const std::string& l : wrapped("abcdefghijklmnopqrstuvwxyz", 40)) CHECK(!l.empty());
  }
  SECTION("a newline starts a line; an empty text is one line") {
    CHECK(wrapped("甲\n乙", 100) == std::vector<std::string>{"甲", "乙"});
    CHECK(wrapped("", 100).size() == 1);
  }
  SECTION("a height limit ends the last line with an ellipsis") {
    st.max_height = 30;  // two lines of 14.48 points
    const auto ls = wrapped("行政许可行政处罚行政强制", 40, st);
    REQUIRE(ls.size() == 2);
    CHECK(ls[1] == "行政处…");
  }
  PdfWriter w("t", "a");
  CHECK(w.measure("行政许可行政处罚", 40, st) == Approx(2 * 14.48).epsilon(0.01));
  CHECK(w.text_width("行政许可", st) == Approx(40));
}

TEST_CASE("a PDF file is whole, deterministic and carries its text", "[pdf]") {
  auto make = [] {
    PdfWriter w("目录", "示范县");
    w.new_page(false);
    TextStyle st;
    st.bold = true;
    w.text(42, 42, 500, "行政职权目录", st);
    w.set_rgb(0.5, 0, 0);
    w.rectangle(42, 80, 100, 20);
    w.stroke();
    const int top = w.outline(0, "封面", 1, true);
    w.link(42, 42, 200, 20, 2);
    w.new_page(true);
    w.text(42, 42, 500, "第二页 page two", {});
    w.outline(top, "第二页", 2);
    std::string error;
    std::string pdf = w.finish(&error);
    CHECK(error.empty());
    return pdf;
  };
  const std::string file = make();
  CHECK(file == make());
  REQUIRE(file.rfind("%PDF-1.5", 0) == 0);
  // Every cross-reference entry leads to its object (pdf_objects checks each); the
  // dictionaries are deflated in object streams, so no font or page name is in the raw file.
  const std::map<long, std::string> objects = test::pdf_objects(file);
  CHECK(objects.size() >= 15);
  CHECK(file.find("/Type /Page") == std::string::npos);
  CHECK(file.find("/Type /ObjStm") != std::string::npos);
  const std::string pdf = test::pdf_object_text(file);
  CHECK(objects.at(1).rfind("<</Type /Catalog", 0) == 0);
  CHECK(pdf.find("/Count 2") != std::string::npos);  // two pages
  // The link on page 1 leads to page 2: the second page object.
  const std::regex page_ref("/Kids \\[(\\d+) 0 R (\\d+) 0 R\\]");
  std::smatch kids;
  REQUIRE(std::regex_search(pdf, kids, page_ref));
  CHECK(pdf.find("/Subtype /Link /Rect [42 779.89 242 799.89] /Border [0 0 0] /Dest [" +
                 kids[2].str() + " 0 R") != std::string::npos);
  CHECK(pdf.find("/Annots [") != std::string::npos);
  CHECK(pdf.find("/MediaBox [0 0 841.89 595.28]") != std::string::npos);  // landscape
  CHECK(pdf.find("/Subtype /CIDFontType0C") != std::string::npos);
  CHECK(pdf.find("NotoSansCJKsc-Bold") != std::string::npos);
  // Widths: only the glyphs narrower or wider than the default 1 em (the Latin of "page
  // two"); the bold font sets only CJK, so its list is empty.
  std::vector<std::string> width_lists;
  for (size_t at = pdf.find("/DW 1000 /W ["); at != std::string::npos;
       at = pdf.find("/DW 1000 /W [", at + 1))
    width_lists.push_back(pdf.substr(at + 12, pdf.find(" ]>>", at) + 2 - at - 12));
  REQUIRE(width_lists.size() == 2);
  CHECK(std::count(width_lists.begin(), width_lists.end(), "[ ]") == 1);
  for (const std::string& w : width_lists) CHECK(w.find(" 1000") == std::string::npos);
  CHECK(pdf.find("/Title <FEFF76EE5F55>") != std::string::npos);  // 目录, UTF-16BE
  CHECK(pdf.find("/CreationDate") == std::string::npos);  // no date without SOURCE_DATE_EPOCH
  // The text can be copied: ToUnicode maps the glyphs back to 行 (U+884C).
  bool mapped = false;
  for (size_t at = 0; (at = file.find("stream\n", at)) != std::string::npos; at += 7) {
    const size_t end = file.find("\nendstream", at);
    const std::string body = file.substr(at + 7, end - at - 7);
    if (body.size() > 2 && static_cast<unsigned char>(body[0]) == 0x78) {
      const std::string plain = inflate(body);
      if (plain.find("beginbfchar") != std::string::npos &&
          plain.find("<884C>") != std::string::npos)
        mapped = true;
    }
  }
  CHECK(mapped);
}

TEST_CASE("a chart page is made from Graphviz's SVG and read back", "[pdf][chart]") {
  const std::string svg = R"svg(<svg width="200pt" height="100pt" viewBox="0.00 0.00 200.00 100.00">
<g id="graph0" class="graph" transform="scale(0.5 0.5) rotate(0) translate(4 196)">
<title>flow &amp; more</title>
<polygon fill="white" stroke="transparent" points="-4,4 -4,-196 396,-196 396,4 -4,4"/>
<!-- s0&#45;&gt;s1 -->
<g id="node1" class="node"><title>s0</title>
<path fill="#e8f5e9" stroke="#37474f" stroke-width="1.5" stroke-dasharray="5,2" d="M10,-10C20,-20 30,-20 40,-10"/>
<ellipse fill="none" stroke="black" cx="50" cy="-50" rx="10" ry="5"/>
<polyline fill="none" stroke="#455a64" points="1,2 3,4"/>
<text text-anchor="middle" x="100" y="-100" font-family="Noto Sans CJK SC" font-weight="bold" font-size="12.00">申请&#45;&amp;</text>
<text text-anchor="start" x="10" y="-90" font-family="Noto Sans CJK SC" font-size="10.00" fill="#c62828">受理</text>
</g></g></svg>)svg";
  std::string error;
  const std::string part = pdf_chart_from_svg(svg, &error);
  REQUIRE(error.empty());
  PdfChart c;
  REQUIRE(parse_pdf_chart(part, &c));
  CHECK(c.w == 200);
  CHECK(c.h == 100);
  CHECK(c.glyphs.bold.size() == 4);     // 申 请 - &
  CHECK(c.glyphs.regular.size() == 2);  // 受 理
  const std::string ops = inflate(c.deflated);
  // SVG's space, y down, from SVG's defaults whatever the page drawing the form was using.
  CHECK(ops.rfind("0.5 0 0 -0.5 2 2 cm 0 g 0 G 1 w [] 0 d 0 J 0 j 4 M\n", 0) == 0);
  CHECK(ops.find("1 1 1 rg") != std::string::npos);  // the white background, no stroke
  CHECK(ops.find("1.5 w [5 2] 0 d") != std::string::npos);
  CHECK(ops.find(" c B\n") != std::string::npos);  // filled and stroked path
  CHECK(ops.find("BT /B 12 Tf 1 0 0 -1 ") != std::string::npos);
  CHECK(ops.find("0.776 0.157 0.157 rg BT /R 10 Tf 1 0 0 -1 10 -90 Tm") != std::string::npos);
  CHECK(ops.find("s0") == std::string::npos);  // titles and comments are not drawn

  SECTION("what is not a chart page is refused") {
    CHECK(pdf_chart_from_svg("<svg></svg>", &error).empty());
    std::string rotated = svg;
    rotated.replace(rotated.find("rotate(0)"), 9, "rotate(90)");
    CHECK(pdf_chart_from_svg(rotated, &error).empty());
    CHECK(!error.empty());
    CHECK(pdf_chart_from_svg("", &error).empty());
    CHECK(!parse_pdf_chart("", &c));
    CHECK(!parse_pdf_chart(part.substr(0, part.size() - 1), &c));
    CHECK(!parse_pdf_chart("powerlist-pdf-chart 1 -5 3 0 0\n0\n", &c));
    // A damaged or hostile cache part: a sliver, a thread, a band that is not a number.
    for (const char* header : {"powerlist-pdf-chart 2 1e-300 999999 0 0\n0\n0\n",
                               "powerlist-pdf-chart 2 10 90000 0 0\n0\n0\n",
                               "powerlist-pdf-chart 2 100 100 0 0\n1\nnan 5\n0\n"})
      CHECK(!parse_pdf_chart(std::string(header) + "\n", &c));
    std::string bad = part;
    bad[bad.find('\n') - 1] = '9';  // more glyphs than listed
    CHECK(!parse_pdf_chart(bad, &c));
  }
  SECTION("a chart page draws it as a form at print size") {
    PdfWriter w("t", "a");
    CHECK(w.chart_pages(part, "示范县自然资源局", "（续）"));
    CHECK(!w.chart_pages("junk", "", ""));
    CHECK(PdfWriter::chart_page_count(part) == 1);
    const std::string pdf = w.finish(&error);
    CHECK(pdf.find("/Subtype /Form /BBox [0 0 200 100]") != std::string::npos);
  }
}

TEST_CASE("a tall chart is split between lines of text and never through a kept band",
          "[pdf][chart]") {
  PdfChart c;
  c.w = 400;
  c.h = 1600;
  for (double y = 20; y < 1600; y += 40) c.text_rows.push_back({y, y + 14});
  c.text_rows.push_back({700, 1000});  // the 说明 box (data-keep)
  std::sort(c.text_rows.begin(), c.text_rows.end());
  const ChartSlices plan = plan_chart_slices(c, 539, 786, 786);
  CHECK(plan.scale == 1);
  REQUIRE(plan.pages.size() >= 2);
  CHECK(plan.pages.front().first == 0);
  CHECK(plan.pages.back().second == 1600);
  for (size_t i = 0; i + 1 < plan.pages.size(); ++i) {
    const double cut = plan.pages[i].second;
    CHECK(cut == plan.pages[i + 1].first);
    CHECK(cut <= plan.pages[i].first + 786);
    for (const auto& [top, bottom] : c.text_rows) CHECK_FALSE((top - 2 < cut && cut < bottom + 2));
  }
  // Nothing to plan with: one page, no loop.
  CHECK(plan_chart_slices(c, 539, 0, 0).pages.size() == 1);
  // A little too tall: shrunk onto one page while the text stays legible.
  c.h = 850;
  c.text_rows.clear();
  const ChartSlices one = plan_chart_slices(c, 539, 786, 786);
  CHECK(one.pages.size() == 1);
  CHECK(one.scale >= kMinChartScale);
}

TEST_CASE("a character the font lacks is drawn as a box and keeps its text", "[pdf]") {
  PdfWriter w("t", "a");
  w.new_page(false);
  w.text(42, 42, 500, "行\U000F0000", {});  // a private-use character no font has
  w.text(42, 80, 500, "\t行", {});          // a tab is set as a space
  std::string error;
  const std::string pdf = w.finish(&error);
  REQUIRE(error.empty());
  bool carried = false;
  for (size_t at = 0; (at = pdf.find("stream\n", at)) != std::string::npos; at += 7) {
    const size_t end = pdf.find("\nendstream", at);
    const std::string body = pdf.substr(at + 7, end - at - 7);
    if (body.size() > 2 && static_cast<unsigned char>(body[0]) == 0x78 &&
        inflate(body).find("/Span <</ActualText <FEFF884CDB80DC00>>> BDC <") != std::string::npos)
      carried = true;
  }
  CHECK(carried);
}

TEST_CASE("a glyph shared by two characters keeps each run's text", "[pdf]") {
  const PdfFont* f = PdfFont::get(false);
  REQUIRE(f != nullptr);
  // 豈 U+8C48 and its compatibility ideograph U+F900 share one glyph in Noto Sans CJK SC.
  if (f->glyph(0x8C48) == 0 || f->glyph(0x8C48) != f->glyph(0xF900)) return;
  std::string ops;
  PdfGlyphs used;
  pdf_show_text(ops, {0x8C48}, false, used);
  CHECK(ops.find("ActualText") == std::string::npos);
  ops.clear();
  pdf_show_text(ops, {0xF900}, false, used);
  CHECK(ops.find("/ActualText <FEFFF900>") != std::string::npos);
}
