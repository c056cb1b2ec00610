// The project store on the shared workload (10 000 bids x 20 fields), as ratios against the same
// work without the store, measured in the same run:
//   baseline        read the bids CSV, check the rules, tl::evaluate          (no store)
//   import          the same read + create a project + import the bids       (one transaction)
//   open+evaluate   open the project (identity, quick_check) + load its rules and bids + tl::evaluate
// Usage: tl_bench_store [compare] [WORKLOAD_DIR] [REPEATS] [WORK_DIR]   medians of REPEATS (default 5)
//        tl_bench_store baseline|import|evaluate [WORKLOAD_DIR] [WORK_DIR]  one run, for /usr/bin/time -v
//        (evaluate opens WORK_DIR/bench.tender, which import writes)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "core/engine.hpp"
#include "core/sha256.hpp"
#include "io/csv/bids_csv.hpp"
#include "lang/load.hpp"
#include "store/project.hpp"

using namespace tl;
using tl::bench::median_seconds;
using tl::bench::read_text;
using Steady = std::chrono::steady_clock;

namespace {



volatile double g_sink = 0;

struct Workload {
    std::string rules_text, csv;
};

/// The rules and the bids CSV with the workload's bid_id column named bidder (bench/workload/README.md).
Workload load_workload(const std::string& dir) {
    Workload w{read_text(std::string(TL_SOURCE_DIR) + "/bench/workload/workload.crit"), read_text(dir + "/bids.csv")};
    if (w.csv.rfind("bid_id,", 0) != 0 || w.rules_text.empty()) {
        std::fprintf(stderr, "workload not found at %s\n", dir.c_str());
        std::exit(1);
    }
    w.csv.replace(0, 6, "bidder");
    return w;
}

/// Rules and bids read from text, exactly as `tenderloop evaluate RULES.crit --bids` reads them.
std::pair<CriteriaSet, BidTable> read_inputs(const Workload& w) {
    auto rules = lang::load_rules_text(w.rules_text, "workload.crit");
    auto bids = read_bids_csv(w.csv, "bids.csv", rules.rules.fields, {});
    if (!rules.ok() || !bids.ok()) {
        std::fprintf(stderr, "the workload does not read\n");
        std::exit(1);
    }
    return {std::move(rules.rules), std::move(bids.table)};
}

void baseline(const Workload& w) {
    auto [rules, bids] = read_inputs(w);
    g_sink = evaluate(rules, bids).lots[0].bids[0].total;
}

void import(const Workload& w, const std::string& path) {
    std::filesystem::remove(path);
    auto [rules, bids] = read_inputs(w);
    store::NewProject np;
    np.title = rules.tender.title;
    np.rules_text = w.rules_text;
    np.rules_source_name = "workload.crit";
    store::Project p = store::Project::create(path, np, {"bench", ""});
    p.import_bids(bids, {{"bids.csv", sha256_hex(w.csv)}}, std::vector<std::size_t>(bids.bids.size(), 0), false,
                  {"bench", ""});
}

void open_evaluate(const std::string& path) {
    store::Project p = store::Project::open(path);
    auto rules = lang::load_rules_text(p.current_rules().text, "workload.crit");
    const BidTable bids = p.evaluation_bids(rules.rules);
    if (!p.missing_consensus(rules.rules).empty()) std::exit(1);
    g_sink = evaluate(rules.rules, bids).lots[0].bids[0].total;
}

}  // namespace

int main(int argc, char** argv) {
    std::string mode = argc > 1 ? argv[1] : "compare";
    int arg = 2;
    if (mode != "compare" && mode != "baseline" && mode != "import" && mode != "evaluate") {
        mode = "compare";
        arg = 1;
    }
    const std::string dir = argc > arg ? argv[arg] : "../shared/peers/workload";
    const int repeats = mode == "compare" && argc > arg + 1 ? std::atoi(argv[arg + 1]) : 5;
    const int work_arg = mode == "compare" ? arg + 2 : arg + 1;
    const std::string work = argc > work_arg ? argv[work_arg] : std::filesystem::temp_directory_path().string();
    const std::string path = work + "/bench.tender";

    if (mode == "evaluate") {
        open_evaluate(path);
        return 0;
    }
    const Workload w = load_workload(dir);
    if (mode == "baseline") {
        baseline(w);
        return 0;
    }
    if (mode == "import") {
        import(w, path);
        return 0;
    }
    const double t_base = median_seconds(repeats, [&] { baseline(w); });
    const double t_import = median_seconds(repeats, [&] { import(w, path); });
    const double t_open = median_seconds(repeats, [&] { open_evaluate(path); });
    std::printf("store on the shared workload (%d repeats, medians; file %.1f MiB)\n", repeats,
                static_cast<double>(std::filesystem::file_size(path)) / (1 << 20));
    std::printf("  %-58s %8.3f s  %5.2fx\n", "baseline: read CSV + check rules + tl::evaluate", t_base, 1.0);
    std::printf("  %-58s %8.3f s  %5.2fx\n", "import: read CSV + create project + import (1 transaction)", t_import,
                t_import / t_base);
    std::printf("  %-58s %8.3f s  %5.2fx\n", "open + evaluate: open, quick_check, load bids, tl::evaluate", t_open,
                t_open / t_base);
    std::filesystem::remove(path);
    return 0;
}
