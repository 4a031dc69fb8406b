// A thin RAII layer over SQLite for the desk's state: one connection, statements bound by
// position, every call checked. Callers serialise access (DeskStore holds the mutex).
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace powerlist::desk {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::string_view text);
  Statement& bind(int i, int64_t value);
  Statement& bind_null(int i);
  // One step: true while a row is available; done (false) after the last row.
  bool step();
  void run() { step(); }  // a statement without rows
  // Ready to bind and run again (a statement in a loop).
  Statement& reset();
  std::string text(int col) const;
  int64_t integer(int col) const;
  bool is_null(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Thrown on any SQLite error; the desk turns it into a Message or an HTTP 500 at its boundary.
struct SqliteError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Database {
 public:
  // Opens (creating) the file with WAL journaling, foreign keys and a busy timeout.
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  int64_t last_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  int user_version();

 private:
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE … COMMIT, rolled back when left by an exception.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) try {
        db_.exec("ROLLBACK");
      } catch (...) {
      }
  }
  void commit() {
    db_.exec("COMMIT");
    done_ = true;
  }

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace powerlist::desk
