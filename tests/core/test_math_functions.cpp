// ln, log10, exp, sqrt and power (issue 14): values worked by hand in the comments, undefined
// results outside the domain (as x / 0), the check's unit rule and its warning on a division by a
// constant zero. The same formulas recalculated in Gnumeric and LibreOffice:
// tests/workbook/tenders/math-functions.
#include <catch2/catch.hpp>

#include <cmath>

#include "support/rules_fixture.hpp"

using namespace tl;
using tl::test::diagnostics_of;
using tl::test::outcome;
using tl::test::run;

namespace {
const std::string kHead = "tender { title: \"T\" currency: EUR }\nfield price: money\nfield x: number\nfield y: number\n";
}  // namespace

TEST_CASE("math functions: values worked by hand", "[lang][functions]") {
    // A: price 1000 (the lowest), x 100, y 0.5; B: price 2000, x 4, y 2.
    const LotOutcome lot = run(kHead + "criterion c_ln { weight: 1 points score: 100 + 100 * ln(lowest(price) / price) / ln(2) }\n"
                                       "criterion c_log { weight: 1 points score: 10 * log10(x) }\n"
                                       "criterion c_exp { weight: 1 points score: 100 * exp(-y) }\n"
                                       "criterion c_sqrt { weight: 1 points score: 10 * sqrt(x) }\n"
                                       "criterion c_pow { weight: 1 points score: 100 * power(lowest(price) / price, 2) + power(x, y) }\n",
                               "bidder,price,x,y\nA,1000,100,0.5\nB,2000,4,2\n");
    const BidOutcome& a = outcome(lot, "A");
    const BidOutcome& b = outcome(lot, "B");
    // ln(1000/1000) = 0 -> 100; ln(1000/2000) / ln 2 = -1 -> 0.
    CHECK(a.scores[0] == Approx(100).margin(1e-12));
    CHECK(b.scores[0] == Approx(0).margin(1e-12));
    // 10 * log10(100) = 20; 10 * log10(4) = 6.020599913279624.
    CHECK(a.scores[1] == Approx(20));
    CHECK(b.scores[1] == Approx(6.020599913279624));
    // 100 * e^-0.5 = 60.65306597126334; 100 * e^-2 = 13.533528323661270.
    CHECK(a.scores[2] == Approx(60.65306597126334));
    CHECK(b.scores[2] == Approx(13.53352832366127));
    // 10 * sqrt(100) = 100; 10 * sqrt(4) = 20.
    CHECK(a.scores[3] == Approx(100));
    CHECK(b.scores[3] == Approx(20));
    // 100 * 1^2 + 100^0.5 = 110 (clamped to the scale, 100); 100 * 0.5^2 + 4^2 = 25 + 16 = 41.
    CHECK(a.scores[4] == Approx(100));
    CHECK(a.clamped[4]);
    CHECK(b.scores[4] == Approx(41));
}

TEST_CASE("math functions: outside the domain the result is undefined, as a division by zero", "[lang][functions]") {
    // ln 0, log10 of a negative, sqrt of a negative, 0^0, 0^-1, e^1000 (beyond a double).
    const LotOutcome lot = run(kHead + "criterion c_ln { weight: 1 points score: ln(x) }\n"
                                       "criterion c_log { weight: 1 points score: log10(y) }\n"
                                       "criterion c_sqrt { weight: 1 points score: sqrt(y) }\n"
                                       "criterion c_pow00 { weight: 1 points score: power(x, x) }\n"
                                       "criterion c_pow0neg { weight: 1 points score: power(x, y) }\n"
                                       "criterion c_exp { weight: 1 points score: exp(-1000 * y) }\n",
                               "bidder,price,x,y\nA,1000,0,-1\n");
    // Each is counted as 0 and flagged, as x / 0 is (the committee sees "n/a" and why).
    const BidOutcome& a = outcome(lot, "A");
    for (std::size_t i = 0; i < a.scores.size(); ++i) {
        INFO("criterion " << i);
        CHECK(a.scores[i] == 0);
    }
    std::size_t undefined = 0;
    for (const auto& f : a.flags) undefined += f.rule_id == "undefined_score" ? 1 : 0;
    CHECK(undefined == 6);
}

TEST_CASE("math functions: the check wants plain numbers or ratios, and the right number of arguments",
          "[lang][functions][diagnostics]") {
    CHECK_THAT(diagnostics_of(kHead + "criterion c { weight: 100 % score: ln(price) }\n"),
               Catch::StartsWith("test.crit:5:39: error: 'ln' needs a plain number or a ratio, not EUR: e.g. "
                                 "ln(lowest(price) / price)\n"
                                 "  criterion c { weight: 100 % score: ln(price) }\n"
                                 "                                        ^\n"));
    CHECK_THAT(diagnostics_of(kHead + "criterion c { weight: 100 % score: power(x) }\n"),
               Catch::StartsWith("test.crit:5:36: error: 'power' takes 2 arguments, not 1\n"));
    // A ratio of two amounts of money is a plain number.
    CHECK_THAT(diagnostics_of(kHead + "criterion c { weight: 100 % score: sqrt(price / lowest(price)) * 100 }\n"),
               !Catch::Contains("error"));
}

TEST_CASE("the check warns on a division by a constant zero", "[lang][functions][diagnostics]") {
    CHECK_THAT(diagnostics_of(kHead + "criterion c { weight: 100 % score: x / 0 }\n"),
               Catch::StartsWith("test.crit:5:40: warning: 'x / 0' divides by zero: the result is undefined for every bid\n"));
    // Through a let that names 0.
    CHECK_THAT(diagnostics_of(kHead + "let base = 0\ncriterion c { weight: 100 % score: x / base }\n"),
               Catch::StartsWith("test.crit:6:40: warning: 'x / base' divides by zero: the result is undefined for every bid\n"));
    // A divisor that is not a constant 0 is left alone.
    CHECK_THAT(diagnostics_of(kHead + "criterion c { weight: 100 % score: x / (y + 1) }\n"), !Catch::Contains("divides by zero"));
}
