// app::TenderProject: the changes the desktop app makes to a project (typed bids, rules edited
// in place, previews) recorded through the store, refused with the field or line to correct.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/criteria_library.hpp"
#include "app/rules_corrections.hpp"
#include "app/tender_project.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace {

using namespace tl;

const std::string kSample = std::string(TL_SOURCE_DIR) + "/samples/bus-tyres";

app::TenderProject bus_tyres_project(const test::TempDir& dir) {
    app::ChangeOutcome created;
    auto p = app::TenderProject::create(dir.file("bus.tender"), "", test::read_text(kSample + "/rules.crit"), "rules.crit",
                                        "Officer", "test", created);
    REQUIRE(created.ok);
    REQUIRE(p);
    const app::ChangeOutcome imported = p->import_bid_files({kSample + "/bids.csv"}, false, "opening");
    INFO(imported.summary);
    REQUIRE(imported.ok);
    return std::move(*p);
}

const BidOutcome* outcome_of(const Result& r, const std::string& bidder) {
    for (const auto& lot : r.lots)
        for (const auto& o : lot.bids)
            if (o.bidder == bidder) return &o;
    return nullptr;
}

std::string first_ranked(const Result& r) {
    for (const auto& o : r.lots.at(0).bids)
        if (o.ranked() && o.rank == 1) return o.bidder;
    return "";
}

app::BidEntry strong_bid() {
    return {"EcoTread", "", "2026-04-01T10:00:00",
            {{"price", "900000"}, {"retreaded", "85 %"}, {"noise", "A"}, {"take_back", "yes"}}};
}

}  // namespace

TEST_CASE("app project: a typed bid is read like a CSV row, ranked, changed, removed", "[app]") {
    test::TempDir dir;
    app::TenderProject p = bus_tyres_project(dir);
    auto before = p.evaluate();
    REQUIRE(before);
    CHECK(first_ranked(before->result) == "NevaRetread");
    const std::size_t log_before = p.store().audit_log().size();

    const app::ChangeOutcome added = p.put_bid(strong_bid(), false, "typed in");
    INFO(added.summary);
    REQUIRE(added.ok);
    CHECK(p.store().audit_log().size() == log_before + 1);
    auto after = p.evaluate();
    CHECK(first_ranked(after->result) == "EcoTread");
    CHECK(after->bids.bids.size() == before->bids.bids.size() + 1);

    // What a person typed comes back as they typed it (for editing and undo).
    const auto entry = p.bid_entry("EcoTread", "");
    REQUIRE(entry);
    CHECK(entry->answers.at("retreaded") == "85 %");
    CHECK(entry->answers.at("noise") == "A");

    // Adding the same bidder again is refused; replacing is not.
    CHECK_FALSE(p.put_bid(strong_bid(), false, "").ok);
    app::BidEntry worse = strong_bid();
    worse.answers["retreaded"] = "30 %";
    worse.answers["price"] = "20000000";
    REQUIRE(p.put_bid(worse, true, "corrected").ok);
    CHECK(first_ranked(p.evaluate()->result) == "NevaRetread");
    REQUIRE(outcome_of(p.evaluate()->result, "EcoTread"));

    REQUIRE(p.remove_bid("EcoTread", "", "withdrawn").ok);
    CHECK_FALSE(p.bid_entry("EcoTread", ""));
    CHECK(p.evaluate()->bids.bids.size() == before->bids.bids.size());
}

TEST_CASE("app project: a bad typed bid is refused with the field and nothing recorded", "[app]") {
    test::TempDir dir;
    app::TenderProject p = bus_tyres_project(dir);
    const std::size_t log_before = p.store().audit_log().size();
    app::BidEntry bad = strong_bid();
    bad.answers["retreaded"] = "most";
    bad.answers["noise"] = "D";
    bad.answers.erase("price");
    const app::ChangeOutcome out = p.put_bid(bad, false, "");
    CHECK_FALSE(out.ok);
    REQUIRE(out.problems.size() == 3);
    std::string all;
    for (const auto& d : out.problems) all += d.message + "\n";
    INFO(all);
    CHECK(all.find("field 'retreaded'") != std::string::npos);
    CHECK(all.find("field 'noise'") != std::string::npos);
    CHECK(all.find("field 'price'") != std::string::npos);
    CHECK(all.find("row ") == std::string::npos);  // a typed bid has no rows
    CHECK(p.store().audit_log().size() == log_before);

    app::BidEntry nameless = strong_bid();
    nameless.bidder = "  ";
    CHECK_FALSE(p.put_bid(nameless, false, "").ok);
}

TEST_CASE("app project: an edited rules text is previewed without recording, then recorded", "[app]") {
    test::TempDir dir;
    app::TenderProject p = bus_tyres_project(dir);
    const std::string text = p.rules_version().text;
    std::string edited = text;
    edited.replace(edited.find("weight: 50 %"), 12, "weight: 20 %");
    edited.replace(edited.find("weight: 30 %"), 12, "weight: 60 %");
    const std::size_t log_before = p.store().audit_log().size();

    const auto preview = p.preview_rules(edited, "rules.crit");
    REQUIRE(preview.evaluation);
    CHECK(preview.problems.empty());
    const auto& ranked = preview.evaluation->result.lots.at(0).bids;
    const auto second = std::find_if(ranked.begin(), ranked.end(), [](const BidOutcome& o) { return o.rank == 2; });
    REQUIRE(second != ranked.end());
    CHECK(second->bidder == "Kolesa Severo-Zapad");  // it was Shinservice under the stored rules
    CHECK(p.rules_version().version == 1);
    CHECK(p.store().audit_log().size() == log_before);

    // A text with an error gives its diagnostic with the line, and no evaluation.
    std::string broken = edited;
    broken.replace(broken.find("weight: 60 %"), 12, "weight: 10 %");
    const auto bad = p.preview_rules(broken, "rules.crit");
    CHECK_FALSE(bad.evaluation);
    REQUIRE_FALSE(bad.problems.empty());
    CHECK(bad.problems[0].pos.line > 0);
    CHECK_FALSE(p.set_rules(broken, "rules.crit", "").ok);

    // The project holds bids: the rules are frozen, only a correction with a reason changes them.
    const app::ChangeOutcome frozen = p.set_rules(edited, "rules.crit", "weights agreed");
    CHECK(frozen.refusal == app::Refusal::RulesFrozen);
    CHECK(p.store().audit_log().size() == log_before);
    CHECK(p.set_rules(edited, "rules.crit", "", "", true).refusal == app::Refusal::Store);  // a correction needs a reason
    p.set_entered_by("Secretary");  // "entered by Secretary" is not a reason
    CHECK(p.set_rules(edited, "rules.crit", " ", "", true).store_refusal.code == "store.refused.correction-needs-reason");
    p.set_entered_by("");
    const app::ChangeOutcome recorded = p.set_rules(edited, "rules.crit", "weights agreed", "", true);
    INFO(recorded.summary);
    REQUIRE(recorded.ok);
    CHECK(recorded.summary == "rules version 2 recorded as a correction");
    CHECK(p.rules_version().version == 2);
    CHECK(p.rules_version().correction);
    CHECK(p.rules().ok());
    CHECK_FALSE(p.set_rules(edited, "rules.crit", "", "", true).ok);  // unchanged: nothing to record
}

TEST_CASE("app project: the corrections of the rules after bids arrived, each with its line diff", "[app][frozen]") {
    test::TempDir dir;
    app::TenderProject p = bus_tyres_project(dir);
    CHECK(p.rules_corrections().empty());
    const std::string v1 = p.rules_version().text;
    std::string v2 = v1;
    v2.replace(v2.find("weight: 50 %"), 12, "weight: 20 %");
    v2.replace(v2.find("weight: 30 %"), 12, "weight: 60 %");
    REQUIRE(p.set_rules(v2, "rules.crit", "weights swapped by mistake", "", true).ok);
    std::string v3 = v2 + "# checked by the committee\n";
    REQUIRE(p.set_rules(v3, "rules.crit", "a note", "", true).ok);

    const auto corrections = p.rules_corrections();
    REQUIRE(corrections.size() == 2);
    const RulesCorrection& c = corrections[0];
    CHECK(c.version == 2);
    CHECK(c.user == "Officer");
    CHECK(c.reason == "weights swapped by mistake");
    CHECK(c.at == p.rules_version(2).created_at);
    // The diff: real lines of the two texts, a hunk header, removed and added lines, context around them.
    REQUIRE_FALSE(c.diff.empty());
    CHECK(c.diff[0].rfind("@@ -", 0) == 0);
    std::vector<std::string> changed;
    std::size_t context = 0;
    for (const std::string& line : c.diff) {
        if (line[0] == '-' || line[0] == '+') changed.push_back(line);
        else if (line[0] == ' ') ++context;
        else CHECK(line.rfind("@@ ", 0) == 0);
    }
    CHECK(changed == std::vector<std::string>{"-  weight: 50 %", "+  weight: 20 %", "-    weight: 30 %", "+    weight: 60 %"});
    CHECK(context >= 6);  // three lines before and after each change
    // The second correction: one added line at the end, after three lines of context.
    const auto& d = corrections[1].diff;
    REQUIRE(d.size() == 5);
    CHECK(d[4] == "+# checked by the committee");
    CHECK(d[1][0] == ' ');
    // The evaluation carries them.
    const auto ev = p.evaluate();
    REQUIRE(ev);
    REQUIRE(ev->corrections.size() == 2);
    CHECK(ev->corrections[1].reason == "a note");
}

TEST_CASE("app rules diff: hunks as diff -u writes them", "[app][frozen]") {
    const std::string a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    std::string b = "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n";
    CHECK(app::line_diff(a, a).empty());
    const std::vector<std::string> expected{"@@ -1,6 +1,6 @@", " 1", " 2", "-3", "+three", " 4", " 5", " 6",
                                            "@@ -9,4 +9,3 @@", " 9", " 10", " 11", "-12"};
    CHECK(app::line_diff(a, b) == expected);
    CHECK(app::line_diff("", "x\n") == std::vector<std::string>{"@@ -0,0 +1 @@", "+x"});
    CHECK(app::line_diff("x\ny\n", "y\n", 1) == std::vector<std::string>{"@@ -1,2 +1 @@", "-x", " y"});
}

TEST_CASE("app project: the rules must check and be self-contained to create a project", "[app]") {
    test::TempDir dir;
    app::ChangeOutcome out;
    auto p = app::TenderProject::create(dir.file("x.tender"), "", "criterion {", "broken.crit", "Officer", "test", out);
    CHECK_FALSE(p);
    CHECK_FALSE(out.ok);
    REQUIRE_FALSE(out.problems.empty());
    CHECK(out.problems[0].pos.file == "broken.crit");
    CHECK_FALSE(std::filesystem::exists(dir.file("x.tender")));
}

TEST_CASE("app criteria library: sets described from their header or their text", "[app]") {
    const auto described = app::describe_criteria_set(
        "rules/tyres-core.crit",
        "// Bus tyres\n// product group: Tyres\n// product group ru: Шины\n// ambition: Core\n// languages: en, ru\n"
        "tender { subtitle: \"S\" title: \"T\" title_ru: \"Т\" }\n");
    CHECK(described.product_group == "Tyres");
    CHECK(described.ambition == "core");
    CHECK(described.languages == std::vector<std::string>{"en", "ru"});
    CHECK(described.title == "T");
    CHECK(described.title_ru == "Т");
    CHECK(described.product_group_ru == "Шины");

    const auto sets = app::find_criteria_sets({std::string(TL_SOURCE_DIR) + "/rules", std::string(TL_SOURCE_DIR) + "/samples"});
    const auto bus = std::find_if(sets.begin(), sets.end(),
                                  [](const app::LibraryEntry& s) { return s.path.find("bus-tyres/rules.crit") != std::string::npos; });
    REQUIRE(bus != sets.end());
    CHECK(bus->title == "Bus tyres with retreading for city public transport");
    CHECK(bus->title_ru == "Шины с восстановлением протектора для городского общественного транспорта");
    CHECK(bus->product_group_ru == bus->title_ru);  // no header: the Russian title
    CHECK(bus->languages == std::vector<std::string>{"en", "ru"});  // the sample has name_ru texts
    CHECK(app::find_criteria_sets({"/nonexistent"}).empty());
}

TEST_CASE("app project: a change typed in for someone else names both in the log", "[app]") {
    test::TempDir dir;
    app::TenderProject p = bus_tyres_project(dir);
    p.set_user("Anna Berg");
    p.set_entered_by("Erik Holm");
    REQUIRE(p.add_evaluator("Anna Berg", store::Role::Chair, "appointed").ok);
    const auto entry = p.store().audit_log().back();
    CHECK(entry.user == "Anna Berg");
    CHECK(entry.reason == "appointed; entered by Erik Holm");
    p.set_entered_by("");
    REQUIRE(p.add_evaluator("Jonas Lind", store::Role::Member, "").ok);
    CHECK(p.store().audit_log().back().reason.empty());
}

TEST_CASE("app project: one evaluation per state of the project", "[app]") {
    test::TempDir dir;
    app::TenderProject p = bus_tyres_project(dir);
    const auto first = p.evaluate();
    REQUIRE(first);
    CHECK(p.evaluate() == first);  // nothing changed: the same evaluation, not a second one
    // The editor previewing the recorded text gets the project's own evaluation.
    const auto preview = p.preview_rules(p.rules_version().text, "rules.crit");
    CHECK(preview.evaluation == first);
    REQUIRE(preview.loaded);
    CHECK(preview.loaded->ok());

    REQUIRE(p.put_bid(strong_bid(), false, "typed in").ok);
    const auto after = p.evaluate();
    REQUIRE(after);
    CHECK(after != first);
    CHECK(first_ranked(after->result) == "EcoTread");
    CHECK(p.preview_rules(p.rules_version().text, "rules.crit").evaluation == after);
}

TEST_CASE("app project: a typed bid's problems are placed by field, refusals carry the store's code", "[app][i18n]") {
    test::TempDir dir;
    app::TenderProject p = bus_tyres_project(dir);
    app::BidEntry bad = strong_bid();
    bad.answers["retreaded"] = "most";
    const app::ChangeOutcome out = p.put_bid(bad, false, "");
    REQUIRE(out.problems.size() == 1);
    const Diagnostic& d = out.problems[0];
    CHECK(d.pos.field == "retreaded");
    CHECK(d.pos.bidder == bad.bidder);
    CHECK(d.pos.line == 0);
    CHECK(d.what.code == "io.cell.not-a-number");
    CHECK(d.message == "field 'retreaded': 'most' is not a percentage (write 40 or 40 %)");
    const MessageArg* problem = d.what.arg("problem");
    REQUIRE(problem != nullptr);
    REQUIRE(problem->nested != nullptr);
    CHECK(word(*problem->nested) == "'most' is not a percentage (write 40 or 40 %)");

    REQUIRE(p.put_bid(strong_bid(), false, "").ok);
    const app::ChangeOutcome again = p.put_bid(strong_bid(), false, "");
    CHECK_FALSE(again.ok);
    CHECK(again.store_refusal.code == "store.refused.bid-exists");
    CHECK(again.summary == word(again.store_refusal));
}

TEST_CASE("app project: a typed name with a zero-width space is refused, a look-alike is recorded with a warning",
          "[app][names]") {
    test::TempDir dir;
    app::TenderProject p = bus_tyres_project(dir);
    const std::size_t log_before = p.store().audit_log().size();
    app::BidEntry hidden = strong_bid();
    hidden.bidder = "Volga\xE2\x80\x8BTyre";  // U+200B between the words of VolgaTyre
    const app::ChangeOutcome refused = p.put_bid(hidden, false, "");
    CHECK_FALSE(refused.ok);
    CHECK(refused.refusal == app::Refusal::Problems);
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems[0].what.code == "io.names.invisible");
    CHECK(refused.problems[0].pos.field == "bidder");
    CHECK(refused.problems[0].message ==
          "field 'bidder': the bidder's name 'Volga<U+200B>Tyre' has the invisible character U+200B (ZERO WIDTH SPACE) at "
          "position 6; delete it: it makes one name look like another");
    CHECK(p.store().audit_log().size() == log_before);

    app::BidEntry lookalike = strong_bid();
    lookalike.bidder = "V\xD0\xBElgaTyre";  // Cyrillic о
    const app::ChangeOutcome recorded = p.put_bid(lookalike, false, "");
    REQUIRE(recorded.ok);
    REQUIRE(recorded.problems.size() == 2);
    CHECK(recorded.problems[0].what.code == "io.names.mixed-script");
    CHECK(recorded.problems[1].severity == Severity::Warning);
    CHECK(recorded.problems[1].what.code == "io.names.confusable");
    CHECK(recorded.problems[1].message ==
          "field 'bidder': 'V\xD0\xBElgaTyre' looks like 'VolgaTyre' (a bid in the project): '\xD0\xBE' (U+043E, Cyrillic) in "
          "place of 'o' (U+006F, Latin); check that they are different bidders");

    // Renaming it to the real company's spelling in capitals warns again; renaming EcoTread does not.
    const app::ChangeOutcome renamed = p.rename_bid("V\xD0\xBElgaTyre", "", "VOLGATYRE", "", "");
    REQUIRE(renamed.ok);
    REQUIRE(renamed.problems.size() == 1);
    CHECK(renamed.problems[0].what.code == "io.names.same-but-case");
    const app::ChangeOutcome plain = p.rename_bid("VOLGATYRE", "", "EcoTread", "", "");
    REQUIRE(plain.ok);
    CHECK(plain.problems.empty());
}
