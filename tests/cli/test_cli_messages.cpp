// The libraries' messages in the user's language: a bid file's problem and a refusal of the
// project store read in Russian with `--lang ru`, at the same row, column and field as in English.
#include <catch2/catch.hpp>

#include "cli/cli_runner.hpp"

using namespace tl::cli_test;

namespace {

constexpr const char* kBadBids =
    "bidder,submitted,price,retreaded,noise,take_back\n"
    "A,2026-03-02T10:15:00,twelve,40,B,yes\n";

}  // namespace

TEST_CASE("cli --lang ru: a bad cell of a bids file in Russian, at the same place", "[cli][i18n]") {
    TempDir tmp;
    const std::string bids = tmp.file("bids.csv");
    write_text(bids, kBadBids);
    const Run en = run_cli({"evaluate", sample("bus-tyres", "rules.crit"), "--bids", bids});
    const Run ru = run_cli({"--lang", "ru", "evaluate", sample("bus-tyres", "rules.crit"), "--bids", bids});
    INFO(en.err << ru.err);
    CHECK(en.code == 1);
    CHECK(ru.code == 1);
    CHECK(en.err.find(bids + ":2:3: error: row 2, column 3 (price): 'twelve' is not a number in RUB\n") != std::string::npos);
    // The place (file:row:col, the field id) and the cell's text stay as they are; the words change.
    CHECK(ru.err.find(bids + ":2:3: ошибка: строка 2, столбец 3 (price): 'twelve' — не число в RUB\n") !=
          std::string::npos);
}

TEST_CASE("cli --lang ru: project imports and store refusals in Russian", "[cli][i18n]") {
    TempDir tmp;
    const std::string p = tmp.file("p.tender");
    Run r = run_cli({"new", p, "--rules", sample("bus-tyres", "rules.crit"), "--user", "olga"});
    REQUIRE(r.code == 0);
    const std::string bids = tmp.file("bad.csv");
    write_text(bids, kBadBids);

    r = run_cli({"--lang", "ru", "bids", p, "import", bids, "--user", "olga"});
    INFO(r.err);
    CHECK(r.code == 1);
    CHECK(r.err.find(bids + ":2:3: ошибка: строка 2, столбец 3 (price): 'twelve' — не число в RUB\n") != std::string::npos);

    r = run_cli({"--lang", "ru", "bids", p, "remove", "Nobody", "--user", "olga"});
    INFO(r.err);
    CHECK(r.code != 0);
    CHECK(r.err.find("в проекте нет заявки 'Nobody'") != std::string::npos);
    r = run_cli({"bids", p, "remove", "Nobody", "--user", "olga"});
    CHECK(r.err.find("the project has no bid of 'Nobody'") != std::string::npos);
}
