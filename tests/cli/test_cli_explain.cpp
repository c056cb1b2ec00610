// `explain` and `evaluate --format json|csv` as a losing bidder reads them (issue 13 item 5): the
// golden texts of tests/golden/explain (English, and Russian for one bid), and every let's value
// per bid in the JSON and the CSV. To regenerate a golden after a deliberate change of wording:
//   tenderloop [--lang ru] explain tests/golden/explain/tender.crit --bids tests/golden/explain/bids.csv --bidder NAME
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.hpp"

using namespace tl::cli_test;

namespace {

const std::vector<std::string> kEnglish{"-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "LANGUAGE", "LANG=C.UTF-8"};

std::string golden(const std::string& file) { return std::string(TL_TESTS_DIR) + "/golden/explain/" + file; }

Run explain(const std::string& bidder, const std::string& lang = "en") {
    return run_cli({"--lang", lang, "explain", golden("tender.crit"), "--bids", golden("bids.csv"), "--bidder", bidder}, kEnglish);
}

}  // namespace

TEST_CASE("cli explain: the golden explanations a losing bidder can follow", "[cli]") {
    // Beta: ranked second after the tie-break on the submission time; its life-cycle cost has its
    // own lines; lowest(lcc) says that Cheap, eliminated by the gate, is not among its bids.
    // Delta: the flag shows each side of its test with its own value.
    for (const std::string bidder : {"Beta", "Delta", "Cheap"}) {
        DYNAMIC_SECTION(bidder) {
            const Run r = explain(bidder);
            INFO(r.err);
            REQUIRE(r.code == 0);
            CHECK(r.out == read_text(golden(bidder + ".expected")));
        }
    }
    SECTION("a sample's life-cycle cost: each let, each input once") {
        const Run r = run_cli({"explain", sample("street-lighting", "rules.crit"), "--bids", sample("street-lighting", "bids.csv"),
                               "--bidder", "Lumen Baltic"},
                              kEnglish);
        INFO(r.out << r.err);
        REQUIRE(r.code == 0);
        CHECK(r.out.find("  energy_price\n    rule:        0.12 EUR/kWh\n  grid_factor\n") != std::string::npos);
        CHECK(r.out.find("    inputs:      annual_energy = 152000 kWh; energy_price = 0.12 EUR/kWh; maintenance = 7800 EUR; "
                         "grid_factor = 0.25 kgCO2e/kWh; co2_price = 0.1 EUR/kgCO2e\n") != std::string::npos);
        CHECK(r.out.find("    with values: 468000 EUR + npv(29840 EUR, 15, 4 %, 2 %) + 12000 EUR * 0.5553 = 851672.732913142 EUR\n") !=
              std::string::npos);
    }
    SECTION("Beta in Russian") {
        const Run r = explain("Beta", "ru");
        INFO(r.err);
        REQUIRE(r.code == 0);
        CHECK(r.out == read_text(golden("Beta.ru.expected")));
    }
}

TEST_CASE("cli evaluate: every let's value per bid, and the deciding tie-break step, in JSON and CSV", "[cli]") {
    SECTION("json") {
        const Run r = run_cli({"evaluate", golden("tender.crit"), "--bids", golden("bids.csv"), "--format", "json"});
        INFO(r.err);
        REQUIRE(r.code == 0);
        const auto j = nlohmann::json::parse(r.out);
        const auto& ranking = j["lots"][0]["ranking"];
        auto bid = [&](const std::string& name) {
            for (const auto& b : ranking)
                if (b["bidder"] == name) return b;
            FAIL("no " << name);
            return ranking[0];
        };
        // lcc = price + 4 * upkeep
        CHECK(bid("Beta")["lets"]["lcc"] == 60000.0);
        CHECK(bid("Delta")["lets"]["lcc"] == 30000.0);
        CHECK(bid("Cheap")["lets"]["lcc"] == 24000.0);  // eliminated, still computed
        CHECK(bid("Beta")["tie_break"]["step"] == "earlier_submission");
        CHECK(bid("Beta")["tie_break"]["value"] == "2026-03-02T14:40:00");
        CHECK(bid("Beta")["tie_break"]["other_bidder"] == "Alpha");
        CHECK(bid("Beta")["tie_break"]["other_value"] == "2026-03-02T10:15:00");
        CHECK(bid("Delta")["tie_break"].is_null());
    }
    SECTION("text: the equal totals the chain ordered, with both values") {
        const Run r = run_cli({"evaluate", golden("tender.crit"), "--bids", golden("bids.csv")}, kEnglish);
        INFO(r.err);
        REQUIRE(r.code == 0);
        CHECK(r.out.find("\nEqual totals ordered by the tie-break chain:\n"
                         "  Beta (rank 3) after Alpha, the same total: tie-break 'earlier_submission': "
                         "2026-03-02T14:40:00 vs 2026-03-02T10:15:00\n") != std::string::npos);
        CHECK(r.out.find("lcc (30000 EUR) < 0.6 * mean_others(lcc) (0.6 * 70000 EUR = 42000 EUR)\n") != std::string::npos);
    }
    SECTION("csv") {
        const Run r = run_cli({"evaluate", golden("tender.crit"), "--bids", golden("bids.csv"), "--format", "csv"});
        INFO(r.err);
        REQUIRE(r.code == 0);
        CHECK(r.out.rfind("lot,rank,bidder,total,quality,cost,admissible,excluded_because,flags,let:lcc\n", 0) == 0);
        CHECK(r.out.find(",1,Delta,") != std::string::npos);
        CHECK(r.out.find(",yes,,dumping,30000\n") != std::string::npos);
        CHECK(r.out.find(",Beta,") != std::string::npos);
        CHECK(r.out.find(",yes,,,60000\n") != std::string::npos);
        CHECK(r.out.find(",Cheap,,30,,yes,gate:quality,,24000\n") != std::string::npos);
    }
}
