// The desk's API (CLI.md "serve"): submissions in, their findings, decisions, states, the
// marked-up workbook and letter back, the overview, and publishing.
#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "desk/desk_app.hpp"
#include "desk/desk_crypto.hpp"
#include "desk/desk_json.hpp"
#include "desk/desk_zip.hpp"
#include "powerlist/calendar.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/session.hpp"
#include "powerlist/text.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist::desk {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxReason = 4000;
constexpr size_t kMaxSubmissionsPerUpload = 500;  // each is a check on the one worker

// The name a file was uploaded under, for display only (it is stored by content hash): the
// last path component, no control characters, at most 200 bytes of valid UTF-8.
std::string display_name(const std::string& uploaded) {
  std::string name = uploaded.substr(uploaded.find_last_of("/\\") + 1);
  std::string clean;
  for (const char c : name)
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) clean += c;
  if (find_invalid_utf8(clean) != std::string::npos) clean = "upload";
  while (clean.size() > 200) {
    clean.pop_back();
    while (!clean.empty() && (static_cast<unsigned char>(clean.back()) & 0xC0) == 0x80)
      clean.pop_back();
    if (!clean.empty() && static_cast<unsigned char>(clean.back()) >= 0xC0) clean.pop_back();
  }
  if (clean.empty() || clean == "." || clean == "..") clean = "upload";
  return clean;
}

std::string stored_extension(const std::string& name) {
  std::string ext = fs::path(name).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return has_workbook_extension(name) || ext == ".zip" ? ext : ".bin";
}

std::string percent_encoded(const std::string& s) {
  std::string out;
  for (const unsigned char c : s)
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  return out;
}

void send_download(httplib::Response& res, const std::string& bytes, const std::string& name,
                   const char* type) {
  res.set_header("Content-Disposition", "attachment; filename=\"download" +
                                            fs::path(name).extension().string() +
                                            "\"; filename*=UTF-8''" + percent_encoded(name));
  res.set_content(bytes, type);
}

std::string decision_json(const std::optional<Decision>& d) {
  if (!d) return "null";
  return fmt::format("{{\"verdict\": {}, \"reason\": {}, \"by\": {}, \"at\": {}, \"carried\": {}}}",
                     jstr(d->verdict), jstr(d->reason), jstr(d->by), jstr(d->at),
                     d->carried_from ? "true" : "false");
}

int64_t id_of(const httplib::Request& req) {
  try {
    return std::stoll(req.matches[1]);
  } catch (...) {
    return -1;
  }
}

// The submission named in the path, if the caller may see it; else the answer is sent.
std::optional<Submission> visible(DeskApp& app, const httplib::Request& req, httplib::Response& res,
                                  Caller& who) {
  auto c = app.caller(req);
  if (!c) {
    send_error(res, 401, "请先登录", "log in first");
    return std::nullopt;
  }
  who = *c;
  auto s = app.store->submission(id_of(req));
  if (!s) {
    send_error(res, 404, "没有这份收件", "no such submission");
    return std::nullopt;
  }
  if (!may_see(who, *s)) {
    send_error(res, 403, "这份收件属于其他部门", "this submission belongs to another department");
    return std::nullopt;
  }
  return s;
}

bool office_only(const Caller& who, httplib::Response& res) {
  if (who.office()) return true;
  send_error(res, 403, "只有审核机关的账号可以这样做", "only an office account may do this");
  return false;
}

bool reviewable(const Submission& s, httplib::Response& res) {
  if (s.state != "checking" && s.state != "failed") return true;
  send_error(res, 409, s.state == "checking" ? "这份收件还在检查中" : "这份收件无法读取，不能审核",
             s.state == "checking" ? "still being checked" : "the file could not be read");
  return false;
}

// Working days from the day after `from` through `to` (weekdays where a year has no calendar).
long working_days_between(const HolidayCalendar& cal, const Date& from, const Date& to) {
  long n = 0;
  for (long d = from.days() + 1; d <= to.days(); ++d) {
    const Date day = Date::from_days(d);
    n += cal.is_working_day(day).value_or(day.weekday() <= 5);
  }
  return n;
}

}  // namespace

bool may_see(const Caller& c, const Submission& s) {
  return c.office() || (!c.department.empty() && c.department == s.department);
}

std::string submission_json(const Submission& s) {
  return fmt::format(
      "{{\"id\": {}, \"department\": {}, \"file\": {}, \"state\": {}, \"error\": {}, "
      "\"items\": {}, \"findings\": {}, \"decided\": {}, \"open\": {}, \"revision_of\": {}, "
      "\"received\": {}, \"returned\": {}}}",
      s.id, jstr(s.department), jstr(s.file), jstr(s.state), jstr(s.error), s.items, s.findings,
      s.decided, s.open, s.revision_of ? std::to_string(*s.revision_of) : "null", jstr(s.received),
      s.returned.empty() ? "null" : jstr(s.returned));
}

void add_submission_routes(httplib::Server& srv, DeskApp& app) {
  srv.Post("/api/submissions", [&app](const httplib::Request& req, httplib::Response& res) {
    const auto who = app.caller(req);
    if (!who) return send_error(res, 401, "请先登录", "log in first");
    if (!req.is_multipart_form_data() || !req.has_file("file"))
      return send_error(res, 400, "需要 multipart 表单，含一个或多个 file 部分",
                        "a multipart form with one or more file parts expected");
    std::string department =
        req.has_file("department") ? req.get_file_value("department").content : "";
    if (department.size() > 200 || find_invalid_utf8(department) != std::string::npos)
      return send_error(res, 400, "部门名称过长或不是 UTF-8", "department too long or not UTF-8");
    if (!who->office()) department = who->department;  // a department uploads its own only
    // One file part is one submission; a .zip is a folder: a catalog (powerlist.yaml at its
    // top) is one submission, otherwise every workbook in it is one. Every archive is read
    // before anything is stored, so a refused one leaves nothing behind.
    std::vector<std::pair<std::string, std::string>> uploads;  // name, bytes
    ZipLimits budget;  // one budget for every archive of the request, not one each
    const auto [begin, end] = req.files.equal_range("file");
    for (auto it = begin; it != end; ++it) {
      const std::string name = display_name(it->second.filename);
      if (stored_extension(name) != ".zip") {
        uploads.emplace_back(name, it->second.content);
        continue;
      }
      ZipFolder folder = read_zip_folder(it->second.content, budget);
      for (const auto& m : folder.members) {
        budget.max_total_bytes -= std::min(budget.max_total_bytes, m.bytes.size());
        budget.max_members -= std::min<size_t>(budget.max_members, 1);
      }
      if (!folder.error.zh.empty())
        return send_error(res, 400, name + "：" + folder.error.zh, name + ": " + folder.error.en);
      if (holds_catalog(folder)) {
        uploads.emplace_back(name, it->second.content);
        continue;
      }
      const size_t before = uploads.size();
      for (auto& m : folder.members)
        if (is_workbook_member(m)) uploads.emplace_back(display_name(m.path), std::move(m.bytes));
      if (uploads.size() == before)
        return send_error(
            res, 400, name + "：压缩包中既没有工作簿（.xls .xlsx .et .csv）也没有 powerlist.yaml",
            name + ": the archive holds neither workbooks nor a powerlist.yaml");
    }
    if (uploads.size() > kMaxSubmissionsPerUpload)
      return send_error(
          res, 400, fmt::format("一次最多收 {} 份工作簿，请分批上传", kMaxSubmissionsPerUpload),
          fmt::format("at most {} workbooks at once: upload in batches", kMaxSubmissionsPerUpload));
    std::string list;
    for (const auto& [name, bytes] : uploads) {
      const std::string blob = sha256_hex(bytes) + stored_extension(name);
      const fs::path path = fs::path(app.files_dir) / blob;
      std::error_code ec;
      if (!fs::exists(path, ec)) {
        // Written whole (temporary file, then renamed) before the submission exists: a desk
        // killed mid-upload leaves no half submission.
        if (const Message err = write_file_atomic(path.string(), bytes); !err.zh.empty())
          return send_error(res, 500, err.zh, err.en);
      }
      const int64_t id = app.store->add_submission(department, name, blob, who->name);
      app.queue_check(id);
      app.log(fmt::format("#{} 收件：{}（{} 字节）", id, name, bytes.size()));
      list += fmt::format(
          "{}{{\"id\": {}, \"department\": {}, \"file\": {}, \"state\": "
          "\"checking\"}}",
          list.empty() ? "" : ", ", id, jstr(department), jstr(name));
    }
    send_json(res, "{\"submissions\": [" + list + "]}", 202);
  });

  srv.Get("/api/submissions", [&app](const httplib::Request& req, httplib::Response& res) {
    const auto who = app.caller(req);
    if (!who) return send_error(res, 401, "请先登录", "log in first");
    if (!who->office() && who->department.empty()) return send_json(res, "{\"submissions\": []}");
    std::string list;
    for (const auto& s : app.store->submissions(who->office() ? "" : who->department))
      list += (list.empty() ? "\n  " : ",\n  ") + submission_json(s);
    send_json(res, "{\"submissions\": [" + list + "]}");
  });

  srv.Get(R"(/api/submissions/(\d+))", [&app](const httplib::Request& req, httplib::Response& res) {
    Caller who;
    if (const auto s = visible(app, req, res, who)) send_json(res, submission_json(*s));
  });

  srv.Get(R"(/api/submissions/(\d+)/findings)",
          [&app](const httplib::Request& req, httplib::Response& res) {
            Caller who;
            const auto s = visible(app, req, res, who);
            if (!s) return;
            std::string list;
            for (const auto& f : app.store->findings(s->id))
              list += fmt::format("{}{}, \"id\": {}, \"item_name\": {}, \"decision\": {}}}",
                                  list.empty() ? "\n  " : ",\n  ", f.json, f.id, jstr(f.item),
                                  decision_json(f.decision));
            send_json(res, "{\"findings\": [" + list + "]}");
          });

  srv.Post(R"(/api/submissions/(\d+)/department)",
           [&app](const httplib::Request& req, httplib::Response& res) {
             Caller who;
             const auto s = visible(app, req, res, who);
             if (!s || !office_only(who, res)) return;
             const auto body = parse_flat_object(req.body);
             if (!body || !body->count("department") || body->at("department").empty() ||
                 body->at("department").size() > 200)
               return send_error(res, 400, "需要 department（部门名称）", "department expected");
             app.store->set_department(s->id, body->at("department"));
             send_json(res, "{\"ok\": true}");
           });
}

void add_review_routes(httplib::Server& srv, DeskApp& app) {
  srv.Post(R"(/api/findings/(\d+)/decision)", [&app](const httplib::Request& req,
                                                     httplib::Response& res) {
    const auto who = app.caller(req);
    if (!who) return send_error(res, 401, "请先登录", "log in first");
    if (!office_only(*who, res)) return;
    const auto f = app.store->finding(id_of(req));
    if (!f) return send_error(res, 404, "没有这条审核意见", "no such finding");
    const auto body = parse_flat_object(req.body);
    if (!body) return send_error(res, 400, "请求体应为 JSON 对象", "a JSON object expected");
    const std::string verdict = body->count("verdict") ? body->at("verdict") : "";
    std::string reason = body->count("reason") ? body->at("reason") : "";
    if (verdict != "confirmed" && verdict != "dismissed")
      return send_error(res, 400, "verdict 应为 confirmed 或 dismissed",
                        "verdict is confirmed or dismissed");
    if (verdict == "dismissed" && reason.find_first_not_of(" \t\r\n") == std::string::npos)
      return send_error(res, 400, "不采纳需要写明理由", "a dismissal needs a reason");
    if (reason.size() > kMaxReason)
      return send_error(res, 400, "理由过长（至多 4000 字节）", "reason too long (4000 bytes)");
    app.store->decide(f->id, Decision{verdict, reason, who->name.empty() ? "审核人" : who->name, "",
                                      std::nullopt});
    send_json(res, "{\"ok\": true, \"decision\": " +
                       decision_json(app.store->finding(f->id)->decision) + "}");
  });

  srv.Post(R"(/api/submissions/(\d+)/state)", [&app](const httplib::Request& req,
                                                     httplib::Response& res) {
    Caller who;
    const auto s = visible(app, req, res, who);
    if (!s || !office_only(who, res) || !reviewable(*s, res)) return;
    const auto body = parse_flat_object(req.body);
    const std::string state = body && body->count("state") ? body->at("state") : "";
    if (state != "已退回" && state != "已通过")
      return send_error(res, 400, "state 应为 已退回 或 已通过", "state is 已退回 or 已通过");
    app.store->set_state(s->id, state, who.name.empty() ? "审核人" : who.name);
    app.log(fmt::format("#{} {}", s->id, state));
    send_json(res, "{\"ok\": true}");
  });

  // The department's workbook marked up, and the letter, with confirmed and undecided findings.
  auto export_route = [&app](bool workbook) {
    return [&app, workbook](const httplib::Request& req, httplib::Response& res) {
      Caller who;
      const auto s = visible(app, req, res, who);
      if (!s || !reviewable(*s, res)) return;
      const auto file = app.stored_file(*s);
      if (!file) return send_error(res, 500, "上传的文件丢失", "the uploaded file is missing");
      const std::set<std::string> keep = app.kept_findings(s->id);
      std::string error;
      const std::string bytes =
          app.worker
              .post([&] {
                return workbook ? annotated_workbook(*file, app.settings, keep, error)
                                : letter_pdf(*file, app.settings, keep, error);
              })
              .get();
      if (!error.empty()) return send_error(res, 500, error, error);
      const std::string stem = fs::path(s->file).stem().string();
      if (workbook)
        send_download(res, bytes, stem + "（审核意见）.xlsx",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      else
        send_download(res, bytes, stem + "（审核意见书）.pdf", "application/pdf");
    };
  };
  srv.Get(R"(/api/submissions/(\d+)/annotated\.xlsx)", export_route(true));
  srv.Get(R"(/api/submissions/(\d+)/letter\.pdf)", export_route(false));

  srv.Get(R"(/api/submissions/(\d+)/diff)", [&app](const httplib::Request& req,
                                                   httplib::Response& res) {
    Caller who;
    const auto s = visible(app, req, res, who);
    if (!s || !reviewable(*s, res)) return;
    const auto before = s->revision_of ? app.store->submission(*s->revision_of) : std::nullopt;
    if (!before) return send_error(res, 404, "这份收件不是修改稿", "not a revision");
    const auto a = app.stored_file(*before), b = app.stored_file(*s);
    if (!a || !b) return send_error(res, 500, "上传的文件丢失", "the uploaded file is missing");
    std::string error;
    const std::string json =
        app.worker.post([&] { return revision_diff_json(*a, *b, app.settings, error); }).get();
    if (!error.empty()) return send_error(res, 500, error, error);
    send_json(res, json);
  });

  srv.Get("/api/overview", [&app](const httplib::Request& req, httplib::Response& res) {
    const auto who = app.caller(req);
    if (!who) return send_error(res, 401, "请先登录", "log in first");
    std::map<std::string, std::vector<Submission>> by_dept;
    for (auto& s : app.store->submissions(who->office() ? "" : who->department))
      by_dept[s.department].push_back(std::move(s));
    const HolidayCalendar& cal = shipped_data(app.settings.data_dir)->calendar();
    const Date now = today();
    std::string list;
    for (const auto& [dept, subs] : by_dept) {
      const Submission& last = subs.back();
      std::string since = "null", due = "null";
      if (last.state == "已退回") {
        if (const auto r = parse_date(last.returned)) {
          since = std::to_string(working_days_between(cal, *r, now));
          due = jstr(revision_due(cal, *r).date.str());
        }
      }
      list += fmt::format(
          "{}{{\"department\": {}, \"latest\": {}, \"revisions\": {}, "
          "\"days_since_returned\": {}, \"revision_due\": {}}}",
          list.empty() ? "\n  " : ",\n  ", jstr(dept), submission_json(last), subs.size(), since,
          due);
    }
    send_json(res, "{\"today\": " + jstr(now.str()) + ", \"departments\": [" + list + "]}");
  });

  srv.Post("/api/publish", [&app](const httplib::Request& req, httplib::Response& res) {
    const auto who = app.caller(req);
    if (!who) return send_error(res, 401, "请先登录", "log in first");
    if (!office_only(*who, res)) return;
    std::map<std::string, std::string> latest;  // department → its latest approved workbook
    for (const auto& s : app.store->submissions())
      if (s.state == "已通过") latest[s.department] = (fs::path(app.files_dir) / s.blob).string();
    if (latest.empty())
      return send_error(res, 409, "还没有已通过的收件", "no approved submission yet");
    size_t folders = 0;
    for (const auto& [dept, path] : latest) folders += fs::path(path).extension() == ".zip";
    if (folders > 0 && latest.size() > 1)
      return send_error(
          res, 409,
          "已通过的收件中有 powerlist 目录文件夹（.zip），它只能单独发布，不能与其他部门的工作簿"
          "合并：请把各部门并入同一个目录文件夹，或都以工作簿报送",
          "an approved submission is a powerlist catalog folder (.zip), which is published on "
          "its own, not together with other departments' workbooks");
    // Each workbook under its department's name (the catalog's title and sources show it),
    // in a folder of the desk's own, replaced on every publish.
    const fs::path input = fs::path(app.config.data_dir) / "publish-input";
    std::error_code ec;
    fs::remove_all(input, ec);
    fs::create_directories(input, ec);
    std::vector<std::string> paths;
    for (const auto& [dept, path] : latest) {
      const fs::path named = input / (display_name(dept) + fs::path(path).extension().string());
      fs::copy_file(path, named, fs::copy_options::overwrite_existing, ec);
      if (ec) return send_error(res, 500, "无法准备发布：" + ec.message(), ec.message());
      paths.push_back(named.string());
    }
    const PublishOutcome out =
        app.worker.post([&] { return publish_workbooks(paths, app.settings, app.site_dir); }).get();
    if (!out.error.empty()) return send_error(res, 500, out.error, out.error);
    app.log(fmt::format("发布：{} 个部门，{} 项", latest.size(), out.items));
    send_json(res, fmt::format("{{\"site\": \"/site/index.html\", \"items\": {}, "
                               "\"departments\": {}}}",
                               out.items, latest.size()));
  });
}

}  // namespace powerlist::desk
