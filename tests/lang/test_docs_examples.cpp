// Every ```crit example in docs/LANGUAGE.md parses and checks without errors: the reference
// cannot drift from the language.
#include <catch2/catch.hpp>

#include "lang/load.hpp"
#include "support/files.hpp"

TEST_CASE("docs/LANGUAGE.md examples check cleanly") {
    const std::string doc = tl::test::read_text(tl::test::source_path("docs/LANGUAGE.md"));
    std::size_t at = 0;
    int examples = 0;
    while ((at = doc.find("```crit\n", at)) != std::string::npos) {
        const std::size_t start = at + 8;
        const std::size_t end = doc.find("```", start);
        REQUIRE(end != std::string::npos);
        const std::string example = doc.substr(start, end - start);
        ++examples;
        // Line of the example in the document, for a useful failure message.
        const auto line = 1 + std::count(doc.begin(), doc.begin() + static_cast<long>(start), '\n');
        DYNAMIC_SECTION("example at LANGUAGE.md line " << line) {
            // Imports in the examples resolve next to LANGUAGE.md (docs/examples/...).
            auto r = tl::lang::load_rules_text(example, tl::test::source_path("docs/LANGUAGE.md-example.crit"));
            INFO(tl::format_diagnostics(r.diagnostics));
            CHECK(r.ok());
        }
        at = end + 3;
    }
    CHECK(examples >= 3);
}
