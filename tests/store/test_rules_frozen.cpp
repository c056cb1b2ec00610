// The rules are frozen once bids are in: a change is refused unless recorded as a correction
// with a reason; a correction is flagged on its version and logged as "rules.correct".
#include "store_fixture.hpp"

using namespace tl;
using namespace tl::store;
using namespace tl::store_test;

namespace {

/// kRules with the price criterion's weight moved from 60 % to 70 % (and the plan's to 30 %).
const std::string kReweighted = [] {
    std::string t = kRules;
    t.replace(t.find("weight: 60 %"), 12, "weight: 70 %");
    t.replace(t.find("weight: 40 %"), 12, "weight: 30 %");
    return t;
}();

}  // namespace

TEST_CASE("store rules: without bids a new version is recorded as before", "[store][rules][frozen]") {
    ProjectFixture f;
    const CriteriaSet r2 = checked(kReweighted);
    CHECK(f.p.set_rules(kReweighted, "v2.crit", r2, f.p.bid_table(r2.fields), who("officer")) == 2);
    CHECK_FALSE(f.p.current_rules().correction);
    CHECK(f.p.audit_log().back().action == "rules.set");
    CHECK(raw_query(f.path, "SELECT correction FROM rules_versions WHERE version = 2") == "0");
    // A correction is for rules that bids were made against.
    const std::string v3 = kReweighted + "# spelling\n";
    const auto early = error_of([&] { f.p.set_rules(v3, "v3.crit", r2, f.p.bid_table(r2.fields), who("officer", "typo"), true); });
    CHECK(early.kind() == StoreErrorKind::Refused);
    CHECK(early.message().code == "store.refused.correction-without-bids");
    CHECK(f.p.rules_history().size() == 2);
}

TEST_CASE("store rules: after the first bid a plain change is refused, naming the bids and since when",
          "[store][rules][frozen]") {
    ProjectFixture f;
    f.p.import_bids(bids_of(f.rules, {{"A", 100}, {"B", 120}}), {{"bids.csv", "0"}}, {0, 0}, false, who("officer"));
    const std::string first_import = f.p.bids().front().imported_at;
    const std::string before = f.p.canonical_dump(true);
    const CriteriaSet r2 = checked(kReweighted);
    const auto e = error_of([&] { f.p.set_rules(kReweighted, "v2.crit", r2, f.p.bid_table(r2.fields), who("officer", "why not")); });
    CHECK(e.kind() == StoreErrorKind::Refused);
    CHECK(e.message().code == "store.refused.rules-frozen");
    CHECK(std::string(e.what()) ==
          "the rules are frozen: the project holds 2 bids (the first imported at " + first_import +
              "), and the published criteria may not change after bids arrived. To correct an error in the rules (a "
              "typo in a name, say), record the change as a correction with its reason; it is shown on the evaluation "
              "and on every document made from it");
    CHECK(f.p.canonical_dump(true) == before);  // nothing recorded, not even a log entry

    SECTION("a correction without a reason is refused") {
        for (const std::string reason : {"", "  \t"}) {
            const auto no_reason =
                error_of([&] { f.p.set_rules(kReweighted, "v2.crit", r2, f.p.bid_table(r2.fields), who("officer", reason), true); });
            CHECK(no_reason.message().code == "store.refused.correction-needs-reason");
        }
        CHECK(f.p.canonical_dump(true) == before);
    }
    SECTION("a correction with a reason is recorded, flagged, and logged as rules.correct") {
        CHECK(f.p.set_rules(kReweighted, "v2.crit", r2, f.p.bid_table(r2.fields), who("officer", "typo in a weight"), true) == 2);
        const RulesVersion v = f.p.current_rules();
        CHECK(v.version == 2);
        CHECK(v.correction);
        CHECK(v.reason == "typo in a weight");
        CHECK_FALSE(f.p.rules_version(1).correction);
        CHECK(raw_query(f.path, "SELECT correction FROM rules_versions WHERE version = 2") == "1");
        const AuditEntry last = f.p.audit_log().back();
        CHECK(last.action == "rules.correct");
        CHECK(last.reason == "typo in a weight");
        CHECK_THAT(last.details, Catch::Contains(R"("correction":true)"));
        CHECK(f.p.verify_audit().ok());
        // Still frozen afterwards: the next plain change is refused too.
        const std::string v3 = kReweighted + "# note\n";
        CHECK(error_of([&] { f.p.set_rules(v3, "v3.crit", r2, f.p.bid_table(r2.fields), who("officer")); }).message().code ==
              "store.refused.rules-frozen");
    }
}

TEST_CASE("store rules: removing every bid does not unfreeze the rules", "[store][rules][frozen]") {
    // The way round found in review: remove the bids, change the weights, import the bids again.
    ProjectFixture f;
    f.p.import_bids(bids_of(f.rules, {{"A", 100}, {"B", 120}}), {{"bids.csv", "0"}}, {0, 0}, false, who("officer"));
    const std::string first_import = f.p.audit_log().back().at;
    CHECK(f.p.remove_bids("A", std::nullopt, who("officer")) == 1);
    CHECK(f.p.remove_bids("B", std::nullopt, who("officer")) == 1);
    REQUIRE(f.p.bids().empty());
    const CriteriaSet r2 = checked(kReweighted);
    const auto e = error_of([&] { f.p.set_rules(kReweighted, "v2.crit", r2, f.p.bid_table(r2.fields), who("officer")); });
    CHECK(e.message().code == "store.refused.rules-frozen-removed");
    CHECK(std::string(e.what()) == "the rules are frozen: bids were imported at " + first_import +
                                       " (and removed since), and the published criteria may not change after bids "
                                       "arrived. To correct an error in the rules, record the change as a correction with "
                                       "its reason");
    // As a correction with its reason it is recorded, and shown as one.
    CHECK(f.p.set_rules(kReweighted, "v2.crit", r2, f.p.bid_table(r2.fields), who("officer", "weights misprinted"), true) == 2);
    CHECK(f.p.current_rules().correction);
}
