// The checks of bidders' names (io/names/bidder_names.hpp, issue 12 item 5): invisible characters
// are refused with the code point and its position; look-alike names and words that mix
// alphabets are warned about, naming both names and the characters that differ; ordinary pairs of
// names, Russian names in Cyrillic and Russian names in Latin letters are left alone.
#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"
#include "io/csv/bids_csv.hpp"
#include "io/names/bidder_names.hpp"

using namespace tl;
using io::NameSighting;

namespace {

const std::string kAcme = "Acme";
const std::string kLowerAcme = "acme";
const std::string kCyrillicAcme = "\xD0\x90" "cme";  // А U+0410 CYRILLIC CAPITAL LETTER A
const std::string kHiddenAcme = "Acme\xE2\x80\x8B";   // U+200B ZERO WIDTH SPACE

std::vector<NameSighting> sightings(const std::vector<std::string>& names) {
    std::vector<NameSighting> out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out.push_back({names[i], Message("io.names.row", "row {row}").count("row", static_cast<long long>(i + 2))});
    return out;
}

}  // namespace

TEST_CASE("names with invisible characters are refused with the code point and its position", "[names]") {
    const auto zwsp = io::refused_name(kHiddenAcme);
    REQUIRE(zwsp);
    CHECK(zwsp->code == "io.names.invisible");
    CHECK(word(*zwsp) == "the bidder's name 'Acme<U+200B>' has the invisible character U+200B (ZERO WIDTH SPACE) at "
                         "position 5; delete it: it makes one name look like another");
    struct Case {
        std::string name, code;
        long long position;
    };
    for (const Case& c : {Case{"Ac\xE2\x80\x8Dme", "U+200D", 3}, Case{"\xE2\x81\xA0" "Acme", "U+2060", 1},
                          Case{"\xEF\xBB\xBF" "Acme", "U+FEFF", 1}, Case{"Acme \xE2\x80\xAE" "dtL", "U+202E", 6},
                          Case{"Acme\xE2\x81\xA6" "Ltd", "U+2066", 5}, Case{"Acme\tLtd", "U+0009", 5},
                          Case{"Ac\xC2\xADme", "U+00AD", 3}}) {
        INFO(c.code);
        const auto refused = io::refused_name(c.name);
        REQUIRE(refused);
        CHECK(refused->code == "io.names.invisible");
        CHECK(refused->arg("code")->text == c.code);
        CHECK(refused->arg("position")->count == c.position);
    }
    const auto edge = io::refused_name("Acme\xE3\x80\x80");  // U+3000 IDEOGRAPHIC SPACE at the end
    REQUIRE(edge);
    CHECK(edge->code == "io.names.trailing-space");
    CHECK(edge->arg("code")->text == "U+3000");
    for (const std::string& ok : {kAcme, kCyrillicAcme, std::string("ООО «Ромашка»"), std::string("Nordic Tyres AB"),
                                 std::string("Société Générale"), std::string("Müller & Söhne GmbH")})
        CHECK_FALSE(io::refused_name(ok));
}

TEST_CASE("Acme, acme and Аcme (Cyrillic А) are look-alikes of the first Acme", "[names]") {
    const std::vector<NameSighting> names = sightings({kAcme, kLowerAcme, kCyrillicAcme});
    const std::vector<io::NameFinding> found = io::find_lookalike_names(names);
    REQUIRE(found.size() == 2);
    CHECK(found[0].name == 1);
    CHECK(found[0].other == 0);
    CHECK(found[0].problem.code == "io.names.same-but-case");
    CHECK(word(found[0].problem) == "'acme' differs from 'Acme' (row 2) only in letter case, spacing or character width: "
                                    "'a' (U+0061) in place of 'A' (U+0041); if they are one bidder, write the name the same way");
    CHECK(found[1].name == 2);
    CHECK(found[1].other == 0);
    CHECK(found[1].problem.code == "io.names.confusable");
    CHECK(word(found[1].problem) == "'\xD0\x90" "cme' looks like 'Acme' (row 2): '\xD0\x90' (U+0410, Cyrillic) in place of "
                                    "'A' (U+0041, Latin); check that they are different bidders");
}

TEST_CASE("full-width letters, extra spaces and digit-letter look-alikes are found too", "[names]") {
    const auto found = io::find_lookalike_names(
        sightings({"Acme Ltd", "\xEF\xBC\xA1" "cme Ltd", "Acme  Ltd", "NORDIC TYRES", "N0RDIC TYRES"}));
    REQUIRE(found.size() == 3);
    CHECK(found[0].problem.code == "io.names.same-but-case");  // Ａ U+FF21 FULLWIDTH LATIN CAPITAL LETTER A
    CHECK(found[1].problem.code == "io.names.same-but-case");  // two spaces
    CHECK(found[2].problem.code == "io.names.confusable");     // 0 for O
    CHECK(found[2].other == 3);
}

TEST_CASE("different bidders with similar names are not look-alikes", "[names]") {
    // An edit distance of one is no trick: the skeletons differ.
    CHECK(io::find_lookalike_names(sightings({"Nordic Tyres", "Nordic Tires"})).empty());
    CHECK(io::find_lookalike_names(sightings({"ООО «Ромашка»", "ООО «Ромашки»", "ООО «Лютик»", "Romashka LLC"})).empty());
    CHECK(io::find_lookalike_names(sightings({"Shinservice", "VolgaTyre", "KamaTrade"})).empty());
    // The same name twice is one bidder (in two lots), never a look-alike of itself.
    CHECK(io::find_lookalike_names(sightings({kAcme, kAcme})).empty());
}

TEST_CASE("names of one group are compared only with other groups when asked", "[names]") {
    std::vector<NameSighting> names = sightings({kAcme, kLowerAcme, kCyrillicAcme});
    names[0].group = names[1].group = 1;
    names[2].group = 2;
    const auto found = io::find_lookalike_names(names, true);
    REQUIRE(found.size() == 1);
    CHECK(found[0].name == 2);
    CHECK(found[0].other == 0);
}

TEST_CASE("a word that mixes alphabets is warned about, Russian names in either alphabet are fine", "[names]") {
    const auto mixed = io::mixed_script_name(kCyrillicAcme + " Ltd");
    REQUIRE(mixed);
    CHECK(mixed->code == "io.names.mixed-script");
    CHECK(word(*mixed) == "the word '\xD0\x90" "cme' of the bidder's name mixes alphabets: '\xD0\x90' (U+0410) is Cyrillic, "
                          "the other letters are Latin; a name that imitates another often looks like this");
    CHECK(io::mixed_script_name("Шинсервиc"));  // Latin c at the end of a Cyrillic word
    for (const std::string& ok : {kAcme, std::string("ООО «Ромашка»"), std::string("OOO Romashka"),
                                 std::string("ООО «Acme Групп»"), std::string("Acme-Групп 2000"), std::string("Δέλτα SA"),
                                  std::string("トヨタ自動車"), std::string("삼성전자")})
        CHECK_FALSE(io::mixed_script_name(ok));
}

TEST_CASE("bids CSV: a zero-width space is refused at its row and column, look-alikes are warned about", "[names][bids_csv]") {
    FieldDecl price;
    price.id = "price";
    price.type = FieldType::Number;
    const std::string csv = "price,bidder\n100,Acme\n110,acme\n120," + kCyrillicAcme + "\n130," + kHiddenAcme + "\n";
    const CsvReadResult r = read_bids_csv(csv, "bids.csv", {price}, {});
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 4);
    const Diagnostic& hidden = r.diagnostics[3];
    CHECK(hidden.severity == Severity::Error);
    CHECK(hidden.what.code == "io.names.invisible");
    CHECK(hidden.pos.line == 5);
    CHECK(hidden.pos.col == 2);
    CHECK(hidden.pos.field == "bidder");
    CHECK(format_diagnostic(hidden) ==
          "bids.csv:5:2: error: row 5, column 2 (bidder): the bidder's name 'Acme<U+200B>' has the invisible character "
          "U+200B (ZERO WIDTH SPACE) at position 5; delete it: it makes one name look like another\n");
    CHECK(r.diagnostics[0].severity == Severity::Warning);
    CHECK(r.diagnostics[0].what.code == "io.names.same-but-case");
    CHECK(r.diagnostics[0].pos.line == 3);
    CHECK(r.diagnostics[0].pos.bidder == "acme");
    CHECK(r.diagnostics[1].what.code == "io.names.mixed-script");
    CHECK(r.diagnostics[2].what.code == "io.names.confusable");
    CHECK(r.diagnostics[2].pos.line == 4);

    // Without the hidden name the file is good: the table is complete, the warnings stay.
    const CsvReadResult good = read_bids_csv(csv.substr(0, csv.rfind("130,")), "bids.csv", {price}, {});
    CHECK(good.ok());
    CHECK(good.table.bids.size() == 3);
    CHECK(good.diagnostics.size() == 3);
    // The same bidder in two lots is one bidder.
    const CsvReadResult lots = read_bids_csv("bidder,lot,price\nAcme,1,100\nAcme,2,90\n", "bids.csv", {price}, {"1", "2"});
    CHECK(lots.ok());
    CHECK(lots.diagnostics.empty());
}
