// Golden diagnostics: every tests/golden/diagnostics/NAME.crit holds one mistake an officer could
// plausibly make; NAME.expected is the exact text `tenderloop check` prints for it, with the file
// named `NAME.crit` (the folder prefix is cut out of the output, so the files do not depend on
// where the sources live). NAME.ru.expected is the same diagnostic worded in Russian through
// po/ru.po: the same place, caret and source line, the words of the catalog.
//
// To rewrite the .expected files after a deliberate change of the messages:
//   TL_UPDATE_GOLDEN=1 ./tl_tests "[golden]"
// The run then fails on purpose; review the new texts with `git diff tests/golden`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "lang/load.hpp"
#include "support/po_translator.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir = fs::path(TL_SOURCE_DIR) / "tests" / "golden" / "diagnostics";

bool update_requested() {
    const char* v = std::getenv("TL_UPDATE_GOLDEN");
    return v != nullptr && std::string(v) == "1";
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    // A checkout with CRLF line ends must not make every golden file differ.
    s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
    return s;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

// What the checker prints for `crit`, with the golden folder's prefix removed so that
// `/…/tests/golden/diagnostics/NAME.crit:3:7:` reads `NAME.crit:3:7:`.
std::string diagnostics_of(const fs::path& crit, const tl::Translator& t = tl::english()) {
    const tl::lang::LoadResult result = tl::lang::load_rules_file(crit.string());
    std::string out = tl::format_diagnostics(result.diagnostics, t);
    replace_all(out, (crit.parent_path() / "").string(), "");
    return out;
}

std::vector<fs::path> golden_inputs() {
    std::vector<fs::path> files;
    if (!fs::is_directory(kGoldenDir)) return files;
    for (const auto& entry : fs::directory_iterator(kGoldenDir))
        if (entry.is_regular_file() && entry.path().extension() == ".crit") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

const tl::test::PoTranslator& russian() {
    static const tl::test::PoTranslator t((fs::path(TL_SOURCE_DIR) / "po" / "ru.po").string(), "ru");
    return t;
}

void check_golden(const char* extension, const tl::Translator& t) {
    const std::vector<fs::path> files = golden_inputs();
    INFO("golden folder: " << kGoldenDir.string());
    REQUIRE(files.size() >= 30);
    const bool update = update_requested();

    for (const fs::path& crit : files) {
        DYNAMIC_SECTION(crit.filename().string()) {
            const std::string actual = diagnostics_of(crit, t);
            fs::path expected_path = crit;
            expected_path.replace_extension(extension);
            if (update) {
                std::ofstream out(expected_path, std::ios::binary | std::ios::trunc);
                out << actual;
                out.close();
                REQUIRE(out.good());
                FAIL("golden files rewritten, review them with git diff (" << expected_path.string() << ")");
            }
            // Every golden file records some diagnostic: one without any would test nothing.
            CHECK_FALSE(actual.empty());
            INFO("no " << expected_path.filename().string()
                       << "; create it with TL_UPDATE_GOLDEN=1 and review it with git diff");
            REQUIRE(fs::exists(expected_path));
            const std::string expected = read_text(expected_path);
            INFO("rules: " << crit.string());
            CHECK(actual == expected);
        }
    }
}

/// The lines of `text` that hold the place (`file:line:col:`) cut off after the place, and the
/// source and caret lines: what must be the same in every language.
std::vector<std::string> places_and_carets(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("  ", 0) == 0) {
            // Source and caret lines, not notes (whose words are translated).
            if (line.find(": ") == std::string::npos || line.find('^') != std::string::npos) out.push_back(line);
            continue;
        }
        const std::size_t space = line.find(' ');
        out.push_back(line.substr(0, space));
    }
    return out;
}

}  // namespace

TEST_CASE("golden diagnostics: each mistake reads as recorded", "[golden][diagnostics]") {
    check_golden(".expected", tl::english());
}

TEST_CASE("golden diagnostics: each mistake reads as recorded in Russian", "[golden][diagnostics][i18n]") {
    REQUIRE(russian().size() > 100);
    check_golden(".ru.expected", russian());
}

TEST_CASE("golden diagnostics: Russian keeps the place, source line and caret", "[golden][diagnostics][i18n]") {
    for (const fs::path& crit : golden_inputs()) {
        DYNAMIC_SECTION(crit.filename().string()) {
            const std::string en = diagnostics_of(crit), ru = diagnostics_of(crit, russian());
            CHECK(places_and_carets(ru) == places_and_carets(en));
        }
    }
}

TEST_CASE("golden diagnostics: every diagnostic and note is a message with a code", "[golden][diagnostics][i18n]") {
    for (const fs::path& crit : golden_inputs()) {
        const tl::lang::LoadResult result = tl::lang::load_rules_file(crit.string());
        for (const tl::Diagnostic& d : result.diagnostics) {
            INFO(crit.filename().string() << ": " << d.message);
            CHECK(d.what.code.rfind("lang.", 0) == 0);
            CHECK(d.message == tl::word(d.what));
            // The catalog has words for it (a message it lacks would come out in English).
            CHECK(tl::diagnostic_text(d, russian()) != d.message);
            REQUIRE(d.note_messages.size() == d.notes.size());
            for (const tl::Message& n : d.note_messages) CHECK_FALSE(n.code.empty());
        }
    }
}

TEST_CASE("golden diagnostics: every .expected has its .crit", "[golden][diagnostics]") {
    REQUIRE(fs::is_directory(kGoldenDir));
    for (const auto& entry : fs::directory_iterator(kGoldenDir)) {
        if (entry.path().extension() != ".expected") continue;
        fs::path crit = entry.path();
        crit.replace_extension();  // NAME.ru.expected: NAME.ru
        if (crit.extension() == ".ru") crit.replace_extension();
        crit.replace_extension(".crit");
        INFO("stale golden file " << entry.path().filename().string() << ": delete it or restore its .crit");
        CHECK(fs::exists(crit));
    }
}

// Things that look like mistakes but are right: they must load without any error (and, where it
// matters, without any warning). Kept out of the golden folder, whose files each hold a mistake.
TEST_CASE("golden diagnostics: look-alikes that are valid", "[golden][diagnostics]") {
    const std::string head =
        "tender {\n  title: \"T\"\n  reference: \"V-1\"\n  currency: EUR\n}\n"
        "field price: money { name: \"Price\" }\n";
    const std::string tail = "criterion price {\n  weight: 100 %\n  score: ratio_lowest(price)\n}\n";

    struct Case {
        const char* what;
        std::string text;
    };
    const std::vector<Case> cases = {
        {"a quoted enum member compared with ==",
         head + "field energy: enum(\"A+++\", \"A++\", \"A+\") { name: \"Energy class\" }\n"
                "requirement efficient {\n  test: energy == \"A+++\"\n}\n" + tail},
        {"a quoted enum member on the left of !=",
         head + "field energy: enum(\"A+++\", \"A++\", \"A+\") { name: \"Energy class\" }\n"
                "requirement not_worst {\n  test: \"A+\" != energy\n}\n" + tail},
        {"quoted enum members as table keys",
         "tender {\n  title: \"T\"\n  reference: \"V-1\"\n  currency: EUR\n}\n"
         "field price: money { name: \"Price\" }\n"
         "field energy: enum(\"A+++\", \"A++\", \"A+\") { name: \"Energy class\" }\n"
         "criterion price {\n  weight: 70 %\n  score: ratio_lowest(price)\n}\n"
         "criterion energy {\n  weight: 30 %\n  score: table(energy, \"A+++\" -> 100, \"A++\" -> 50, \"A+\" -> 0)\n}\n"},
        {"a percent compared with a percent",
         head + "field recycled: percent { name: \"Recycled content\" }\n"
                "requirement recycled_min {\n  test: recycled >= 30 %\n}\n" + tail},
        {"a percent compared with zero",
         head + "field recycled: percent { name: \"Recycled content\" }\n"
                "requirement recycled_some {\n  test: recycled > 0\n}\n" + tail},
        {"a percent mixed with plain numbers in arithmetic",
         head + "field discount: percent { name: \"Discount\" }\n"
                "criterion price {\n  weight: 100 %\n  score: ratio_lowest(price * (1 - discount))\n}\n"},
        {"weights in points need not sum to 100",
         head + "field warranty: quantity(years) { name: \"Warranty\" }\n"
                "criterion price {\n  weight: 60 points\n  score: ratio_lowest(price)\n}\n"
                "criterion warranty {\n  weight: 15 points\n"
                "  score: steps(warranty, >= 5 years -> 100, >= 3 years -> 50, else -> 0)\n}\n"},
        {"criterion and field share a name",
         head + tail},
    };
    for (const Case& c : cases) {
        DYNAMIC_SECTION(c.what) {
            const tl::lang::LoadResult r = tl::lang::load_rules_text(c.text, "valid.crit");
            INFO(c.text);
            INFO(tl::format_diagnostics(r.diagnostics));
            CHECK(r.ok());
            CHECK(r.diagnostics.empty());
        }
    }
}
