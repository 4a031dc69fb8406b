// Options shared by subcommands and the helpers that turn them into a run.
#pragma once
#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/flow.hpp"
#include "powerlist/law.hpp"
#include "powerlist/load.hpp"
#include "powerlist/session.hpp"

namespace powerlist {

enum Exit { kOk = 0, kFindings = 1, kUsage = 2, kInternal = 3 };

// User-visible text in both languages; tr() picks one.
struct Tr {
  Lang lang;
  const char* operator()(const char* zh, const char* en) const {
    return lang == Lang::En ? en : zh;
  }
};

// A command-line parse error said in the user's language (usage_errors.cpp), and the help
// command to point to.
struct UsageError {
  std::string message, help;
};
UsageError explain_usage_error(const CLI::ParseError& e, CLI::App& app, int argc, char** argv,
                               Lang lang);

// The language of help and usage errors: --lang, else English only when LC_ALL, LC_MESSAGES or
// LANG says so (en…), else Chinese (CLI.md: Chinese by default).
Lang cli_language(int argc, char** argv);
Lang env_language();  // the locale's part of cli_language

// Fatal messages of the library are written "中文 / English" (a session has no language);
// the user sees the half in their language (CLI.md: never both).
std::string one_language(const std::string& message, Lang lang);

struct CommonOptions {
  std::string format = "text";
  std::string lang_name;  // "", zh, en
  std::string fail_on = "error";
  std::vector<std::string> rules;
  bool quiet = false;
  unsigned jobs = 0;
  bool no_progress = false;
  bool show_suppressed = false;
  bool verbose = false;  // --verbose: every unknown-law citation in the text output
  bool allow_outside = false;
  std::vector<std::string> maps;  // --map 列名=字段 for workbooks
  std::string as_of;
  std::string region;             // --region: the region whose local legislation is loaded
  std::vector<std::string> laws;  // --laws: registry files added to the law base
  Lang lang() const {
    return lang_name == "en" ? Lang::En : lang_name == "zh" ? Lang::Zh : env_language();
  }
};

void add_common_options(CLI::App* app, CommonOptions& o, const Tr& tr, bool findings);
// --region and --laws, for the commands that check a catalog's citations (check, import,
// export, fix).
void add_region_option(CLI::App* app, CommonOptions& o, const Tr& tr);

// A checked Session, as `check`, `build` and the other commands need it.
struct CheckRun {
  std::unique_ptr<Session> session;
  int exit_code = kOk;  // kUsage when the input is unusable
  std::string usage_error;
  LoadResult& load() { return session->load(); }
  const LoadResult& load() const { return session->load(); }
  const LawRegistry& laws() const { return session->laws(); }
  const TemplateLibrary& templates() const { return session->templates(); }
};
CheckRun run_check(const std::vector<std::string>& paths, const CommonOptions& o);
// run_check for commands that need a catalog folder (build, codes, audit): on an unusable
// input or a lone department file, prints why and sets run.exit_code to kUsage.
CheckRun run_check_folder(const std::string& dir, const CommonOptions& o, const char* command);
// What a build's -o must not touch: the catalog folder and every file the run read.
struct OutputGuard;
OutputGuard output_guard(const CheckRun& run);
// Prints the findings in the requested format; returns the exit code for them.
int print_findings(const CheckRun& run, const CommonOptions& o,
                   const std::vector<std::string>& paths);

// Registration of each subcommand (src/cli/cmd_*.cpp).
void register_check(CLI::App& app, const Tr& tr, int& exit_code);
void register_build(CLI::App& app, const Tr& tr, int& exit_code);
void register_init(CLI::App& app, const Tr& tr, int& exit_code);
void register_schema(CLI::App& app, const Tr& tr, int& exit_code);
void register_gen(CLI::App& app, const Tr& tr, int& exit_code);
void register_deadline(CLI::App& app, const Tr& tr, int& exit_code);
void register_graph(CLI::App& app, const Tr& tr, int& exit_code);
void register_codes(CLI::App& app, const Tr& tr, int& exit_code);
void register_diff(CLI::App& app, const Tr& tr, int& exit_code);
void register_audit(CLI::App& app, const Tr& tr, int& exit_code);
void register_import(CLI::App& app, const Tr& tr, int& exit_code);
void register_export(CLI::App& app, const Tr& tr, int& exit_code);
void register_law(CLI::App& app, const Tr& tr, int& exit_code);
void register_monitor(CLI::App& app, const Tr& tr, int& exit_code);
void register_fix(CLI::App& app, const Tr& tr, int& exit_code);
void register_completion(CLI::App& app, const Tr& tr, int& exit_code);
void register_serve(CLI::App& app, const Tr& tr, int& exit_code);
// `powerlist --version`: tool version, data folder and data versions.
std::string version_text(Lang lang);
// `codes` itself, also run by `build --assign`.
int run_codes(const std::string& dir, const CommonOptions& o, const std::string& date_text,
              bool dry_run);

}  // namespace powerlist
