// `tenderloop export`: the workbook appears only when everything went well. Its contents are
// checked by tests/workbook/verify_workbook.py (recalculation in Gnumeric and LibreOffice).
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli_runner.hpp"

using namespace tl::cli_test;

TEST_CASE("cli export: writes the workbook of a sample and says what it wrote", "[cli][export]") {
    TempDir dir;
    const std::string out = dir.file("evaluation.xlsx");
    const Run r = run_cli({"export", sample("lots-demo", "rules.crit"), "--bids", sample("lots-demo", "bids.csv"), "-o", out});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("wrote " + out + ": 2 lots, ") != std::string::npos);
    const std::string bytes = read_text(out);
    REQUIRE(bytes.size() > 10000);
    CHECK(bytes.substr(0, 2) == "PK");
    // Re-exporting replaces the file and leaves nothing else in the folder.
    REQUIRE(run_cli({"export", sample("bus-tyres", "rules.crit"), "--bids", sample("bus-tyres", "bids.csv"), "-o", out}).code == 0);
    CHECK(std::distance(std::filesystem::directory_iterator(dir.file("")), std::filesystem::directory_iterator{}) == 1);
}

TEST_CASE("cli export: bad inputs and outputs give clear errors and no file", "[cli][export]") {
    TempDir dir;
    const std::string rules = sample("bus-tyres", "rules.crit"), bids = sample("bus-tyres", "bids.csv");

    Run r = run_cli({"export", rules, "--bids", bids, "-o", dir.file("evaluation.csv")});
    CHECK(r.code == 2);
    CHECK(r.err.find("the output must be an .xlsx file: '") != std::string::npos);

    r = run_cli({"export", rules, "--bids", bids});
    CHECK(r.code == 2);
    CHECK(r.err.find("-o") != std::string::npos);

    r = run_cli({"export", rules, "--bids", bids, "-o", dir.file("no/such/folder/evaluation.xlsx")});
    CHECK(r.code == 1);
    CHECK(r.err.find("cannot create a temporary file in " + dir.file("no/such/folder")) != std::string::npos);

    write_text(dir.file("bad.csv"), "bidder,price\nA,not a number\n");
    r = run_cli({"export", rules, "--bids", dir.file("bad.csv"), "-o", dir.file("evaluation.xlsx")});
    CHECK(r.code == 1);
    CHECK(r.err.find("bad.csv:") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("evaluation.xlsx")));
    CHECK(std::distance(std::filesystem::directory_iterator(dir.file("")), std::filesystem::directory_iterator{}) == 1);
}
