// The change report in text, JSON and HTML.
#include <ctemplate/template.h>
#include <fmt/format.h>

#include "powerlist/diff.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

std::string q(std::string_view s) {
  return "\"" + json_escape(s) + "\"";
}

std::string shown(const std::string& v, Lang lang) {
  return v.empty() ? (lang == Lang::En ? "(none)" : "（无）") : v;
}

std::string non_public_mark(const ItemChange& c, Lang lang) {
  return !c.non_public ? "" : lang == Lang::En ? " [non-public]" : " 【不公开】";
}

std::string item_line(const char* mark, const ItemChange& c, Lang lang) {
  return fmt::format("  {} {} {}（{}）{}{}\n", mark, c.id, c.name, c.category,
                     c.code.empty() ? "" : " " + c.code, non_public_mark(c, lang));
}

}  // namespace

std::string render_diff_text(const CatalogDiff& d, Lang lang) {
  const bool en = lang == Lang::En;
  std::string out = fmt::format(
      en ? "{} added, {} retired, {} removed without a retirement record, {} changed ({} with "
           "limit changes)\n"
         : "新增 {} 项，取消 {} 项，未经取消而删除 {} 项，变更 {} 项（其中时限变更 {} 项）\n",
      d.added.size(), d.retired.size(), d.removed_silently.size(), d.changed.size(),
      d.limit_changes);
  if (!d.added.empty()) {
    out += en ? "\nAdded:\n" : "\n新增：\n";
    for (const auto& c : d.added) out += item_line("+", c, lang);
  }
  if (!d.retired.empty()) {
    out += en ? "\nRetired:\n" : "\n取消：\n";
    for (const auto& c : d.retired)
      out += item_line("-", c, lang) + fmt::format("      {} {}\n", shown(c.date, lang), c.reason);
  }
  if (!d.removed_silently.empty()) {
    out += en ? "\nRemoved without a retirement record [catalog/removed-silently]:\n"
              : "\n未经取消而删除（不得擅自放弃、隐瞒行政权力）[catalog/removed-silently]：\n";
    for (const auto& c : d.removed_silently) out += item_line("!", c, lang);
  }
  if (!d.changed.empty()) {
    out += en ? "\nChanged:\n" : "\n变更：\n";
    for (const auto& c : d.changed) {
      out += item_line("~", c, lang);
      for (const auto& f : c.changes)
        out += fmt::format("      {}：{} → {}{}\n", f.label.in(lang), shown(f.old_value, lang),
                           shown(f.new_value, lang),
                           f.limit ? (en ? "  [limit changed]" : "  【时限变更】") : "");
    }
  }
  return out;
}

std::string render_diff_json(const CatalogDiff& d) {
  auto items = [](const std::vector<ItemChange>& v, bool with_changes, bool with_retire) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) {
      const ItemChange& c = v[i];
      out += fmt::format(
          "{}\n    {{\"id\": {}, \"name\": {}, \"category\": {}, \"code\": {}, \"public\": {}",
          i ? "," : "", q(c.id), q(c.name), q(c.category), c.code.empty() ? "null" : q(c.code),
          c.non_public ? "false" : "true");
      if (with_retire)
        out += fmt::format(", \"date\": {}, \"reason\": {}", c.date.empty() ? "null" : q(c.date),
                           q(c.reason));
      if (with_changes) {
        out += ", \"changes\": [";
        for (size_t k = 0; k < c.changes.size(); ++k) {
          const FieldChange& f = c.changes[k];
          out += fmt::format(
              "{}\n      {{\"field\": {}, \"label\": {}, \"old\": {}, \"new\": {}, \"limit\": {}}}",
              k ? "," : "", q(f.field), q(f.label.zh),
              f.old_value.empty() ? "null" : q(f.old_value),
              f.new_value.empty() ? "null" : q(f.new_value), f.limit ? "true" : "false");
        }
        out += "]";
      }
      out += "}";
    }
    return out + (v.empty() ? "]" : "\n  ]");
  };
  return fmt::format(
      "{{\"version\": 1, \"old\": {}, \"new\": {},\n"
      " \"summary\": {{\"added\": {}, \"retired\": {}, \"removed_silently\": {}, \"changed\": {}, "
      "\"limit_changes\": {}}},\n"
      " \"added\": {},\n \"retired\": {},\n \"removed_silently\": {},\n \"changed\": {}}}\n",
      q(d.old_title), q(d.new_title), d.added.size(), d.retired.size(), d.removed_silently.size(),
      d.changed.size(), d.limit_changes, items(d.added, false, false),
      items(d.retired, false, true), items(d.removed_silently, false, false),
      items(d.changed, true, false));
}

std::string render_diff_html(const CatalogDiff& d, const std::string& template_dir,
                             std::string* error) {
  ctemplate::TemplateDictionary dict("diff");
  dict.SetValue("OLD", d.old_title);
  dict.SetValue("NEW", d.new_title);
  dict.SetIntValue("ADDED", static_cast<long>(d.added.size()));
  dict.SetIntValue("RETIRED", static_cast<long>(d.retired.size()));
  dict.SetIntValue("REMOVED", static_cast<long>(d.removed_silently.size()));
  dict.SetIntValue("CHANGED", static_cast<long>(d.changed.size()));
  dict.SetIntValue("LIMITS", static_cast<long>(d.limit_changes));
  auto rows = [&](const char* section, const std::vector<ItemChange>& v) {
    for (const auto& c : v) {
      auto* s = dict.AddSectionDictionary(section);
      s->SetValue("ID", c.id);
      s->SetValue("NAME", c.name + non_public_mark(c, Lang::Zh));
      s->SetValue("CATEGORY", c.category);
      s->SetValue("CODE", c.code.empty() ? "—" : c.code);
      s->SetValue("DATE", c.date.empty() ? "—" : c.date);
      s->SetValue("REASON", c.reason.empty() ? "—" : c.reason);
      for (const auto& f : c.changes) {
        auto* r = s->AddSectionDictionary("FIELD");
        r->SetValue("LABEL", f.label.zh);
        r->SetValue("OLDV", shown(f.old_value, Lang::Zh));
        r->SetValue("NEWV", shown(f.new_value, Lang::Zh));
        if (f.limit) r->ShowSection("LIMIT");
      }
    }
  };
  rows("ADD", d.added);
  rows("RET", d.retired);
  rows("REM", d.removed_silently);
  rows("CHG", d.changed);
  std::string out;
  if (!ctemplate::ExpandTemplate(template_dir + "/diff.tpl", ctemplate::DO_NOT_STRIP, &dict,
                                 &out)) {
    if (error) *error = "网页模板有错误 / template error: " + template_dir + "/diff.tpl";
    return "";
  }
  return out;
}

}  // namespace powerlist
