// The four ways circular qualities reach the score (DOMAIN.md), each checked against a
// hand-written computation of the same numbers.
#include <catch2/catch.hpp>
#include <cmath>

#include "support/rules_fixture.hpp"

using namespace tl;
using tl::test::outcome;
using tl::test::run;

TEST_CASE("points: a step scale for warranty beyond the minimum (Swedish computer criterion)") {
    LotOutcome lot = run(R"(
tender { title: "Computers" currency: SEK }
field warranty: quantity(years)
criterion warranty {
  weight: 100 %
  score: steps(warranty, >= 7 years -> 100, >= 6 years -> 75, >= 5 years -> 50, >= 4 years -> 25, else -> 0)
}
)", "bidder,warranty\nW3,3\nW4,4\nW55,5.5\nW6,6\nW9,9\n");
    CHECK(outcome(lot, "W3").scores[0] == 0);
    CHECK(outcome(lot, "W4").scores[0] == 25);
    CHECK(outcome(lot, "W55").scores[0] == 50);
    CHECK(outcome(lot, "W6").scores[0] == 75);
    CHECK(outcome(lot, "W9").scores[0] == 100);
}

TEST_CASE("points: recycled content linear from 20 % (0) to 80 % (100), clamped at both ends") {
    LotOutcome lot = run(R"(
tender { title: "Furniture" currency: EUR }
field recycled: percent
criterion recycled { weight: 100 % score: linear(recycled, 20 % -> 0, 80 % -> 100) }
)", "bidder,recycled\nLow,10\nMid,50 %\nHigh,95\n");
    CHECK(outcome(lot, "Low").scores[0] == 0);
    CHECK(outcome(lot, "Mid").scores[0] == Approx(50).epsilon(1e-12));
    CHECK(outcome(lot, "High").scores[0] == 100);
}

TEST_CASE("fictitious discount: the CO2 performance ladder lowers the evaluated price only") {
    LotOutcome lot = run(R"(
tender { title: "Ladder" currency: EUR }
field price: money
field co2_level: enum(L0, L1, L2, L3, L4, L5)
let ladder = table(co2_level, L0 -> 0 %, L1 -> 1 %, L2 -> 2 %, L3 -> 4 %, L4 -> 7 %, L5 -> 10 %)
let evaluated_price = price * (1 - ladder)
criterion price { kind: price weight: 100 % score: ratio_lowest(evaluated_price) }
)", "bidder,price,co2_level\nGreen,100000,L5\nPlain,95000,L1\n");
    // Green: 100000 x 0.90 = 90000; Plain: 95000 x 0.99 = 94050.
    CHECK(outcome(lot, "Green").scores[0] == Approx(100));
    CHECK(outcome(lot, "Plain").scores[0] == Approx(100.0 * 90000 / 94050).epsilon(1e-12));
    CHECK(outcome(lot, "Green").rank == 1);
}

TEST_CASE("coefficient: Prozorro weighted price = price / (1 + sum of values / (1 - sum of max values))") {
    LotOutcome lot = run(R"(
tender { title: "Prozorro" currency: UAH }
field price: money
field deferral: yesno
field local_service: yesno
let features = table(deferral, yes -> 0.15, no -> 0) + table(local_service, yes -> 0.1, no -> 0)
let max_features = 0.15 + 0.1
let weighted_price = price / (1 + features / (1 - max_features))
criterion price { kind: price weight: 100 % score: ratio_lowest(weighted_price) }
)", "bidder,price,deferral,local_service\nA,100,yes,no\nB,90,no,no\nC,110,yes,yes\n");
    const double a = 100 / (1 + 0.15 / 0.75), b = 90, c = 110 / (1 + 0.25 / 0.75);
    const double lowest = std::min({a, b, c});
    CHECK(outcome(lot, "A").scores[0] == Approx(100 * lowest / a).epsilon(1e-12));
    CHECK(outcome(lot, "B").scores[0] == Approx(100 * lowest / b).epsilon(1e-12));
    CHECK(outcome(lot, "C").scores[0] == Approx(100 * lowest / c).epsilon(1e-12));
}

TEST_CASE("money add-on: life-cycle cost with NPV, escalation and CO2 at a shadow price") {
    LotOutcome lot = run(R"(
tender { title: "LED" currency: EUR }
field price: money
field energy: quantity(kWh)
let energy_price = 0.12 EUR/kWh
let grid_factor = 0.4 kgCO2e/kWh
let co2_price = 0.1 EUR/kgCO2e
let yearly = energy * energy_price + energy * grid_factor * co2_price
let lcc = price + npv(yearly, 15, 4 %, 2 %)
criterion cost { kind: cost weight: 100 % score: ratio_lowest(lcc) }
)", "bidder,price,energy\nEfficient,12000,2000\nCheap,9000,3500\n");
    auto lcc = [](double price, double energy) {
        const double yearly = energy * 0.12 + energy * 0.4 * 0.1;
        double npv = 0;
        for (int t = 1; t <= 15; ++t) npv += yearly * std::pow(1.02, t - 1) / std::pow(1.04, t);
        return price + npv;
    };
    const double efficient = lcc(12000, 2000), cheap = lcc(9000, 3500);
    REQUIRE(efficient < cheap);  // the dearer luminaire is cheaper over its life
    CHECK(outcome(lot, "Efficient").scores[0] == Approx(100));
    CHECK(outcome(lot, "Cheap").scores[0] == Approx(100 * efficient / cheap).epsilon(1e-12));
    CHECK(outcome(lot, "Efficient").rank == 1);
}

TEST_CASE("aggregates: mean, median, highest and the others-variants") {
    LotOutcome lot = run(R"(
tender { title: "Aggregates" currency: EUR }
field q: number
criterion m { weight: 25 % score: mean(q) }
criterion d { weight: 25 % score: median(q) }
criterion h { weight: 25 % score: ratio_highest(q) }
criterion o { weight: 25 % score: median_others(q) + lowest_others(q) - highest_others(q) + next_lower(q) - next_lower(q) }
)", "bidder,q\nA,10\nB,20\nC,60\nD,50\n");
    CHECK(outcome(lot, "A").scores[0] == Approx(35));
    CHECK(outcome(lot, "A").scores[1] == Approx(35));
    CHECK(outcome(lot, "B").scores[2] == Approx(100.0 * 20 / 60));
    // For D: others 10, 20, 60 -> median 20 + lowest 10 - highest 60 = -30: clamped to 0.
    CHECK(outcome(lot, "D").scores[3] == 0);
    CHECK(outcome(lot, "D").clamped[3]);
}

TEST_CASE("if/then/else, and/or/not, min/max/abs/round/clamp") {
    LotOutcome lot = run(R"(
tender { title: "Expressions" currency: EUR }
field x: number
field sme: yesno
field local: yesno
criterion a { weight: 50 % score: if sme and not local then 100 else if sme or local then 50 else 0 }
criterion b { weight: 50 % score: clamp(round(abs(x) / 3, 2) + max(1, 2) - min(1, 2), 0, 100) }
)", "bidder,x,sme,local\nP,-10,yes,no\nQ,200,no,yes\nR,1,no,no\n");
    CHECK(outcome(lot, "P").scores[0] == 100);
    CHECK(outcome(lot, "Q").scores[0] == 50);
    CHECK(outcome(lot, "R").scores[0] == 0);
    CHECK(outcome(lot, "P").scores[1] == Approx(3.33 + 1));
    CHECK(outcome(lot, "Q").scores[1] == Approx(67.67));
}
