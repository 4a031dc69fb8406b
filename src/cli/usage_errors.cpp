// CLI11's parse errors in the user's language (CLI.md: messages Chinese by default, English
// with --lang en, never both), with a did-you-mean for a misspelt option or subcommand.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <type_traits>
#include <vector>

#include "common.hpp"
#include "powerlist/text.hpp"

namespace powerlist {

namespace {

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The closest of `names` to `word` within a distance that still reads as a typo, or "".
std::string closest(const std::string& word, const std::vector<std::string>& names) {
  std::string best;
  size_t best_d = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& n : names) {
    const size_t d = edit_distance(word, n);
    if (d < best_d || (d == best_d && !best.empty() && n < best)) {
      best_d = d;
      best = n;
    }
  }
  return best;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; }))
    out.push_back(s->get_name());
  return out;
}

std::vector<std::string> long_option_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : app.get_options())
    for (const auto& l : o->get_lnames()) out.push_back("--" + l);
  return out;
}

// The non-empty pieces of `text` between `sep` characters.
std::vector<std::string> split_on(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text + sep) {
    if (c == sep) {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

// After "The following argument(s) was/were not expected: ": the words.
std::vector<std::string> extras_of(const std::string& what) {
  const size_t colon = what.find(": ");
  return colon == std::string::npos ? std::vector<std::string>{}
                                    : split_on(what.substr(colon + 2), ' ');
}

// "NAME: detail" → NAME ("--format: foo not in {…}").
std::string option_of(const std::string& what) {
  const size_t colon = what.find(": ");
  return colon == std::string::npos ? std::string() : what.substr(0, colon);
}

}  // namespace

UsageError explain_usage_error(const CLI::ParseError& e, CLI::App& app, int argc, char** argv,
                               Lang lang) {
  const bool zh = lang == Lang::Zh;
  // The subcommand the command line chose (check, law show …), and the first word that is
  // neither an option nor a subcommand where a subcommand was expected.
  CLI::App* cur = &app;
  std::string command = "powerlist", stray;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (!a.empty() && a[0] == '-') continue;
    CLI::App* sub = nullptr;
    try {
      sub = cur->get_subcommand(a);
    } catch (const CLI::OptionNotFound&) {
      sub = nullptr;
    }
    if (sub) {
      cur = sub;
      command += " " + a;
      continue;
    }
    if (stray.empty() && !cur->get_subcommands([](const CLI::App*) { return true; }).empty())
      stray = a;
    break;
  }
  UsageError out;
  out.help = command + " --help";
  const std::string what = e.what();
  auto is = [&](auto* type) {
    return dynamic_cast<std::remove_pointer_t<decltype(type)> const*>(&e) != nullptr;
  };
  if (is(static_cast<CLI::ExtrasError*>(nullptr))) {
    for (const auto& w : extras_of(what)) {
      if (!out.message.empty()) out.message += zh ? "；" : "; ";
      if (w.size() > 1 && w[0] == '-') {
        const std::string name = w.substr(0, w.find('='));
        const std::string guess = closest(name, long_option_names(*cur));
        out.message +=
            zh ? fmt::format("{} 没有选项 {}{}", command, name,
                             guess.empty() ? "" : fmt::format("（是不是 {}？）", guess))
               : fmt::format("{} has no option {}{}", command, name,
                             guess.empty() ? "" : fmt::format(" (did you mean {}?)", guess));
      } else {
        out.message +=
            zh ? fmt::format("多余的参数“{}”", w) : fmt::format("unexpected argument '{}'", w);
      }
    }
  } else if (is(static_cast<CLI::RequiredError*>(nullptr)) && what.rfind("A subcommand", 0) == 0) {
    const auto names = subcommand_names(*cur);
    if (!stray.empty()) {
      const std::string guess = closest(stray, names);
      out.message =
          zh ? fmt::format("{} 没有子命令“{}”{}", command, stray,
                           guess.empty() ? "" : fmt::format("（是不是 {}？）", guess))
             : fmt::format("{} has no subcommand '{}'{}", command, stray,
                           guess.empty() ? "" : fmt::format(" (did you mean {}?)", guess));
    } else {
      out.message = zh ? fmt::format("{} 需要一个子命令：{}", command, join(names, "、"))
                       : fmt::format("{} needs a subcommand: {}", command, join(names, ", "));
    }
  } else if (is(static_cast<CLI::RequiredError*>(nullptr))) {
    const std::string name = what.substr(0, what.find(" is required"));
    const bool positional = name.empty() || name[0] != '-';
    out.message =
        zh ? fmt::format("{} 缺少{}{}", command, positional ? "参数 " : "必填选项 ", name)
           : fmt::format("{} needs {}{}", command, positional ? "the argument " : "", name);
    if (zh && name == "--output") out.message += "（用 -o 指定输出文件）";
  } else if (is(static_cast<CLI::ArgumentMismatch*>(nullptr))) {
    const std::string name = option_of(what);
    out.message = zh ? fmt::format("选项 {} 缺少取值", name.empty() ? what : name)
                     : fmt::format("option {} needs a value", name.empty() ? what : name);
  } else if (is(static_cast<CLI::ValidationError*>(nullptr)) ||
             is(static_cast<CLI::ConversionError*>(nullptr))) {
    // "--format: foo not in {text,json}" / "--items: Value abc not in range 1 to 10000000".
    const std::string name = option_of(what);
    std::string detail = name.empty() ? what : what.substr(name.size() + 2);
    const size_t in = detail.find(" not in {");
    const size_t range = detail.find(" not in range ");
    if (zh && in != std::string::npos) {
      std::string choices = detail.substr(in + 9);
      if (!choices.empty() && choices.back() == '}') choices.pop_back();
      std::replace(choices.begin(), choices.end(), ',', '|');
      std::string value = detail.substr(0, in);
      if (value.rfind("Value ", 0) == 0) value = value.substr(6);
      const std::string guess = closest(value, split_on(choices, '|'));
      out.message = fmt::format("选项 {} 的值“{}”无效，可选：{}{}", name, value, choices,
                                guess.empty() ? "" : fmt::format("（是不是 {}？）", guess));
    } else if (zh && range != std::string::npos) {
      std::string value = detail.substr(0, range);
      if (value.rfind("Value ", 0) == 0) value = value.substr(6);
      std::string bounds = detail.substr(range + 14);
      const size_t to = bounds.find(" to ");
      if (to != std::string::npos) bounds.replace(to, 4, " 到 ");
      out.message = fmt::format("选项 {} 的值“{}”超出范围（{}）", name, value, bounds);
    } else {
      out.message = zh ? fmt::format("选项 {} 的值无效", name.empty() ? what : name) : what;
    }
  } else if (is(static_cast<CLI::FileError*>(nullptr))) {
    const std::string prefix = "File does not exist: ";
    out.message = zh && what.rfind(prefix, 0) == 0
                      ? fmt::format("文件不存在：{}", what.substr(prefix.size()))
                  : zh ? "无法读取所给的文件"
                       : what;
  } else if (is(static_cast<CLI::ExcludesError*>(nullptr)) ||
             is(static_cast<CLI::RequiresError*>(nullptr))) {
    out.message = zh ? fmt::format("选项不能这样组合（{}）", what) : what;
  } else {
    out.message = zh ? "命令行无法识别" : what;
  }
  return out;
}

}  // namespace powerlist
