// The command line in Russian: rule diagnostics and explanations worded through the built catalog
// (libintl, <build>/locale), chosen by `--lang ru` or by the environment's LANG.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli_runner.hpp"

using namespace tl::cli_test;

namespace {

/// The environment of a Russian user: LANG only (the variables that would override it unset).
const std::vector<std::string> kRussianEnv{"-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "LANGUAGE", "LANG=ru_RU.UTF-8"};
const std::vector<std::string> kEnglishEnv{"-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "LANGUAGE", "LANG=C.UTF-8"};

std::string golden(const std::string& name) { return std::string(TL_TESTS_DIR) + "/golden/diagnostics/" + name; }

/// The golden output names the file `NAME.crit`; the CLI names it as given on the command line.
std::string with_path(std::string expected, const std::string& name, const std::string& path) {
    for (std::size_t at = expected.find(name); at != std::string::npos; at = expected.find(name, at + path.size()))
        expected.replace(at, name.size(), path);
    return expected;
}

}  // namespace

TEST_CASE("cli check in Russian: the diagnostic of the Russian golden file, same place and caret", "[cli][i18n]") {
    for (const std::string name : {"unknown_field", "missing_brace", "weights_95", "percent_vs_bare_number"}) {
        const std::string crit = golden(name + ".crit");
        const std::string ru = with_path(read_text(golden(name + ".ru.expected")), name + ".crit", crit);
        const std::string en = with_path(read_text(golden(name + ".expected")), name + ".crit", crit);
        DYNAMIC_SECTION(name) {
            const Run by_env = run_cli({"check", crit}, kRussianEnv);
            CHECK(by_env.code == 1);
            CHECK(by_env.err == ru);
            const Run by_option = run_cli({"--lang", "ru", "check", crit}, kEnglishEnv);
            CHECK(by_option.code == 1);
            CHECK(by_option.err == ru);
            // And English stays English where nothing asks for Russian.
            const Run plain = run_cli({"check", crit}, kEnglishEnv);
            CHECK(plain.err == en);
        }
    }
    SECTION("a Russian word and the English caret line") {
        const Run r = run_cli({"--lang", "ru", "check", golden("unknown_field.crit")}, kEnglishEnv);
        CHECK(r.err.find("unknown_field.crit:12:9: ошибка: неизвестное имя 'retreadd'; возможно, имелось в виду 'retreaded'?\n"
                         "    test: retreadd >= 30 %\n"
                         "          ^\n") != std::string::npos);
    }
}

TEST_CASE("cli explain in Russian: labels, Russian names, decimal commas, rules as written", "[cli][i18n]") {
    const std::string bids = sample("bus-tyres", "bids.csv");
    SECTION("bus-tyres") {
        const Run r = run_cli({"--lang", "ru", "explain", sample("bus-tyres", "rules.crit"), "--bids", bids, "--bidder", "Shinservice"},
                              kEnglishEnv);
        INFO(r.out << r.err);
        REQUIRE(r.code == 0);
        CHECK(r.out.find("Заявка: Shinservice\n") != std::string::npos);
        CHECK(r.out.find("\nТребования\n") != std::string::npos);
        CHECK(r.out.find("  выполнено    min_retreaded (Доля восстановленных шин не менее 30 %): ") != std::string::npos);
        CHECK(r.out.find("  price (Цена)\n") != std::string::npos);
        CHECK(r.out.find("правило:") != std::string::npos);
        CHECK(r.out.find("100 * lowest(price) / price") != std::string::npos);
        // Computed numbers: a decimal comma; the weight's product sign and the total.
        CHECK(r.out.find("= 91,6667\n") != std::string::npos);
        CHECK(r.out.find("91,6667 × 50 % = 45,8333") != std::string::npos);
        CHECK(r.out.find("итого = 45,8333 + 6,0000 + 12,0000 = 63,8333\n") != std::string::npos);
        CHECK(r.out.find("место 2 из 3\n") != std::string::npos);
        CHECK(r.out.find("63.8333") == std::string::npos);
        // The same through LANG.
        const Run by_env = run_cli({"explain", sample("bus-tyres", "rules.crit"), "--bids", bids, "--bidder", "Shinservice"},
                                   kRussianEnv);
        CHECK(by_env.out == r.out);
    }
    SECTION("a rule with a decimal point keeps it; its computed score has a comma") {
        TempDir tmp;
        std::string rules = read_text(sample("bus-tyres", "rules.crit"));
        const std::string from = "linear(retreaded, 30 % -> 0, 80 % -> 100)";
        REQUIRE(rules.find(from) != std::string::npos);
        rules.replace(rules.find(from), from.size(), "linear(retreaded, 30 % -> 0, 80 % -> 99.5)");
        write_text(tmp.file("rules.crit"), rules);
        const Run r = run_cli({"--lang", "ru", "explain", tmp.file("rules.crit"), "--bids", bids, "--bidder", "Shinservice"},
                              kEnglishEnv);
        INFO(r.out << r.err);
        REQUIRE(r.code == 0);
        CHECK(r.out.find("linear(retreaded, 30 % -> 0, 80 % -> 99.5)") != std::string::npos);
        CHECK(r.out.find("80 % -> 99,5") == std::string::npos);
        CHECK(r.out.find("  retreading (Восстановление протектора)\n") != std::string::npos);
    }
}
