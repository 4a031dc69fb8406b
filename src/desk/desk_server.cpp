// The desk's HTTP server: the checks every request passes (Host, login, CSRF), the pages, the
// published site, login, and the start-up work (folders, store, checks left by a killed desk).
#include <fmt/format.h>
#include <sys/socket.h>

#include <filesystem>

#include "desk/desk_app.hpp"
#include "desk/desk_assets.hpp"
#include "desk/desk_crypto.hpp"
#include "desk/desk_json.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/law.hpp"

namespace powerlist {

using namespace desk;
namespace fs = std::filesystem;

namespace {

constexpr const char* kCookie = "pl_session";
constexpr size_t kMaxRequestBytes = 80u << 20;  // a 50 MB workbook with room for the form

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  const std::string all = req.get_header_value("Cookie");
  size_t i = 0;
  while (i < all.size()) {
    size_t end = all.find(';', i);
    if (end == std::string::npos) end = all.size();
    std::string part = all.substr(i, end - i);
    const size_t start = part.find_first_not_of(' ');
    if (start != std::string::npos) part.erase(0, start);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    i = end + 1;
  }
  return "";
}

// The Host a request names must be this desk (a page elsewhere cannot reach it by a name that
// resolves to it: DNS rebinding).
bool host_allowed(const std::string& host_header, const std::string& listen_host, int port) {
  std::string host = host_header, host_port;
  if (!host.empty() && host.front() == '[') {  // [::1]:8080
    const size_t close = host.find(']');
    if (close == std::string::npos) return false;
    host_port = host.substr(close + 1);
    host = host.substr(1, close - 1);
  } else if (const size_t colon = host.rfind(':'); colon != std::string::npos) {
    host_port = host.substr(colon);
    host = host.substr(0, colon);
  }
  if (!host_port.empty() && host_port != ":" + std::to_string(port)) return false;
  return host == "localhost" || host == "127.0.0.1" || host == "::1" || host == listen_host;
}

std::string site_type(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".pdf") return "application/pdf";
  return "application/octet-stream";
}

}  // namespace

bool is_loopback_host(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

void desk::send_json(httplib::Response& res, const std::string& json, int status) {
  res.status = status;
  res.set_content(json, "application/json; charset=utf-8");
}

void desk::send_error(httplib::Response& res, int status, const std::string& zh,
                      const std::string& en) {
  send_json(res, fmt::format("{{\"error\": {}, \"error_en\": {}}}", jstr(zh), jstr(en)), status);
}

std::optional<Caller> DeskApp::caller(const httplib::Request& req) {
  const std::string token = cookie_value(req, kCookie);
  if (!token.empty() && token.size() <= 128) {
    if (auto login = store->login(sha256_hex(token))) {
      if (auto u = store->user(login->user))
        return Caller{u->name, u->role, u->department, login->csrf, true};
    }
  }
  if (accounts_required) return std::nullopt;
  Caller c;
  c.csrf = anonymous_csrf;
  return c;
}

std::optional<StoredFile> DeskApp::stored_file(const Submission& s) const {
  StoredFile f{s.file, {}};
  if (read_regular_file((fs::path(files_dir) / s.blob).string(), kMaxRequestBytes, f.bytes) !=
      ReadStatus::Ok)
    return std::nullopt;
  return f;
}

void DeskApp::queue_check(int64_t id) {
  worker.post([this, id] {
    const auto s = store->submission(id);
    if (!s || s->state != "checking") return;
    const auto file = stored_file(*s);
    if (!file) {
      store->fail_check(id, "上传的文件丢失 / the uploaded file is missing");
      return;
    }
    try {
      const CheckOutcome out = check_submission(*file, settings);
      if (!out.error.empty()) {
        store->fail_check(id, out.error);
        log(fmt::format("#{} {}：无法读取（{}）", id, s->file, out.error));
        return;
      }
      store->finish_check(id, out.department, out.items, out.findings);
      log(fmt::format("#{} {}：{} 项，{} 条审核意见", id, s->file, out.items, out.findings.size()));
    } catch (const SqliteError& e) {
      log(std::string("数据库错误 / database error: ") + e.what());
    } catch (const std::exception& e) {  // a check that throws fails this submission only
      store->fail_check(id, std::string("检查失败 / check failed: ") + e.what());
    }
  });
}

std::set<std::string> DeskApp::kept_findings(int64_t submission) {
  std::set<std::string> keep;
  for (const auto& f : store->findings(submission))
    if (!f.decision || f.decision->verdict != "dismissed") keep.insert(f.match_key);
  return keep;
}

struct Desk::Impl {
  DeskApp app;
  httplib::Server server;
  int port = 0;
};

Desk::Desk() : impl_(std::make_unique<Impl>()) {}
Desk::~Desk() = default;

std::unique_ptr<Desk> Desk::open(const DeskConfig& config, Message& error) {
  std::unique_ptr<Desk> desk(new Desk());
  DeskApp& app = desk->impl_->app;
  app.config = config;
  app.files_dir = (fs::path(config.data_dir) / "files").string();
  app.site_dir = (fs::path(config.data_dir) / "site").string();
  std::error_code ec;
  fs::create_directories(app.files_dir, ec);
  if (ec) {
    error = {"无法创建审核台文件夹 " + config.data_dir + "：" + ec.message(),
             "cannot create the desk folder " + config.data_dir + ": " + ec.message()};
    return nullptr;
  }
  app.store = DeskStore::open((fs::path(config.data_dir) / "desk.sqlite3").string(), error);
  if (!app.store) return nullptr;
  app.accounts_required = !is_loopback_host(config.host);
  if (app.accounts_required && app.store->user_count() == 0) {
    error = {
        "在 " + config.host +
            " 上监听需要账号，先用 powerlist serve --add-user 名称 --role office 添加一个",
        "listening on " + config.host +
            " needs accounts: add one first with powerlist serve --add-user NAME --role office"};
    return nullptr;
  }
  // Catalog folders are unpacked under DIR/work while read; a killed desk's leftovers go now.
  const std::string scratch = (fs::path(config.data_dir) / "work").string();
  fs::remove_all(scratch, ec);
  app.settings = {config.shipped, config.region, scratch};
  const std::string shipped = config.shipped.empty() ? data_dir() : config.shipped;
  if (const auto d = law_base_date((fs::path(shipped) / "catalogs" / "laws").string()))
    app.law_base = d->str();
  app.anonymous_csrf = random_hex(16);
  for (const int64_t id : app.store->pending_checks()) app.queue_check(id);
  return desk;
}

// SO_REUSEADDR only (httplib's default adds SO_REUSEPORT, which would let a second desk take
// the same port without a word).
static void reuse_address(socket_t sock) {
  int yes = 1;
  setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

int Desk::bind(Message& error) {
  Impl& m = *impl_;
  DeskApp& app = m.app;
  httplib::Server& srv = m.server;
  srv.set_payload_max_length(kMaxRequestBytes);
  srv.new_task_queue = [] { return new httplib::ThreadPool(16); };
  srv.set_pre_routing_handler([&app, &m](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-store");
    if (req.path.rfind("/site/", 0) != 0)
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                     "form-action 'self'; base-uri 'none'");
    if (!host_allowed(req.get_header_value("Host"), app.config.host, m.port)) {
      send_error(res, 421, "请求的主机名不是本审核台", "the request's Host is not this desk");
      return httplib::Server::HandlerResponse::Handled;
    }
    const bool open_path =
        req.method == "GET" && (req.path == "/" || find_desk_asset(req.path) ||
                                req.path == "/api/session" || req.path == "/api/health");
    const bool login = req.method == "POST" && req.path == "/api/login";
    const auto who = app.caller(req);
    if (!who && !open_path && !login) {
      send_error(res, 401, "请先登录", "log in first");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      const std::string token = req.get_header_value("X-CSRF-Token");
      const std::string expected = who ? who->csrf : app.anonymous_csrf;
      if (token.empty() || !same_secret(token, expected)) {
        send_error(res, 403, "缺少或错误的 X-CSRF-Token（先 GET /api/session）",
                   "missing or wrong X-CSRF-Token (GET /api/session first)");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  auto asset = [](const httplib::Request& req, httplib::Response& res) {
    const DeskAsset* a = find_desk_asset(req.path == "/" ? "/index.html" : req.path);
    if (!a) return send_error(res, 404, "没有这个页面", "no such page");
    res.set_content(a->data.data(), a->data.size(), std::string(a->type).c_str());
  };
  srv.Get("/", asset);
  srv.Get(R"(/[a-z-]+\.(html|js|css|svg))", asset);

  srv.Get("/api/health", [&app](const httplib::Request&, httplib::Response& res) {
    send_json(res, fmt::format("{{\"ok\": true, \"version\": {}, \"law_base\": {}}}",
                               jstr(POWERLIST_VERSION), jstr(app.law_base)));
  });
  srv.Get("/api/session", [&app](const httplib::Request& req, httplib::Response& res) {
    const auto who = app.caller(req);
    std::string user = "null";
    if (who && who->logged_in)
      user = fmt::format("{{\"name\": {}, \"role\": {}, \"department\": {}}}", jstr(who->name),
                         jstr(who->role), jstr(who->department));
    send_json(res, fmt::format("{{\"csrf\": {}, \"user\": {}, \"accounts\": {}}}",
                               jstr(who ? who->csrf : app.anonymous_csrf), user,
                               app.accounts_required ? "true" : "false"));
  });
  srv.Post("/api/login", [&app](const httplib::Request& req, httplib::Response& res) {
    const auto body = parse_flat_object(req.body);
    if (!body || !body->count("user") || !body->count("password"))
      return send_error(res, 400, "需要 user 和 password", "user and password expected");
    const auto u = app.store->user(body->at("user"));
    // The hash is computed for an unknown name too: the time says nothing of which names exist.
    const std::string hash =
        password_hash(body->at("password"), u ? u->salt : "-",
                      u ? static_cast<int>(u->iterations) : kPasswordIterations);
    if (!u || !same_secret(hash, u->hash))
      return send_error(res, 401, "用户名或密码不对", "wrong user name or password");
    const std::string token = random_hex(32), csrf = random_hex(16);
    app.store->add_login(sha256_hex(token), u->name, csrf);
    res.set_header("Set-Cookie", std::string(kCookie) + "=" + token +
                                     "; HttpOnly; SameSite=Strict; Path=/; Max-Age=86400");
    send_json(res, fmt::format("{{\"csrf\": {}, \"user\": {{\"name\": {}, \"role\": {}, "
                               "\"department\": {}}}}}",
                               jstr(csrf), jstr(u->name), jstr(u->role), jstr(u->department)));
  });

  // The published site, read-only; only names build writes (no "..", no absolute paths).
  srv.Get(R"(/site/(.*))", [&app](const httplib::Request& req, httplib::Response& res) {
    std::string rel = req.matches[1];
    if (rel.empty() || rel.back() == '/') rel += "index.html";
    std::string bytes;
    if (!safe_relative_name(rel) ||
        read_regular_file((fs::path(app.site_dir) / "site" / rel).string(), kMaxRequestBytes,
                          bytes) != ReadStatus::Ok)
      return send_error(res, 404, "没有这个文件（尚未发布？）",
                        "no such file (not published yet?)");
    res.set_content(bytes, site_type(rel).c_str());
  });

  add_submission_routes(srv, app);
  add_review_routes(srv, app);
  srv.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
          std::rethrow_exception(ep);
        } catch (const SqliteError& e) {
          what = e.what();
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        send_error(res, 500, "审核台内部错误：" + what, "internal error: " + what);
      });

  // Debian's compiled cpp-httplib listens with a backlog of 5: 200 browsers at once would wait
  // for SYN retries (1 s). Linux lets a listening socket's backlog be raised by listen() again.
  int listening = -1;
  srv.set_socket_options([&listening](socket_t sock) {
    reuse_address(sock);
    listening = sock;
  });
  m.port = m.app.config.port == 0
               ? srv.bind_to_any_port(app.config.host)
               : (srv.bind_to_port(app.config.host, app.config.port) ? app.config.port : -1);
  if (m.port >= 0 && listening >= 0) ::listen(listening, SOMAXCONN);
  srv.set_socket_options(reuse_address);  // `listening` is gone after this function
  if (m.port < 0)
    error = {fmt::format("无法在 {}:{} 上监听（端口被占用或地址不对）", app.config.host,
                         app.config.port),
             fmt::format("cannot listen on {}:{} (port in use or wrong address)", app.config.host,
                         app.config.port)};
  return m.port;
}

void Desk::run() {
  impl_->server.listen_after_bind();
}
void Desk::stop() {
  impl_->server.stop();
}

std::string Desk::url() const {
  const std::string& h = impl_->app.config.host;
  const std::string host = h == "0.0.0.0"                     ? "127.0.0.1"
                           : h.find(':') != std::string::npos ? "[" + h + "]"
                                                              : h;
  return fmt::format("http://{}:{}/", host, impl_->port);
}

Message add_desk_user(const std::string& data_dir, const std::string& name, const std::string& role,
                      const std::string& department, const std::string& password) {
  if (name.empty() || name.size() > 64)
    return {"用户名应为 1–64 个字节", "a user name has 1–64 bytes"};
  if (role != "office" && role != "department")
    return {"--role 应为 office 或 department", "--role is office or department"};
  if (role == "department" && department.empty())
    return {"部门账号需要 --department（部门名称，与收件中的部门一致）",
            "a department account needs --department (the department as submissions name it)"};
  if (password.size() < 8) return {"密码至少 8 个字符", "a password has at least 8 characters"};
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  Message error;
  auto store = DeskStore::open((fs::path(data_dir) / "desk.sqlite3").string(), error);
  if (!store) return error;
  User u{name, role, role == "office" ? "" : department, random_hex(16), "", kPasswordIterations};
  u.hash = password_hash(password, u.salt, kPasswordIterations);
  try {
    store->add_user(u);
  } catch (const SqliteError& e) {
    return {std::string("无法保存账号：") + e.what(),
            std::string("cannot store the account: ") + e.what()};
  }
  return {};
}

}  // namespace powerlist
