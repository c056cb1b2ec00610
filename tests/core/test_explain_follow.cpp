// Explanations a losing bidder can follow (issue 13, item 5): which tie-break step ordered a tied
// bid, each `let` with its own lines, which bids an aggregate ranged over, and each side of a
// compared test with its own value. Numbers worked out by hand.
#include <catch2/catch.hpp>
#include <cmath>

#include "support/rules_fixture.hpp"

using namespace tl;
using tl::test::outcome;
using tl::test::run;

namespace {

/// The explanation of `bidder`'s bid in a single-lot tender.
BidExplanation explain(const CriteriaSet& rules, const BidTable& bids, const Result& r, const std::string& bidder) {
    return explain_bid(rules, bids, r.lots[0], outcome(r.lots[0], bidder));
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* kTies = R"(
tender { title: "Ties" currency: EUR }
field price: money
field warranty: quantity(years)
criterion price { weight: 100 % score: ratio_lowest(price) }
)";

}  // namespace

TEST_CASE("a tied total: the rank says which tie-break step ordered it and with which values") {
    SECTION("earlier submission: both times") {
        CriteriaSet rules = test::rules_from(kTies);
        BidTable bids = test::bids_from(rules, "bidder,submitted,price,warranty\nLate,2026-03-02T14:40,100,5\nEarly,2026-03-02T10:15,100,3\n"
                                                 "Dear,2026-03-01T09:00,200,5\n");
        Result r = evaluate(rules, bids);
        const BidOutcome& late = outcome(r.lots[0], "Late");
        REQUIRE(late.tie_break);
        CHECK(late.tie_break->step == 0);
        CHECK(late.tie_break->step_text == "earlier_submission");
        CHECK(late.tie_break->other_bidder == "Early");
        CHECK(late.tie_break->value == "2026-03-02T14:40:00");
        CHECK(late.tie_break->other_value == "2026-03-02T10:15:00");
        // The winner of the tie-break is compared with the bid just below it.
        REQUIRE(outcome(r.lots[0], "Early").tie_break);
        CHECK(outcome(r.lots[0], "Early").tie_break->other_bidder == "Late");
        // A bid whose total no other bid shares needed no tie-break.
        CHECK_FALSE(outcome(r.lots[0], "Dear").tie_break);

        CHECK(explain(rules, bids, r, "Late").rank_line ==
              "rank 2 of 3 after the tie-break 'earlier_submission': 2026-03-02T14:40:00 vs 2026-03-02T10:15:00 (Early, the same total)");
        CHECK(explain(rules, bids, r, "Early").rank_line ==
              "rank 1 of 3 after the tie-break 'earlier_submission': 2026-03-02T10:15:00 vs 2026-03-02T14:40:00 (Late, the same total)");
        CHECK(explain(rules, bids, r, "Dear").rank_line == "rank 3 of 3");
    }
    SECTION("a declared step decides before the submission time: its values with their unit") {
        CriteriaSet rules = test::rules_from(std::string(kTies) + "tie_break: higher(warranty), earlier_submission\n");
        BidTable bids = test::bids_from(rules, "bidder,submitted,price,warranty\nLate,2026-03-02,100,5\nEarly,2026-03-01,100,3\n");
        Result r = evaluate(rules, bids);
        const BidOutcome& early = outcome(r.lots[0], "Early");
        CHECK(early.rank == 2);
        REQUIRE(early.tie_break);
        CHECK(early.tie_break->step == 0);
        CHECK(early.tie_break->step_text == "higher(warranty)");
        CHECK(explain(rules, bids, r, "Early").rank_line ==
              "rank 2 of 2 after the tie-break 'higher(warranty)': 3 years vs 5 years (Late, the same total)");
    }
    SECTION("equal after the whole chain: said so, with the other bid") {
        CriteriaSet rules = test::rules_from(kTies);
        BidTable bids = test::bids_from(rules, "bidder,price,warranty\nA,100,5\nB,100,5\nC,200,5\n");
        Result r = evaluate(rules, bids);
        REQUIRE(outcome(r.lots[0], "B").tie_break);
        CHECK(outcome(r.lots[0], "B").tie_break->step == -1);
        CHECK(explain(rules, bids, r, "B").rank_line ==
              "rank 1 (tied) of 3: the same total as A and equal on every tie-break");
        CHECK(explain(rules, bids, r, "A").rank_line ==
              "rank 1 (tied) of 3: the same total as B and equal on every tie-break");
    }
}

TEST_CASE("a let used by a criterion gets its own lines: rule, inputs, values put in") {
    const char* text = R"(
tender { title: "Life-cycle cost" currency: EUR }
field price: money
field upkeep: money
let unused = price * 2
let years = 4
let lcc = price + years * upkeep
criterion cost { weight: 100 % score: 100 * lowest(lcc) / lcc }
)";
    CriteriaSet rules = test::rules_from(text);
    BidTable bids = test::bids_from(rules, "bidder,price,upkeep\nCheap,1000,100\nThrifty,1100,20\n");
    Result r = evaluate(rules, bids);
    // Cheap: 1000 + 4 * 100 = 1400; Thrifty: 1100 + 4 * 20 = 1180, the lowest.
    const BidOutcome& cheap = outcome(r.lots[0], "Cheap");
    REQUIRE(cheap.lets.size() == 3);
    CHECK(cheap.lets[0] == Approx(2000));
    CHECK(cheap.lets[1] == Approx(4));
    CHECK(cheap.lets[2] == Approx(1400));
    BidExplanation x = explain(rules, bids, r, "Cheap");
    REQUIRE(x.lets.size() == 2);  // `unused` is used by no criterion; `years` through `lcc`
    CHECK(x.lets[0].id == "years");
    CHECK(x.lets[1].id == "lcc");
    CHECK(x.lets[1].formula == "price + years * upkeep");
    CHECK(x.lets[1].inputs == "price = 1000 EUR; years = 4; upkeep = 100 EUR");
    CHECK(x.lets[1].with_values == "1000 EUR + 4 * 100 EUR");
    CHECK(x.lets[1].value == "1400 EUR");
    const std::string shown = format_explanation(x);
    // A constant is shown as written, once.
    CHECK(has(shown, "\nValues the scores use (let)\n"
                     "  years\n"
                     "    rule:        4\n"
                     "  lcc\n"
                     "    rule:        price + years * upkeep\n"
                     "    inputs:      price = 1000 EUR; years = 4; upkeep = 100 EUR\n"
                     "    with values: 1000 EUR + 4 * 100 EUR = 1400 EUR\n"));
    CHECK(has(shown, "    inputs:      lowest(lcc) = 1180 EUR; lcc = 1400 EUR\n"));
}

TEST_CASE("an aggregate says which bids it ranged over, and that a bid a gate eliminated is not among them") {
    const char* text = R"(
tender { title: "Gate" currency: EUR }
field price: money
field quality: number { range: 0 .. 10 }
criterion quality { name: "quality minimum" weight: 40 % minimum: 50 score: quality * 10 }
criterion price { kind: price weight: 60 % score: ratio_lowest(price) }
requirement signed { test: quality >= 1 }
)";
    CriteriaSet rules = test::rules_from(text);
    BidTable bids = test::bids_from(rules, "bidder,price,quality\nCheap,50000,3\nGood,80000,9\nFair,100000,6\nBlank,40000,0\n");
    Result r = evaluate(rules, bids);
    BidExplanation fair = explain(rules, bids, r, "Fair");
    CHECK(fair.aggregate_set == std::vector<std::string>{"Good", "Fair"});
    REQUIRE(fair.left_out.size() == 2);
    REQUIRE(fair.scores.size() == 2);
    CHECK(fair.scores[1].aggregates == std::vector<std::string>{"lowest(price)"});
    const std::string shown = format_explanation(fair);
    CHECK(has(shown, "    lowest(price) over the 2 ranked bids: Good, Fair; not among them: "
                     "Cheap (below the minimum of the gate 'quality minimum'), Blank (requirement 'signed' not met)\n"));
    // Cheap, eliminated by the gate, was scored among the admissible bids: Blank is not among them.
    BidExplanation cheap = explain(rules, bids, r, "Cheap");
    CHECK(cheap.aggregate_set == std::vector<std::string>{"Cheap", "Good", "Fair"});
    REQUIRE(cheap.left_out.size() == 1);
    CHECK(cheap.left_out[0].bidder == "Blank");
}

TEST_CASE("a compared test shows each side's value, never an aggregate's value after a product") {
    const char* text = R"(
tender { title: "Flags" currency: EUR }
field price: money
criterion price { weight: 100 % score: ratio_lowest(price) }
abnormally_low dumping {
  name: "40 % below the others' mean"
  when: price < 0.6 * mean_others(price)
}
)";
    CriteriaSet rules = test::rules_from(text);
    BidTable bids = test::bids_from(rules, "bidder,price\nLow,50000\nA,80000\nB,100000\n");
    Result r = evaluate(rules, bids);
    const BidOutcome& low = outcome(r.lots[0], "Low");
    REQUIRE(low.flags.size() == 1);
    // 0.6 x 90000 = 54000: the product has its own value; the aggregate's is inside it.
    CHECK(low.flags[0].detail == "price (50000 EUR) < 0.6 * mean_others(price) (0.6 * 90000 EUR = 54000 EUR)");
    const std::string shown = format_explanation(explain(rules, bids, r, "Low"));
    CHECK(has(shown, "  mean_others(price) over the 2 other ranked bids: A, B\n"));
    // A side that is an input or a literal keeps the short form.
    Evaluator ev(rules, bids, {0, 1, 2});
    CHECK(explain_test(rules, ev, rules.abnormally_low[0].when.args[0], 0) == "price (50000 EUR)");
}

TEST_CASE("requirements with a computed side show its value too") {
    const char* text = R"(
tender { title: "Budget" currency: EUR }
field price: money
field delivery: money
requirement within_budget { test: price + delivery <= 1000 EUR }
criterion price { weight: 100 % score: ratio_lowest(price) }
)";
    LotOutcome lot = run(text, "bidder,price,delivery\nA,800,100\nB,900,150\n");
    const BidOutcome& b = outcome(lot, "B");
    REQUIRE(b.excluded_because.size() == 1);
    CHECK(b.excluded_because[0].detail == "price + delivery (900 EUR + 150 EUR = 1050 EUR) <= 1000 EUR");
}
