// A case ledger's bytes (CSV, .xlsx or .xls, told by content) through the ledger front end and
// the monitor against the example catalog, then every monitor report, as `powerlist monitor`
// runs them. Seeds: fuzz/corpus/ledger.
#include "fuzz_common.hpp"
#include "powerlist/monitor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace powerlist;
  static const auto session = [] {
    auto s = Session::open(
        std::vector<std::string>{std::string(POWERLIST_SOURCE_DIR) + "/examples/示范县"},
        fuzz::options());
    (void)s->items();
    return s;
  }();
  Sources sources;  // the ledger's sheets, per input
  LedgerOptions lo;
  lo.max_cases = 20'000;  // keep each run fast; the bound's logic is the same
  const LedgerRead ledger = read_ledgers({{"fuzz.csv", fuzz::text_of(bytes, size)}}, lo, sources);
  if (!ledger.fatal.zh.empty()) return 0;
  MonitorOptions mo;
  mo.as_of = Date{2025, 10, 20};
  MonitorResult r = run_monitor(*session, ledger, mo);
  const MonitorReportInput in{r, ledger, sources};
  (void)render_monitor_text(in);
  (void)render_monitor_json(in);
  (void)render_monitor_html(in);
  return 0;
}
