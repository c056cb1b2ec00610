// Bids in a project: all-or-nothing imports, --replace, the table for the engine, removal.
#include "store_fixture.hpp"

using namespace tl;
using namespace tl::store;
using namespace tl::store_test;

TEST_CASE("store bids: stored values come back as the engine reads them", "[store][bids]") {
    ProjectFixture f;
    BidTable in = bids_of(f.rules, {{"A", 100.5}, {"Б", 1e7}});
    const int note = in.field_index("note");
    in.bids[0].texts[static_cast<std::size_t>(note)] = "with 'quotes', commas\nand a line break";
    in.bids[1].submitted = "2026-04-06T09:12:00";
    f.p.import_bids(in, {{"bids.csv", "abc"}}, {0, 0}, false, who("officer"));
    const BidTable out = f.p.bid_table(f.rules.fields);
    REQUIRE(out.bids.size() == 2);
    CHECK(out.bids[0].bidder == "A");
    CHECK(out.bids[0].values[0] == 100.5);
    CHECK(std::isnan(out.bids[0].values[static_cast<std::size_t>(note)]));
    CHECK(out.bids[0].texts[static_cast<std::size_t>(note)] == "with 'quotes', commas\nand a line break");
    CHECK(out.bids[0].source_row == 2);
    CHECK(out.bids[1].bidder == "Б");
    CHECK(out.bids[1].values[0] == 1e7);
    CHECK(out.bids[1].submitted == "2026-04-06T09:12:00");
    // The committee field holds nothing until a consensus is recorded.
    const int plan = f.rules.criteria[1].committee_field;
    CHECK(std::isnan(out.bids[0].values[static_cast<std::size_t>(plan)]));
    CHECK(raw_query(f.path, "SELECT count(*) FROM bid_values WHERE field = 'plan'") == "0");
    const auto listed = f.p.bids();
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].source == "bids.csv");
    CHECK(listed[0].imported_by == "officer");
    CHECK(store::bid_table_sha256(out) == store::bid_table_sha256(f.p.bid_table(f.rules.fields)));
}

TEST_CASE("store bids: re-importing a bidder is refused without replace, all or nothing", "[store][bids]") {
    ProjectFixture f;
    f.p.import_bids(bids_of(f.rules, {{"A", 100}, {"B", 120}}), {{"first.csv", "1"}}, {0, 0}, false, who("officer"));
    const std::string before = f.p.canonical_dump(true);
    const auto e = error_of([&] {
        f.p.import_bids(bids_of(f.rules, {{"C", 90}, {"B", 110}, {"A", 95}}), {{"second.csv", "2"}}, {0, 0, 0}, false,
                        who("officer"));
    });
    CHECK(e.kind() == StoreErrorKind::Refused);
    CHECK_THAT(e.what(), Catch::StartsWith("nothing imported: the project has a bid of 2 of these bidders already "
                                           "(replace with --replace):"));
    CHECK_THAT(e.what(), Catch::Contains("'B': imported 2026-01-01T00:00:01Z from first.csv by officer"));
    CHECK_THAT(e.what(), Catch::Contains("'A': imported"));
    CHECK(f.p.canonical_dump(true) == before);  // C was not imported either

    const auto r = f.p.import_bids(bids_of(f.rules, {{"C", 90}, {"B", 110}}), {{"second.csv", "2"}}, {0, 0}, true,
                                   who("officer", "B corrected its price"));
    REQUIRE(r.added.size() == 1);
    CHECK(r.added[0].bidder == "C");
    REQUIRE(r.replaced.size() == 1);
    CHECK(r.replaced[0].bidder == "B");
    const BidTable t = f.p.bid_table(f.rules.fields);
    REQUIRE(t.bids.size() == 3);
    CHECK(t.bids[1].bidder == "B");  // keeps its place
    CHECK(t.bids[1].values[0] == 110);
    const auto last = f.p.audit_log().back();
    CHECK(last.action == "bids.import");
    CHECK(last.reason == "B corrected its price");
    CHECK_THAT(last.details, Catch::Contains(R"("replaced":["B"])"));
    CHECK_THAT(last.details, Catch::Contains(R"("added":["C"])"));
    CHECK(f.p.verify_audit().ok());
}

TEST_CASE("store bids: an import with a bad bid imports nothing", "[store][bids]") {
    ProjectFixture f;
    BidTable in = bids_of(f.rules, {{"A", 100}, {"A", 120}});
    in.bids.push_back(in.bids[0]);
    in.bids.back().bidder = "L";
    in.bids.back().lot = "north";
    const auto e = error_of([&] { f.p.import_bids(in, {{"x.csv", "1"}}, {0, 0, 0}, false, who("officer")); });
    CHECK_THAT(e.what(), Catch::Contains("'A' appears twice in the import"));
    CHECK_THAT(e.what(), Catch::Contains("the bid of 'L' (lot north) names a lot the rules do not declare"));
    CHECK(f.p.bids().empty());
    CHECK(f.p.audit_log().size() == 1);
}

TEST_CASE("store bids: removing a bidder's bids", "[store][bids]") {
    ProjectFixture f;
    f.p.import_bids(bids_of(f.rules, {{"A", 100}, {"B", 120}}), {{"x.csv", "1"}}, {0, 0}, false, who("officer"));
    CHECK(error_of([&] { f.p.remove_bids("Z", std::nullopt, who("officer")); }).kind() == StoreErrorKind::NotFound);
    CHECK(f.p.remove_bids("B", std::nullopt, who("officer", "withdrawn by letter")) == 1);
    REQUIRE(f.p.bids().size() == 1);
    CHECK(f.p.audit_log().back().action == "bids.remove");
    CHECK(f.p.audit_log().back().reason == "withdrawn by letter");
}

TEST_CASE("store rules: a new version, refused when nothing changes or committee scores would lose meaning",
          "[store][rules]") {
    ProjectFixture f;
    f.with_bids_and_committee({{"A", 100}});
    CHECK_THAT(error_of([&] { f.p.set_rules(kRules, "same.crit", f.rules, f.p.bid_table(f.rules.fields), who("x")); }).what(),
               Catch::Contains("the rules are the same as the current version 1"));

    f.p.declare_interest("Anna", CoiKind::None, "", "", who("Anna"));
    f.score("Anna", "A", 4);
    const std::string without_plan = "tender { title: \"Chairs\" reference: \"T-1\" currency: EUR }\n"
                                     "field price: money { name: \"Price\" }\n"
                                     "criterion price { kind: price weight: 100 % score: ratio_lowest(price) }\n";
    const CriteriaSet r2 = checked(without_plan);
    const auto e = error_of([&] { f.p.set_rules(without_plan, "v2.crit", r2, f.p.bid_table(r2.fields), who("x", "fix"), true); });
    CHECK_THAT(e.what(), Catch::Contains("the committee has recorded 1 scores for 'plan', which the new rules do not have "
                                         "the committee score"));
    const std::string smaller_scale = kRules.substr(0, kRules.find("committee: 0 .. 5")) + "committee: 0 .. 3 }\n";
    const CriteriaSet r3 = checked(smaller_scale);
    CHECK_THAT(error_of([&] { f.p.set_rules(smaller_scale, "v3.crit", r3, f.p.bid_table(r3.fields), who("x", "fix"), true); }).what(),
               Catch::Contains("the committee's scores for 'plan' (4 .. 4) do not fit the new scale 0 .. 3"));

    const std::string heavier = kRules.substr(0, kRules.find("weight: 40 %")) + "weight: 40 % scale: 0 .. 10 committee: 0 .. 5 }\n";
    const CriteriaSet r4 = checked(heavier);
    CHECK(f.p.set_rules(heavier, "v2.crit", r4, f.p.bid_table(r4.fields), who("officer", "scale 0..10"), true) == 2);
    CHECK(f.p.current_rules().text == heavier);
    CHECK(f.p.current_rules().reason == "scale 0..10");
    CHECK(f.p.rules_history().size() == 2);
    CHECK(f.p.rules_version(1).text == kRules);
    CHECK(error_of([&] { f.p.rules_version(9); }).kind() == StoreErrorKind::NotFound);
    CHECK(f.p.verify_audit().ok());
}

TEST_CASE("store errors carry their message as a value: a code, the arguments, the same English", "[store][i18n]") {
    ProjectFixture f;
    f.p.import_bids(bids_of(f.rules, {{"A", 100}, {"B", 120}}), {{"first.csv", "1"}}, {0, 0}, false, who("officer"));

    const auto exists = error_of([&] {
        f.p.import_bids(bids_of(f.rules, {{"B", 110}}), {{"second.csv", "2"}}, {0}, false, who("officer"));
    });
    CHECK(exists.message().code == "store.refused.bid-exists");
    CHECK(word(exists.message()) == exists.what());
    CHECK_THAT(exists.what(), Catch::StartsWith("nothing imported: the project has a bid of this bidder already"));
    REQUIRE(exists.message().arg("n") != nullptr);
    CHECK(exists.message().arg("n")->count == 1);

    const auto missing = error_of([&] { f.p.remove_bids("Z", std::nullopt, who("officer")); });
    CHECK(missing.message().code == "store.not-found.bid");
    REQUIRE(missing.message().arg("bidder") != nullptr);
    CHECK(missing.message().arg("bidder")->text == "Z");
    CHECK(std::string(missing.what()) == "the project has no bid of 'Z'");

    const auto nobody = error_of([&] { f.p.remove_bids("A", std::nullopt, who("")); });
    CHECK(nobody.message().code == "store.refused.no-user");

    const auto same = error_of([&] { f.p.set_rules(kRules, "same.crit", f.rules, f.p.bid_table(f.rules.fields), who("x")); });
    CHECK(same.message().code == "store.refused.rules-unchanged");
    CHECK(word(same.message()) == same.what());

    const auto version = error_of([&] { f.p.rules_version(9); });
    CHECK(version.message().code == "store.not-found.rules-version");
}

TEST_CASE("store errors opening a file carry codes and the file as an argument", "[store][i18n]") {
    TempDir dir;
    const std::string path = dir.file("none.tender");
    const auto e = error_of([&] { Project::open(path); });
    CHECK(e.kind() == StoreErrorKind::Io);
    CHECK(e.message().code == "store.no-such-file");
    REQUIRE(e.message().arg("file") != nullptr);
    CHECK(e.message().arg("file")->text == path);
    CHECK(std::string(e.what()) == "cannot open " + path + ": no such file");
}
