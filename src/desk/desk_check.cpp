#include "desk/desk_check.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "desk/desk_json.hpp"
#include "desk/desk_zip.hpp"
#include "powerlist/audit.hpp"
#include "powerlist/diff.hpp"
#include "powerlist/export.hpp"
#include "powerlist/fsio.hpp"
#include "powerlist/law.hpp"
#include "powerlist/output_dir.hpp"
#include "powerlist/publish.hpp"
#include "powerlist/report.hpp"
#include "powerlist/session.hpp"
#include "powerlist/text.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist::desk {

namespace fs = std::filesystem;

namespace {

SessionOptions session_options(const CheckSettings& s) {
  SessionOptions o;
  o.jobs = 1;
  o.share_shipped_data = true;  // one registry per region for the desk's lifetime
  o.data_dir = s.data_dir;
  o.region = s.region;
  return o;
}

bool is_catalog_zip(const std::string& name) {
  std::string ext = fs::path(name).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".zip";
}

// A folder that is removed with its owner: where a zipped catalog is read from.
class ScratchFolder {
 public:
  ScratchFolder() = default;
  explicit ScratchFolder(std::string path) : path_(std::move(path)) {}
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  ~ScratchFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Unpacks a zipped catalog folder into `dir` (replaced); "" or the reason it cannot be read.
std::string unpack_catalog(const std::string& bytes, const std::string& dir) {
  const ZipFolder folder = read_zip_folder(bytes);
  if (!folder.error.zh.empty()) return folder.error.zh + " / " + folder.error.en;
  if (!holds_catalog(folder))
    return "压缩包中没有 powerlist.yaml / the archive holds no powerlist.yaml";
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (const Message err = unpack_folder(folder, dir); !err.zh.empty())
    return err.zh + " / " + err.en;
  return "";
}

// A checked submission, with the folder its catalog was unpacked into (kept while it is used).
struct Checked {
  std::unique_ptr<ScratchFolder> folder;
  std::unique_ptr<Session> session;
  Session* operator->() const { return session.get(); }
  explicit operator bool() const { return session != nullptr; }
};

Checked checked(const StoredFile& f, const CheckSettings& s, std::string& error) {
  Checked out;
  if (is_catalog_zip(f.name)) {
    static unsigned serial = 0;  // the worker is one thread; each unpacking its own folder
    out.folder = std::make_unique<ScratchFolder>(
        (fs::path(s.scratch_dir.empty() ? fs::temp_directory_path().string() : s.scratch_dir) /
         fmt::format("catalog-{}-{}", ::getpid(), ++serial))
            .string());
    error = unpack_catalog(f.bytes, out.folder->path());
    if (!error.empty()) return {};
    out.session = Session::open({SessionInput::path(out.folder->path())}, session_options(s));
  } else {
    out.session = Session::open({SessionInput::workbook(f.name, f.bytes)}, session_options(s));
  }
  if (!out.session->fatal().empty()) {
    error = out.session->fatal();
    return {};
  }
  out.session->check();
  return out;
}

// `law show` for a finding that brings no corrected text of its own: the words in force of what
// its item cites in the finding's cell (else anywhere in the item), at most four provisions.
std::string in_force_json(const Session& s, const PowerItem& item, const Diagnostic& d,
                          const Date& on) {
  std::vector<const Citation*> cited;
  for (const auto& c : item.basis)
    if (c.span.file == d.span.file && c.span.line == d.span.line && c.span.col == d.span.col)
      cited.push_back(&c);
  if (cited.empty())
    for (const auto& c : item.basis) cited.push_back(&c);
  const LawRegistry& reg = s.laws();
  std::string list;
  size_t shown = 0;
  for (const Citation* c : cited) {
    const Instrument* ins = reg.find(c->law.value);
    if (ins && ins->repealed) continue;  // no text is in force: the finding says so
    const LawVersion* v = ins ? ins->version_on(on) : nullptr;
    const LawText* text = v ? reg.text(*ins, *v) : nullptr;
    if (!text) continue;
    for (const auto& ref : c->articles) {
      const ArticleText* art = text->find(ref.value.article);
      if (!art || shown == 4) continue;
      ++shown;
      list += fmt::format("{}{{\"law\": {}, \"version\": {}, \"article\": {}, \"text\": {}}}",
                          list.empty() ? "" : ", ", jstr(ins->name),
                          jstr(v->date.str() + " " + v->kind), jstr(ref.value.str()),
                          jstr(trim(art->provision(ref.value.paragraph, ref.value.item))));
    }
  }
  return list;
}

std::map<std::string, std::string> item_names(const Catalog& c) {
  std::map<std::string, std::string> names;
  for (const auto& d : c.departments)
    for (const auto& it : d.powers) names[item_id(d, it)] = it.name.value;
  return names;
}

// What "the same finding" means across revisions: the item (by name, rows move), the rule, and
// the instrument and articles it cites — or, for a finding about no citation, its words.
std::string carry_key(const Diagnostic& d, const std::map<std::string, std::string>& names) {
  const auto name = names.find(d.item);
  std::string key = (name != names.end() ? name->second : d.item) + "\x1f" + d.rule + "\x1f";
  if (!d.fixes.empty() && d.fixes.front().citation) {
    const auto& c = *d.fixes.front().citation;
    key += c.cited_law.empty() ? c.law : c.cited_law;
    for (const auto& a : c.cited_articles) key += "\x1f" + a;
  } else {
    key += d.message.zh;
  }
  return key;
}

// The same finding in a second run of the same check over the same bytes.
std::string match_key(const Diagnostic& d) {
  return fmt::format("{}\x1f{}\x1f{}:{}\x1f{}", d.rule, d.item, d.span.line, d.span.col,
                     d.message.zh);
}

std::vector<Diagnostic> kept(const Session& s, const std::set<std::string>& keep) {
  std::vector<Diagnostic> out;
  for (const auto& d : s.findings())
    if (keep.count(match_key(d))) {
      out.push_back(d);
      out.back().suppressed = false;  // the office kept it: the department's claim is overruled
    }
  return out;
}

std::string main_department(const Catalog& c) {
  const Department* best = nullptr;
  for (const auto& d : c.departments)
    if (!best || d.powers.size() > best->powers.size()) best = &d;
  return best ? best->name.value : "";
}

}  // namespace

CheckOutcome check_submission(const StoredFile& file, const CheckSettings& settings) {
  CheckOutcome out;
  auto s = checked(file, settings, out.error);
  if (!s) return out;
  out.department = main_department(s->catalog());
  out.items = static_cast<int64_t>(s->catalog().item_count());
  const auto names = item_names(s->catalog());
  std::map<std::string, const PowerItem*> items;
  for (const auto& d : s->catalog().departments)
    for (const auto& it : d.powers) items[item_id(d, it)] = &it;
  const Date now = today();
  ReportInput in{s->findings(), s->sources()};
  in.item_names = &names;
  std::map<std::string, int> seen;  // the n-th finding of a key answers the n-th of the last one
  // A finding the catalog's author suppressed (a `# powerlist: ignore` comment) is the
  // department's claim, not the office's decision: it is listed with the reason given.
  for (const auto& d : s->findings()) {
    const auto name = names.find(d.item);
    std::string key = carry_key(d, names);
    key += "\x1f" + std::to_string(seen[key]++);
    std::string json = finding_json(in, d);
    if (d.suppressed) json += ", \"suppressed\": {\"reason\": " + jstr(d.suppression_reason) + "}";
    const bool has_text =
        !d.fixes.empty() && d.fixes.front().citation && !d.fixes.front().citation->text.empty();
    if (const auto item = items.find(d.item);
        item != items.end() && !has_text && d.rule.rfind("basis/", 0) == 0)
      if (const std::string texts = in_force_json(*s.session, *item->second, d, now);
          !texts.empty())
        json += ", \"in_force\": [" + texts + "]";  // finding_json leaves the object open
    if (s.folder) {  // a catalog folder's files by their names inside it, not the scratch path
      const std::string prefix = s.folder->path() + "/";
      for (size_t at; (at = json.find(prefix)) != std::string::npos;) json.erase(at, prefix.size());
    }
    out.findings.push_back({d.rule, std::string(severity_name(d.severity)),
                            name != names.end() ? name->second : "", std::move(key), match_key(d),
                            std::move(json)});
  }
  return out;
}

std::string annotated_workbook(const StoredFile& file, const CheckSettings& settings,
                               const std::set<std::string>& keep, std::string& error) {
  auto s = checked(file, settings, error);
  if (!s) return "";
  const std::vector<Diagnostic> findings = kept(*s.session, keep);
  const ReviewTable table = build_review_table(s->catalog(), s->sources(), findings, Lang::Zh);
  // A catalog folder has no workbook of its own: it gets export's review workbook.
  if (is_catalog_zip(file.name)) return render_review_xlsx(table, &error);
  const WorkbookRead book = read_workbook(file.bytes);
  if (!book.error.zh.empty()) {
    error = book.error.zh;
    return "";
  }
  const AnnotateInput in{book.book, file.name,          s->catalog(), s->sources(),
                         findings,  s->import_report(), table,        Lang::Zh};
  return render_annotated_xlsx(in, &error);
}

std::string letter_pdf(const StoredFile& file, const CheckSettings& settings,
                       const std::set<std::string>& keep, std::string& error) {
  auto s = checked(file, settings, error);
  if (!s) return "";
  const std::vector<Diagnostic> findings = kept(*s.session, keep);
  // The letter is the office's: a submitted catalog's own `audit:` settings (addressee, 文号,
  // issuer, date) do not reach it.
  Catalog catalog = s->catalog();
  catalog.project.audit = AuditSettings{};
  const AuditInput in{catalog,       s->sources(),    findings,      s->laws(),
                      s->calendar(), s->load().files, AuditLetter{}, true};
  return render_audit_pdf(build_audit(in), &error);
}

std::string revision_diff_json(const StoredFile& before, const StoredFile& after,
                               const CheckSettings& settings, std::string& error) {
  auto a = checked(before, settings, error);
  Checked b;
  if (a) b = checked(after, settings, error);
  if (!b) return "";
  return render_diff_json(diff_catalogs(*a.session, *b.session));
}

PublishOutcome publish_workbooks(const std::vector<std::string>& paths,
                                 const CheckSettings& settings, const std::string& out_dir) {
  PublishOutcome out;
  std::vector<std::string> inputs;
  for (const auto& path : paths) {
    if (!is_catalog_zip(path)) {
      inputs.push_back(path);
      continue;
    }
    std::string bytes;
    if (read_regular_file(path, 200u << 20, bytes) != ReadStatus::Ok) {
      out.error = "无法读取 " + path;
      return out;
    }
    const std::string dir = (fs::path(path).parent_path() / fs::path(path).stem()).string();
    if (std::string err = unpack_catalog(bytes, dir); !err.empty()) {
      out.error = err;
      return out;
    }
    inputs.push_back(dir);
  }
  auto s = Session::open(inputs, session_options(settings));
  if (!s->fatal().empty()) {
    out.error = s->fatal();
    return out;
  }
  s->check();
  Message refusal;
  auto dir = OutputDir::open(out_dir, OutputGuard{}, refusal);
  if (!dir) {
    out.error = refusal.zh;
    return out;
  }
  PublishOptions po;
  po.jobs = 1;
  po.formats = {true, false, false, false};  // the site's charts (SVG); no PDFs to wait for
  if (const Message err = publish_all(s->catalog(), s->items(), *dir, po); !err.zh.empty()) {
    out.error = err.zh;
    return out;
  }
  out.items = collect_public_items(s->items()).size();
  return out;
}

}  // namespace powerlist::desk
