// `powerlist serve`: the office's review desk (src/desk/); `serve --add-user` adds an account.
#include <fmt/format.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <thread>

#include "common.hpp"
#include "powerlist/desk.hpp"

namespace powerlist {

namespace {

// The password from the terminal without echo (asked twice), or one line of stdin (scripts).
std::optional<std::string> read_password(const Tr& say) {
  std::string first, second;
  if (!isatty(STDIN_FILENO)) {
    if (!std::getline(std::cin, first)) return std::nullopt;
    return first;
  }
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  std::cerr << say("密码：", "password: ");
  std::getline(std::cin, first);
  std::cerr << "\n" << say("再输入一次：", "again: ");
  std::getline(std::cin, second);
  std::cerr << "\n";
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
  if (first != second) return std::nullopt;
  return first;
}

// ADDR:PORT, [v6]:PORT or PORT.
bool parse_listen(const std::string& text, std::string& host, int& port) {
  std::string p = text;
  if (!text.empty() && text.front() == '[') {
    const size_t close = text.find("]:");
    if (close == std::string::npos) return false;
    host = text.substr(1, close - 1);
    p = text.substr(close + 2);
  } else if (const size_t colon = text.rfind(':'); colon != std::string::npos) {
    host = text.substr(0, colon);
    p = text.substr(colon + 1);
  }
  if (host.empty() || p.empty() || p.size() > 5 ||
      p.find_first_not_of("0123456789") != std::string::npos)
    return false;
  port = std::stoi(p);
  return port > 0 && port < 65536;
}

}  // namespace

void register_serve(CLI::App& app, const Tr& tr, int& exit_code) {
  auto* sub = app.add_subcommand(
      "serve", tr("启动审核台：在浏览器中收件、审核、退回、总览和发布",
                  "the review desk: receive, review, return, overview and publish in a browser"));
  auto opts = std::make_shared<CommonOptions>();
  auto data = std::make_shared<std::string>("powerlist-desk");
  auto listen = std::make_shared<std::string>("127.0.0.1:8080");
  auto user = std::make_shared<std::string>();
  auto role = std::make_shared<std::string>();
  auto department = std::make_shared<std::string>();
  sub->add_option("--data", *data,
                  tr("审核台的数据文件夹（默认 ./powerlist-desk）",
                     "the desk's data folder (default ./powerlist-desk)"));
  sub->add_option("--listen", *listen,
                  tr("监听地址:端口（默认 127.0.0.1:8080；其他地址需要账号）",
                     "address:port (default 127.0.0.1:8080; other addresses need accounts)"));
  sub->add_option("--region", opts->region,
                  tr("按此地区的地方性法规检查（默认由每个工作簿推断）",
                     "check against this region's local legislation (default: per workbook)"));
  sub->add_option("--add-user", *user, tr("添加账号（密码在终端输入）", "add an account"));
  sub->add_option("--role", *role,
                  tr("office（审核机关）或 department（部门）", "office or department"))
      ->check(CLI::IsMember({"office", "department"}));
  sub->add_option("--department", *department,
                  tr("部门账号所属的部门（与收件中的部门名称一致）",
                     "a department account's department, as submissions name it"));
  add_common_options(sub, *opts, tr, false);
  sub->callback([=, &exit_code] {
    const Tr say{opts->lang()};
    if (!user->empty()) {
      const auto password = read_password(say);
      if (!password) {
        std::cerr << "powerlist: " << say("两次输入的密码不一致", "the passwords differ") << "\n";
        exit_code = kUsage;
        return;
      }
      const Message err =
          add_desk_user(*data, *user, role->empty() ? "office" : *role, *department, *password);
      if (!err.zh.empty()) {
        std::cerr << "powerlist: " << err.in(opts->lang()) << "\n";
        exit_code = kUsage;
        return;
      }
      std::cout << fmt::format(say("账号 {} 已添加到 {}\n", "account {} added to {}\n"), *user,
                               *data);
      exit_code = kOk;
      return;
    }
    DeskConfig config;
    config.data_dir = *data;
    config.region = opts->region;
    if (!parse_listen(*listen, config.host, config.port)) {
      std::cerr << "powerlist: --listen " << *listen
                << say("：应为 地址:端口，如 127.0.0.1:8080", ": expected ADDR:PORT") << "\n";
      exit_code = kUsage;
      return;
    }
    if (!opts->quiet) config.log = [](const std::string& line) { std::cout << line << std::endl; };
    // Ctrl+C and SIGTERM stop the server from a thread of their own (never inside a handler).
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    Message error;
    auto desk = Desk::open(config, error);
    if (desk && desk->bind(error) < 0) desk.reset();
    if (!desk) {
      std::cerr << "powerlist: " << error.in(opts->lang()) << "\n";
      exit_code = kUsage;
      return;
    }
    std::thread waiter([&desk, stop_signals] {
      int sig = 0;
      sigwait(&stop_signals, &sig);
      if (sig == SIGINT || sig == SIGTERM) desk->stop();
    });
    std::cout << fmt::format(say("审核台已启动：{}（数据在 {}；Ctrl+C 停止）\n",
                                 "review desk running at {} (data in {}; Ctrl+C stops it)\n"),
                             desk->url(), *data)
              << std::flush;
    desk->run();
    pthread_kill(waiter.native_handle(), SIGTERM);  // a stop() from elsewhere ends the waiter
    waiter.join();
    exit_code = kOk;
  });
}

}  // namespace powerlist
