#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>

#include "common.hpp"
#include "powerlist/cli.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

// Help is Chinese unless English is asked for (--lang en, or an English locale).
Lang cli_language(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lang=en" || (a == "--lang" && i + 1 < argc && std::strcmp(argv[i + 1], "en") == 0))
      return Lang::En;
    if (a == "--lang=zh" || (a == "--lang" && i + 1 < argc && std::strcmp(argv[i + 1], "zh") == 0))
      return Lang::Zh;
  }
  return env_language();
}

Lang env_language() {
  // The first of LC_ALL, LC_MESSAGES, LANG that is set decides (POSIX order); C and POSIX say
  // nothing of a language, so they keep the default.
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (!v || !*v) continue;
    return std::strncmp(v, "en", 2) == 0 ? Lang::En : Lang::Zh;
  }
  return Lang::Zh;
}

namespace {

// Help columns aligned by display width (a CJK character takes two columns; CLI11 pads by
// bytes), and the value list of an option shown without the English "TEXT:" in Chinese.
class HelpFormatter : public CLI::Formatter {
 public:
  explicit HelpFormatter(Lang lang) : lang_(lang) {}
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return row(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
  }
  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string s = CLI::Formatter::make_option_opts(opt);
    if (lang_ == Lang::Zh)
      for (const char* type : {"TEXT:", "INT:", "UINT:"})
        for (size_t p = s.find(type); p != std::string::npos; p = s.find(type))
          s.erase(p, std::strlen(type));
    return s;
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    return row(sub->get_display_name(true), sub->get_description());
  }

 private:
  std::string row(const std::string& left, const std::string& description) const {
    const size_t width = get_column_width();
    std::string out = "  " + left;
    const size_t used = display_width(left);
    if (!description.empty()) {
      if (used >= width)
        out += "\n  " + std::string(width, ' ');
      else
        out += std::string(width - used, ' ');
      for (char c : description) {
        out += c;
        if (c == '\n') out += "  " + std::string(width, ' ');
      }
    }
    return out + "\n";
  }
  Lang lang_;
};

}  // namespace

static void localize(CLI::App& app, Lang lang) {
  if (lang != Lang::Zh) return;
  // Section headings come from option and subcommand groups.
  for (CLI::Option* opt : app.get_options())
    if (opt->get_group() == "Options") opt->group("选项");
  for (CLI::App* sub : app.get_subcommands({}))
    if (sub->get_group() == "Subcommands") sub->group("子命令");
  auto fmt = app.get_formatter();
  fmt->label("Usage", "用法");
  fmt->label("OPTIONS", "选项");
  fmt->label("SUBCOMMAND", "子命令");
  fmt->label("SUBCOMMANDS", "子命令");
  fmt->label("Options", "选项");
  fmt->label("Subcommands", "子命令");
  fmt->label("Positionals", "位置参数");
  fmt->label("REQUIRED", "必填");
  fmt->label("TEXT", "文本");
  fmt->label("INT", "整数");
  fmt->label("UINT", "整数");
}

int cli_main(int argc, char** argv) {
  try {
    const Tr tr{cli_language(argc, argv)};
    CLI::App app{
        tr("powerlist — 职权目录与流程图编译器：把 YAML "
           "权力清单编译为经校验的目录、编码、流程图和公开材料",
           "powerlist — compiler for administrative power catalogs and flowcharts")};
    app.name("powerlist");
    app.formatter(std::make_shared<HelpFormatter>(tr.lang));
    app.set_help_flag("-h,--help", tr("显示帮助", "show help"));
    app.set_version_flag("--version", std::string("powerlist ") + POWERLIST_VERSION,
                         tr("显示版本", "show the version"));
    app.require_subcommand(1);
    int exit_code = kOk;
    register_check(app, tr, exit_code);
    register_build(app, tr, exit_code);
    register_init(app, tr, exit_code);
    register_schema(app, tr, exit_code);
    register_gen(app, tr, exit_code);
    register_deadline(app, tr, exit_code);
    register_graph(app, tr, exit_code);
    register_codes(app, tr, exit_code);
    register_diff(app, tr, exit_code);
    register_audit(app, tr, exit_code);
    register_import(app, tr, exit_code);
    register_export(app, tr, exit_code);
    register_law(app, tr, exit_code);
    register_monitor(app, tr, exit_code);
    register_fix(app, tr, exit_code);
    register_completion(app, tr, exit_code);
    register_serve(app, tr, exit_code);
    localize(app, tr.lang);
    for (auto* sub : app.get_subcommands({})) localize(*sub, tr.lang);
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
      std::cout << app.help();
      return kOk;
    } catch (const CLI::CallForAllHelp&) {
      std::cout << app.help("", CLI::AppFormatMode::All);
      return kOk;
    } catch (const CLI::CallForVersion&) {
      std::cout << version_text(tr.lang);
      return kOk;
    } catch (const CLI::ParseError& e) {
      if (e.get_exit_code() == 0) {
        app.exit(e);
        return kOk;
      }
      const UsageError u = explain_usage_error(e, app, argc, argv, tr.lang);
      std::cerr << "powerlist: " << tr("用法错误：", "usage error: ") << u.message << "\n"
                << fmt::format(tr("运行 {} 查看用法", "run {} for usage"), u.help) << "\n";
      return kUsage;
    }
    return exit_code;
  } catch (const std::exception& e) {
    std::cerr << "powerlist: "
              << (cli_language(argc, argv) == Lang::En ? "internal error (a bug, please report): "
                                                       : "内部错误（这是一个缺陷，请报告）：")
              << e.what() << "\n";
    return kInternal;
  } catch (...) {
    std::cerr << "powerlist: "
              << (cli_language(argc, argv) == Lang::En ? "internal error\n" : "内部错误\n");
    return kInternal;
  }
}

}  // namespace powerlist
