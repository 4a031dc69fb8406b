// Reading one parsed YAML file against the format tables, with spans and schema findings.
#pragma once
#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "powerlist/diag.hpp"
#include "powerlist/format_spec.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

// The keys of one mapping, by canonical name, after alias/duplicate/unknown checks.
struct Fields {
  struct Entry {
    YAML::Node key, value;
  };
  std::map<std::string_view, Entry> entries;
  Span span;  // the mapping itself
  bool ok = false;
  bool has(std::string_view k) const;
  YAML::Node get(std::string_view k) const;
};

class Reader {
 public:
  Reader(const SourceFile& src, uint32_t file_id, DiagSink& sink)
      : src_(src), file_(file_id), sink_(sink) {}

  void set_item(std::string item) { item_ = std::move(item); }
  // Under profile 权责清单 the service fields are optional (FORMAT.md second wave).
  void set_profile(Profile p) { profile_ = p; }
  Profile profile() const { return profile_; }
  const std::string& item() const { return item_; }
  uint32_t file() const { return file_; }
  DiagSink& sink() { return sink_; }

  Span span(const YAML::Node& n) const;
  Diagnostic& report(RuleId rule, Span span, Message msg);

  // Checks that `node` is a mapping of `table`'s keys; reports unknown, duplicate and
  // missing required keys.
  Fields fields(const YAML::Node& node, const TableSpec& table, Span where);

  // Typed readers. Each reports schema/type (or schema/enum) and returns an empty value on
  // a bad node. `k` is the canonical key.
  std::optional<LStr> str(const Fields& f, std::string_view k);
  std::optional<LStr> scalar(const YAML::Node& n, std::string_view what);
  std::vector<LStr> str_list(const Fields& f, std::string_view k);
  std::vector<LStr> enum_list(const Fields& f, std::string_view k,
                              const std::vector<std::string_view>& allowed);
  std::optional<LStr> enum_value(const Fields& f, std::string_view k,
                                 const std::vector<std::string_view>& allowed);
  std::optional<LStr> enum_scalar(const YAML::Node& n, std::string_view what,
                                  const std::vector<std::string_view>& allowed);
  std::optional<Loc<bool>> boolean(const Fields& f, std::string_view k);
  std::optional<Loc<long long>> integer(const Fields& f, std::string_view k);
  std::optional<Loc<Date>> date(const Fields& f, std::string_view k);
  std::optional<Loc<Duration>> duration(const YAML::Node& n, std::string_view what);
  std::optional<Loc<Duration>> duration(const Fields& f, std::string_view k);
  std::map<std::string, LStr> str_map(const Fields& f, std::string_view k);
  bool is_seq(const YAML::Node& n, std::string_view what);

 private:
  const SourceFile& src_;
  uint32_t file_;
  DiagSink& sink_;
  std::string item_;
  Profile profile_ = Profile::PowerCatalog;
};

}  // namespace powerlist
