// The office's review desk (`powerlist serve`, CLI.md "serve"): departments' workbooks in,
// checked by the one pipeline, each finding confirmed or dismissed, decisions carried over to
// the next revision, marked-up workbooks and letters back, approved catalogs published. An
// HTTP server (cpp-httplib) over a SQLite database in the desk's folder.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "powerlist/diag.hpp"

namespace powerlist {

struct DeskConfig {
  std::string data_dir = "powerlist-desk";  // desk.sqlite3, files/, site/
  std::string host = "127.0.0.1";
  int port = 8080;      // 0: any free port (tests)
  std::string region;   // --region for every check; else inferred per workbook
  std::string shipped;  // the shipped data (catalogs/, templates/); "" = data_dir()
  std::function<void(const std::string&)> log;  // one line per event worth telling
};

class Desk {
 public:
  // Opens (creating) the desk's folder and database. nullptr with `error` set when it cannot,
  // or when `host` is not a loopback address and the desk has no accounts.
  static std::unique_ptr<Desk> open(const DeskConfig& config, Message& error);
  ~Desk();
  // Binds the listening socket; the port bound (the one asked for, or a free one for 0), or
  // -1 with `error` set.
  int bind(Message& error);
  void run();  // serves until stop() (from another thread or a signal handler's thread)
  void stop();
  std::string url() const;

 private:
  Desk();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// `serve --add-user`: an account (role office or department; a department account names its
// department as submissions name it). Replaces an account of the same name.
Message add_desk_user(const std::string& data_dir, const std::string& name, const std::string& role,
                      const std::string& department, const std::string& password);

// 127.0.0.1, ::1, localhost and the rest of 127/8.
bool is_loopback_host(const std::string& host);

}  // namespace powerlist
