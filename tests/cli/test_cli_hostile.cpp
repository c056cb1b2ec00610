// `tenderloop` on hostile rule files (issue 12): nesting that used to end the program with SIGSEGV
// exits with the usual failure code and the golden diagnostic; rules nested exactly as deep as
// the language allows go through every command that walks the trees (check, evaluate, export).
#include <catch2/catch.hpp>

#include <string>

#include "cli_runner.hpp"

using namespace tl::cli_test;

namespace {

std::string golden(const std::string& name) { return std::string(TL_TESTS_DIR) + "/golden/diagnostics/" + name; }

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("cli check on 2 000 nested levels and bad bytes: exit code 1 and a located error, no signal", "[cli][hostile]") {
    for (const std::string name : {"too_deep_brackets", "too_deep_not", "too_deep_minus", "too_deep_if",
                                   "too_many_operations", "utf8_in_string", "cr_line_ends"}) {
        DYNAMIC_SECTION(name) {
            const std::string crit = golden(name + ".crit");
            std::string expected = read_text(golden(name + ".expected"));
            expected.replace(0, name.size() + 5, crit);  // the output names the file as given
            const Run r = run_cli({"check", crit}, {"-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "LANGUAGE", "LANG=C.UTF-8"});
            CHECK(r.code == 1);
            CHECK(r.err == expected);
        }
    }
}

TEST_CASE("cli: rules nested exactly as deep as allowed check, evaluate and export", "[cli][hostile]") {
    TempDir dir;
    // 63 calls of min around lowest(...): 64 levels. `if`, 63 `not`: 64. `if`, 63 minus signs: 64.
    // A sum of 500 terms: a tree 500 deep.
    std::string sum = "0.2";
    for (int i = 1; i < 500; ++i) sum += " + 0.2";
    const std::string rules =
        "tender { title: \"Deep\" reference: \"D-1\" currency: RUB }\n"
        "field price: money { name: \"Price\" }\n"
        "field retreaded: percent { name: \"Retreaded\" }\n"
        "field noise: enum(A, B, C) { name: \"Noise\" }\n"
        "field take_back: yesno { name: \"Take back\" }\n"
        "criterion calls { name: \"Calls\" weight: 40 % score: " +
        repeat("min(100, ", 63) + "100 * lowest(price) / price" + repeat(")", 63) + " }\n" +
        "criterion nots { name: \"Nots\" weight: 20 % score: if " + repeat("not ", 63) + "take_back then 100 else 50 }\n" +
        "criterion minus { name: \"Minus\" weight: 20 % score: if noise == A then 100 else " + repeat("-", 63) + "0 }\n" +
        "criterion sum { name: \"Sum\" weight: 20 % score: " + sum + " }\n";
    const std::string crit = dir.file("deep.crit");
    write_text(crit, rules);
    const std::string bids = sample("bus-tyres", "bids.csv");

    const Run checked = run_cli({"check", crit});
    INFO(checked.err);
    CHECK(checked.code == 0);
    const Run evaluated = run_cli({"evaluate", crit, "--bids", bids});
    INFO(evaluated.err);
    CHECK(evaluated.code == 0);
    CHECK(evaluated.out.find("Winner:") != std::string::npos);
    const Run exported = run_cli({"export", crit, "--bids", bids, "-o", dir.file("deep.xlsx")});
    INFO(exported.err);
    CHECK(exported.code == 0);
    CHECK(read_text(dir.file("deep.xlsx")).substr(0, 2) == "PK");
}

TEST_CASE("cli: devices, pipes and oversized files are refused by name before they are read", "[cli][hostile]") {
    const std::vector<std::string> c_locale{"-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "LANGUAGE", "LANG=C.UTF-8"};
    const std::string rules = sample("bus-tyres", "rules.crit");
    // Used to read until bad_alloc.
    Run r = run_cli({"check", "/dev/zero"}, c_locale);
    CHECK(r.code == 1);
    CHECK(r.err == "/dev/zero is a character device, not a file: TenderLoop reads only ordinary files\n");
    r = run_cli({"evaluate", rules, "--bids", "/dev/urandom"}, c_locale);
    CHECK(r.code == 1);
    CHECK(r.err == "/dev/urandom is a character device, not a file: TenderLoop reads only ordinary files\n");
    r = run_cli({"check", "/dev/zero", "--lang", "ru"});
    CHECK(r.err == "/dev/zero — это символьное устройство, а не файл: TenderLoop читает только обычные файлы\n");

    TempDir dir;
    const std::string big = dir.file("big.crit");
    write_text(big, "tender { title: \"Big\" reference: \"B-1\" }\n" + std::string(3u << 20, '\n'));
    r = run_cli({"check", big}, c_locale);
    CHECK(r.code == 1);
    CHECK(r.err == big + " is too large for a rules file: 3 MiB, the limit is 1 MiB\n");
}

TEST_CASE("cli: a cell longer than a spreadsheet cell holds is refused at its row and column", "[cli][hostile]") {
    const std::vector<std::string> c_locale{"-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "LANGUAGE", "LANG=C.UTF-8"};
    TempDir dir;
    const std::string bids = dir.file("bids.csv");
    // 32 767 Cyrillic letters (65 534 bytes) are one cell's worth; one more is not.
    std::string ok_name, long_name;
    for (int i = 0; i < 32767; ++i) ok_name += "Ж";
    long_name = ok_name + "Ж";
    write_text(bids, "bidder,submitted,price,retreaded,noise,take_back\n" + ok_name +
                         ",2026-03-02T10:15:00,12000000,40,B,yes\n"
                         "VolgaTyre,2026-03-02T14:40:00,10500000,25,A,yes\n" +
                         long_name + ",2026-03-02T10:15:00,12000000,40,B,yes\n");
    const Run r = run_cli({"evaluate", sample("bus-tyres", "rules.crit"), "--bids", bids}, c_locale);
    CHECK(r.code == 1);
    CHECK(r.err == bids + ":4:1: error: row 4, column 1 (bidder): the text is too long: 32768 characters, the limit is "
                          "32767 (what one spreadsheet cell holds)\n");
}

TEST_CASE("cli: a rules text longer than a spreadsheet cell holds is an error at its place", "[cli][hostile]") {
    const std::vector<std::string> c_locale{"-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "LANGUAGE", "LANG=C.UTF-8"};
    TempDir dir;
    const std::string crit = dir.file("long.crit");
    write_text(crit, "tender { title: \"Long\" reference: \"L-1\" currency: RUB }\n"
                     "field price: money { name: \"Price\" description: \"" + std::string(40000, 'x') + "\" }\n"
                     "criterion cost { name: \"Cost\" weight: 100 % score: 100 * lowest(price) / price }\n");
    const Run r = run_cli({"check", crit}, c_locale);
    CHECK(r.code == 1);
    CHECK(r.err.rfind(crit + ":2:", 0) == 0);
    CHECK(r.err.find("error: the text is too long: 40000 characters, the limit is 32767") != std::string::npos);
}

namespace {

const std::vector<std::string>& c_locale() {
    static const std::vector<std::string> env{"-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "LANGUAGE", "LANG=C.UTF-8"};
    return env;
}

const char* const kOneFieldRules =
    "tender { title: \"T\" reference: \"T-1\" currency: RUB }\n"
    "field price: money { name: \"Price\" }\n"
    "field x: number { name: \"X\" }\n";

}  // namespace

TEST_CASE("cli: a score that overflows to infinity is flagged and counted as the scale's bottom, not full points",
          "[cli][hostile]") {
    TempDir dir;
    const std::string crit = dir.file("r.crit"), bids = dir.file("b.csv");
    write_text(crit, std::string(kOneFieldRules) +
                         "criterion c { name: \"C\" weight: 50 % score: x * 1e308 * 10 }\n"
                         "criterion p { name: \"P\" weight: 50 % score: 100 * lowest(price) / price }\n");
    // A: x * 1e308 * 10 overflows (infinite), B: x = 0 gives 0. Before: A got 100 points unflagged.
    write_text(bids, "bidder,price,x\nA,100,5\nB,100,0\n");
    const Run r = run_cli({"evaluate", crit, "--bids", bids, "--format", "csv"}, c_locale());
    CHECK(r.code == 0);
    CHECK(r.out ==
          "lot,rank,bidder,total,c,p,admissible,excluded_because,flags\n"
          ",1,A,50,0,100,yes,,undefined_score\n"
          ",1,B,50,0,100,yes,,\n");
    const Run text = run_cli({"evaluate", crit, "--bids", bids}, c_locale());
    CHECK(text.out.find("A: undefined_score (C): the score of 'c' is infinite for this bid, a calculation overflowed "
                        "(counted as 0.0000): x (5) * 1e+308 * 10") != std::string::npos);
}

TEST_CASE("cli: numbers beyond a double: out of range, and more digits than it keeps", "[cli][hostile]") {
    TempDir dir;
    const std::string crit = dir.file("r.crit"), bids = dir.file("b.csv");
    write_text(crit, std::string(kOneFieldRules) + "criterion c { name: \"C\" weight: 100 % score: 0.12345678901234567891 * x }\n"
                                                   "requirement cap { test: price <= 1000 RUB }\n");
    Run r = run_cli({"check", crit}, c_locale());
    CHECK(r.code == 0);
    CHECK(r.err == crit + ":4:46: warning: this number has 20 significant digits, more than the 17 a computer's number "
                          "keeps; it is computed as 0.12345678901234568\n"
                          "  criterion c { name: \"C\" weight: 100 % score: 0.12345678901234567891 * x }\n"
                          "                                               ^\n");
    write_text(crit, std::string(kOneFieldRules) + "criterion c { name: \"C\" weight: 100 % score: 1e-400 * x }\n");
    r = run_cli({"check", crit}, c_locale());
    CHECK(r.code == 1);
    CHECK(r.err.find(crit + ":4:46: error: this number is out of range: too close to zero to compute with") == 0);

    write_text(crit, std::string(kOneFieldRules) + "criterion c { name: \"C\" weight: 100 % score: 100 * lowest(price) / price }\n");
    write_text(bids, "bidder,price,x\nA,100,1e-400\nB,200,1.2345678901234567890\n");
    r = run_cli({"evaluate", crit, "--bids", bids}, c_locale());
    CHECK(r.code == 1);
    CHECK(r.err == bids + ":2:3: error: row 2, column 3 (x): '1e-400' is in scientific notation; write the number out in "
                          "full (Excel exports 1,2E+07 when a column is too narrow, and digits are lost)\n" +
                   bids + ":3:3: warning: row 3, column 3 (x): '1.2345678901234567890' has 19 significant digits, more than "
                          "the 17 a computer's number keeps; it is computed as 1.2345678901234567\n");
    write_text(bids, "bidder,price,x\nA,100,0." + std::string(400, '0') + "1\n");
    r = run_cli({"evaluate", crit, "--bids", bids}, c_locale());
    CHECK(r.err.find("is outside the range of numbers TenderLoop can hold") != std::string::npos);
}

TEST_CASE("cli: --format csv never passes a control character on", "[cli][hostile]") {
    // A bidder's name is the one text of a bid that reaches the CSV; a control character in it is
    // refused at input (src/io/names), and the CSV writer would show one as an escape anyway.
    TempDir dir;
    const std::string crit = dir.file("r.crit"), bids = dir.file("b.csv");
    write_text(crit, std::string(kOneFieldRules) + "criterion c { name: \"C\" weight: 100 % score: 100 * lowest(price) / price }\n");
    write_text(bids, "bidder,price,x\n\"Lot\x1b[31mRed\",100,1\nB,200,1\n");
    const Run r = run_cli({"evaluate", crit, "--bids", bids, "--format", "csv"}, c_locale());
    CHECK(r.code == 1);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.err.find("row 2, column 1 (bidder)") != std::string::npos);
}

TEST_CASE("cli: importing a file that is no rules file does not quote it", "[cli][hostile]") {
    TempDir dir;
    const std::string secret = dir.file("secret.txt"), crit = dir.file("r.crit");
    write_text(secret, "root:$6$secret-hash:19000:0:99999:7:::\n");
    write_text(crit, "import \"secret.txt\"\n" + std::string(kOneFieldRules) +
                         "criterion c { name: \"C\" weight: 100 % score: 100 * lowest(price) / price }\n");
    const Run r = run_cli({"check", crit}, c_locale());
    CHECK(r.code == 1);
    CHECK(r.err.find("secret-hash") == std::string::npos);
    CHECK(r.err == crit + ":1:9: error: cannot import 'secret.txt': " + secret +
                       " is not a rules file (it does not start with an item such as tender, field or criterion)\n"
                       "  import \"secret.txt\"\n"
                       "          ^\n");
}

// Issue 12 item 5: Acme, acme, Аcme (Cyrillic А) and Acme with a zero-width space were four bidders.
TEST_CASE("cli evaluate: look-alike bidders are warned about and a hidden character refused, in English and Russian",
          "[cli][hostile][names]") {
    const std::string bids = std::string(TL_TESTS_DIR) + "/golden/names/lookalike_bidders.csv";
    const std::vector<std::string> env{"-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "LANGUAGE", "LANG=C.UTF-8"};
    for (const std::string lang : {"en", "ru"}) {
        DYNAMIC_SECTION(lang) {
            std::string expected =
                read_text(std::string(TL_TESTS_DIR) + "/golden/names/lookalike_bidders" + (lang == "ru" ? ".ru" : "") + ".expected");
            // The output names the file as given.
            for (std::size_t at = 0; (at = expected.find("lookalike_bidders.csv", at)) != std::string::npos; at += bids.size())
                expected.replace(at, std::string("lookalike_bidders.csv").size(), bids);
            const Run r = run_cli({"--lang", lang, "evaluate", sample("bus-tyres", "rules.crit"), "--bids", bids}, env);
            CHECK(r.code == 1);
            CHECK(r.err == expected);
        }
    }
}

TEST_CASE("cli: look-alike names without hidden characters are evaluated, with the warnings, and a project import and "
          "rename warn about the project's bids",
          "[cli][hostile][names]") {
    TempDir dir;
    std::string csv = read_text(std::string(TL_TESTS_DIR) + "/golden/names/lookalike_bidders.csv");
    csv.erase(csv.find("Acme\xE2\x80\x8B"), csv.find("VolgaTyre") - csv.find("Acme\xE2\x80\x8B"));
    write_text(dir.file("bids.csv"), csv);
    const std::string rules = sample("bus-tyres", "rules.crit");
    const Run evaluated = run_cli({"evaluate", rules, "--bids", dir.file("bids.csv")});
    CHECK(evaluated.code == 0);
    CHECK(evaluated.out.find("Winner:") != std::string::npos);
    CHECK(evaluated.err.find("bids.csv:4:1: warning: row 4, column 1 (bidder): '\xD0\x90" "cme' looks like 'Acme' (row 2)") !=
          std::string::npos);

    // A project holding Acme; a second file brings ACME and a hidden-character name.
    const std::string p = dir.file("t.tender");
    REQUIRE(run_cli({"new", p, "--rules", rules}).code == 0);
    write_text(dir.file("first.csv"), "bidder,submitted,price,retreaded,noise,take_back\nAcme,2026-03-02T10:15:00,12000000,40,B,yes\n");
    REQUIRE(run_cli({"bids", p, "import", dir.file("first.csv")}).code == 0);
    write_text(dir.file("hidden.csv"),
               "bidder,submitted,price,retreaded,noise,take_back\n\xE2\x80\xAE" "emcA,2026-03-02T10:15:00,12000000,40,B,yes\n");
    Run r = run_cli({"bids", p, "import", dir.file("hidden.csv")});
    CHECK(r.code == 1);
    CHECK(r.err.find("hidden.csv:2:1: error: row 2, column 1 (bidder): the bidder's name '<U+202E>emcA' has the invisible "
                     "character U+202E (RIGHT-TO-LEFT OVERRIDE) at position 1") != std::string::npos);
    write_text(dir.file("second.csv"), "bidder,submitted,price,retreaded,noise,take_back\nACME,2026-03-02T11:15:00,11000000,40,B,yes\n"
                                       "Volga,2026-03-02T12:15:00,11500000,40,B,yes\n");
    r = run_cli({"bids", p, "import", dir.file("second.csv")});
    CHECK(r.code == 0);
    CHECK(r.err == dir.file("second.csv") +
                       ":2: warning: 'ACME' differs from 'Acme' (a bid in the project) only in letter case, spacing or character "
                       "width: 'C' (U+0043) in place of 'c' (U+0063) and 2 more characters; if they are one bidder, write the name "
                       "the same way\n");
    // Renaming Volga to a look-alike of Acme is done, and said.
    r = run_cli({"bids", p, "rename", "Volga", "\xD0\x90" "cme"});
    CHECK(r.code == 0);
    CHECK(r.err.find("warning: field 'bidder': '\xD0\x90" "cme' looks like 'Acme' (a bid in the project): '\xD0\x90' (U+0410, "
                     "Cyrillic) in place of 'A' (U+0041, Latin)") != std::string::npos);
    CHECK(r.out.find("renamed the bid of 'Volga'") != std::string::npos);
}
