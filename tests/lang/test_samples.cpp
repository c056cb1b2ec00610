// Every sample evaluates to the figures computed independently by tests/expected/compute_expected.py
// (a hand-written Python version of each sample's formulas).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/engine.hpp"
#include "io/csv/bids_csv.hpp"
#include "lang/load.hpp"
#include "support/files.hpp"

using namespace tl;
using nlohmann::json;

TEST_CASE("samples match their independently computed results") {
    for (const char* sample : test::kSamples) {
        DYNAMIC_SECTION(sample) {
            const std::string dir = test::source_path(std::string("samples/") + sample);
            auto rules = lang::load_rules_file(dir + "/rules.crit");
            INFO(format_diagnostics(rules.diagnostics));
            REQUIRE(rules.ok());
            std::vector<std::string> lots;
            for (const auto& l : rules.rules.tender.lots) lots.push_back(l.id);
            auto bids = read_bids_csv(test::read_text(dir + "/bids.csv"), "bids.csv", rules.rules.fields, lots);
            INFO(format_diagnostics(bids.diagnostics));
            REQUIRE(bids.ok());
            const Result result = evaluate(rules.rules, bids.table);
            const json expected = json::parse(test::read_text(test::source_path(std::string("tests/expected/") + sample + ".json")));
            REQUIRE(result.lots.size() == expected["lots"].size());
            for (std::size_t l = 0; l < result.lots.size(); ++l) {
                const LotOutcome& lot = result.lots[l];
                const json& want = expected["lots"][l];
                CHECK(lot.lot == want["lot"].get<std::string>());
                REQUIRE(lot.bids.size() == want["ranking"].size());
                for (std::size_t i = 0; i < lot.bids.size(); ++i) {
                    const BidOutcome& got = lot.bids[i];
                    const json& w = want["ranking"][i];
                    INFO("lot '" << lot.lot << "', position " << i << ": " << got.bidder);
                    CHECK(got.bidder == w["bidder"].get<std::string>());
                    CHECK(got.admissible == w["admissible"].get<bool>());
                    if (w["rank"].is_null()) {
                        CHECK_FALSE(got.ranked());
                    } else {
                        CHECK(got.rank == w["rank"].get<int>());
                        CHECK(got.total == Approx(w["total"].get<double>()).margin(1e-9));
                        for (auto it = w["scores"].begin(); it != w["scores"].end(); ++it) {
                            const int c = rules.rules.criterion_index(it.key());
                            REQUIRE(c >= 0);
                            CHECK(got.scores[static_cast<std::size_t>(c)] == Approx(it.value().get<double>()).margin(1e-9));
                        }
                    }
                    std::vector<std::string> excluded, flags;
                    for (const auto& e : got.excluded_because) excluded.push_back(e.gate ? "gate:" + e.rule_id : e.rule_id);
                    for (const auto& f : got.flags) flags.push_back(f.rule_id);
                    CHECK(excluded == w["excluded_because"].get<std::vector<std::string>>());
                    CHECK(flags == w["flags"].get<std::vector<std::string>>());
                }
            }
        }
    }
}
