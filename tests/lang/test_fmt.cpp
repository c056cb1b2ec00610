// `tenderloop fmt`: canonical, idempotent, and nothing lost (comments kept, meaning unchanged).
#include <catch2/catch.hpp>

#include "lang/load.hpp"
#include "lang/print.hpp"
#include "support/files.hpp"

using namespace tl;

namespace {
std::string fmt(const std::string& text) {
    lang::RuleFile f;
    Diagnostics d;
    INFO(format_diagnostics(d));
    REQUIRE(lang::parse_rules(text, "t.crit", f, d));
    return lang::format_rules(f);
}
}  // namespace

TEST_CASE("fmt of its own output changes nothing, for every sample") {
    for (const char* sample : test::kSamples) {
        DYNAMIC_SECTION(sample) {
            const std::string once = fmt(test::read_text(test::source_path(std::string("samples/") + sample + "/rules.crit")));
            CHECK(fmt(once) == once);
        }
    }
}

TEST_CASE("fmt keeps the meaning: the same model before and after") {
    const std::string path = test::source_path("samples/street-lighting/rules.crit");
    const std::string original = test::read_text(path);
    auto before = lang::load_rules_text(original, path);
    auto after = lang::load_rules_text(fmt(original), path);
    REQUIRE(before.ok());
    REQUIRE(after.ok());
    REQUIRE(before.rules.criteria.size() == after.rules.criteria.size());
    for (std::size_t i = 0; i < before.rules.criteria.size(); ++i) {
        CHECK(print_expr(before.rules.criteria[i].score) == print_expr(after.rules.criteria[i].score));
        CHECK(before.rules.criteria[i].weight == after.rules.criteria[i].weight);
    }
    CHECK(before.rules.fields.size() == after.rules.fields.size());
}

TEST_CASE("type arguments print as read, none as none (found by the fuzzer)") {
    CHECK(fmt("field q: quantity\n") == "field q: quantity\n");
    CHECK(fmt("field q: quantity(g/km)\n") == "field q: quantity(g/km)\n");
    CHECK(fmt("field e: enum(A, \"A++\", B)\n") == "field e: enum(A, \"A++\", B)\n");
}

// The parser and the printer must agree where a comment ends (found by the fuzzer). A lone CR is
// a line end (old Mac editors, issue 12), so it ends the comment in both.
TEST_CASE("a carriage return ends a comment, in the parser as in the printer") {
    const std::string text = "// note\rimport \"x.crit\"\nfield p: number\n";
    lang::RuleFile f;
    Diagnostics d;
    REQUIRE(lang::parse_rules(text, "t.crit", f, d));
    REQUIRE(f.items.size() == 2);
    CHECK(f.items[0].keyword == "import");
    CHECK(f.items[1].keyword == "field");
    CHECK(fmt(fmt(text)) == fmt(text));
}

TEST_CASE("fmt lays out blocks and keeps comments where they were") {
    const char* messy = "// Tender header\ntender {title:\"T\"   currency:RUB}\n"
                        "field  p : money{name:\"P\" // the price\n}\n"
                        "let a=p*2\nlet b = a+1\n"
                        "criterion c {weight:100 % score : ratio_lowest( p ) # lower is better\n}\n// end\n";
    const std::string expected =
        "// Tender header\n"
        "tender {\n  title: \"T\"\n  currency: RUB\n}\n\n"
        "field p: money {\n  name: \"P\"  // the price\n}\n\n"
        "let a = p * 2\nlet b = a + 1\n\n"
        "criterion c {\n  weight: 100 %\n  score: ratio_lowest(p)  # lower is better\n}\n// end\n";
    CHECK(fmt(messy) == expected);
    CHECK(fmt(expected) == expected);
}

TEST_CASE("fmt keeps how the committee's marks are combined", "[combine]") {
    const std::string text = "criterion plan {\n  weight: 40 %\n  committee: 1 .. 5\n  combine: median\n}\n";
    const std::string once = fmt(text);
    CHECK_THAT(once, Catch::Contains("  committee: 1 .. 5\n  combine: median\n"));
    CHECK(fmt(once) == once);
}
