#include "desk/desk_store.hpp"

#include <ctime>
#include <map>

#include "powerlist/date.hpp"

namespace powerlist::desk {

namespace {

// Migration N takes the schema from version N-1 to N; never edited once released.
const char* const kMigrations[] = {
    // 1: the first desk.
    R"(CREATE TABLE submissions(
         id INTEGER PRIMARY KEY,
         department TEXT NOT NULL DEFAULT '',
         file TEXT NOT NULL,
         blob TEXT NOT NULL,
         state TEXT NOT NULL,
         error TEXT NOT NULL DEFAULT '',
         items INTEGER NOT NULL DEFAULT 0,
         revision_of INTEGER REFERENCES submissions(id),
         received TEXT NOT NULL,
         returned TEXT NOT NULL DEFAULT '',
         uploaded_by TEXT NOT NULL DEFAULT '');
       CREATE TABLE findings(
         id INTEGER PRIMARY KEY,
         submission INTEGER NOT NULL REFERENCES submissions(id),
         seq INTEGER NOT NULL,
         rule TEXT NOT NULL, severity TEXT NOT NULL, item TEXT NOT NULL,
         carry_key TEXT NOT NULL, match_key TEXT NOT NULL, json TEXT NOT NULL);
       CREATE INDEX findings_by_submission ON findings(submission, seq);
       CREATE INDEX findings_by_carry_key ON findings(submission, carry_key);
       CREATE TABLE decisions(
         id INTEGER PRIMARY KEY,
         finding INTEGER NOT NULL REFERENCES findings(id),
         verdict TEXT NOT NULL, reason TEXT NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL,
         carried_from INTEGER);
       CREATE INDEX decisions_by_finding ON decisions(finding, id);
       CREATE TABLE events(
         id INTEGER PRIMARY KEY, submission INTEGER NOT NULL, what TEXT NOT NULL,
         by TEXT NOT NULL, at TEXT NOT NULL);
       CREATE TABLE users(
         name TEXT PRIMARY KEY, role TEXT NOT NULL, department TEXT NOT NULL,
         salt TEXT NOT NULL, hash TEXT NOT NULL, iterations INTEGER NOT NULL);
       CREATE TABLE logins(
         token TEXT PRIMARY KEY, user TEXT NOT NULL REFERENCES users(name),
         csrf TEXT NOT NULL, created TEXT NOT NULL);)",
};
constexpr int kMigrationCount = sizeof kMigrations / sizeof kMigrations[0];
static_assert(kMigrationCount == kSchemaVersion);

// The submission columns read_submission expects, with the finding counts.
constexpr const char* kSubmissionSelect = R"(
  SELECT s.id, s.department, s.file, s.blob, s.state, s.error, s.received, s.returned,
         s.uploaded_by, s.items, s.revision_of,
         (SELECT count(*) FROM findings f WHERE f.submission = s.id),
         (SELECT count(*) FROM findings f WHERE f.submission = s.id
            AND EXISTS (SELECT 1 FROM decisions d WHERE d.finding = f.id)),
         (SELECT count(*) FROM findings f WHERE f.submission = s.id
            AND coalesce((SELECT d.verdict FROM decisions d WHERE d.finding = f.id
                          ORDER BY d.id DESC LIMIT 1), '') <> 'dismissed')
  FROM submissions s)";

constexpr const char* kLatestDecision = R"(
  (SELECT d.id FROM decisions d WHERE d.finding = f.id ORDER BY d.id DESC LIMIT 1))";

}  // namespace

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::unique_ptr<DeskStore> DeskStore::open(const std::string& path, Message& error) {
  try {
    std::unique_ptr<DeskStore> s(new DeskStore(path));
    s->migrate();
    return s;
  } catch (const SqliteError& e) {
    error = {"无法打开审核台数据库 " + path + "：" + e.what(),
             "cannot open the desk database " + path + ": " + e.what()};
    return nullptr;
  }
}

void DeskStore::migrate() {
  const int have = db_.user_version();
  if (have > kSchemaVersion)
    throw SqliteError("schema version " + std::to_string(have) + " is newer than this powerlist (" +
                      std::to_string(kSchemaVersion) + ")");
  for (int v = have; v < kSchemaVersion; ++v) {
    Transaction tx(db_);
    db_.exec(kMigrations[v]);
    db_.exec("PRAGMA user_version = " + std::to_string(v + 1));
    tx.commit();
  }
  // A check killed with the process is run again; a login older than a day is gone.
  db_.exec("DELETE FROM logins WHERE created < strftime('%Y-%m-%dT%H:%M:%SZ','now','-1 day')");
}

int64_t DeskStore::add_submission(const std::string& department, const std::string& file,
                                  const std::string& blob, const std::string& uploaded_by) {
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  const std::string now = utc_now();
  db_.prepare(
         "INSERT INTO submissions(department, file, blob, state, received, uploaded_by) "
         "VALUES(?, ?, ?, 'checking', ?, ?)")
      .bind(1, department)
      .bind(2, file)
      .bind(3, blob)
      .bind(4, now)
      .bind(5, uploaded_by)
      .run();
  const int64_t id = db_.last_id();
  add_event(id, "收件", uploaded_by, now);
  tx.commit();
  return id;
}

void DeskStore::finish_check(int64_t id, const std::string& department, int64_t items,
                             const std::vector<NewFinding>& findings) {
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  {
    auto st = db_.prepare("SELECT department FROM submissions WHERE id = ? AND state = 'checking'");
    st.bind(1, id);
    if (!st.step()) return;  // already finished (a second run after a restart)
    const std::string named = st.text(0);
    const std::string dept = named.empty() ? department : named;
    // The department's latest earlier submission (one that could be read): when it was
    // returned, this one answers it.
    auto prev = db_.prepare(
        "SELECT id, state FROM submissions WHERE department = ? AND id < ? "
        "AND state NOT IN ('checking', 'failed') ORDER BY id DESC LIMIT 1");
    prev.bind(1, dept).bind(2, id);
    std::optional<int64_t> revision_of;
    if (prev.step() && prev.text(1) == "已退回") revision_of = prev.integer(0);
    auto up = db_.prepare(
        "UPDATE submissions SET department = ?, items = ?, state = ?, revision_of = ? "
        "WHERE id = ?");
    up.bind(1, dept).bind(2, items).bind(3, revision_of ? "已修改" : "审核中");
    if (revision_of)
      up.bind(4, *revision_of);
    else
      up.bind_null(4);
    up.bind(5, id).run();

    // Decisions of the earlier revision, latest per carry key.
    std::map<std::string, std::pair<int64_t, Decision>> earlier;
    if (revision_of) {
      auto q = db_.prepare(std::string(R"(
          SELECT f.id, f.carry_key, d.verdict, d.reason, d.by, d.at FROM findings f
          JOIN decisions d ON d.id = )") +
                           kLatestDecision + " WHERE f.submission = ?");
      q.bind(1, *revision_of);
      while (q.step())
        earlier[q.text(1)] = {q.integer(0), Decision{q.text(2), q.text(3), q.text(4), q.text(5)}};
    }
    auto ins = db_.prepare(
        "INSERT INTO findings(submission, seq, rule, severity, item, carry_key, match_key, json) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    auto carry = db_.prepare(
        "INSERT INTO decisions(finding, verdict, reason, by, at, carried_from) "
        "VALUES(?, ?, ?, ?, ?, ?)");
    int64_t seq = 0;
    const std::string now = utc_now();
    for (const auto& f : findings) {
      ins.reset()
          .bind(1, id)
          .bind(2, seq++)
          .bind(3, f.rule)
          .bind(4, f.severity)
          .bind(5, f.item)
          .bind(6, f.carry_key)
          .bind(7, f.match_key)
          .bind(8, f.json)
          .run();
      const auto it = earlier.find(f.carry_key);
      if (it == earlier.end()) continue;
      const Decision& d = it->second.second;
      carry.reset()
          .bind(1, db_.last_id())
          .bind(2, d.verdict)
          .bind(3, d.reason)
          .bind(4, d.by)
          .bind(5, d.at)
          .bind(6, it->second.first)
          .run();
    }
    add_event(id, "审核", "", now);
  }
  tx.commit();
}

void DeskStore::add_event(int64_t id, const std::string& what, const std::string& by,
                          const std::string& at) {
  db_.prepare("INSERT INTO events(submission, what, by, at) VALUES(?, ?, ?, ?)")
      .bind(1, id)
      .bind(2, what)
      .bind(3, by)
      .bind(4, at)
      .run();
}

void DeskStore::fail_check(int64_t id, const std::string& error) {
  std::lock_guard lock(mutex_);
  db_.prepare("UPDATE submissions SET state = 'failed', error = ? WHERE id = ?")
      .bind(1, error)
      .bind(2, id)
      .run();
}

std::vector<int64_t> DeskStore::pending_checks() {
  std::lock_guard lock(mutex_);
  std::vector<int64_t> ids;
  auto st = db_.prepare("SELECT id FROM submissions WHERE state = 'checking' ORDER BY id");
  while (st.step()) ids.push_back(st.integer(0));
  return ids;
}

Submission DeskStore::read_submission(Statement& st) {
  Submission s;
  s.id = st.integer(0);
  s.department = st.text(1);
  s.file = st.text(2);
  s.blob = st.text(3);
  s.state = st.text(4);
  s.error = st.text(5);
  s.received = st.text(6);
  s.returned = st.text(7);
  s.uploaded_by = st.text(8);
  s.items = st.integer(9);
  if (!st.is_null(10)) s.revision_of = st.integer(10);
  s.findings = st.integer(11);
  s.decided = st.integer(12);
  s.open = st.integer(13);
  return s;
}

std::vector<Submission> DeskStore::submissions(const std::string& department_only) {
  std::lock_guard lock(mutex_);
  std::vector<Submission> out;
  auto st = db_.prepare(std::string(kSubmissionSelect) +
                        " WHERE ? = '' OR s.department = ? ORDER BY s.id");
  st.bind(1, department_only).bind(2, department_only);
  while (st.step()) out.push_back(read_submission(st));
  return out;
}

std::optional<Submission> DeskStore::submission(int64_t id) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(std::string(kSubmissionSelect) + " WHERE s.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_submission(st);
}

namespace {
constexpr const char* kFindingSelect = R"(
  SELECT f.id, f.submission, f.seq, f.rule, f.severity, f.item, f.carry_key, f.match_key, f.json,
         d.verdict, d.reason, d.by, d.at, d.carried_from
  FROM findings f LEFT JOIN decisions d ON d.id = )";

StoredFinding read_finding(Statement& st) {
  StoredFinding f;
  f.id = st.integer(0);
  f.submission = st.integer(1);
  f.seq = st.integer(2);
  f.rule = st.text(3);
  f.severity = st.text(4);
  f.item = st.text(5);
  f.carry_key = st.text(6);
  f.match_key = st.text(7);
  f.json = st.text(8);
  if (!st.is_null(9)) {
    f.decision = Decision{st.text(9), st.text(10), st.text(11), st.text(12), std::nullopt};
    if (!st.is_null(13)) f.decision->carried_from = st.integer(13);
  }
  return f;
}
}  // namespace

std::vector<StoredFinding> DeskStore::findings(int64_t submission) {
  std::lock_guard lock(mutex_);
  std::vector<StoredFinding> out;
  auto st = db_.prepare(std::string(kFindingSelect) + kLatestDecision +
                        " WHERE f.submission = ? ORDER BY f.seq");
  st.bind(1, submission);
  while (st.step()) out.push_back(read_finding(st));
  return out;
}

std::optional<StoredFinding> DeskStore::finding(int64_t id) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(std::string(kFindingSelect) + kLatestDecision + " WHERE f.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_finding(st);
}

void DeskStore::decide(int64_t finding, const Decision& d) {
  std::lock_guard lock(mutex_);
  // Every decision is kept (two officers deciding at once both leave a record); the latest
  // one of a finding counts.
  db_.prepare("INSERT INTO decisions(finding, verdict, reason, by, at) VALUES(?, ?, ?, ?, ?)")
      .bind(1, finding)
      .bind(2, d.verdict)
      .bind(3, d.reason)
      .bind(4, d.by)
      .bind(5, utc_now())
      .run();
}

void DeskStore::set_department(int64_t id, const std::string& department) {
  std::lock_guard lock(mutex_);
  db_.prepare("UPDATE submissions SET department = ? WHERE id = ?")
      .bind(1, department)
      .bind(2, id)
      .run();
}

void DeskStore::set_state(int64_t id, const std::string& state, const std::string& by) {
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  const std::string now = utc_now();
  db_.prepare(
         "UPDATE submissions SET state = ?, "
         "returned = CASE WHEN ? = '已退回' THEN ? ELSE returned END WHERE id = ?")
      .bind(1, state)
      .bind(2, state)
      .bind(3, today().str())  // the local date: working days are counted from it
      .bind(4, id)
      .run();
  add_event(id, state, by, now);
  tx.commit();
}

void DeskStore::add_user(const User& u) {
  std::lock_guard lock(mutex_);
  db_.prepare(
         "INSERT OR REPLACE INTO users(name, role, department, salt, hash, iterations) "
         "VALUES(?, ?, ?, ?, ?, ?)")
      .bind(1, u.name)
      .bind(2, u.role)
      .bind(3, u.department)
      .bind(4, u.salt)
      .bind(5, u.hash)
      .bind(6, u.iterations)
      .run();
}

std::optional<User> DeskStore::user(const std::string& name) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(
      "SELECT name, role, department, salt, hash, iterations FROM users WHERE name = ?");
  st.bind(1, name);
  if (!st.step()) return std::nullopt;
  return User{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.integer(5)};
}

size_t DeskStore::user_count() {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare("SELECT count(*) FROM users");
  return st.step() ? static_cast<size_t>(st.integer(0)) : 0;
}

void DeskStore::add_login(const std::string& token, const std::string& user,
                          const std::string& csrf) {
  std::lock_guard lock(mutex_);
  db_.prepare("INSERT INTO logins(token, user, csrf, created) VALUES(?, ?, ?, ?)")
      .bind(1, token)
      .bind(2, user)
      .bind(3, csrf)
      .bind(4, utc_now())
      .run();
}

std::optional<DeskStore::Login> DeskStore::login(const std::string& token) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(
      "SELECT user, csrf FROM logins WHERE token = ? "
      "AND created >= strftime('%Y-%m-%dT%H:%M:%SZ','now','-1 day')");
  st.bind(1, token);
  if (!st.step()) return std::nullopt;
  return Login{st.text(0), st.text(1)};
}

}  // namespace powerlist::desk
