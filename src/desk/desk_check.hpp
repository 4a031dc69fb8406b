// The desk's work on a submission, through the library's one pipeline (Session): check a
// workbook and keep its findings; mark up the department's own workbook and write the 审核意见书
// with only the findings the office keeps; compare two revisions; publish the approved ones.
// Runs on the desk's one worker thread (Graphviz is not for concurrent threads).
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "desk/desk_store.hpp"

namespace powerlist::desk {

struct CheckSettings {
  std::string data_dir;     // the shipped data ("" = data_dir())
  std::string region;       // --region; else inferred from the workbook
  std::string scratch_dir;  // where a zipped catalog folder is unpacked while it is read
};

// A submission as stored: its name as uploaded and its bytes — a workbook, or a catalog folder
// (powerlist.yaml and its department files) as a .zip.
struct StoredFile {
  std::string name, bytes;
};

struct CheckOutcome {
  std::string department;  // the 行使主体 with the most items
  int64_t items = 0;
  std::vector<NewFinding> findings;  // unsuppressed, in the check's order
  std::string error;                 // both languages joined: the file is not a catalog
};
CheckOutcome check_submission(const StoredFile& file, const CheckSettings& settings);

// The marked-up workbook (`export --annotate`; for a catalog folder the review workbook of
// `export`) or the letter PDF (`audit`) with the findings
// whose match_key is in `keep`; "" with `error` set when the file cannot be read again.
std::string annotated_workbook(const StoredFile& file, const CheckSettings& settings,
                               const std::set<std::string>& keep, std::string& error);
std::string letter_pdf(const StoredFile& file, const CheckSettings& settings,
                       const std::set<std::string>& keep, std::string& error);
// `diff` of two revisions as JSON.
std::string revision_diff_json(const StoredFile& before, const StoredFile& after,
                               const CheckSettings& settings, std::string& error);
// `build` of the given workbooks (paths on disk) into `out_dir`; the site is out_dir/site.
struct PublishOutcome {
  size_t items = 0;
  std::string error;
};
// A path ending in .zip (a stored catalog folder) is unpacked beside it first.
PublishOutcome publish_workbooks(const std::vector<std::string>& paths,
                                 const CheckSettings& settings, const std::string& out_dir);

}  // namespace powerlist::desk
