#include "desk/desk_check.hpp"

#include <fmt/format.h>

#include <map>

#include "powerlist/audit.hpp"
#include "powerlist/diff.hpp"
#include "powerlist/export.hpp"
#include "powerlist/output_dir.hpp"
#include "powerlist/publish.hpp"
#include "powerlist/report.hpp"
#include "powerlist/session.hpp"
#include "powerlist/workbook.hpp"

namespace powerlist::desk {

namespace {

SessionOptions session_options(const CheckSettings& s) {
  SessionOptions o;
  o.jobs = 1;
  o.share_shipped_data = true;  // one registry per region for the desk's lifetime
  o.data_dir = s.data_dir;
  o.region = s.region;
  return o;
}

std::unique_ptr<Session> checked(const StoredFile& f, const CheckSettings& s, std::string& error) {
  auto session = Session::open({SessionInput::workbook(f.name, f.bytes)}, session_options(s));
  if (!session->fatal().empty()) {
    error = session->fatal();
    return nullptr;
  }
  session->check();
  return session;
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
    if (!d.suppressed && keep.count(match_key(d))) out.push_back(d);
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
  ReportInput in{s->findings(), s->sources()};
  in.item_names = &names;
  std::map<std::string, int> seen;  // the n-th finding of a key answers the n-th of the last one
  for (const auto& d : s->findings()) {
    if (d.suppressed) continue;
    const auto name = names.find(d.item);
    std::string key = carry_key(d, names);
    key += "\x1f" + std::to_string(seen[key]++);
    out.findings.push_back({d.rule, std::string(severity_name(d.severity)),
                            name != names.end() ? name->second : "", std::move(key), match_key(d),
                            finding_json(in, d)});
  }
  return out;
}

std::string annotated_workbook(const StoredFile& file, const CheckSettings& settings,
                               const std::set<std::string>& keep, std::string& error) {
  auto s = checked(file, settings, error);
  if (!s) return "";
  const WorkbookRead book = read_workbook(file.bytes);
  if (!book.error.zh.empty()) {
    error = book.error.zh;
    return "";
  }
  const std::vector<Diagnostic> findings = kept(*s, keep);
  const ReviewTable table = build_review_table(s->catalog(), s->sources(), findings, Lang::Zh);
  const AnnotateInput in{book.book, file.name,          s->catalog(), s->sources(),
                         findings,  s->import_report(), table,        Lang::Zh};
  return render_annotated_xlsx(in, &error);
}

std::string letter_pdf(const StoredFile& file, const CheckSettings& settings,
                       const std::set<std::string>& keep, std::string& error) {
  auto s = checked(file, settings, error);
  if (!s) return "";
  const std::vector<Diagnostic> findings = kept(*s, keep);
  const AuditInput in{s->catalog(),  s->sources(),    findings,      s->laws(),
                      s->calendar(), s->load().files, AuditLetter{}, true};
  return render_audit_pdf(build_audit(in), &error);
}

std::string revision_diff_json(const StoredFile& before, const StoredFile& after,
                               const CheckSettings& settings, std::string& error) {
  auto a = checked(before, settings, error);
  auto b = a ? checked(after, settings, error) : nullptr;
  if (!b) return "";
  return render_diff_json(diff_catalogs(*a, *b));
}

PublishOutcome publish_workbooks(const std::vector<std::string>& paths,
                                 const CheckSettings& settings, const std::string& out_dir) {
  PublishOutcome out;
  auto s = Session::open(paths, session_options(settings));
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
