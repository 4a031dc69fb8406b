// Stage 3: checks over the loaded catalog, one file per rule family (src/rules/<family>.cpp).
#pragma once
#include <map>

#include "powerlist/date.hpp"
#include "powerlist/diag.hpp"
#include "powerlist/model.hpp"

namespace powerlist {

class LawRegistry;
class TemplateLibrary;
class HolidayCalendar;

struct Flow;

// The day a catalog is judged on: its effective date (or --as-of), else 2026-01-01.
Date judged_on(const Catalog& catalog);

struct RuleContext {
  const Catalog& catalog;
  DiagSink& sink;
  const LawRegistry* laws = nullptr;           // nullptr: the legal checks (basis/*) are skipped
  const TemplateLibrary* templates = nullptr;  // nullptr: procedures are not checked
  const HolidayCalendar* calendar = nullptr;   // nullptr: revision deadlines are estimated
  // Procedures resolved once by the session (their findings already reported); items absent
  // here are resolved by check_flows itself.
  const std::map<const PowerItem*, const Flow*>* flows = nullptr;
  Date as_of() const;  // the catalog's effective date (or --as-of)
};

void check_units(RuleContext& ctx);       // unit/*
void check_disclosure(RuleContext& ctx);  // disclosure/*
void check_rights(RuleContext& ctx);      // rights/*
void check_catalog(RuleContext& ctx);     // catalog/* (single-catalog checks)
void check_basis(RuleContext& ctx);       // basis/*
void check_codes(RuleContext& ctx);       // code/*, catalog/removed-silently, catalog/baseline-*
void check_limits(RuleContext& ctx);      // limits/* (declared limits; paths are in flow)
void check_risks(RuleContext& ctx);       // risk/*
void check_discretion(RuleContext& ctx);  // discretion/*
void check_flows(
    RuleContext& ctx);  // flow/*, limits/path-exceeds-promised, limits/step-missing, rights/reasons

// Runs every implemented family in a fixed order.
void run_rules(const Catalog& catalog, DiagSink& sink, const LawRegistry* laws = nullptr,
               const TemplateLibrary* templates = nullptr,
               const HolidayCalendar* calendar = nullptr,
               const std::map<const PowerItem*, const Flow*>* flows = nullptr);

// GB 32100-2015 check character of a 统一社会信用代码; nullopt on a bad charset/length.
std::optional<char> credit_code_check_char(const std::string& first17);
bool valid_credit_code(const std::string& code);

// Rights an item declares, on the item or at any step (rights_at).
std::vector<std::string> declared_rights(const PowerItem& item);

}  // namespace powerlist
