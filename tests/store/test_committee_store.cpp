// The committee's procedure, as the store enforces it: declarations before scoring, conflicts,
// drafts and submission, the chair's reopening and consensus; status and the engine's inputs.
#include "core/engine.hpp"
#include "core/explain.hpp"
#include "store_fixture.hpp"

using namespace tl;
using namespace tl::store;
using namespace tl::store_test;

namespace {

std::string refusal(const std::function<void()>& f) {
    const StoreError e = error_of(f);
    CHECK((e.kind() == StoreErrorKind::Refused || e.kind() == StoreErrorKind::NotFound));
    return e.what();
}

const CommitteeCell& cell(const CommitteeScores& s, const std::string& bidder) {
    for (const auto& c : s.cells)
        if (c.bidder == bidder) return c;
    FAIL("no cell for " << bidder);
    return s.cells.front();
}

}  // namespace

TEST_CASE("committee: members and roles", "[store][committee]") {
    ProjectFixture f;
    f.with_bids_and_committee({{"A", 100}});
    CHECK(refusal([&] { f.p.add_evaluator("Dora", Role::Chair, who("officer")); }) ==
          "the committee has a chair already: Anna");
    CHECK(refusal([&] { f.p.add_evaluator("Boris", Role::Member, who("officer")); }) ==
          "'Boris' is on the evaluation committee already");
    const auto members = f.p.evaluators();
    REQUIRE(members.size() == 3);
    CHECK(members[0].role == Role::Chair);
    CHECK(members[1].name == "Boris");
}

TEST_CASE("committee: no score without a conflict-of-interest declaration", "[store][committee]") {
    ProjectFixture f;
    f.with_bids_and_committee({{"A", 100}, {"B", 120}});
    CHECK_THAT(refusal([&] { f.score("Boris", "A", 3); }),
               Catch::StartsWith("Boris has not declared whether they have a conflict of interest, so they cannot score yet"));
    CHECK_THAT(refusal([&] { f.score("Zed", "A", 3); }), Catch::Contains("'Zed' is not on the evaluation committee"));
    f.p.declare_interest("Boris", CoiKind::None, "", "", who("Boris"));
    f.score("Boris", "A", 3);
    const auto decl = f.p.declarations();
    REQUIRE(decl.size() == 1);
    CHECK(decl[0].kind == CoiKind::None);
}

TEST_CASE("committee: a declared conflict bars the bid, or the whole tender", "[store][committee]") {
    ProjectFixture f;
    f.with_bids_and_committee({{"A", 100}, {"B", 120}});
    CHECK_THAT(refusal([&] { f.p.declare_interest("Boris", CoiKind::Bid, "Nobody", "x", who("Boris")); }),
               Catch::Contains("the project has no bid of 'Nobody'"));
    CHECK_THAT(refusal([&] { f.p.declare_interest("Boris", CoiKind::Bid, "A", "", who("Boris")); }),
               Catch::Contains("needs its nature in words"));
    f.p.declare_interest("Boris", CoiKind::Bid, "A", "my brother works for A", who("Boris"));
    CHECK(refusal([&] { f.score("Boris", "A", 3); }) ==
          "Boris declared a conflict of interest with 'A' and cannot score that bid");
    f.score("Boris", "B", 3);  // another bid is fine
    f.p.declare_interest("Clara", CoiKind::WholeTender, "", "shareholder of a bidder's parent", who("Clara"));
    CHECK(refusal([&] { f.score("Clara", "B", 3); }) ==
          "Clara declared a conflict of interest with the whole tender and cannot score any bid");
    // A later "none" does not lift a declared conflict.
    f.p.declare_interest("Boris", CoiKind::None, "", "", who("Boris"));
    CHECK_THROWS_AS(f.score("Boris", "A", 3), StoreError);
}

TEST_CASE("committee: scores are checked against the rules", "[store][committee]") {
    ProjectFixture f;
    f.with_bids_and_committee({{"A", 100}});
    f.p.declare_interest("Anna", CoiKind::None, "", "", who("Anna"));
    CHECK(refusal([&] { f.score("Anna", "A", 5.5); }) == "the score 5.5 for 'plan' is outside the committee's scale 0 .. 5");
    CHECK(refusal([&] { f.score("Anna", "A", -1); }) == "the score -1 for 'plan' is outside the committee's scale 0 .. 5");
    CHECK(refusal([&] { f.p.record_score({"Anna", {"A", ""}, "price", 3, "x"}, f.rules, who("Anna")); }) ==
          "'price' is not a criterion the committee scores (committee criteria: plan)");
    CHECK(refusal([&] { f.p.record_score({"Anna", {"A", ""}, "nope", 3, "x"}, f.rules, who("Anna")); }) ==
          "'nope' is not a criterion of the rules (committee criteria: plan)");
    CHECK(refusal([&] { f.p.record_score({"Anna", {"A", ""}, "plan", 3, ""}, f.rules, who("Anna")); }) ==
          "a committee score needs a written justification");
    CHECK(refusal([&] { f.p.record_score({"Anna", {"Q", ""}, "plan", 3, "x"}, f.rules, who("Anna")); }) ==
          "the project has no bid of 'Q'");
    f.score("Anna", "A", 2.5);
    f.score("Anna", "A", 3.5);  // a draft can be revised
    CHECK(cell(f.p.committee_scores(f.rules), "A").marks[0].value == 3.5);
    CHECK_THAT(f.p.audit_log().back().details, Catch::Contains(R"("previous_value":2.5)"));
}

TEST_CASE("committee: drafts until submitted, then locked, the chair reopens with a reason", "[store][committee]") {
    ProjectFixture f;
    f.with_bids_and_committee({{"A", 100}, {"B", 120}});
    f.p.declare_interest("Anna", CoiKind::None, "", "", who("Anna"));
    f.p.declare_interest("Boris", CoiKind::None, "", "", who("Boris"));
    f.score("Boris", "A", 3);
    CHECK(refusal([&] { f.p.submit_scores("Boris", f.rules, who("Boris")); }) ==
          "Boris cannot submit yet: 1 score is missing:\n  plan for 'B'");
    f.score("Boris", "B", 4);
    f.p.submit_scores("Boris", f.rules, who("Boris"));
    CHECK(cell(f.p.committee_scores(f.rules), "A").marks[1].submitted);
    CHECK_THAT(refusal([&] { f.score("Boris", "A", 1); }),
               Catch::StartsWith("Boris submitted their scores on 2026-01-01T00:00:"));
    CHECK_THAT(refusal([&] { f.score("Boris", "A", 1); }),
               Catch::EndsWith(": submitted scores are locked (the chair can reopen them, with a reason)"));
    CHECK_THAT(refusal([&] { f.p.submit_scores("Boris", f.rules, who("Boris")); }), Catch::Contains("already"));
    // Only the chair, and only with a reason.
    CHECK(refusal([&] { f.p.reopen_scores("Boris", who("Boris", "typo")); }) ==
          "only the chair (Anna) can reopen a submission; the user is 'Boris' (give --user Anna)");
    CHECK(refusal([&] { f.p.reopen_scores("Boris", who("Anna")); }) ==
          "reopening a submission needs a reason (--reason), for the record");
    f.p.reopen_scores("Boris", who("Anna", "Boris mixed up A and B"));
    const auto last = f.p.audit_log().back();
    CHECK(last.action == "committee.reopen");
    CHECK(last.user == "Anna");
    CHECK(last.reason == "Boris mixed up A and B");
    CHECK_FALSE(cell(f.p.committee_scores(f.rules), "A").marks[1].submitted);
    f.score("Boris", "A", 4);
    CHECK(refusal([&] { f.p.reopen_scores("Boris", who("Anna", "again")); }) ==
          "Boris has not submitted their scores: there is nothing to reopen");
}

TEST_CASE("committee: the consensus is the chair's, after every submission", "[store][committee]") {
    ProjectFixture f;
    f.with_bids_and_committee({{"A", 100}, {"B", 120}});
    for (const char* m : {"Anna", "Boris", "Clara"}) f.p.declare_interest(m, CoiKind::None, "", "", who(m));
    auto consensus = [&](const std::string& user, const std::string& bidder, double v) {
        f.p.record_consensus({{bidder, ""}, "plan", v, "agreed in the meeting"}, f.rules, who(user));
    };
    f.score("Anna", "A", 4);
    f.score("Anna", "B", 3);
    f.p.submit_scores("Anna", f.rules, who("Anna"));
    f.score("Boris", "A", 1);
    f.score("Boris", "B", 3);
    CHECK(refusal([&] { consensus("Boris", "A", 3); }) ==
          "only the chair (Anna) can record a consensus; the user is 'Boris' (give --user Anna)");
    CHECK(refusal([&] { consensus("Anna", "A", 3); }) ==
          "the consensus waits for every evaluator's submitted scores; not submitted yet: Boris, Clara");
    f.p.submit_scores("Boris", f.rules, who("Boris"));
    f.score("Clara", "A", 2);
    f.score("Clara", "B", 3);
    f.p.submit_scores("Clara", f.rules, who("Clara"));

    // Status before the consensus: A's scores 4, 1, 2 are 3 apart (dispersion); B's agree.
    CommitteeScores s = f.p.committee_scores(f.rules);
    CHECK(s.dispersion_threshold == kDispersionThreshold);
    REQUIRE(s.criteria.size() == 1);
    CHECK(s.criteria[0].hi == 5);
    const CommitteeCell& a = cell(s, "A");
    CHECK(a.scored == 3);
    CHECK(a.spread == 3);
    CHECK(a.mean == Approx(7.0 / 3));
    CHECK(a.median == 2);
    CHECK(a.dispersed);
    CHECK(a.missing.empty());
    CHECK_FALSE(a.consensus);
    CHECK_FALSE(cell(s, "B").dispersed);
    REQUIRE(f.p.missing_consensus(f.rules).size() == 2);

    CHECK(refusal([&] { consensus("Anna", "A", 7); }) == "the score 7 for 'plan' is outside the committee's scale 0 .. 5");
    consensus("Anna", "A", 2);
    consensus("Anna", "A", 3);  // the chair may revise it; logged with the previous value
    CHECK_THAT(f.p.audit_log().back().details, Catch::Contains(R"("previous_value":2)"));
    s = f.p.committee_scores(f.rules);
    REQUIRE(cell(s, "A").consensus);
    CHECK(cell(s, "A").consensus->value == 3);
    CHECK(cell(s, "A").consensus->decided_by == "Anna");
    const auto missing = f.p.missing_consensus(f.rules);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].criterion == "plan");
    CHECK(missing[0].bid.bidder == "B");

    // The engine sees the consensus converted to the criterion's scale (3 of 5 -> 60 of 100).
    const BidTable t = f.p.evaluation_bids(f.rules);
    const auto plan = static_cast<std::size_t>(f.rules.criteria[1].committee_field);
    CHECK(t.bids[0].values[plan] == 3);
    CHECK(std::isnan(t.bids[1].values[plan]));
    const Result r = evaluate(f.rules, t);
    const auto& lot = r.lots.at(0);
    for (const auto& o : lot.bids) {
        if (o.bidder == "A") CHECK(o.scores[1] == Approx(60));
        if (o.bidder == "B") {
            CHECK(o.scores[1] == 0);  // missing: the bottom of the scale, flagged
            REQUIRE(o.flags.size() == 1);
            CHECK_THAT(o.flags[0].detail, Catch::Contains("no consensus score of the committee"));
        }
    }
    consensus("Anna", "B", 3);
    CHECK(f.p.missing_consensus(f.rules).empty());
    CHECK(f.p.verify_audit().ok());
}

TEST_CASE("committee: the dispersion threshold is exclusive, barred marks do not count", "[store][committee]") {
    ProjectFixture f;
    f.with_bids_and_committee({{"A", 100}, {"B", 120}});
    f.p.declare_interest("Anna", CoiKind::None, "", "", who("Anna"));
    f.p.declare_interest("Boris", CoiKind::None, "", "", who("Boris"));
    f.score("Anna", "A", 1);
    f.score("Boris", "A", 3);  // exactly 2 apart: not flagged
    f.score("Boris", "B", 5);
    // Clara scored B, then declared a conflict with it: her score stops counting.
    f.p.declare_interest("Clara", CoiKind::None, "", "", who("Clara"));
    f.score("Clara", "B", 0);
    f.p.declare_interest("Clara", CoiKind::Bid, "B", "found out later: B is my cousin's firm", who("Clara"));
    CHECK_THAT(f.p.audit_log().back().details, Catch::Contains(R"("scores_no_longer_counted":1)"));
    const CommitteeScores s = f.p.committee_scores(f.rules);
    CHECK(cell(s, "A").spread == 2);
    CHECK_FALSE(cell(s, "A").dispersed);
    const CommitteeCell& b = cell(s, "B");
    CHECK(b.marks[2].barred);
    CHECK(b.marks[2].value == 0);
    CHECK(b.scored == 1);
    CHECK(b.spread == 0);
    // Missing: who may score and has no submitted score.
    CHECK(b.missing == std::vector<std::string>{"Anna", "Boris"});
    CHECK(cell(s, "A").missing == std::vector<std::string>{"Anna", "Boris", "Clara"});
    REQUIRE(s.evaluators.size() == 3);
    CHECK(s.evaluators[2].conflicts == std::vector<std::string>{"B"});
}

TEST_CASE("committee: a chair with a conflict cannot record that bid's consensus", "[store][committee]") {
    ProjectFixture f;
    f.with_bids_and_committee({{"A", 100}});
    f.p.declare_interest("Anna", CoiKind::Bid, "A", "former employer", who("Anna"));
    CHECK(refusal([&] { f.p.record_consensus({{"A", ""}, "plan", 3, "x"}, f.rules, who("Anna")); }) ==
          "the chair declared a conflict of interest with 'A' and cannot record the consensus for that bid");
}

TEST_CASE("committee: combine mean or median takes the submitted marks, no consensus", "[store][committee][combine]") {
    ProjectFixture f;
    f.with_bids_and_committee({{"A", 100}, {"B", 120}});
    f.p.add_evaluator("Dmitri", Role::Member, who("officer"));
    for (const char* m : {"Anna", "Boris", "Dmitri"}) f.p.declare_interest(m, CoiKind::None, "", "", who(m));
    f.p.declare_interest("Clara", CoiKind::Bid, "B", "my cousin works for B", who("Clara"));
    const CriteriaSet mean = checked(kRules.substr(0, kRules.size() - 3) + " combine: mean }\n");
    const CriteriaSet median = checked(kRules.substr(0, kRules.size() - 3) + " combine: median }\n");
    REQUIRE(mean.criteria[1].combine == CommitteeCombine::Mean);
    f.rules = mean;
    f.score("Anna", "A", 4);
    f.score("Boris", "A", 5);
    f.score("Clara", "A", 3);
    f.score("Dmitri", "A", 1);
    f.score("Anna", "B", 4);
    f.score("Boris", "B", 2);
    f.score("Dmitri", "B", 5);
    // Drafts only: nothing submitted, so both bids miss submitted marks (not a consensus).
    auto missing = f.p.missing_consensus(mean);
    REQUIRE(missing.size() == 2);
    CHECK(missing[0].needs_submitted_marks);
    CHECK(missing[1].needs_submitted_marks);
    CommitteeScores s = f.p.committee_scores(mean);
    CHECK(word(committee_value_message(cell(s, "A"), "en")) ==
          "no submitted mark yet (the evaluators' submitted marks are needed)");
    const auto plan = static_cast<std::size_t>(mean.criteria[1].committee_field);
    CHECK(std::isnan(f.p.evaluation_bids(mean).bids[0].values[plan]));

    for (const char* m : {"Anna", "Boris", "Clara"}) f.p.submit_scores(m, mean, who(m));
    // Dmitri's marks stay drafts. A: mean of (4, 5, 3) = 12 / 3 = 4. B: Clara is barred and Dmitri's
    // 5 is a draft, so mean of (4, 2) = 3.
    CHECK(f.p.missing_consensus(mean).empty());  // no consensus asked for
    s = f.p.committee_scores(mean);
    CHECK(cell(s, "A").value == 4);
    CHECK(cell(s, "B").value == 3);
    CHECK(word(committee_value_message(cell(s, "A"), "en")) == "mean of 3 submitted marks (4, 5, 3) = 4");
    CHECK(word(committee_value_message(cell(s, "B"), "en")) == "mean of 2 submitted marks (4, 2) = 3");
    BidTable t = f.p.evaluation_bids(mean);
    CHECK(t.bids[0].values[plan] == 4);
    CHECK(t.bids[1].values[plan] == 3);
    // 4 of 0 .. 5 is 80 of 100; 3 is 60.
    const Result r = evaluate(mean, t);
    for (const auto& o : r.lots.at(0).bids) CHECK(o.scores[1] == Approx(o.bidder == "A" ? 80 : 60));

    // Median, once Dmitri submits: A of (4, 5, 3, 1) sorted 1, 3, 4, 5 -> (3 + 4) / 2 = 3.5;
    // B of (4, 2, 5) sorted 2, 4, 5 -> 4 (Clara still barred).
    f.p.submit_scores("Dmitri", median, who("Dmitri"));
    s = f.p.committee_scores(median);
    CHECK(cell(s, "A").value == 3.5);
    CHECK(cell(s, "B").value == 4);
    CHECK(word(committee_value_message(cell(s, "A"), "en")) == "median of 4 submitted marks (4, 5, 3, 1) = 3.5");
    // In Russian the comma is decimal: the marks are listed with semicolons ("3,5" is one number).
    CommitteeCell half = cell(s, "A");
    half.submitted = {4.5, 3};
    half.value = 3.75;
    CHECK_THAT(word(committee_value_message(half, "ru")), Catch::Contains("(4,5; 3)"));
    t = f.p.evaluation_bids(median);
    CHECK(t.bids[0].values[plan] == 3.5);
    CHECK(f.p.missing_consensus(median).empty());
    // The same project under consensus rules still asks the chair for both.
    CHECK(f.p.missing_consensus(checked(kRules)).size() == 2);
    CHECK_FALSE(f.p.missing_consensus(checked(kRules))[0].needs_submitted_marks);
}
