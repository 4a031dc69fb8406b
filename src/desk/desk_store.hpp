// The desk's state: submissions, their findings, every decision taken on them, accounts and
// login sessions, in one SQLite database (WAL) whose schema is versioned and migrated on open.
// Thread-safe: one connection behind a mutex (the desk's writes are small; reads are fast).
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "desk/sqlite_db.hpp"
#include "powerlist/diag.hpp"

namespace powerlist::desk {

inline constexpr int kSchemaVersion = 1;

struct Submission {
  int64_t id = 0;
  std::string department, file, blob, state, error, received, returned, uploaded_by;
  int64_t items = 0;
  std::optional<int64_t> revision_of;
  int64_t findings = 0, decided = 0, open = 0;  // open: confirmed or undecided
};

struct Decision {
  std::string verdict, reason, by, at;
  std::optional<int64_t> carried_from;  // the earlier revision's finding it was taken on
};

struct StoredFinding {
  int64_t id = 0, submission = 0, seq = 0;
  std::string rule, severity, item, carry_key, match_key, json;
  std::optional<Decision> decision;
};

// One finding of a finished check, as the store keeps it.
struct NewFinding {
  std::string rule, severity, item, carry_key, match_key, json;
};

struct User {
  std::string name, role, department, salt, hash;
  int64_t iterations = 0;
};

class DeskStore {
 public:
  // Opens or creates DIR/desk.sqlite3 and migrates it to kSchemaVersion; nullptr with `error`
  // set when the file cannot be used (or was written by a newer powerlist).
  static std::unique_ptr<DeskStore> open(const std::string& path, Message& error);

  int64_t add_submission(const std::string& department, const std::string& file,
                         const std::string& blob, const std::string& uploaded_by);
  // A check finished: department (kept when the upload named one), its findings, and the
  // decisions carried over from the revision it answers — all in one transaction.
  void finish_check(int64_t id, const std::string& department, int64_t items,
                    const std::vector<NewFinding>& findings);
  void fail_check(int64_t id, const std::string& error);
  std::vector<int64_t> pending_checks();
  std::vector<Submission> submissions(const std::string& department_only = "");
  std::optional<Submission> submission(int64_t id);
  std::vector<StoredFinding> findings(int64_t submission);
  std::optional<StoredFinding> finding(int64_t id);
  void decide(int64_t finding, const Decision& d);
  void set_department(int64_t id, const std::string& department);
  void set_state(int64_t id, const std::string& state, const std::string& by);

  void add_user(const User& u);  // replaces one of the same name
  std::optional<User> user(const std::string& name);
  size_t user_count();
  void add_login(const std::string& token, const std::string& user, const std::string& csrf);
  struct Login {
    std::string user, csrf;
  };
  std::optional<Login> login(const std::string& token);

 private:
  explicit DeskStore(const std::string& path) : db_(path) {}
  void migrate();
  Submission read_submission(Statement& st);
  // The submission's history (收件, 审核, 已退回 …); inside the caller's lock and transaction.
  void add_event(int64_t id, const std::string& what, const std::string& by, const std::string& at);
  std::mutex mutex_;
  Database db_;
};

// Now as stored: 2026-12-07T09:47:19Z.
std::string utc_now();

}  // namespace powerlist::desk
