// Engine semantics (docs/LANGUAGE.md, "Evaluation order"), each with numbers worked out by hand.
#include <catch2/catch.hpp>
#include <cmath>

#include "support/rules_fixture.hpp"

using namespace tl;
using tl::test::outcome;
using tl::test::run;

namespace {
const char* kBusTyres = R"(
tender { title: "Bus tyres" currency: RUB }
field price: money
field retreaded: percent
field noise: enum(A, B, C)
field take_back: yesno
requirement min_retreaded { test: retreaded >= 30 % }
requirement take_back_offered { test: take_back }
criterion price { kind: price weight: 50 % score: 100 * lowest(price) / price }
criterion retreading { weight: 30 % score: linear(retreaded, 30 % -> 0, 80 % -> 100) }
criterion noise { weight: 20 % score: table(noise, A -> 100, B -> 60, C -> 0) }
)";
const char* kBusBids =
    "bidder,price,retreaded,noise,take_back\n"
    "Shinservice,12000000,40,B,yes\n"
    "VolgaTyre,10500000,25,A,yes\n"
    "NevaRetread,11000000,70,A,yes\n"
    "BalticRubber,13500000,80,A,no\n"
    "Kolesa Severo-Zapad,11800000,55,C,yes\n";
}  // namespace

TEST_CASE("the bus-tyres worked example evaluates exactly as published") {
    LotOutcome lot = run(kBusTyres, kBusBids);
    const auto& neva = outcome(lot, "NevaRetread");
    const auto& shin = outcome(lot, "Shinservice");
    const auto& kolesa = outcome(lot, "Kolesa Severo-Zapad");
    CHECK(neva.rank == 1);
    CHECK(neva.total == Approx(94.0).epsilon(1e-12));
    CHECK(shin.rank == 2);
    // 50 * 11/12 + 30 * 0.2 + 20 * 0.6
    CHECK(shin.total == Approx(50.0 * 11 / 12 + 6 + 12).epsilon(1e-12));
    CHECK(format_score(shin.total) == "63.8333");
    CHECK(kolesa.rank == 3);
    CHECK(format_score(kolesa.total) == "61.6102");
    // VolgaTyre is cheaper but inadmissible: the lowest price is NevaRetread's, so its price score is 100.
    CHECK(neva.scores[0] == Approx(100));
    const auto& volga = outcome(lot, "VolgaTyre");
    CHECK_FALSE(volga.admissible);
    CHECK_FALSE(volga.ranked());
    REQUIRE(volga.excluded_because.size() == 1);
    CHECK(volga.excluded_because[0].rule_id == "min_retreaded");
    CHECK(volga.excluded_because[0].detail == "retreaded (25 %) >= 30 %");
    CHECK(volga.excluded_because[0].what.code == "core.requirement.failed");
    const auto& baltic = outcome(lot, "BalticRubber");
    REQUIRE(baltic.excluded_because.size() == 1);
    CHECK(baltic.excluded_because[0].rule_id == "take_back_offered");
    // Listing order: ranked by rank, then the excluded in file order.
    CHECK(lot.bids[0].bidder == "NevaRetread");
    CHECK(lot.bids[3].bidder == "VolgaTyre");
    CHECK(lot.bids[4].bidder == "BalticRubber");
}

TEST_CASE("explanations show the rule, the inputs and the values") {
    CriteriaSet rules = test::rules_from(kBusTyres);
    BidTable bids = test::bids_from(rules, kBusBids);
    Result r = evaluate(rules, bids);
    BidExplanation x = explain_bid(rules, bids, r.lots[0], outcome(r.lots[0], "Shinservice"));
    REQUIRE(x.scores.size() == 3);
    CHECK(x.scores[0].formula == "100 * lowest(price) / price");
    CHECK(x.scores[0].with_values == "100 * 11000000 RUB / 12000000 RUB");
    CHECK(x.scores[0].inputs == "lowest(price) = 11000000 RUB; price = 12000000 RUB");
    CHECK(x.scores[1].with_values == "linear(40 %, 30 % -> 0, 80 % -> 100)");
    CHECK(format_score(x.scores[1].score) == "20.0000");
    CHECK(x.scores[2].with_values == "table(B, A -> 100, B -> 60, C -> 0)");
    CHECK(x.scores[0].contribution_formula == "91.6667 x 50 % = 45.8333");
    CHECK(x.total_line == "total = 45.8333 + 6.0000 + 12.0000 = 63.8333");
    CHECK(x.rank_line == "rank 2 of 3");
    // The same facts as fields, for views that word them in another language.
    CHECK(x.admissible);
    CHECK_FALSE(x.eliminated);
    CHECK(x.rank == 2);
    CHECK_FALSE(x.tied);
    CHECK(x.ranked_of == 3);
    CHECK(format_score(x.total) == "63.8333");
    REQUIRE(x.requirements.size() == x.requirement_lines.size());
    REQUIRE_FALSE(x.requirements.empty());
    CHECK(x.requirements[0].met);
    CHECK(x.requirement_lines[0].find(x.requirements[0].test) != std::string::npos);

    const auto& volga = outcome(r.lots[0], "VolgaTyre");
    BidExplanation v = explain_bid(rules, bids, r.lots[0], volga);
    CHECK_FALSE(v.admissible);
    CHECK(v.rank == 0);
    bool failed = false;
    for (const auto& q : v.requirements) failed = failed || (!q.met && q.test == "retreaded (25 %) >= 30 %");
    CHECK(failed);
}

TEST_CASE("a gate eliminates before price is scored, and aggregates are recomputed") {
    const char* rules = R"(
tender { title: "Gate" currency: EUR }
field price: money
field quality: number { range: 0 .. 10 }
criterion quality { weight: 40 % minimum: 50 score: quality * 10 }
criterion price { kind: price weight: 60 % score: ratio_lowest(price) }
)";
    // Cheap scores 30 on quality (< 50): out before price is scored, so Good's price is the lowest.
    LotOutcome lot = run(rules, "bidder,price,quality\nCheap,50000,3\nGood,80000,9\nFair,100000,6\n");
    const auto& cheap = outcome(lot, "Cheap");
    CHECK(cheap.admissible);
    CHECK(cheap.eliminated);
    CHECK_FALSE(cheap.ranked());
    REQUIRE(cheap.excluded_because.size() == 1);
    CHECK(cheap.excluded_because[0].gate);
    CHECK(cheap.excluded_because[0].detail == "score 30.0000 is below the minimum 50.0000");
    CHECK(cheap.excluded_because[0].what.code == "core.gate.below-minimum");
    CHECK(outcome(lot, "Good").scores[1] == Approx(100));
    CHECK(outcome(lot, "Fair").scores[1] == Approx(80));
    CHECK(outcome(lot, "Good").total == Approx(36 + 60));
    CHECK(outcome(lot, "Fair").total == Approx(24 + 48));
}

TEST_CASE("ties: the chain breaks them, a true tie shares the rank") {
    const char* base = R"(
tender { title: "Ties" currency: EUR }
field price: money
field warranty: quantity(years)
criterion price { weight: 100 % score: ratio_lowest(price) }
)";
    SECTION("default chain: earlier submission wins") {
        LotOutcome lot = run(base, "bidder,submitted,price,warranty\nLate,2026-03-02T09:00:00,100,5\nEarly,2026-03-01 17:00,100,3\n");
        CHECK(outcome(lot, "Early").rank == 1);
        CHECK(outcome(lot, "Late").rank == 2);
        CHECK(lot.ties.empty());
    }
    SECTION("declared chain: higher warranty first") {
        std::string rules = std::string(base) + "tie_break: higher(warranty), earlier_submission\n";
        LotOutcome lot = run(rules, "bidder,submitted,price,warranty\nLate,2026-03-02,100,5\nEarly,2026-03-01,100,3\n");
        CHECK(outcome(lot, "Late").rank == 1);
        CHECK(outcome(lot, "Early").rank == 2);
    }
    SECTION("equal after the whole chain: shared rank 1, 1, 3 and a reported tie") {
        LotOutcome lot = run(base, "bidder,price,warranty\nA,100,5\nB,100,5\nC,200,5\n");
        CHECK(outcome(lot, "A").rank == 1);
        CHECK(outcome(lot, "B").rank == 1);
        CHECK(outcome(lot, "A").tied);
        CHECK(outcome(lot, "C").rank == 3);
        CHECK_FALSE(outcome(lot, "C").tied);
        REQUIRE(lot.ties.size() == 1);
        CHECK(lot.ties[0] == std::vector<std::string>{"A", "B"});
    }
}

TEST_CASE("abnormally-low rules flag with inclusive boundaries and leave the bid ranked") {
    const char* rules = R"(
tender { title: "Flags" currency: EUR }
field price: money
criterion price { weight: 100 % score: ratio_lowest(price) }
abnormally_low dumping {
  name: "40 % below the others' mean, or 30 % below the next higher bid"
  when: price <= 0.6 * mean_others(price) or price <= 0.7 * next_higher(price)
}
)";
    // Others of Low: mean (100+100+100)/3 = 100, 0.6 * 100 = 60: exactly on the boundary.
    LotOutcome lot = run(rules, "bidder,price\nLow,60\nA,100\nB,100\nC,100\n");
    REQUIRE(outcome(lot, "Low").flags.size() == 1);
    CHECK(outcome(lot, "Low").flags[0].rule_id == "dumping");
    CHECK(outcome(lot, "Low").rank == 1);
    CHECK(outcome(lot, "A").flags.empty());
    // 70 is 30 % below the next higher (100): flagged by the second clause alone (0.6 x mean of
    // the others 105 = 63 < 70); 71 is not.
    CHECK(run(rules, "bidder,price\nX,70\nA,100\nB,110\n").bids[0].flags.size() == 1);
    CHECK(run(rules, "bidder,price\nX,71\nA,100\nB,110\n").bids[0].flags.empty());
    // Alone in the competition: nothing to compare with, no flag.
    CHECK(run(rules, "bidder,price\nSolo,1\n").bids[0].flags.empty());
}

TEST_CASE("scores leave their scale only clamped, and say so") {
    LotOutcome lot = run(R"(
tender { title: "Clamp" currency: EUR }
field warranty: quantity(years)
criterion warranty { weight: 100 % score: warranty / (5 years) * 100 }
)", "bidder,warranty\nLong,7\nShort,2\n");
    CHECK(outcome(lot, "Long").scores[0] == 100);
    CHECK(outcome(lot, "Long").clamped[0]);
    CHECK(outcome(lot, "Short").scores[0] == Approx(40));
    CHECK_FALSE(outcome(lot, "Short").clamped[0]);
}

TEST_CASE("an undefined score is flagged and counts as the bottom of the scale") {
    LotOutcome lot = run(R"(
tender { title: "Optional" currency: EUR }
field price: money
field energy: quantity(kWh) { optional }
criterion price { weight: 50 % score: ratio_lowest(price) }
criterion energy { weight: 50 % score: ratio_lowest(energy) }
)", "bidder,price,energy\nA,100,10\nB,100,\n");
    const auto& b = outcome(lot, "B");
    CHECK(b.scores[1] == 0);
    REQUIRE(b.flags.size() == 1);
    CHECK(b.flags[0].rule_id == "undefined_score");
    CHECK(outcome(lot, "A").total == Approx(100));
}

TEST_CASE("lots are evaluated apart: aggregates never cross lots") {
    CriteriaSet rules = test::rules_from(R"(
tender { title: "Lots" currency: EUR lot north: "North" lot south: "South" }
field price: money
criterion price { weight: 100 % score: ratio_lowest(price) }
)");
    BidTable bids = test::bids_from(rules, "bidder,lot,price\nA,north,100\nB,north,200\nC,south,400\nD,south,800\n");
    Result r = evaluate(rules, bids);
    REQUIRE(r.lots.size() == 2);
    CHECK(r.lots[0].lot == "north");
    CHECK(outcome(r.lots[0], "B").total == Approx(50));
    CHECK(outcome(r.lots[1], "C").total == Approx(100));
    CHECK(outcome(r.lots[1], "D").total == Approx(50));
}

TEST_CASE("points weights give each criterion its maximum points") {
    LotOutcome lot = run(R"(
tender { title: "Points" currency: EUR }
field price: money
field repair: yesno
criterion price { weight: 70 points score: ratio_lowest(price) }
criterion repair { weight: 30 points score: table(repair, yes -> 100, no -> 0) }
)", "bidder,price,repair\nA,100,no\nB,200,yes\n");
    CHECK(outcome(lot, "A").total == Approx(70));
    CHECK(outcome(lot, "B").total == Approx(35 + 30));
}

TEST_CASE("a criterion on another scale contributes its share of the weight") {
    LotOutcome lot = run(R"(
tender { title: "Scale" currency: EUR }
field plan: number { range: 0 .. 5 }
criterion plan { weight: 100 % scale: 0 .. 5 score: plan }
)", "bidder,plan\nA,4\nB,5\n");
    CHECK(outcome(lot, "A").scores[0] == 4);
    CHECK(outcome(lot, "A").total == Approx(80));
    CHECK(outcome(lot, "B").total == Approx(100));
}
