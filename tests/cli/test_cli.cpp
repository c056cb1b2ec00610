// End-to-end tests of the `tenderloop` command: the built binary run on the samples, its output
// compared with the hand-computed results in tests/expected, its exit codes and its guards.
#include <catch2/catch.hpp>

#include <cmath>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using nlohmann::json;
using namespace tl::cli_test;

namespace {

const std::vector<std::string> kSamples{"bus-tyres", "office-furniture", "street-lighting", "lots-demo"};

std::string expected_file(const std::string& name) {
    return std::string(TL_SAMPLES_DIR) + "/../tests/expected/" + name + ".json";
}

Run evaluate(const std::string& name, const std::string& format) {
    return run_cli({"evaluate", sample(name, "rules.crit"), "--bids", sample(name, "bids.csv"), "--format", format});
}

const json& bid_named(const json& lot, const std::string& bidder) {
    for (const json& b : lot.at("ranking"))
        if (b.at("bidder") == bidder) return b;
    FAIL("no bidder " << bidder << " in " << lot.dump());
    throw std::logic_error("unreachable");
}

std::vector<std::string> exclusion_ids(const json& bid) {
    std::vector<std::string> ids;
    for (const json& e : bid.at("excluded_because"))
        ids.push_back(e.at("gate").get<bool>() ? "gate:" + e.at("rule").get<std::string>() : e.at("rule").get<std::string>());
    return ids;
}

std::vector<std::string> flag_ids(const json& bid) {
    std::vector<std::string> ids;
    for (const json& f : bid.at("flags")) ids.push_back(f.at("rule").get<std::string>());
    return ids;
}

bool has_line(const std::string& text, const std::string& pattern) {
    return std::regex_search(text, std::regex(pattern, std::regex::multiline));
}

const char* const kBrokenRules =
    "tender { title: \"Broken\" reference: \"X-1\" currency: RUB }\n"
    "field price: money { name: \"Price\" }\n"
    "criterion price {\n"
    "  weight: 100 %\n"
    "  score: 100 * lowest(price) / (price\n"
    "}\n";

}  // namespace

TEST_CASE("cli evaluate bus-tyres: text ranking, exclusions and winner", "[cli]") {
    const Run r = evaluate("bus-tyres", "text");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("Bus tyres with retreading for city public transport") != std::string::npos);
    CHECK(r.out.find("SPB-PT-2026-017") != std::string::npos);
    CHECK(has_line(r.out, R"(^\s*1\s+NevaRetread\s+94\.0000\s+100\.0000\s+80\.0000\s+100\.0000\s*$)"));
    CHECK(has_line(r.out, R"(^\s*2\s+Shinservice\s+63\.8333\s+91\.6667\s+20\.0000\s+60\.0000\s*$)"));
    CHECK(has_line(r.out, R"(^\s*3\s+Kolesa Severo-Zapad\s+61\.6102\s+93\.2203\s+50\.0000\s+0\.0000\s*$)"));
    CHECK(has_line(r.out, R"(^Inadmissible:$)"));
    CHECK(has_line(r.out, R"(^\s+VolgaTyre:\n\s+- min_retreaded \(Retreaded share at least 30 %\): )"));
    CHECK(has_line(r.out, R"(^\s+BalticRubber:\n\s+- take_back_offered \(Used tyres are taken back\): )"));
    CHECK(has_line(r.out, R"(^Winner: NevaRetread \(total 94\.0000\)$)"));
    // The inadmissible bids are not in the ranking table.
    CHECK_FALSE(has_line(r.out, R"(^\s*\d+=?\s+VolgaTyre)"));
}

TEST_CASE("cli evaluate bus-tyres: JSON", "[cli]") {
    const Run r = evaluate("bus-tyres", "json");
    INFO(r.err);
    REQUIRE(r.code == 0);
    const json j = json::parse(r.out);
    CHECK(j.at("tender").at("title") == "Bus tyres with retreading for city public transport");
    CHECK(j.at("tender").at("reference") == "SPB-PT-2026-017");
    CHECK(j.at("tender").at("currency") == "RUB");
    REQUIRE(j.at("lots").size() == 1);
    const json& lot = j.at("lots").at(0);
    CHECK(lot.at("lot") == "");

    const json& neva = bid_named(lot, "NevaRetread");
    CHECK(neva.at("rank") == 1);
    CHECK(neva.at("total").get<double>() == Approx(94.0).margin(1e-9));
    CHECK(neva.at("admissible") == true);
    CHECK(neva.at("eliminated") == false);
    CHECK(neva.at("tied") == false);
    CHECK(neva.at("scores").at("price").get<double>() == Approx(100).margin(1e-9));
    CHECK(neva.at("contributions").at("price").get<double>() == Approx(50).margin(1e-9));

    const json& shin = bid_named(lot, "Shinservice");
    CHECK(shin.at("rank") == 2);
    // Full precision, not the 4 decimals of the text table.
    CHECK(shin.at("total").get<double>() == Approx(63.833333333333336).margin(1e-12));
    const json& kolesa = bid_named(lot, "Kolesa Severo-Zapad");
    CHECK(kolesa.at("rank") == 3);
    CHECK(kolesa.at("total").get<double>() == Approx(61.610169491525426).margin(1e-12));

    for (const auto& [bidder, rule] : {std::pair<std::string, std::string>{"VolgaTyre", "min_retreaded"},
                                       {"BalticRubber", "take_back_offered"}}) {
        const json& b = bid_named(lot, bidder);
        INFO(b.dump());
        CHECK(b.at("rank").is_null());
        CHECK(b.at("total").is_null());
        CHECK(b.at("admissible") == false);
        CHECK(b.at("scores").empty());
        REQUIRE(b.at("excluded_because").size() == 1);
        CHECK(b.at("excluded_because").at(0).at("rule") == rule);
        CHECK(b.at("excluded_because").at(0).at("gate") == false);
        CHECK_FALSE(b.at("excluded_because").at(0).at("name").get<std::string>().empty());
        CHECK_FALSE(b.at("excluded_because").at(0).at("detail").get<std::string>().empty());
    }
}

TEST_CASE("cli evaluate --format json matches tests/expected for every sample", "[cli]") {
    for (const std::string& name : kSamples) {
        SECTION(name) {
            const Run r = evaluate(name, "json");
            INFO(r.err);
            REQUIRE(r.code == 0);
            const json got = json::parse(r.out);
            const json want = json::parse(read_text(expected_file(name)));
            REQUIRE(got.at("lots").size() == want.at("lots").size());
            for (std::size_t l = 0; l < want.at("lots").size(); ++l) {
                const json& wl = want.at("lots").at(l);
                const json& gl = got.at("lots").at(l);
                REQUIRE(gl.at("lot") == wl.at("lot"));
                REQUIRE(gl.at("ranking").size() == wl.at("ranking").size());
                for (std::size_t i = 0; i < wl.at("ranking").size(); ++i) {
                    const json& w = wl.at("ranking").at(i);
                    const json& g = gl.at("ranking").at(i);
                    INFO(name << " lot '" << wl.at("lot").get<std::string>() << "' position " << i << "\nwant " << w.dump()
                              << "\ngot  " << g.dump());
                    CHECK(g.at("bidder") == w.at("bidder"));
                    CHECK(g.at("rank") == w.at("rank"));
                    CHECK(g.at("admissible") == w.at("admissible"));
                    CHECK(exclusion_ids(g) == w.at("excluded_because").get<std::vector<std::string>>());
                    CHECK(flag_ids(g) == w.at("flags").get<std::vector<std::string>>());
                    if (w.at("total").is_null()) {
                        CHECK(g.at("total").is_null());
                    } else {
                        CHECK(g.at("total").get<double>() == Approx(w.at("total").get<double>()).margin(1e-9));
                    }
                    for (const auto& [criterion, score] : w.at("scores").items()) {
                        REQUIRE(g.at("scores").contains(criterion));
                        CHECK(g.at("scores").at(criterion).get<double>() == Approx(score.get<double>()).margin(1e-9));
                    }
                    // A ranked bid has a score for every criterion and nothing else.
                    if (!w.at("rank").is_null()) CHECK(g.at("scores").size() == w.at("scores").size());
                }
            }
        }
    }
}

TEST_CASE("cli evaluate --format csv", "[cli]") {
    const Run r = evaluate("bus-tyres", "csv");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("lot,rank,bidder,total,price,retreading,noise,admissible,excluded_because,flags\n", 0) == 0);
    CHECK(has_line(r.out, R"(^,1,NevaRetread,94,100,80,100,yes,,$)"));
    CHECK(has_line(r.out, R"(^,,VolgaTyre,,,,,no,min_retreaded,$)"));
    CHECK(has_line(r.out, R"(^,,BalticRubber,,,,,no,take_back_offered,$)"));
}

TEST_CASE("cli evaluate --format csv guards against formula injection", "[cli]") {
    TempDir tmp;
    const std::string bids = tmp.file("bids.csv");
    write_text(bids, read_text(sample("bus-tyres", "bids.csv")) +
                         "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2026-03-05T10:00:00,11500000,60,A,yes\n"
                         "+Plus Tyres,2026-03-05T11:00:00,11600000,60,A,yes\n"
                         "@At Tyres,2026-03-05T12:00:00,11700000,60,A,yes\n"
                         "-Minus Tyres,2026-03-05T13:00:00,11900000,60,A,yes\n");
    const Run r = run_cli({"evaluate", sample("bus-tyres", "rules.crit"), "--bids", bids, "--format", "csv"});
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    // The cell holds , and " so it is quoted; inside the quotes it starts with '=.
    CHECK(has_line(r.out, R"re(^,\d+,"'=HYPERLINK\(""http://x"",""y""\)",)re"));
    CHECK(has_line(r.out, R"(^,\d+,'\+Plus Tyres,)"));
    CHECK(has_line(r.out, R"(^,\d+,'@At Tyres,)"));
    CHECK(has_line(r.out, R"(^,\d+,'-Minus Tyres,)"));
    // No line starts a cell with a bare formula character.
    CHECK_FALSE(has_line(r.out, R"((^|,)[=+@-])"));
}

TEST_CASE("cli evaluate refuses control characters in names, and its messages show them as code points", "[cli]") {
    TempDir tmp;
    const std::string bids = tmp.file("bids.csv");
    // A name with a newline would break its table row; an ESC sequence would act on the terminal.
    // Both are refused (docs/BIDS.md), and the message names them without writing them out.
    write_text(bids, read_text(sample("bus-tyres", "bids.csv")) +
                         "\"Two\nLines\",2026-03-05T10:00:00,11500000,60,A,yes\n"
                         "\"Esc\x1b]0;pwned\x07" "Co\",2026-03-05T11:00:00,11600000,60,A,yes\n");
    const Run r = run_cli({"evaluate", sample("bus-tyres", "rules.crit"), "--bids", bids});
    INFO(r.out << r.err);
    CHECK(r.code == 1);
    CHECK(r.err.find(bids + ":7:1: error: row 7, column 1 (bidder): the bidder's name 'Two<U+000A>Lines' has the invisible "
                            "character U+000A (<control-000A>) at position 4") != std::string::npos);
    CHECK(r.err.find("'Esc<U+001B>]0;pwned<U+0007>Co' has the invisible character U+001B (<control-001B>) at position 4") !=
          std::string::npos);
    for (const std::string* text : {&r.out, &r.err}) {
        CHECK(text->find('\x1b') == std::string::npos);
        CHECK(text->find('\x07') == std::string::npos);
    }
}

TEST_CASE("cli check: exit codes and summary", "[cli]") {
    SECTION("clean rules file") {
        const Run r = run_cli({"check", sample("bus-tyres", "rules.crit")});
        INFO(r.err);
        CHECK(r.code == 0);
        CHECK(r.out == sample("bus-tyres", "rules.crit") +
                           ": 4 fields, 2 requirements, 3 criteria (weights sum to 100 %), 0 warnings\n");
    }
    SECTION("weights in points") {
        const Run r = run_cli({"check", sample("office-furniture", "rules.crit")});
        CHECK(r.code == 0);
        CHECK(r.out.find("(weights sum to 100 points)") != std::string::npos);
    }
    SECTION("every sample is clean") {
        for (const auto& name : kSamples) {
            const Run r = run_cli({"check", sample(name, "rules.crit")});
            INFO(name << "\n" << r.err);
            CHECK(r.code == 0);
        }
    }
    SECTION("syntax error") {
        TempDir tmp;
        write_text(tmp.file("broken.crit"), kBrokenRules);
        const Run r = run_cli({"check", tmp.file("broken.crit")});
        CHECK(r.code == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find(tmp.file("broken.crit") + ":6:1: error: ')' expected (to close '(' at line 5") != std::string::npos);
        CHECK(r.err.find("error") != std::string::npos);
    }
    SECTION("unknown name, with a suggestion") {
        TempDir tmp;
        write_text(tmp.file("typo.crit"),
                   "field retreaded: percent { name: \"Retreaded\" }\n"
                   "requirement r { test: retreadd >= 30 % }\n"
                   "criterion c { weight: 100 % score: linear(retreaded, 30 % -> 0, 80 % -> 100) }\n");
        const Run r = run_cli({"check", tmp.file("typo.crit")});
        CHECK(r.code == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find(":2:23: error: ") != std::string::npos);
        CHECK(r.err.find("did you mean 'retreaded'?") != std::string::npos);
    }
    SECTION("warnings do not fail the check") {
        TempDir tmp;
        write_text(tmp.file("warn.crit"),
                   "tender { title: \"Warn\" currency: EUR }\n"
                   "field price: money { name: \"Price\" }\n"
                   "field unused: number { name: \"Unused\" }\n"
                   "criterion price { kind: price weight: 100 % score: ratio_lowest(price) }\n");
        const Run r = run_cli({"check", tmp.file("warn.crit")});
        INFO(r.err);
        CHECK(r.code == 0);
        CHECK(r.err.find("warning") != std::string::npos);
        CHECK(r.out.find("1 warning") != std::string::npos);
    }
    SECTION("missing file") {
        const Run r = run_cli({"check", "/nonexistent/rules.crit"});
        CHECK(r.code == 1);
        CHECK(r.err == "cannot read /nonexistent/rules.crit: No such file or directory\n");
    }
}

TEST_CASE("cli evaluate: bad inputs exit 1 with diagnostics", "[cli]") {
    TempDir tmp;
    SECTION("broken rules") {
        write_text(tmp.file("broken.crit"), kBrokenRules);
        const Run r = run_cli({"evaluate", tmp.file("broken.crit"), "--bids", sample("bus-tyres", "bids.csv")});
        CHECK(r.code == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find("error") != std::string::npos);
    }
    SECTION("bids with errors: every one reported") {
        write_text(tmp.file("bids.csv"),
                   "bidder,submitted,price,retreaded,noise,take_back\n"
                   "A,2026-03-02T10:15:00,twelve,40,B,yes\n"
                   "B,2026-03-02T10:15:00,12000000,40,Z,yes\n");
        const Run r = run_cli({"evaluate", sample("bus-tyres", "rules.crit"), "--bids", tmp.file("bids.csv")});
        INFO(r.err);
        CHECK(r.code == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find("row 2") != std::string::npos);
        CHECK(r.err.find("row 3") != std::string::npos);
    }
    SECTION("missing bids file") {
        const Run r = run_cli({"evaluate", sample("bus-tyres", "rules.crit"), "--bids", tmp.file("none.csv")});
        CHECK(r.code == 1);
        CHECK(r.err == "cannot read " + tmp.file("none.csv") + ": No such file or directory\n");
    }
}

TEST_CASE("cli usage errors exit 2, help and version exit 0", "[cli]") {
    const std::string rules = sample("bus-tyres", "rules.crit");
    const std::string bids = sample("bus-tyres", "bids.csv");
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {},
             {"frobnicate"},
             {"--frobnicate"},
             {"check"},
             {"check", rules, "extra"},
             {"check", rules, "--bogus"},
             {"evaluate", rules},
             {"evaluate", rules, "--bids"},
             {"evaluate", rules, "--bids", bids, "--format", "xml"},
             {"evaluate", rules, "--bids", bids, "--bids", bids},
             {"explain", rules, "--bids", bids},
             {"fmt", rules, "--check", "--write"},
             {"fmt", rules, "--check=yes"},
         }) {
        std::string line;
        for (const auto& a : args) line += " " + a;
        const Run r = run_cli(args);
        INFO("tenderloop" << line << "\n" << r.err);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("--help") != std::string::npos);
    }
    SECTION("--version") {
        const Run r = run_cli({"--version"});
        CHECK(r.code == 0);
        // The version, then where the data was found: run from the build tree, the source tree.
        CHECK(r.out.rfind("tenderloop 0.1.0\ndata: ", 0) == 0);
        CHECK(r.out.find(" (build tree)\n") != std::string::npos);
    }
    SECTION("top-level help lists every command and its options") {
        for (const std::string flag : {"--help", "-h"}) {
            const Run r = run_cli({flag});
            CHECK(r.code == 0);
            for (const char* word : {"check", "evaluate", "explain", "fmt", "--bids", "--format", "--bidder", "--check",
                                     "--write", "--version"})
                CHECK(r.out.find(word) != std::string::npos);
        }
    }
    SECTION("every command has --help") {
        for (const std::string cmd : {"check", "evaluate", "explain", "fmt"}) {
            const Run r = run_cli({cmd, "--help"});
            INFO(cmd);
            CHECK(r.code == 0);
            CHECK(r.out.rfind("Usage: tenderloop " + cmd + " ", 0) == 0);
        }
    }
}

TEST_CASE("cli explain: formula with the values put in", "[cli]") {
    const std::string rules = sample("bus-tyres", "rules.crit");
    const std::string bids = sample("bus-tyres", "bids.csv");
    SECTION("exact name") {
        const Run r = run_cli({"explain", rules, "--bids", bids, "--bidder", "Shinservice"});
        INFO(r.out << r.err);
        REQUIRE(r.code == 0);
        CHECK(r.out.find("Shinservice") != std::string::npos);
        CHECK(r.out.find("100 * lowest(price) / price") != std::string::npos);
        CHECK(r.out.find("11000000") != std::string::npos);
        CHECK(r.out.find("12000000") != std::string::npos);
        CHECK(r.out.find("63.8333") != std::string::npos);
    }
    SECTION("name ignoring case") {
        const Run r = run_cli({"explain", rules, "--bids", bids, "--bidder", "shinSERVICE"});
        CHECK(r.code == 0);
        CHECK(r.out.find("100 * lowest(price) / price") != std::string::npos);
    }
    SECTION("inadmissible bid") {
        const Run r = run_cli({"explain", rules, "--bids", bids, "--bidder", "VolgaTyre"});
        CHECK(r.code == 0);
        CHECK(r.out.find("min_retreaded") != std::string::npos);
    }
    SECTION("unknown bidder: suggestion and the list") {
        const Run r = run_cli({"explain", rules, "--bids", bids, "--bidder", "Shinservise"});
        CHECK(r.code == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find("no bidder 'Shinservise'; did you mean 'Shinservice'?") != std::string::npos);
        CHECK(r.err.find("Kolesa Severo-Zapad") != std::string::npos);
    }
    SECTION("a bidder in two lots is explained in each") {
        const Run r = run_cli({"explain", sample("lots-demo", "rules.crit"), "--bids", sample("lots-demo", "bids.csv"),
                               "--bidder", "Shinservice"});
        CHECK(r.code == 0);
        CHECK(r.out.find("north") != std::string::npos);
        CHECK(r.out.find("south") != std::string::npos);
    }
}

TEST_CASE("cli fmt: idempotent on every sample, --check and --write", "[cli]") {
    for (const std::string& name : kSamples) {
        SECTION(name) {
            const Run first = run_cli({"fmt", sample(name, "rules.crit")});
            INFO(first.err);
            REQUIRE(first.code == 0);
            REQUIRE_FALSE(first.out.empty());
            TempDir tmp;
            write_text(tmp.file("rules.crit"), first.out);
            const Run second = run_cli({"fmt", tmp.file("rules.crit")});
            REQUIRE(second.code == 0);
            CHECK(second.out == first.out);
            CHECK(run_cli({"fmt", tmp.file("rules.crit"), "--check"}).code == 0);
            // The formatted rules still evaluate to the same result.
            if (name == "bus-tyres") {
                const Run a = evaluate(name, "json");
                const Run b = run_cli({"evaluate", tmp.file("rules.crit"), "--bids", sample(name, "bids.csv"), "--format", "json"});
                CHECK(a.out == b.out);
            }
        }
    }
    SECTION("--check and --write on a file out of layout") {
        TempDir tmp;
        const std::string path = tmp.file("messy.crit");
        const std::string messy =
            "field price : money{name:\"Price\"}\n"
            "criterion   price{ kind:price   weight:100 %  score:100*lowest(price)/price }\n";
        write_text(path, messy);
        const Run check = run_cli({"fmt", path, "--check"});
        CHECK(check.code == 1);
        CHECK(check.out.empty());
        CHECK(check.err.find(path) != std::string::npos);
        CHECK(read_text(path) == messy);

        const Run printed = run_cli({"fmt", path});
        REQUIRE(printed.code == 0);
        const Run write = run_cli({"fmt", path, "--write"});
        CHECK(write.code == 0);
        CHECK(write.out.empty());
        CHECK(read_text(path) == printed.out);
        CHECK(run_cli({"fmt", path, "--check"}).code == 0);
        // No temporary file left behind.
        std::size_t files = 0;
        for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(path).parent_path())) {
            (void)entry;
            ++files;
        }
        CHECK(files == 1);
    }
    SECTION("a byte-order mark is read and dropped") {
        TempDir tmp;
        const Run plain = run_cli({"fmt", sample("bus-tyres", "rules.crit")});
        write_text(tmp.file("bom.crit"), "\xEF\xBB\xBF" + read_text(sample("bus-tyres", "rules.crit")));
        const Run r = run_cli({"fmt", tmp.file("bom.crit")});
        INFO(r.err);
        CHECK(r.code == 0);
        CHECK(r.out == plain.out);
        CHECK(run_cli({"fmt", tmp.file("bom.crit"), "--check"}).code == 1);
    }
    SECTION("syntax error") {
        TempDir tmp;
        write_text(tmp.file("broken.crit"), kBrokenRules);
        const Run r = run_cli({"fmt", tmp.file("broken.crit")});
        CHECK(r.code == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find("error") != std::string::npos);
    }
}
