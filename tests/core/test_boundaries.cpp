// Every comparison kind at exactly its boundary (issue 13): numbers compare as the decimal
// arithmetic written in the rules would (core/decimal_compare.hpp, docs/LANGUAGE.md "Comparisons").
// The same cases, recalculated in Gnumeric and LibreOffice, are tests/workbook/tenders/boundaries
// and boundary-tie.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "core/decimal_compare.hpp"
#include "core/number_format.hpp"
#include "io/cells/field_value.hpp"
#include "support/rules_fixture.hpp"

using namespace tl;
using tl::test::outcome;
using tl::test::run;

namespace {
bool has_flag(const BidOutcome& o, const std::string& id) {
    return std::any_of(o.flags.begin(), o.flags.end(), [&](const Flag& f) { return f.rule_id == id; });
}
const std::string kHead = "tender { title: \"T\" currency: EUR }\nfield price: money\nfield a: number\nfield b: number\n";
}  // namespace

TEST_CASE("the comparison rule: equal within a relative 1e-12", "[boundaries]") {
    REQUIRE(0.7 * 1300 != 910.0);  // the premise: binary floating point misses the decimal
    CHECK(approx_equal(0.7 * 1300, 910));
    CHECK(decimal_less_equal(910, 0.7 * 1300));
    CHECK_FALSE(decimal_less(0.7 * 1300, 910));
    CHECK(decimal_greater_equal(0.3, 0.1 + 0.2));
    CHECK_FALSE(decimal_greater(0.1 + 0.2, 0.3));
    // Beyond the tolerance, numbers differ: one cent in ten billion still counts.
    CHECK(decimal_less(10000000000.00, 10000000000.01));
    CHECK_FALSE(approx_equal(1e-13, 0));  // only 0 equals 0
    CHECK_FALSE(approx_equal(INFINITY, 1e308));
    CHECK_FALSE(approx_equal(NAN, NAN));
}

TEST_CASE("a requirement holds at its boundary after arithmetic", "[boundaries]") {
    LotOutcome lot = run(kHead + "requirement r { test: a + b <= 0.3 and a + b >= 0.3 and a + b == 0.3 and not (a + b != 0.3) }\n"
                                 "requirement strict { test: not (a + b > 0.3) and not (a + b < 0.3) }\n"
                                 "criterion c { weight: 100 % score: 100 }\n",
                         "bidder,price,a,b\nA,100,0.1,0.2\nB,100,0.3,0.0000001\n");
    CHECK(outcome(lot, "A").admissible);
    CHECK_FALSE(outcome(lot, "B").admissible);  // 0.3000001 is above 0.3
}

TEST_CASE("a steps threshold is hit exactly after arithmetic", "[boundaries]") {
    LotOutcome lot = run(kHead + "criterion c { weight: 100 % score: steps(a + b, > 0.3 -> 0, <= 0.3 -> 100, else -> 50) }\n",
                         "bidder,price,a,b\nA,100,0.1,0.2\nB,100,0.2,0.1000001\n");
    CHECK(outcome(lot, "A").scores[0] == 100);
    CHECK(outcome(lot, "B").scores[0] == 0);
}

TEST_CASE("a gate minimum is met at 9.999999999999998 against 10", "[boundaries]") {
    REQUIRE((1 - 0.9) / 0.1 * 10 < 10);
    LotOutcome lot = run(kHead + "field q: number\ncriterion quality { weight: 100 % minimum: 10 score: (1 - q) / 0.1 * 10 }\n",
                         "bidder,price,a,b,q\nA,100,0,0,0.9\nB,100,0,0,0.9000001\n");
    CHECK_FALSE(outcome(lot, "A").eliminated);
    CHECK(outcome(lot, "A").ranked());
    CHECK(outcome(lot, "B").eliminated);
}

TEST_CASE("abnormally-low flags hold at exactly 30 % and 40 % below", "[boundaries]") {
    LotOutcome lot = run(kHead + "criterion c { weight: 100 % score: 100 }\n"
                                 "abnormally_low at_30 { when: price <= 0.7 * next_higher(price) }\n"
                                 "abnormally_low below_30 { when: price < 0.7 * next_higher(price) }\n",
                         "bidder,price,a,b\nLow,910,0,0\nHigh,1300,0,0\n");
    CHECK(has_flag(outcome(lot, "Low"), "at_30"));
    CHECK_FALSE(has_flag(outcome(lot, "Low"), "below_30"));
    CHECK_FALSE(has_flag(outcome(lot, "High"), "at_30"));
    LotOutcome forty = run(kHead + "criterion c { weight: 100 % score: 100 }\n"
                                   "abnormally_low at_40 { when: 1 - price / mean_others(price) >= 0.4 }\n"
                                   "abnormally_low above_40 { when: 1 - price / mean_others(price) > 0.4 }\n",
                           "bidder,price,a,b\nLow,600,0,0\nHigh,1000,0,0\n");
    CHECK(has_flag(outcome(forty, "Low"), "at_40"));
    CHECK_FALSE(has_flag(outcome(forty, "Low"), "above_40"));
}

TEST_CASE("totals that differ in the last bits are a tie", "[boundaries]") {
    LotOutcome lot = run("tender { title: \"T\" currency: EUR }\nfield x: number\nfield y: number\n"
                         "criterion first { weight: 1 points score: x }\ncriterion second { weight: 1 points score: y }\n",
                         "bidder,x,y\nSplit,10,20\nWhole,30,0\n");
    REQUIRE(outcome(lot, "Split").total != outcome(lot, "Whole").total);  // 0.1 + 0.2 against 0.3
    CHECK(outcome(lot, "Split").rank == 1);
    CHECK(outcome(lot, "Whole").rank == 1);
    CHECK(outcome(lot, "Split").tied);
    REQUIRE(lot.ties.size() == 1);
    CHECK(lot.ties[0].size() == 2);
}

TEST_CASE("a field's range is checked by the same rule", "[boundaries]") {
    FieldDecl f;
    f.id = "share";
    f.type = FieldType::Percent;
    f.range_lo = 0;
    f.range_hi = 0.3;
    CHECK_FALSE(io::outside_range(f, 0.1 + 0.2));
    CHECK(io::outside_range(f, 0.3000001));
    CHECK(io::outside_range(f, -1e-13));  // below an exact 0 is below
    CHECK_FALSE(io::outside_range(f, 0));
}

TEST_CASE("round decides on the decimal the value stands for", "[boundaries]") {
    // Computed values within a few ulps below the half: 15 significant digits make them the half.
    CHECK(round_half_away(1005.0 / 1000, 2) == 1.01);
    CHECK(round_half_away(2675.0 / 1000, 2) == 2.68);
    CHECK(round_half_away(1115.0 / 1000, 2) == 1.12);
    CHECK(round_half_away(-2675.0 / 1000, 2) == -2.68);
    CHECK(round_half_away(1.1 * 1.15, 2) == 1.27);
    CHECK(round_half_away(0.285 * 100, 0) == 29);
    CHECK(round_half_away(1.0049999999999996, 2) == 1.01);  // 1.00500000000000 at 15 digits
    // Below the half at 15 digits stays below.
    CHECK(round_half_away(1.00499999999999, 2) == 1);
    CHECK(round_half_away(9.995, 2) == 10);
    CHECK(round_half_away(0.004, 2) == 0);
    CHECK(round_half_away(0.005, 2) == 0.01);
    CHECK(round_half_away(1234.5, -2) == 1200);
    CHECK(round_half_away(1250, -2) == 1300);
    CHECK(round_half_away(0.4, -3) == 0);
    CHECK(round_half_away(123456789.125, 2) == 123456789.13);
    CHECK(round_half_away(0.1 + 0.2, 20) == 0.3);  // 15 significant digits first
}
