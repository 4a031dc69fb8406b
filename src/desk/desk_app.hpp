// What the desk's HTTP handlers share: the configuration, the store, the worker, the caller
// of a request (from its login cookie) and the helpers every answer uses.
#pragma once
#include <httplib.h>

#include <memory>
#include <optional>
#include <set>
#include <string>

#include "desk/desk_check.hpp"
#include "desk/desk_store.hpp"
#include "desk/desk_worker.hpp"
#include "powerlist/desk.hpp"

namespace powerlist::desk {

// Who is asking. Without accounts on a loopback desk everyone is the office.
struct Caller {
  std::string name, role = "office", department, csrf;
  bool logged_in = false;
  bool office() const { return role == "office"; }
};

class DeskApp {
 public:
  DeskConfig config;
  std::unique_ptr<DeskStore> store;
  CheckSettings settings;
  std::string files_dir, site_dir;  // DIR/files, DIR/site
  std::string anonymous_csrf;       // for requests without a login (loopback, or to log in)
  bool accounts_required = false;   // listening beyond loopback
  std::string law_base;             // the law base's date, for /api/health
  Worker worker;                    // last but one: jobs may use everything above

  // The request's caller, or nullopt when a login is required and there is none.
  std::optional<Caller> caller(const httplib::Request& req);
  // Queues the check of a submission (its state is `checking` until it finishes).
  void queue_check(int64_t id);
  std::optional<StoredFile> stored_file(const Submission& s) const;
  // The findings of `s` the department is to see: confirmed and undecided.
  std::set<std::string> kept_findings(int64_t submission);
  void log(const std::string& line) const {
    if (config.log) config.log(line);
  }
};

// Answers.
void send_json(httplib::Response& res, const std::string& json, int status = 200);
void send_error(httplib::Response& res, int status, const std::string& zh, const std::string& en);
std::string submission_json(const Submission& s);
// A department account sees only its own department's submissions.
bool may_see(const Caller& c, const Submission& s);

// The routes under /api/ (desk_routes.cpp) and the login ones (desk_server.cpp).
void add_submission_routes(httplib::Server& server, DeskApp& app);
void add_review_routes(httplib::Server& server, DeskApp& app);

}  // namespace powerlist::desk
