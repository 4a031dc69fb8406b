// Flowcharts with libgvc, in process. Graphs are built with the cgraph API (agnode, agedge,
// agsafeset), never by pasting DOT text, so labels cannot inject attributes. Graphviz is not
// thread-safe: every call below runs under one mutex.
#include <cairo.h>
#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "graphviz_context.hpp"
#include "powerlist/flow.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/text.hpp"
#include "svg_compact.hpp"

namespace powerlist {

namespace {

constexpr const char* kFont = "Noto Sans CJK SC";

// Text for a Graphviz label that renders literally: backslashes would start escapes
// (\N, \G …), '&' would start an entity; newlines become line breaks.
std::string gv_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '&')
      out += "&amp;";
    else if (c == '\n')
      out += "\\n";
    else if (c != '\r')
      out += c;
  }
  return out;
}

// Wraps long CJK text every `width` display columns (left-justified lines, "\l"), by the
// 避头尾 rules.
std::string wrap_left(const std::string& text, size_t width) {
  std::string out;
  for (const std::string& line : wrap_columns(text, width)) out += gv_text(line) + "\\l";
  return out;
}

void set(void* obj, const char* k, const std::string& v) {
  agsafeset(obj, const_cast<char*>(k), const_cast<char*>(v.c_str()), const_cast<char*>(""));
}

struct RiskStyle {
  const char* fill;
  const char* border;
};
RiskStyle risk_style(const std::string& level) {
  if (level == "A") return {"#FFCDD2", "#C62828"};
  if (level == "B") return {"#FFF59D", "#F9A825"};
  if (level == "C") return {"#BBDEFB", "#1565C0"};
  return {"#F5F8FF", "#37474F"};
}

// An HTML-like label (Graphviz keeps it as markup, so every text in it is XML-escaped).
void set_html(Agraph_t* g, void* obj, const std::string& html) {
  char* s = agstrdup_html(g, const_cast<char*>(html.c_str()));
  agxset(obj, agattr(g, AGNODE, const_cast<char*>("label"), nullptr), s);
  agstrfree(g, s);
}

// Text wrapped every `width` display columns (避头尾 kept), XML-escaped, lines joined by
// <BR ALIGN="LEFT"/>.
std::string html_wrap(const std::string& text, size_t width) {
  std::string out;
  for (const std::string& line : wrap_columns(text, width))
    out += xml_escape(line) + "<BR ALIGN=\"LEFT\"/>";
  return out;
}

// 行使条件 in a box under the start node (element (1) of every 流程图).
void add_conditions(Agraph_t* g, const Flow& flow, const std::vector<Agnode_t*>& nodes,
                    const ChartInfo& info) {
  if (info.conditions.empty()) return;
  for (size_t i = 0; i < flow.steps.size(); ++i) {
    if (flow.steps[i].kind != StepKind::Start) continue;
    Agnode_t* c = agnode(g, const_cast<char*>("conditions"), 1);
    set(c, "label", wrap_left("行使条件：" + info.conditions, 30));
    set(c, "style", "dashed,filled");
    set(c, "fillcolor", "#FFFDE7");
    set(c, "color", "#9E9D24");
    set(c, "fontsize", "9.5");
    Agedge_t* e = agedge(g, nodes[i], c, const_cast<char*>("cond"), 1);
    set(e, "style", "dotted");
    set(e, "arrowhead", "none");
    set(e, "weight", "5");
    // The box sits between the start and its next steps, outside the flow.
    for (const auto& b : flow.steps[i].next)
      if (const FlowStep* to = flow.find(b.to.value)) {
        Agedge_t* pin = agedge(g, c, nodes[static_cast<size_t>(to - flow.steps.data())],
                               const_cast<char*>(("condpin" + b.to.value).c_str()), 1);
        set(pin, "style", "invis");
      }
    return;
  }
}

// Beside each step: its 廉政风险点 (point and measures, coloured by level) and its 公开
// marker, on the step's rank so they never cross the flow.
void add_step_notes(Agraph_t* g, const Flow& flow, const std::vector<Agnode_t*>& nodes) {
  for (size_t i = 0; i < flow.steps.size(); ++i) {
    const FlowStep& s = flow.steps[i];
    if (s.risks.empty() && s.disclose.empty()) continue;
    // Anonymous: cgraph orders named subgraphs by the address of their interned name, so
    // named rows would be written (and laid out) in a different order on every run.
    Agraph_t* row = agsubg(g, nullptr, 1);
    set(row, "rank", "same");
    agsubnode(row, nodes[i], 1);
    if (!s.risks.empty()) {
      std::string text;
      for (const auto& r : s.risks) {
        text +=
            wrap_left(fmt::format("{}级风险：{}", r.level, r.point.empty() ? "—" : r.point), 18);
        text +=
            wrap_left("防控：" + (r.measures.empty() ? std::string("（未填写）") : r.measures), 18);
      }
      Agnode_t* n = agnode(row, const_cast<char*>(fmt::format("risk{}", i).c_str()), 1);
      const RiskStyle rs = risk_style(s.risk_level);
      set(n, "label", text);
      set(n, "shape", "note");
      set(n, "fillcolor", rs.fill);
      set(n, "color", rs.border);
      set(n, "fontsize", "9");
      Agedge_t* e = agedge(g, nodes[i], n, const_cast<char*>(fmt::format("re{}", i).c_str()), 1);
      set(e, "style", "dashed");
      set(e, "arrowhead", "none");
      set(e, "color", rs.border);
    }
    if (!s.disclose.empty()) {
      auto get = [&](const char* k) {
        auto it = s.disclose.find(k);
        return it == s.disclose.end() ? std::string() : it->second;
      };
      std::string what = get("form");
      std::string how;
      for (const char* k : {"scope", "timing"})
        if (!get(k).empty()) how += (how.empty() ? "" : "，") + get(k);
      if (!how.empty()) what += "（" + how + "）";
      Agnode_t* n = agnode(row, const_cast<char*>(fmt::format("pub{}", i).c_str()), 1);
      set(n, "label", wrap_left("公开：" + what, 16));
      set(n, "shape", "tab");
      set(n, "fillcolor", "#E0F2F1");
      set(n, "color", "#00796B");
      set(n, "fontsize", "9");
      Agedge_t* e = agedge(g, nodes[i], n, const_cast<char*>(fmt::format("pe{}", i).c_str()), 1);
      set(e, "style", "dotted");
      set(e, "arrowhead", "none");
      set(e, "color", "#00796B");
    }
  }
}

// The 说明 box under the chart — rights, limits, basis, supervision, complaints, the table of
// risk points and a legend of only the marks this chart uses — as one HTML-like node, so the
// box is exactly the size of its text and never lies on another node's border.
std::string panel_label(const Flow& flow, const ChartInfo& info) {
  std::string text;
  auto line = [&](const char* head, const std::string& body) {
    if (!body.empty()) text += html_wrap(std::string(head) + body, 60);
  };
  line("相对人权利：", info.rights);
  line("时限：", info.limits);
  line("依据：", info.basis);
  line("监督制约：", info.supervision);
  line("投诉举报：", info.complaint);
  std::string out =
      "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"2\" "
      "COLOR=\"#90A4AE\" STYLE=\"ROUNDED\"><TR><TD>说明</TD></TR>";
  if (!text.empty()) out += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + text + "</TD></TR>";
  // The heading is marked by its band, not by weight: a chart sets one weight, so each
  // chart's PDF embeds one font (a bold subset for these ten characters was 3 KB a file).
  std::string rows;
  for (const auto& st : flow.steps)
    for (const auto& r : st.risks) {
      const RiskStyle rs = risk_style(r.level);
      rows += fmt::format(
          "<TR><TD BGCOLOR=\"{}\">{}级</TD><TD ALIGN=\"LEFT\">{}</TD><TD ALIGN=\"LEFT\" "
          "BALIGN=\"LEFT\">{}</TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">{}</TD></TR>",
          rs.fill, xml_escape(r.level), xml_escape(st.id),
          html_wrap(r.point.empty() ? "—" : r.point, 24),
          html_wrap(r.measures.empty() ? "（未填写）" : r.measures, 28));
    }
  if (!rows.empty())
    out +=
        "<TR><TD><TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\">"
        "<TR><TD COLSPAN=\"4\" BGCOLOR=\"#ECEFF1\">廉政风险点及防控措施</TD></TR>"
        "<TR><TD>等级</TD><TD>环节</TD><TD>风险点</TD><TD>防控措施</TD></TR>" +
        rows + "</TABLE></TD></TR>";
  // The legend: only the marks this chart uses.
  std::string marks;
  for (const char* lv : {"A", "B", "C"})
    for (const auto& st : flow.steps)
      if (st.kind == StepKind::Step && st.risk_level == lv) {
        const RiskStyle rs = risk_style(lv);
        marks += fmt::format("<TD BGCOLOR=\"{}\" COLOR=\"{}\" BORDER=\"1\">{}级廉政风险</TD>",
                             rs.fill, rs.border, lv);
        break;
      }
  if (std::any_of(flow.steps.begin(), flow.steps.end(),
                  [](const FlowStep& st) { return st.excluded; }))
    marks += "<TD BORDER=\"1\" STYLE=\"DASHED\" BGCOLOR=\"#F5F8FF\">不计入时限</TD>";
  if (!marks.empty())
    out += "<TR><TD><TABLE BORDER=\"0\" CELLSPACING=\"6\" CELLPADDING=\"4\"><TR><TD>图例</TD>" +
           marks + "</TR></TABLE></TD></TR>";
  return out + "</TABLE>";
}

Agraph_t* build_graph(const Flow& flow, const ChartInfo& info, const char* font = kFont) {
  Agraph_t* g = agopen(const_cast<char*>("flow"), Agdirected, nullptr);
  auto gattr = [&](const char* k, const char* v) {
    agattr(g, AGRAPH, const_cast<char*>(k), const_cast<char*>(v));
  };
  gattr("charset", "UTF-8");
  gattr("fontname", font);
  gattr("fontsize", "14");
  gattr("labelloc", "t");
  gattr("rankdir", "TB");
  gattr("nodesep", "0.25");
  gattr("ranksep", "0.25");
  gattr("pad", "0.15");
  gattr("margin", "0");  // the paged devices (pdf) would add 0.5 in more than svg
  gattr("bgcolor", "white");
  // No `size`: the chart is drawn 1:1 (fonts as set here); the per-chart PDF and catalog.pdf
  // place it on A4 and the site scales it to the page.
  agattr(g, AGNODE, const_cast<char*>("fontname"), const_cast<char*>(font));
  agattr(g, AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("11"));
  agattr(g, AGNODE, const_cast<char*>("shape"), const_cast<char*>("box"));
  agattr(g, AGNODE, const_cast<char*>("style"), const_cast<char*>("filled"));
  agattr(g, AGNODE, const_cast<char*>("fillcolor"), const_cast<char*>("#F5F8FF"));
  agattr(g, AGNODE, const_cast<char*>("color"), const_cast<char*>("#37474F"));
  agattr(g, AGNODE, const_cast<char*>("margin"), const_cast<char*>("0.1,0.04"));
  agattr(g, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>(font));
  agattr(g, AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("9"));
  agattr(g, AGEDGE, const_cast<char*>("color"), const_cast<char*>("#455A64"));
  std::string title = gv_text(info.title);
  std::string sub = info.category;
  if (!info.code.empty()) sub += "　编码：" + info.code;
  set(g, "label", title + "\\n" + gv_text(sub));

  agattr(g, AGNODE, const_cast<char*>("label"), const_cast<char*>("\\N"));
  std::vector<Agnode_t*> nodes(flow.steps.size());
  for (size_t i = 0; i < flow.steps.size(); ++i) {
    const FlowStep& s = flow.steps[i];
    Agnode_t* n = agnode(g, const_cast<char*>(fmt::format("s{}", i).c_str()), 1);
    nodes[i] = n;
    std::string label = gv_text(s.id);
    if (s.kind == StepKind::Step) {
      if (!s.actor.empty()) label += "\\n承办：" + gv_text(s.actor);
      if (s.limit) label += "\\n时限：" + gv_text(s.limit->str());
      if (s.excluded) label += "（不计入时限）";
      if (!s.risk_level.empty()) label += "\\n廉政风险：" + s.risk_level + "级";
    } else if (!s.actor.empty()) {
      label += "\\n" + gv_text(s.actor);
    }
    set(n, "label", label);
    if (s.kind != StepKind::Step) {
      set(n, "style", "rounded,filled");
      set(n, "fillcolor", s.kind == StepKind::Start ? "#E8F5E9" : "#ECEFF1");
      set(n, "penwidth", "1.5");
    } else {
      // A decision: a hexagon, not a diamond (a diamond around four lines of text is twice as
      // wide and tall, and the chart would have to shrink to fit A4).
      if (s.next.size() >= 2) set(n, "shape", "hexagon");
      const RiskStyle rs = risk_style(s.risk_level);
      set(n, "fillcolor", rs.fill);
      set(n, "color", rs.border);
      if (!s.risk_level.empty()) set(n, "penwidth", "2");
      if (s.excluded) set(n, "style", "filled,dashed");
    }
  }
  size_t edge_no = 0;
  std::vector<std::string> returns(flow.steps.size());
  for (size_t i = 0; i < flow.steps.size(); ++i)
    for (const auto& b : flow.steps[i].next) {
      const FlowStep* to = flow.find(b.to.value);
      if (!to) continue;
      const size_t j = static_cast<size_t>(to - flow.steps.data());
      Agedge_t* e = agedge(g, nodes[i], nodes[j],
                           const_cast<char*>(fmt::format("e{}", edge_no++).c_str()), 1);
      if (!b.when.empty()) set(e, "label", gv_text(b.when));
      if (b.loop) {
        // A return (补正后 → 受理): drawn beside the forward edge as dot draws any back edge;
        // its condition goes into the returning step's box, where no other label can touch it.
        set(e, "style", "dashed");
        if (!b.when.empty()) {
          set(e, "label", "");
          returns[i] += "\\n（" + gv_text(b.when) + "，返回" + gv_text(to->id) + "）";
        }
      }
    }
  for (size_t i = 0; i < flow.steps.size(); ++i)
    if (!returns[i].empty())
      set(nodes[i], "label", std::string(agget(nodes[i], const_cast<char*>("label"))) + returns[i]);
  add_conditions(g, flow, nodes, info);
  add_step_notes(g, flow, nodes);
  // The 说明 box, in the last rank.
  Agraph_t* sink = agsubg(g, const_cast<char*>("panel"), 1);
  set(sink, "rank", "sink");
  Agnode_t* note = agnode(sink, const_cast<char*>("info"), 1);
  set(note, "shape", "plaintext");
  set(note, "style", "");
  set(note, "fontsize", "9.5");
  set(note, "margin", "0");
  set_html(g, note, panel_label(flow, info));
  // Under the end node (weight 0: it does not pull the panel sideways) and pulled towards the
  // steps before the end, so it sits under the flow, not beyond the end node at its right.
  for (size_t i = 0; i < flow.steps.size(); ++i) {
    const bool before_end =
        std::any_of(flow.steps[i].next.begin(), flow.steps[i].next.end(), [&](const Branch& b) {
          const FlowStep* to = flow.find(b.to.value);
          return to && to->kind == StepKind::End;
        });
    if (!before_end && flow.steps[i].kind != StepKind::End) continue;
    Agedge_t* pin =
        agedge(g, nodes[i], note, const_cast<char*>(fmt::format("pin{}", i).c_str()), 1);
    set(pin, "style", "invis");
    set(pin, "weight", flow.steps[i].kind == StepKind::End ? "0" : "1");
  }
  return g;
}

// Hovering over a step shows its 职责: the titles of nodes s0, s1 … become the step and its
// duty (compact_chart_svg puts them in place of Graphviz's node names).
std::vector<std::string> step_titles(const Flow& flow) {
  std::vector<std::string> out;
  for (const FlowStep& s : flow.steps) {
    std::string title = s.id;
    if (!s.actor.empty()) title += "（" + s.actor + "）";
    if (!s.duty.empty()) title += "：" + s.duty;
    out.push_back(xml_escape(title));
  }
  return out;
}

std::string write_dot(Agraph_t* g) {
  char* buf = nullptr;
  size_t len = 0;
  FILE* f = open_memstream(&buf, &len);
  if (!f) return "";
  agwrite(g, f);
  std::fclose(f);
  std::string out(buf, len);
  std::free(buf);
  return out;
}

}  // namespace

ChartFiles render_chart(const Flow& flow, const ChartInfo& info, const ChartFormats& formats) {
  std::lock_guard<std::mutex> lock(graphviz_mutex());
  ChartFiles out;
  if (formats.dot) {  // before layout (stable across Graphviz versions), naming the system font
    Agraph_t* d = build_graph(flow, info);
    out.dot = write_dot(d);
    agclose(d);
  }
  Agraph_t* g = build_graph(flow, info, chart_font_family().c_str());
  if (gvLayout(graphviz_context(), g, "dot") != 0) {
    out.error = "Graphviz 布局失败 / layout failed";
    agclose(g);
    return out;
  }
  // One layout, every format. The SVG is always made: the site inlines it, it gives the
  // page size and catalog.pdf draws the chart from it.
  out.svg = compact_chart_svg(chart_svg_family(graphviz_render(g, "svg")), step_titles(flow));
  // The 说明 box's rows (in the drawing's y, down), kept on one page when a printed chart is
  // split (pdf_chart reads data-keep; a box taller than half a page is still cut).
  if (Agnode_t* panel = agnode(g, const_cast<char*>("info"), 0); panel && !out.svg.empty()) {
    const double y = ND_coord(panel).y, half = ND_ht(panel) / 2;
    const size_t at = out.svg.find('>', out.svg.find("<svg "));
    if (at != std::string::npos)
      out.svg.insert(at, fmt::format(" data-keep=\"{:.1f} {:.1f}\"", -(y + half), -(y - half)));
  }
  double w = 0, h = 0;
  if (out.svg.empty() || !svg_page_size(out.svg, &w, &h))
    out.error = "Graphviz 无法输出 svg / cannot render svg";
  if (out.error.empty() && formats.png)
    out.png = rasterize_graph(g, w, h, kChartPngDpi * std::min(1.0, kA4ChartWidthPt / w),
                              kChartPngDpi, &out.error);
  gvFreeLayout(graphviz_context(), g);
  agclose(g);
  return out;
}

std::string chart_source(const Flow& flow, const ChartInfo& info) {
  std::lock_guard<std::mutex> lock(graphviz_mutex());
  Agraph_t* g = build_graph(flow, info);
  std::string dot = write_dot(g);
  agclose(g);
  return dot;
}

std::string chart_fingerprint(const Flow& flow, const ChartInfo& info) {
  std::string out;
  auto add = [&](std::string_view s) {  // length-prefixed: no two inputs serialize alike
    out += std::to_string(s.size());
    out += ':';
    out += s;
  };
  for (const std::string* s :
       {&info.title, &info.code, &info.category, &info.rights, &info.supervision, &info.complaint,
        &info.limits, &info.basis, &info.conditions, &flow.template_name})
    add(*s);
  for (const FlowStep& s : flow.steps) {
    add("step");
    for (const std::string* f : {&s.id, &s.actor, &s.duty, &s.basis, &s.risk_level, &s.risk_point})
      add(*f);
    add(std::to_string(static_cast<int>(s.kind)));
    add(s.limit ? fmt::format("{}/{}", static_cast<int>(s.limit->unit), s.limit->milli) : "-");
    add(s.excluded ? "x" : "-");
    add(s.actor_is_handled_by ? "h" : "-");
    for (const Branch& b : s.next) {
      add("next");
      add(b.to.value);
      add(b.when);
      add(b.loop ? "loop" : "-");
    }
    for (const std::string& r : s.rights_at) add("right"), add(r);
    for (const auto& r : s.risks) add("risk"), add(r.level), add(r.point), add(r.measures);
    for (const auto& [k, v] : s.disclose) add("disclose"), add(k), add(v);
  }
  return out;
}

std::string render_flow(const Flow& flow, const ChartInfo& info, const std::string& format,
                        std::string* error) {
  if (format == "dot") return chart_source(flow, info);
  ChartFormats f{false, format == "png", false, format == "dot"};
  if (format != "dot" && format != "svg" && format != "png") {  // PDF: the publish stage
    if (error) *error = "Graphviz 无法输出 " + format + " / cannot render " + format;
    return "";
  }
  ChartFiles c = render_chart(flow, info, f);
  if (!c.error.empty()) {
    if (error) *error = c.error;
    return "";
  }
  return format == "dot" ? c.dot : format == "svg" ? c.svg : c.png;
}

ChartInfo chart_info(const Department& dept, const PowerItem& item, const std::string& code) {
  ChartInfo c;
  c.title = item.name.value;
  c.code = code;
  c.category = item.category.span.valid() ? category_info(item.category.value).name : "";
  for (const auto& r : item.rights) c.rights += (c.rights.empty() ? "" : "、") + r.value;
  if (dept.contacts) {
    const Contacts& k = *dept.contacts;
    if (k.supervision) {
      if (!k.supervision->internal.empty()) c.supervision += "内部：" + k.supervision->internal;
      std::string ext;
      for (const auto& e : k.supervision->external) ext += (ext.empty() ? "" : "、") + e;
      if (!ext.empty()) c.supervision += (c.supervision.empty() ? "" : "；") + ("外部：" + ext);
    }
    if (!k.supervise.empty())
      c.supervision += (c.supervision.empty() ? "" : "；") + ("监督电话 " + k.supervise);
    if (k.complaint) {
      if (!k.complaint->phone.empty()) c.complaint += "电话 " + k.complaint->phone;
      if (!k.complaint->web.empty())
        c.complaint += (c.complaint.empty() ? "" : "；") + ("网址 " + k.complaint->web);
      if (!k.complaint->address.empty())
        c.complaint += (c.complaint.empty() ? "" : "；") + ("地址 " + k.complaint->address);
    }
  }
  const auto& l = item.limits;
  if (l.statutory) c.limits += "法定 " + l.statutory->value.str();
  if (l.promised) c.limits += (c.limits.empty() ? "" : "；") + ("承诺 " + l.promised->value.str());
  c.conditions = item.conditions.value;
  for (const auto& b : item.basis) {
    std::string arts;
    for (const auto& a : b.articles) arts += a.value.str();
    c.basis += (c.basis.empty() ? "" : "；") + ("《" + b.law.value + "》" + arts);
  }
  return c;
}

}  // namespace powerlist
