// Edge cases found in review, each of which once gave a committee a wrong number.
#include <catch2/catch.hpp>

#include "support/rules_fixture.hpp"

using namespace tl;
using tl::test::diagnostics_of;
using tl::test::outcome;
using tl::test::run;

TEST_CASE("minimum and scale are points, not percents or money") {
    const std::string head = "tender { title: \"T\" currency: RUB }\nfield q: number\n";
    CHECK_THAT(diagnostics_of(head + "criterion c { weight: 100 % minimum: 50 % score: q }\n"),
               Catch::Contains("a minimum score is in points on the criterion's scale"));
    CHECK_THAT(diagnostics_of(head + "criterion c { weight: 100 % scale: 0 .. 100 % score: q }\n"),
               Catch::Contains("a scale is in points"));
}

TEST_CASE("linear keys must increase also when written negative or through a let") {
    const std::string head = "tender { title: \"T\" currency: RUB }\nfield cold: number\nlet top = -40\n";
    CHECK_THAT(diagnostics_of(head + "criterion c { weight: 100 % score: linear(cold, -20 -> 0, -40 -> 100) }\n"),
               Catch::Contains("-40 follows -20"));
    CHECK_THAT(diagnostics_of(head + "criterion c { weight: 100 % score: linear(cold, -20 -> 0, top -> 100) }\n"),
               Catch::Contains("must increase from left to right"));
    CHECK(diagnostics_of(head + "criterion c { weight: 100 % score: linear(cold, -40 -> 100, -20 -> 0) }\n").find("error") ==
          std::string::npos);
}

TEST_CASE("a percent compared with a let holding a bare number is reported") {
    CHECK_THAT(diagnostics_of("tender { title: \"T\" currency: RUB }\nfield share: percent\nlet min_share = 30\n"
                              "requirement r { test: share >= min_share }\ncriterion c { weight: 100 % score: 1 }\n"),
               Catch::Contains("'share' is a percent: write 30 % (a bare 30 would mean 3000 %) ('min_share' is a bare 30)"));
}

TEST_CASE("undefined is not 'yes': not, and, or keep it undefined") {
    const char* rules = R"(
tender { title: "T" currency: EUR }
field price: money
field conflict: yesno { optional }
requirement no_conflict { test: not conflict }
criterion price { weight: 100 % score: ratio_lowest(price) }
abnormally_low al { when: not (price >= 0.6 * mean_others(price)) }
)";
    LotOutcome lot = run(rules, "bidder,price,conflict\nSolo,100,\n");
    // The blank answer meets no requirement, whichever way the test is written.
    CHECK_FALSE(outcome(lot, "Solo").admissible);
    LotOutcome alone = run(rules, "bidder,price,conflict\nSolo,100,no\n");
    // Alone: mean_others is undefined, so `not (...)` is undefined too: no flag.
    CHECK(outcome(alone, "Solo").flags.empty());
}

TEST_CASE("next_higher of tied bids is the tied value, for each of them") {
    const char* rules = R"(
tender { title: "T" currency: EUR }
field price: money
criterion price { weight: 100 % score: ratio_lowest(price) }
abnormally_low next { when: price <= 0.7 * next_higher(price) }
abnormally_low prev { when: price >= 1.5 * next_lower(price) }
)";
    LotOutcome lot = run(rules, "bidder,price\nA,100\nB,100\nC,150\nD,200\nE,200\n");
    CHECK(outcome(lot, "A").flags.empty());
    CHECK(outcome(lot, "B").flags.empty());
    // C is 1.5 x B: flagged by `prev`; D and E are tied with each other: not flagged.
    REQUIRE(outcome(lot, "C").flags.size() == 1);
    CHECK(outcome(lot, "D").flags.empty());
    CHECK(outcome(lot, "E").flags.empty());
}

TEST_CASE("the ranking does not depend on the order of the rows") {
    const char* rules = R"(
tender { title: "T" currency: EUR }
field price: money
criterion price { weight: 100 % score: ratio_lowest(price) }
)";
    for (const char* csv : {"bidder,submitted,price\nA,,100\nB,2026-03-01,100\nC,,100\n",
                            "bidder,submitted,price\nC,,100\nA,,100\nB,2026-03-01,100\n"}) {
        LotOutcome lot = run(rules, csv);
        CHECK(outcome(lot, "B").rank == 1);
        CHECK_FALSE(outcome(lot, "B").tied);
        CHECK(outcome(lot, "A").rank == 2);
        CHECK(outcome(lot, "C").rank == 2);
        CHECK(outcome(lot, "A").tied);
    }
}

TEST_CASE("tie-breaks use the scores the totals counted, and compare keys exactly") {
    LotOutcome lot = run(R"(
tender { title: "T" currency: EUR }
field price: money
field plan: number { optional }
criterion price { weight: 50 % score: 100 }
criterion quality { weight: 50 % score: plan * 10 }
tie_break: higher(quality), earlier_submission
)", "bidder,submitted,price,plan\nA,2026-01-01,100,\nB,2026-02-01,100,0\n");
    // A's quality is undefined and counted as 0; B's is 0: equal, so earlier submission decides.
    CHECK(outcome(lot, "A").rank == 1);
    LotOutcome exact = run(R"(
tender { title: "T" currency: EUR }
field price: money
criterion flat { weight: 100 % score: 100 }
tie_break: lower(price), earlier_submission
)", "bidder,submitted,price\nDear,2026-01-01,1500000000.90\nCheap,2026-02-01,1500000000.00\n");
    CHECK(outcome(exact, "Cheap").rank == 1);
    CHECK(outcome(exact, "Dear").rank == 2);
}

TEST_CASE("npv over an absurd number of years is undefined, not zero") {
    LotOutcome lot = run(R"(
tender { title: "T" currency: EUR }
field price: money
field life: quantity(years)
criterion cost { weight: 100 % score: ratio_lowest(price + npv(100 EUR, life, 4 %)) }
)", "bidder,price,life\nA,1000,10\nB,1000,3000000000\n");
    REQUIRE(outcome(lot, "B").flags.size() == 1);
    CHECK(outcome(lot, "B").flags[0].rule_id == "undefined_score");
    CHECK(outcome(lot, "A").rank == 1);
}

TEST_CASE("if/then/else cannot mix members of two enums") {
    CHECK_THAT(diagnostics_of("tender { title: \"T\" currency: EUR }\nfield own: yesno\nfield a: enum(A, B, C)\n"
                              "field b: enum(C, B, A)\nlet cls = if own then a else b\n"
                              "criterion c { weight: 100 % score: table(cls, A -> 100, B -> 50, C -> 0) }\n"),
               Catch::Contains("members of different enums"));
}

TEST_CASE("explanations of ratio_lowest show the lowest and the bid's own value") {
    CriteriaSet rules = test::rules_from("tender { title: \"T\" currency: EUR }\nfield price: money\n"
                                         "criterion price { weight: 100 % score: ratio_lowest(price) }\n");
    BidTable bids = test::bids_from(rules, "bidder,price\nA,80\nB,100\n");
    Result r = evaluate(rules, bids);
    BidExplanation x = explain_bid(rules, bids, r.lots[0], outcome(r.lots[0], "B"));
    CHECK(x.scores[0].with_values == "100 * 80 EUR / 100 EUR");
    CHECK(x.scores[0].inputs == "lowest(price) = 80 EUR; price = 100 EUR");
}

TEST_CASE("a bid stopped by a gate shows its clamped score") {
    LotOutcome lot = run(R"(
tender { title: "T" currency: EUR }
field q: number
criterion quality { weight: 100 % minimum: 10 score: q * 10 - 50 }
)", "bidder,q\nA,2\nB,9\n");
    CHECK(outcome(lot, "A").eliminated);
    CHECK(outcome(lot, "A").scores[0] == 0);
    CHECK(outcome(lot, "A").clamped[0]);
}
