// Engine benchmarks, reported as ratios against baselines run in the same process:
//  1. the shared 10 000-bid x 20-criterion workload: tl::evaluate (and the scoring alone) against
//     the same formulas hand-written in C++;
//  2. parse + check time per 1 000 lines of rules;
//  3. re-check and re-score a 300-line rule file with 50 bids (what the GUI does per keystroke).
// Usage: tl_bench_engine [SHARED_WORKLOAD_DIR] [REPEATS]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "core/engine.hpp"
#include "core/evaluator.hpp"
#include "io/csv/bids_csv.hpp"
#include "lang/load.hpp"

using namespace tl;
using tl::bench::median_seconds;
using tl::bench::read_text;
using Clock = std::chrono::steady_clock;

namespace {



volatile double g_sink = 0;  // keeps the optimiser from dropping the baseline's work

/// The workload's 19 criteria and weighted total written directly in C++ over the same columns.
double hand_written(const BidTable& bids) {
    auto col = [&](const char* id) { return bids.field_index(id); };
    const int price = col("price"), recycled = col("recycled"), delivery = col("delivery_days"),
              warranty = col("warranty_years"), experience = col("experience_years"), iso = col("iso9001"),
              local_content = col("local_content"), rating = col("rating"), payment = col("payment_days"),
              co2 = col("co2"), ppm = col("defect_ppm"), staff = col("staff"), qualified = col("qualified"),
              penalty = col("delay_penalty_pct"), energy = col("energy_class"), sme = col("sme"), local = col("local"),
              distance = col("distance_km"), support = col("support_hours");
    double min_price = INFINITY, min_co2 = INFINITY, sum_price = 0;
    for (const Bid& b : bids.bids) {
        min_price = std::min(min_price, b.values[price]);
        min_co2 = std::min(min_co2, b.values[co2]);
        sum_price += b.values[price];
    }
    const double avg_price = sum_price / static_cast<double>(bids.bids.size());
    static const double rating_points[] = {100, 75, 50, 0};
    static const double energy_points[] = {100, 90, 80, 65, 45, 20, 0};
    double checksum = 0;
    for (const Bid& b : bids.bids) {
        const auto& v = b.values;
        const double c01 = min_price / v[price] * 100;
        const double c02 = v[recycled] >= 20 ? (v[recycled] - 20) / 60 * 100 : 0;
        const double c03 = v[delivery] <= 7 ? 100 : v[delivery] <= 14 ? 75 : v[delivery] <= 30 ? 40 : 0;
        const double c04 = std::min(v[warranty], 5.0) / 5 * 100;
        const double c05 = v[experience] >= 10 ? 100 : v[experience] * 10;
        const double c06 = v[iso] != 0 ? 100 : 0;
        const double lc = v[local_content];
        const double c07 = lc <= 10 ? 0 : lc >= 50 ? 100 : (lc - 10) / 40 * 100;
        const double c08 = rating_points[static_cast<int>(v[rating])];
        const double c09 = v[payment] >= 60 ? 100 : v[payment] >= 30 ? 50 : 0;
        const double c10 = std::min(v[support] / 24, 1.0) * 100;
        const double c11 = min_co2 / v[co2] * 100;
        const double c12 = std::max(0.0, 100 - v[ppm] / 10);
        const double c13 = v[qualified] / v[staff] * 100;
        const double c14 = v[penalty] >= 10 ? 100 : v[penalty] * 10;
        const double c15 = energy_points[static_cast<int>(v[energy])];
        const bool s = v[sme] != 0, l = v[local] != 0;
        const double c16 = s && l ? 100 : (s || l) ? 50 : 0;
        const double c17 = v[distance] <= 50 ? 100 : std::max(0.0, 100 - (v[distance] - 50) / 5);
        const double c18 = std::round(min_price / v[price] * 100 * 100) / 100;
        const double c19 = v[price] < 0.7 * avg_price ? 0 : 100;
        const double total = 0.3 * c01 + 0.05 * c02 + 0.05 * c03 + 0.04 * c04 + 0.04 * c05 + 0.03 * c06 + 0.04 * c07 +
                             0.05 * c08 + 0.03 * c09 + 0.04 * c10 + 0.05 * c11 + 0.04 * c12 + 0.03 * c13 + 0.03 * c14 +
                             0.04 * c15 + 0.03 * c16 + 0.03 * c17 + 0.04 * c18 + 0.04 * c19;
        checksum += total;
    }
    return checksum;
}

/// A synthetic rule file of about `criteria` criteria, 6 lines each, with one field per criterion.
std::string synthetic_rules(int criteria) {
    std::string s = "tender {\n  title: \"Synthetic\"\n  currency: EUR\n}\nfield price: money { name: \"Price\" }\n";
    for (int i = 0; i < criteria; ++i) s += "field f" + std::to_string(i) + ": percent { name: \"F\" }\n";
    const double w = 100.0 / (criteria + 1);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", 100 - w * criteria);
    s += std::string("criterion price {\n  kind: price\n  weight: ") + buf + " %\n  score: ratio_lowest(price)\n}\n";
    std::snprintf(buf, sizeof buf, "%.17g", w);
    for (int i = 0; i < criteria; ++i) {
        const std::string f = "f" + std::to_string(i);
        s += "criterion c" + std::to_string(i) + " {\n  name: \"Criterion " + std::to_string(i) + "\"\n  weight: " + buf +
             " %\n  score: linear(" + f + ", 10 % -> 0, 80 % -> 100) * 0.5 + steps(" + f +
             ", >= 50 % -> 50, >= 30 % -> 25, else -> 0)\n}\n";
    }
    return s;
}

std::string synthetic_bids(int criteria, int n) {
    std::string s = "bidder,price";
    for (int i = 0; i < criteria; ++i) s += ",f" + std::to_string(i);
    s += "\n";
    for (int b = 0; b < n; ++b) {
        s += "Bidder " + std::to_string(b) + "," + std::to_string(100000 + 977 * b % 50000);
        for (int i = 0; i < criteria; ++i) s += "," + std::to_string((b * 7 + i * 13) % 100);
        s += "\n";
    }
    return s;
}

int line_count(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

int main(int argc, char** argv) {
    const std::string shared = argc > 1 ? argv[1] : "../shared/peers/workload";
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 7;

    // 1. The shared workload.
    std::string csv = read_text(shared + "/bids.csv");
    auto rules = lang::load_rules_file(std::string(TL_SOURCE_DIR) + "/bench/workload/workload.crit");
    if (csv.empty() || !rules.ok()) {
        std::fprintf(stderr, "workload not found at %s (or rules do not check)\n", shared.c_str());
        return 1;
    }
    csv.replace(0, 6, "bidder");
    auto bids = read_bids_csv(csv, "bids.csv", rules.rules.fields, {});
    if (!bids.ok()) {
        std::fprintf(stderr, "%s", format_diagnostics(bids.diagnostics).c_str());
        return 1;
    }
    const std::size_t n = bids.table.bids.size();
    const double evaluations = static_cast<double>(n) * 20;
    const double t_hand = median_seconds(repeats, [&] { g_sink = hand_written(bids.table); });
    const double t_score = median_seconds(repeats, [&] {
        std::vector<int> all(n);
        for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<int>(i);
        Evaluator ev(rules.rules, bids.table, all);
        double s = 0;
        for (const auto& c : rules.rules.criteria) s += ev.eval(c.score).at(0);
        g_sink = s;
    });
    const double t_eval = median_seconds(repeats, [&] { g_sink = evaluate(rules.rules, bids.table).lots[0].bids[0].total; });
    std::printf("workload: %zu bids x 20 criteria (19 scores + total), median of %d runs\n", n, repeats);
    std::printf("  hand-written C++         %8.3f ms  %12.0f evaluations/s  1.00x\n", t_hand * 1e3, evaluations / t_hand);
    std::printf("  engine, scoring only     %8.3f ms  %12.0f evaluations/s  %.2fx\n", t_score * 1e3, evaluations / t_score, t_score / t_hand);
    std::printf("  engine, tl::evaluate     %8.3f ms  %12.0f evaluations/s  %.2fx  (+ ranking, flags, result)\n",
                t_eval * 1e3, evaluations / t_eval, t_eval / t_hand);

    // 2. Parse + check per 1 000 lines.
    const std::string big = synthetic_rules(400);
    const int big_lines = line_count(big);
    const double t_check = median_seconds(repeats, [&] { g_sink = lang::load_rules_text(big, "big.crit").ok(); });
    std::printf("parse + check: %d lines in %.3f ms = %.3f ms per 1000 lines\n", big_lines, t_check * 1e3,
                t_check * 1e3 * 1000 / big_lines);

    // 3. Re-check and re-score a 300-line rule file with 50 bids.
    const std::string medium = synthetic_rules(48);
    const std::string medium_bids = synthetic_bids(48, 50);
    auto medium_rules = lang::load_rules_text(medium, "m.crit");
    auto medium_table = read_bids_csv(medium_bids, "m.csv", medium_rules.rules.fields, {});
    if (!medium_rules.ok() || !medium_table.ok()) {
        std::fprintf(stderr, "synthetic medium rules failed:\n%s%s", format_diagnostics(medium_rules.diagnostics).c_str(),
                     format_diagnostics(medium_table.diagnostics).c_str());
        return 1;
    }
    const double t_keystroke = median_seconds(repeats * 3, [&] {
        auto r = lang::load_rules_text(medium, "m.crit");
        g_sink = evaluate(r.rules, medium_table.table).lots[0].bids[0].total;
    });
    std::printf("keystroke: re-check %d-line rules + re-score %d bids in %.3f ms (GUI target: under 50 ms)\n",
                line_count(medium), 50, t_keystroke * 1e3);
    return 0;
}
