// Per-chart layout and render times for every procedure template, in process (libgvc).
// Run: ./build/powerlist_bench_flow [rounds]   (see bench/run.sh)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "powerlist/flow.hpp"
#include "powerlist/law.hpp"
#include "powerlist/session.hpp"

using namespace powerlist;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 20;
  const TemplateLibrary& lib = shipped_data()->templates();  // as every Session has them
  ChartInfo info;
  info.title = "基准测试事项：建设工程规划许可证核发";
  info.category = "行政许可";
  info.rights = "知情、陈述、申辩、听证、要求说明理由、复议、诉讼、赔偿";
  info.supervision = "内部：局机关纪委；外部：县纪委监委派驻纪检监察组、县司法局";
  info.complaint = "电话 12345；地址 示范县政务服务中心二楼";
  std::printf("%-8s %10s %10s   (ms per chart, mean of %d rounds x %zu templates)\n", "format",
              "mean", "max", rounds, lib.all().size());
  for (const char* fmt : {"dot", "svg", "png", "pdf"}) {
    double total = 0, worst = 0;
    size_t n = 0;
    for (int r = 0; r < rounds; ++r)
      for (const auto& [name, t] : lib.all()) {
        Flow f = flow_of_template(t);
        auto t0 = Clock::now();
        std::string err;
        std::string out = render_flow(f, info, fmt, &err);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (out.empty() || !err.empty()) {
          std::fprintf(stderr, "render failed: %s %s\n", name.c_str(), err.c_str());
          return 1;
        }
        total += ms;
        worst = std::max(worst, ms);
        ++n;
      }
    std::printf("%-8s %10.2f %10.2f\n", fmt, total / static_cast<double>(n), worst);
  }
  return 0;
}
