// The shared 10 000-bid workload (../shared/peers/workload): our language's version of its 20
// criteria (bench/workload/workload.crit) reproduces expected.csv for every bid and criterion.
// The workload lives outside this repository: without it the test is reported as skipped
// (support/skip.hpp; its CTest entry is in tests/CMakeLists.txt).
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "core/engine.hpp"
#include "io/csv/bids_csv.hpp"
#include "lang/load.hpp"
#include "support/files.hpp"
#include "support/skip.hpp"

using namespace tl;

namespace {
std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) out.push_back(cell);
    return out;
}
}  // namespace

TEST_CASE("the shared workload reproduces expected.csv to 1e-9", "[.][workload]") {
    // TL_SHARED_DIR in the environment overrides the build's ../shared (to test elsewhere, or without it).
    const char* shared = std::getenv("TL_SHARED_DIR");
    const std::string dir = std::string(shared && *shared ? shared : TL_SHARED_DIR) + "/peers/workload";
    std::string bids_csv = test::read_text(dir + "/bids.csv");
    const std::string expected_csv = test::read_text(dir + "/expected.csv");
    if (bids_csv.empty() || expected_csv.empty()) test::skip_test("the shared workload is not at " + dir);
    // The workload names the bidder column bid_id (see bench/workload/README.md).
    REQUIRE(bids_csv.rfind("bid_id,", 0) == 0);
    bids_csv.replace(0, 6, "bidder");

    auto rules = lang::load_rules_file(test::source_path("bench/workload/workload.crit"));
    INFO(format_diagnostics(rules.diagnostics));
    REQUIRE(rules.ok());
    auto bids = read_bids_csv(bids_csv, "bids.csv", rules.rules.fields, {});
    INFO(format_diagnostics(bids.diagnostics));
    REQUIRE(bids.ok());
    REQUIRE(bids.table.bids.size() == 10000);
    const Result result = evaluate(rules.rules, bids.table);
    std::map<std::string, const BidOutcome*> by_bidder;
    for (const auto& o : result.lots.at(0).bids) by_bidder[o.bidder] = &o;

    std::stringstream lines(expected_csv);
    std::string line;
    std::getline(lines, line);
    const std::vector<std::string> header = split(line);
    REQUIRE(header.size() == 21);
    std::vector<int> column_criterion;
    for (std::size_t k = 1; k < header.size(); ++k) column_criterion.push_back(rules.rules.criterion_index(header[k]));
    std::size_t checked = 0, mismatches = 0;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        const auto cells = split(line);
        const BidOutcome* o = by_bidder.at(cells[0]);
        for (std::size_t k = 1; k < cells.size(); ++k) {
            const double want = std::stod(cells[k]);
            const int c = column_criterion[k - 1];
            const double got = c >= 0 ? o->scores[static_cast<std::size_t>(c)] : o->total;  // c20 is the total
            ++checked;
            if (std::fabs(got - want) > 1e-9 * std::max(1.0, std::fabs(want))) {
                if (++mismatches <= 5) WARN(cells[0] << " " << header[k] << ": got " << got << ", expected " << want);
            }
        }
    }
    CHECK(checked == 10000 * 20);
    CHECK(mismatches == 0);
}
