// Dates in the rule language (issue 14 item 2): days between dates, a date moved by days, date
// literals, comparisons; submission times with fractions of a second ordering a tie. Values worked
// by hand in the comments. The same formulas recalculated in Gnumeric and LibreOffice:
// tests/workbook/tenders/dates.
#include <catch2/catch.hpp>

#include "core/bids.hpp"
#include "core/explain.hpp"
#include "lang/print.hpp"
#include "support/rules_fixture.hpp"

using namespace tl;
using tl::test::bids_from;
using tl::test::diagnostics_of;
using tl::test::outcome;
using tl::test::rules_from;
using tl::test::run;

namespace {
const std::string kHead =
    "tender { title: \"T\" currency: EUR }\nfield price: money\nfield deadline: date\nfield delivery: date\n";
// A: deadline 2027-02-25, delivery 2027-03-03: February 2027 has 28 days, so 3 days to the 28th
//    and 3 into March: 6 days late.
// B: deadline 2028-02-27, delivery 2028-03-02: 2028 is a leap year (29 February), so 2 days to the
//    29th and 2 into March: 4 days late.
// C: deadline 2027-02-25, delivery 2027-02-20: 5 days early, -5.
// D: deadline 2027-02-25, delivery 2027-03-28: 3 + 28 = 31 days late.
const std::string kBids =
    "bidder,price,deadline,delivery\n"
    "A,100,2027-02-25,2027-03-03\n"
    "B,100,2028-02-27,2028-03-02\n"
    "C,100,2027-02-25,2027-02-20\n"
    "D,100,2027-02-25,2027-03-28\n";
}  // namespace

TEST_CASE("dates: days between two dates, across a month end and a leap day", "[lang][dates]") {
    const LotOutcome lot =
        run(kHead + "criterion late { weight: 1 points score: 50 + (delivery - deadline) / 1 days }\n"
                    "criterion timely { weight: 1 points\n"
                    "  score: steps(delivery - deadline, <= 0 days -> 100, <= 10 days -> 50, else -> 0) }\n",
            kBids);
    // 50 + days late: A 56, B 54, C 45, D 81.
    CHECK(outcome(lot, "A").scores[0] == Approx(56));
    CHECK(outcome(lot, "B").scores[0] == Approx(54));
    CHECK(outcome(lot, "C").scores[0] == Approx(45));
    CHECK(outcome(lot, "D").scores[0] == Approx(81));
    // On time or early 100, up to 10 days late 50, later 0.
    CHECK(outcome(lot, "A").scores[1] == 50);
    CHECK(outcome(lot, "B").scores[1] == 50);
    CHECK(outcome(lot, "C").scores[1] == 100);
    CHECK(outcome(lot, "D").scores[1] == 0);
}

TEST_CASE("dates: a date plus days is a date, and date literals compare with dates", "[lang][dates]") {
    // deadline + 30 days = 2027-02-25 + 30 = 2027-03-27 (3 days to 28 February, 27 into March):
    // A (03-03) and C (02-20) are in, D (03-28) one day out. B's 2028 deadline + 30 = 2028-03-28.
    const std::string rules = kHead +
                              "requirement in_time { test: delivery <= deadline + 30 days }\n"
                              "criterion early { weight: 1 points score: if delivery < date(\"2027-03-01\") then 100 else 0 }\n";
    const LotOutcome lot = run(rules, kBids);
    CHECK(outcome(lot, "A").admissible);
    CHECK(outcome(lot, "B").admissible);
    CHECK(outcome(lot, "C").admissible);
    CHECK_FALSE(outcome(lot, "D").admissible);
    // Only C (2027-02-20) delivers before 2027-03-01; B's 2028-03-02 is later.
    CHECK(outcome(lot, "C").scores[0] == 100);
    CHECK(outcome(lot, "A").scores[0] == 0);
    CHECK(outcome(lot, "B").scores[0] == 0);
    // The literal prints as written; 30 days - deadline the other way round is not a date.
    CHECK(print_expr(rules_from(rules).criteria[0].score) == "if delivery < date(\"2027-03-01\") then 100 else 0");
}

TEST_CASE("dates: explanations show dates as dates and differences in days", "[lang][dates][explain]") {
    const CriteriaSet rules = rules_from(kHead + "requirement in_time { test: delivery <= deadline + 30 days }\n"
                                                 "criterion late { weight: 1 points score: 50 + (delivery - date(\"2027-02-25\")) / 1 days }\n");
    const BidTable bids = bids_from(rules, kBids);
    const Result r = evaluate(rules, bids);
    const BidExplanation x = explain_bid(rules, bids, r.lots[0], outcome(r.lots[0], "A"));
    const std::string text = format_explanation(x);
    INFO(text);
    // 2027-02-25 + 30 days = 2027-03-27; 2027-03-03 - 2027-02-25 = 6 days.
    CHECK_THAT(text, Catch::Contains("2027-03-03"));
    CHECK_THAT(text, Catch::Contains("2027-03-27"));
    // The literal reads as its date, the difference with its days, bracketed as the formula needs.
    CHECK_THAT(text, Catch::Contains("with values: 50 + (2027-03-03 - 2027-02-25 = 6 days) / 1 days = 56.0000"));
    CHECK_THAT(text, !Catch::Contains("date(\"2027-02-25\") /"));
}

TEST_CASE("dates: misuse is a located error", "[lang][dates][diagnostics]") {
    CHECK_THAT(diagnostics_of(kHead + "criterion c { weight: 100 % score: if delivery + deadline > 0 days then 1 else 0 }\n"),
               Catch::StartsWith("test.crit:5:48: error: cannot add two dates; subtract them for the days between "
                                 "('delivery - deadline')\n"));
    CHECK_THAT(diagnostics_of(kHead + "requirement r { test: delivery < 30 }\n"),
               Catch::StartsWith("test.crit:5:32: error: cannot compare a date with a number\n"));
    CHECK_THAT(diagnostics_of(kHead + "requirement r { test: delivery <= deadline + 30 }\n"),
               Catch::StartsWith("test.crit:5:46: error: a date moves by a number of days: '30' is a plain number; "
                                 "write e.g. deadline + 30 days\n"));
    CHECK_THAT(diagnostics_of(kHead + "requirement r { test: delivery <= deadline + 1 months }\n"),
               Catch::StartsWith("test.crit:5:46: error: a date moves by a number of days: '1 months' is months; "
                                 "write e.g. deadline + 30 days\n"));
    CHECK_THAT(diagnostics_of(kHead + "requirement r { test: 30 days - delivery > 0 days }\n"),
               Catch::StartsWith("test.crit:5:31: error: cannot subtract a date from a number; "
                                 "a date minus a date gives the days between\n"));
    CHECK_THAT(diagnostics_of(kHead + "requirement r { test: delivery < date(\"2027-02-30\") }\n"),
               Catch::StartsWith("test.crit:5:39: error: '2027-02-30' is not a valid date (write YYYY-MM-DD, e.g. 2027-03-01)\n"));
    CHECK_THAT(diagnostics_of(kHead + "requirement r { test: delivery < date(deadline) }\n"),
               Catch::StartsWith("test.crit:5:39: error: 'date' takes a date written in quotes, e.g. date(\"2027-03-01\")\n"));
    // A difference of dates is days, not a plain number: scoring it against a bare number says so.
    CHECK_THAT(diagnostics_of(kHead + "requirement r { test: delivery - deadline <= 10 }\n"), Catch::Contains("error"));
}

TEST_CASE("submission times: fractions of a second order two bids of the same second", "[io][dates][tie]") {
    CHECK(compare_submission_times("2027-02-01T10:00:00Z", "2027-02-01T10:00:00.250Z") < 0);
    CHECK(compare_submission_times("2027-02-01T10:00:00.5", "2027-02-01T10:00:00.25") > 0);
    CHECK(compare_submission_times("2027-02-01T10:00:00.250Z", "2027-02-01T10:00:00.25Z") == 0);
    CHECK(compare_submission_times("2027-02-01T09:59:59.999Z", "2027-02-01T10:00:00Z") < 0);
    CHECK(pad_submission_fraction("2027-02-01T10:00:00Z", 3) == "2027-02-01T10:00:00.000Z");
    CHECK(pad_submission_fraction("2027-02-01T10:00:00.25", 3) == "2027-02-01T10:00:00.250");

    // Equal totals; A submitted 250 ms after B within the same second: B ranks first.
    const std::string rules = "tender { title: \"T\" currency: EUR }\nfield price: money\n"
                              "criterion c { weight: 100 % score: ratio_lowest(price) }\n";
    const LotOutcome zoned = run(rules, "bidder,submitted,price\n"
                                        "A,2027-02-01T10:00:00.250Z,100\n"
                                        "B,2027-02-01T10:00:00Z,100\n"
                                        "C,2027-02-01T12:00:00.100+02:00,100\n");  // 10:00:00.100Z
    // B 10:00:00.000, C 10:00:00.100, A 10:00:00.250.
    CHECK(outcome(zoned, "B").rank == 1);
    CHECK(outcome(zoned, "C").rank == 2);
    CHECK(outcome(zoned, "A").rank == 3);
    // Without a zone, and today's forms (no seconds, a space) still read.
    const LotOutcome local = run(rules, "bidder,submitted,price\n"
                                        "A,2027-02-01T10:00:00.25,100\n"
                                        "B,2027-02-01 10:00,100\n"
                                        "C,2027-02-01T10:00:00.0001,100\n");
    CHECK(outcome(local, "B").rank == 1);
    CHECK(outcome(local, "C").rank == 2);
    CHECK(outcome(local, "A").rank == 3);
    // Not a time: located error in the bids file.
    const auto bad = read_bids_csv("bidder,submitted,price\nA,2027-02-01T10:00:00.,100\n", "bids.csv", rules_from(rules).fields, {});
    CHECK_FALSE(bad.ok());
    CHECK_THAT(format_diagnostics(bad.diagnostics), Catch::Contains("bids.csv:2:") && Catch::Contains("is not a date or date-time"));
}

TEST_CASE("dates: fmt prints date literals and day arithmetic as written, idempotently", "[lang][dates][fmt]") {
    const std::string text = kHead + "let start = date(\"2027-01-15\")\n"
                                     "requirement r { test: delivery <= deadline + 30 days and delivery >= start - 10 days }\n";
    auto format = [](const std::string& t) {
        lang::RuleFile f;
        Diagnostics d;
        REQUIRE(lang::parse_rules(t, "t.crit", f, d));
        return lang::format_rules(f);
    };
    const std::string once = format(text);
    CHECK_THAT(once, Catch::Contains("let start = date(\"2027-01-15\")"));
    CHECK_THAT(once, Catch::Contains("test: delivery <= deadline + 30 days and delivery >= start - 10 days"));
    CHECK(format(once) == once);
    // The printed rules mean the same: they check cleanly.
    CHECK(lang::load_rules_text(once, "t.crit").ok());
}
