// `powerlist law show|search|check`: the article as in force (or in a version), full-text
// search over the registry's texts, and the lint of a registry file.
#include <fmt/format.h>

#include "common.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/report.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

struct LawArgs {
  std::vector<std::string> laws;  // --laws FILE: local registries
  std::string name, article, version, as_of;
  std::vector<std::string> words;
  size_t limit = 10;
  std::string file;
  std::string region;  // --region; else the place the name or the words name (克拉玛依市…)
};

// The built-in registry and the --laws files; nullopt (after a message) when unusable.
std::optional<LawRegistry> open_registry(const LawArgs& a, const CommonOptions& o, Sources& sources,
                                         DiagSink& sink) {
  std::vector<ExtraLawFile> extra;
  for (const auto& f : a.laws) extra.push_back({f, f});
  const std::string laws_dir = data_dir() + "/catalogs/laws";
  std::string words = a.name;
  for (const auto& w : a.words) words += " " + w;
  const std::string region =
      a.region.empty() ? region_in_text(laws_dir, words) : region_named(laws_dir, a.region);
  RegistryLoad reg =
      load_registry(laws_dir, extra, sources, sink, region.empty() ? a.region : region);
  if (!reg.fatal.empty()) {
    std::cerr << "powerlist: " << one_language(reg.fatal, env_language()) << "\n";
    return std::nullopt;
  }
  if (sink.has_errors()) {
    ReportInput in{sink.list(), sources};
    in.lang = o.lang();
    std::cerr << render_text(in);
    return std::nullopt;
  }
  return std::move(reg.registry);
}

Date as_of_or_today(const std::string& s) {
  auto d = parse_date(s);
  return d ? *d : today();
}

int law_show(const LawArgs& a, const CommonOptions& o) {
  const Tr say{o.lang()};
  Sources sources;
  DiagSink sink;
  auto reg = open_registry(a, o, sources, sink);
  if (!reg) return kUsage;
  const Instrument* ins = reg->find(a.name);
  if (!ins) {
    std::cerr << "powerlist: "
              << fmt::format(say("法规库中没有“{}”", "'{}' is not in the registry"), a.name)
              << "\n";
    return kUsage;
  }
  // An annex item (附件第三十四项, 第34项) of a decision whose annex the registry lists.
  if (std::string item = a.article; !ins->annex_items.empty() &&
                                    item.find("条") == std::string::npos &&
                                    item.find("项") != std::string::npos) {
    if (item.rfind("附件", 0) == 0) item = item.substr(std::string("附件").size());
    while (!item.empty() && item[0] >= '0' && item[0] <= '9' && item.find("第") != 0)
      item.erase(0, 1);  // 附件1第34项: the annex's own number
    const auto r = parse_article_ref("第一条" + item);
    if (!r || !r->item || r->item > static_cast<int>(ins->annex_items.size())) {
      std::cerr << "powerlist: "
                << fmt::format(say("附件只有 {} 项", "the annex has {} items"),
                               ins->annex_items.size())
                << "\n";
      return kFindings;
    }
    const auto& it = ins->annex_items[static_cast<size_t>(r->item - 1)];
    std::cout << fmt::format("《{}》（{}）\n", ins->name, law_level_name(ins->level))
              << fmt::format(say("附件第{}项：{}（实施机关：{}）", "annex item {}: {} (by {})"),
                             r->item, it.name, it.organ)
              << "\n";
    return kOk;
  }
  auto ref = parse_article_ref(a.article);
  if (!ref) {
    std::cerr << "powerlist: "
              << fmt::format(say("无法识别的条款“{}”", "unrecognised article '{}'"), a.article)
              << "\n";
    return kUsage;
  }
  const LawVersion* v = nullptr;
  if (!a.version.empty()) {
    auto d = parse_date(a.version);
    v = d ? ins->version_cited(*d) : nullptr;
    if (!v) {
      std::cerr << "powerlist: "
                << fmt::format(say("《{}》没有 {} 版本", "《{}》 has no version {}"), ins->name,
                               a.version)
                << "\n";
      return kUsage;
    }
  } else {
    v = ins->version_on(as_of_or_today(a.as_of));
  }
  const LawText* text = v ? reg->text(*ins, *v) : nullptr;
  std::cout << fmt::format("《{}》（{}）", ins->name, law_level_name(ins->level));
  if (v)
    std::cout << fmt::format(say("{} {}，{} 起施行", "{} {}, in force {}"), v->date.str(), v->kind,
                             v->in_force().str());
  if (ins->repealed)
    std::cout << say("；已废止", "; repealed")
              << (ins->repealed_date ? " " + ins->repealed_date->str() : std::string());
  std::cout << "\n";
  if (!text) {
    // Which versions the reviewer can read instead, and what became of the article.
    std::vector<std::string> with_text;
    for (const auto& w : ins->versions)
      if (w.has_text) with_text.push_back(w.date.str());
    std::cerr << "powerlist: "
              << (with_text.empty()
                      ? say("法规库中没有该文件任何版本的条文（只知道版本和日期）",
                            "the registry has no text of any version of it (versions and dates "
                            "only)")
                      : fmt::format(
                            say("法规库中没有 {} 版本的条文；有条文的版本：{}（用 --version "
                                "查看）",
                                "the registry has no text of the {} version; versions "
                                "with text: {} (see them with --version)"),
                            v ? v->date.str() : "", join(with_text, "、")))
              << "\n";
    if (v)
      if (const Deletion* d = ins->deleted_after(*v, *ref))
        std::cerr << "powerlist: "
                  << fmt::format(
                         say("该版本的{}已被《{}》删去（{} 起的版本中没有该规定）",
                             "{} of this version was deleted by 《{}》 (versions since {})"),
                         ref->str(), d->by, d->version.str())
                  << "\n";
    return kFindings;
  }
  const ArticleText* art = text->find(ref->article);
  if (!art) {
    std::cerr << "powerlist: "
              << fmt::format(say("该版本没有{}", "this version has no article {}"), ref->str())
              << "\n";
    return kFindings;
  }
  if (!art->heading.empty()) std::cout << art->heading << "\n";
  std::cout << ArticleRef{art->number, 0, 0}.str() << "\n";
  for (size_t p = 0; p < art->paragraphs.size(); ++p) {
    const bool wanted = ref->paragraph == 0 || ref->paragraph == static_cast<int>(p + 1);
    if (!wanted) continue;
    std::cout << "  " << printable(art->paragraphs[p].text) << "\n";
    for (size_t i = 0; i < art->paragraphs[p].items.size(); ++i)
      if (ref->item == 0 || ref->item == static_cast<int>(i + 1))
        std::cout << "    " << printable(art->paragraphs[p].items[i]) << "\n";
  }
  return kOk;
}

int law_search(const LawArgs& a, const CommonOptions& o) {
  Sources sources;
  DiagSink sink;
  auto reg = open_registry(a, o, sources, sink);
  if (!reg) return kUsage;
  const auto hits = reg->search(join(a.words, " "), a.limit, as_of_or_today(a.as_of));
  if (o.format == "json") {
    std::string out = "{\"version\": 1, \"hits\": [";
    for (size_t i = 0; i < hits.size(); ++i)
      out += fmt::format(
          "{}\n  {{\"law\": \"{}\", \"article\": {}, \"version\": \"{}\", \"score\": {:.3f}, "
          "\"text\": \"{}\"}}",
          i ? "," : "", json_escape(hits[i].law), hits[i].article, hits[i].version.str(),
          hits[i].score, json_escape(hits[i].text));
    std::cout << out << (hits.empty() ? "]}\n" : "\n]}\n");
    return hits.empty() ? kFindings : kOk;
  }
  for (const auto& h : hits) {
    std::string t = h.text;
    for (char& c : t)
      if (c == '\n') c = ' ';
    if (utf8_length(t) > 80) t = utf8_prefix(t, 80) + "…";
    std::cout << fmt::format("{:3.0f}%  《{}》{}（{} 版）  {}\n", h.score * 100, h.law,
                             ArticleRef{h.article, 0, 0}.str(), h.version.str(), printable(t));
  }
  if (hits.empty()) std::cerr << Tr{o.lang()}("没有找到相关条文\n", "no matching article\n");
  return hits.empty() ? kFindings : kOk;
}

int law_check(const LawArgs& a, const CommonOptions& o) {
  Sources sources;
  DiagSink sink;
  std::string text;
  size_t size = 0;
  const ReadStatus st = read_regular_file(a.file, 64u << 20, text, &size);
  if (st != ReadStatus::Ok) {
    std::cerr << "powerlist: " << read_error_message(st, a.file, size, 64u << 20).in(o.lang())
              << "\n";
    return kUsage;
  }
  LawRegistry reg;
  const uint32_t id = sources.add(a.file, a.file, "");
  SourceFile& src = sources.get_mut(id);
  src.text = std::move(text);
  src.index_lines();
  load_registry_file(reg, id, sources, sink);
  lint_registry(reg, sink);
  std::vector<Suppression> none;
  finalize_diagnostics(sink.mutable_list(), SeverityPolicy{}, none, {});
  ReportInput in{sink.list(), sources};
  in.lang = o.lang();
  in.files = 1;
  in.items = reg.size();
  std::string out = o.format == "json" ? render_json(in) : render_text(in);
  if (o.format != "json" && sink.list().empty())
    out = fmt::format(
        Tr{o.lang()}("{}：{} 部法律文件，没有问题\n", "{}: {} instruments, no problems\n"), a.file,
        reg.size());
  std::cout << out;
  return sink.has_errors() ? kFindings : kOk;
}

}  // namespace

void register_law(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* law =
      app.add_subcommand("law", tr("查看条文、全文检索、检查法规库文件",
                                   "show an article, search the texts, lint a registry file"));
  law->require_subcommand(1);
  auto opts = std::make_shared<CommonOptions>();
  auto args = std::make_shared<LawArgs>();
  auto* show =
      law->add_subcommand("show", tr("显示条文（默认现行版本）", "an article as in force"));
  show->add_option("name", args->name, tr("法律法规名称或简称", "name or short name"))->required();
  show->add_option("article", args->article,
                   tr("条款，如 15、第十五条、15.2", "article: 15, 第十五条, 15.2"))
      ->required();
  show->add_option("--version", args->version,
                   tr("版本日期（公布、会议或施行日期）", "version date"));
  show->add_option("--as-of", args->as_of,
                   tr("按该日施行的版本（默认今天）", "the version in force on this date"));
  auto* search = law->add_subcommand(
      "search", tr("全文检索现行条文", "full-text search of the texts in force"));
  search->add_option("words", args->words, tr("关键词", "words"))->required();
  search->add_option("--limit", args->limit,
                     tr("最多显示条数（默认 10）", "number of results (default 10)"));
  search->add_option("--as-of", args->as_of,
                     tr("按该日施行的版本（默认今天）", "the versions in force on this date"));
  search->add_option("--format", opts->format, tr("text 或 json", "text or json"))
      ->check(CLI::IsMember({"text", "json"}));
  auto* check =
      law->add_subcommand("check", tr("检查法规库文件（格式、版本、条文数）",
                                      "lint a registry file (format, versions, article counts)"));
  check->add_option("file", args->file, tr("法规库 YAML 文件", "registry YAML file"))->required();
  check->add_option("--format", opts->format, tr("text 或 json", "text or json"))
      ->check(CLI::IsMember({"text", "json"}));
  for (auto* sub : {show, search}) {
    sub->add_option("--laws", args->laws, tr("追加的本地法规库文件", "local registry files"));
    sub->add_option("--region", args->region,
                    tr("按此地区加载地方性法规（默认：名称或关键词中的地名）",
                       "load this region's local legislation (default: the place the name names)"));
  }
  for (auto* sub : {show, search, check})
    sub->add_option("--lang", opts->lang_name, tr("消息语言 zh|en", "message language zh|en"))
        ->check(CLI::IsMember({"zh", "en"}));
  show->callback([opts, args, &exit_code] { exit_code = law_show(*args, *opts); });
  search->callback([opts, args, &exit_code] { exit_code = law_search(*args, *opts); });
  check->callback([opts, args, &exit_code] { exit_code = law_check(*args, *opts); });
}

}  // namespace powerlist
