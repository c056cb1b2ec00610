// Criteria the evaluation committee scores (`committee: 0 .. 5`): the consensus score is a hidden
// optional field converted linearly to the criterion's scale.
#include <catch2/catch.hpp>

#include "support/rules_fixture.hpp"

using namespace tl;
using tl::test::diagnostics_of;
using tl::test::outcome;

namespace {
const std::string kHead = "tender { title: \"T\" reference: \"R\" currency: EUR }\nfield price: money { name: \"Price\" }\n"
                          "criterion price { kind: price weight: 60 % score: ratio_lowest(price) }\n";
}

TEST_CASE("committee criterion: the consensus score is converted to the criterion's scale", "[committee]") {
    const std::string rules = kHead + "criterion plan { name: \"Take-back plan\" weight: 40 % scale: 0 .. 10 committee: 1 .. 5 }\n";
    const CriteriaSet set = test::rules_from(rules);
    REQUIRE(set.criteria.size() == 2);
    const Criterion& plan = set.criteria[1];
    REQUIRE(plan.committee_field == 1);
    CHECK(plan.committee_lo == 1);
    CHECK(plan.committee_hi == 5);
    const FieldDecl& f = set.fields[1];
    CHECK(f.id == "plan");
    CHECK(f.committee);
    CHECK(f.optional);
    CHECK(f.name == "Take-back plan (committee score 1-5)");
    CHECK(*f.range_lo == 1);
    CHECK(*f.range_hi == 5);

    // 4 on 1..5 is 7.5 on 0..10; a missing consensus counts as 0 and is flagged as such.
    const LotOutcome lot = test::run(rules, "bidder,price,plan\nA,100,4\nB,125,5\nC,100,\n");
    const BidOutcome& a = outcome(lot, "A");
    CHECK(a.scores[1] == Approx(7.5));
    CHECK(a.total == Approx(60 + 0.75 * 40));
    CHECK(outcome(lot, "B").scores[1] == Approx(10));
    const BidOutcome& c = outcome(lot, "C");
    CHECK(c.scores[1] == 0);
    REQUIRE(c.flags.size() == 1);
    CHECK(c.flags[0].detail == "no consensus score of the committee is recorded for 'plan' (counted as 0.0000)");
    CHECK(c.flags[0].what.code == "core.flag.no-consensus");
    // A value outside the committee's scale is refused where the bids are read.
    const CriteriaSet again = test::rules_from(rules);
    const auto read = read_bids_csv("bidder,price,plan\nA,100,6\n", "bids.csv", again.fields, {});
    CHECK_FALSE(read.ok());
    CHECK_THAT(format_diagnostics(read.diagnostics), Catch::Contains("bids.csv:2"));
}

TEST_CASE("committee criterion: mistakes are reported", "[committee]") {
    CHECK_THAT(diagnostics_of(kHead + "criterion plan { weight: 40 % committee: 0 .. 5 score: 3 }\n"),
               Catch::Contains("criterion 'plan' is scored by the committee ('committee:'), so it has no 'score:' formula"));
    CHECK_THAT(diagnostics_of(kHead + "criterion plan { weight: 40 % committee: 5 .. 0 }\n"),
               Catch::Contains("the top of the committee's scale must be above its bottom"));
    CHECK_THAT(diagnostics_of(kHead + "criterion plan { weight: 40 % committee: 0 % .. 5 % }\n"),
               Catch::Contains("the committee's scale is in points: plain numbers, e.g. committee: 0 .. 5"));
    CHECK_THAT(diagnostics_of(kHead + "criterion plan { weight: 40 % }\n"),
               Catch::Contains("has no 'score: formula' (or 'committee: 0 .. 5' when the committee scores it)"));
    // The hidden field takes the criterion's name: a field or let of that name clashes.
    CHECK_THAT(diagnostics_of(kHead + "field plan: number\ncriterion plan { weight: 40 % committee: 0 .. 5 }\n"),
               Catch::Contains("error: 'plan' is already declared"));
}

TEST_CASE("committee criterion: combine says how the marks make the value", "[committee][combine]") {
    // Default: the chair's consensus, as before.
    CHECK(test::rules_from(kHead + "criterion plan { weight: 40 % committee: 0 .. 5 }\n").criteria[1].combine ==
          CommitteeCombine::Consensus);
    CHECK(test::rules_from(kHead + "criterion plan { weight: 40 % committee: 0 .. 5 combine: mean }\n").criteria[1].combine ==
          CommitteeCombine::Mean);
    CHECK(test::rules_from(kHead + "criterion plan { weight: 40 % committee: 0 .. 5 combine: median }\n").criteria[1].combine ==
          CommitteeCombine::Median);
    CHECK(test::rules_from(kHead + "criterion plan { weight: 40 % committee: 0 .. 5 combine: consensus }\n").criteria[1].combine ==
          CommitteeCombine::Consensus);
}

TEST_CASE("committee criterion: combine misused is reported where it is written", "[committee][combine]") {
    // Line 4 is the criterion; 'combine' starts in column 47.
    CHECK_THAT(diagnostics_of(kHead + "criterion plan { weight: 40 % committee: 0 .. 5 combine: meen }\n"),
               Catch::Contains(":4:") && Catch::Contains("combine is consensus (the chair's recorded consensus), mean or median "
                                                         "(of the submitted marks)") &&
                   Catch::Contains("mean"));
    CHECK_THAT(diagnostics_of(kHead + "criterion plan { weight: 40 % committee: 0 .. 5 combine: meen }\n"),
               Catch::Contains("did you mean 'mean'"));
    CHECK_THAT(diagnostics_of(kHead + "criterion plan { weight: 40 % committee: 0 .. 5 combine: 3 }\n"),
               Catch::Contains("combine is consensus"));
    CHECK_THAT(diagnostics_of(kHead + "criterion q { weight: 40 % score: 50 combine: mean }\n"),
               Catch::Contains(":4:") && Catch::Contains("'combine:' says how the committee's marks make the value of a criterion "
                                                         "the committee scores; criterion 'q' has no 'committee: 0 .. 5'"));
}

TEST_CASE("committee criterion: no submitted mark is flagged as such for mean and median", "[committee][combine]") {
    const std::string rules = kHead + "criterion plan { weight: 40 % scale: 0 .. 10 committee: 1 .. 5 combine: mean }\n";
    const LotOutcome lot = test::run(rules, "bidder,price,plan\nA,100,4\nC,100,\n");
    const BidOutcome& c = outcome(lot, "C");
    REQUIRE(c.flags.size() == 1);
    CHECK(c.flags[0].what.code == "core.flag.no-submitted-mark");
    CHECK(c.flags[0].detail == "no submitted mark of the committee is recorded for 'plan' (counted as 0.0000)");
}

TEST_CASE("committee criterion: the explanation says how the committee's value was formed", "[committee][combine]") {
    const std::string text = kHead + "criterion plan { weight: 40 % committee: 0 .. 5 combine: mean }\n";
    const CriteriaSet rules = test::rules_from(text);
    // The project's value for A: the mean of the submitted marks 4, 5 and 3 = 12 / 3 = 4.
    const BidTable bids = test::bids_from(rules, "bidder,price,plan\nA,100,4\n");
    const Result result = evaluate(rules, bids);
    const LotOutcome& lot = result.lots.at(0);
    BidExplanation x = explain_bid(rules, bids, lot, outcome(lot, "A"));
    CommitteeScores scores;
    CommitteeCell cell;
    cell.criterion_id = "plan";
    cell.bidder = "A";
    cell.combine = CommitteeCombine::Mean;
    cell.submitted = {4, 5, 3};
    cell.value = 4;
    scores.cells.push_back(cell);
    note_committee(x, scores);
    const std::string text_en = format_explanation(x);
    CHECK_THAT(text_en, Catch::Contains("    committee: mean of 3 submitted marks (4, 5, 3) = 4\n"));
    // Median of (4, 5, 3, 1): sorted 1, 3, 4, 5, the middle two (3 + 4) / 2 = 3.5.
    cell.combine = CommitteeCombine::Median;
    cell.submitted = {4, 5, 3, 1};
    cell.value = 3.5;
    CHECK(word(committee_value_message(cell, "en")) == "median of 4 submitted marks (4, 5, 3, 1) = 3.5");
    cell.submitted.clear();
    cell.value = std::nan("");
    CHECK(committee_value_message(cell, "en").code == "core.committee.no-submitted-mark");
}
