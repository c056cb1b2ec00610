// `tenderloop form` and `tenderloop import-form` end to end: the form as openpyxl (an independent
// reader) sees it, and the round trip form -> filled by a script -> re-saved by LibreOffice ->
// import-form -> the same bids and the same evaluation as the original bids CSV.
//
// These tests need python3-openpyxl and LibreOffice (libreoffice-calc-nogui); CI installs both
// (scripts/setup), so a missing one fails the test instead of skipping it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using nlohmann::json;
using namespace tl::cli_test;

namespace {

const std::string kPython = "/usr/bin/python3";
const std::string kScripts = std::string(TL_TESTS_DIR) + "/form";

/// Runs a shell command; its output goes to `log` (shown when a check fails).
int shell(const std::string& command, const std::string& log) {
    const int status = std::system((command + " >" + sh_quote(log) + " 2>&1").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void require_openpyxl(const TempDir& tmp) {
    INFO("python3-openpyxl is missing: run scripts/setup (CI installs it)");
    REQUIRE(shell(kPython + " -c 'import openpyxl'", tmp.file("openpyxl.log")) == 0);
}

void require_soffice(const TempDir& tmp) {
    INFO("LibreOffice (soffice) is missing: run scripts/setup (CI installs libreoffice-calc-nogui)");
    REQUIRE(shell("command -v soffice", tmp.file("soffice.log")) == 0);
}

std::string make_form(const TempDir& tmp, const std::string& sample_name, const std::vector<std::string>& extra = {}) {
    const std::string out = tmp.file(sample_name + "-form.xlsx");
    std::vector<std::string> args{"form", sample(sample_name, "rules.crit"), "-o", out};
    args.insert(args.end(), extra.begin(), extra.end());
    const Run r = run_cli(args);
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    return out;
}

json describe(const TempDir& tmp, const std::string& form) {
    const std::string log = tmp.file("describe.json");
    const int code = shell(kPython + " " + sh_quote(kScripts + "/check_form.py") + " " + sh_quote(form), log);
    INFO(read_text(log));
    REQUIRE(code == 0);
    return json::parse(read_text(log));
}

/// Fills one copy of `form` per row of the sample's bids CSV, named SAMPLE-1.xlsx, SAMPLE-2.xlsx...
/// in the folder "filled"; returns the filled files.
std::vector<std::string> fill(const TempDir& tmp, const std::string& form, const std::string& sample_name) {
    const std::string dir = tmp.file("filled");
    REQUIRE(shell("mkdir -p " + sh_quote(dir), tmp.file("mkdir.log")) == 0);
    const std::string log = tmp.file("fill.log");
    const int code = shell(kPython + " " + sh_quote(kScripts + "/fill_form.py") + " " + sh_quote(form) + " " +
                               sh_quote(sample(sample_name, "bids.csv")) + " " + sh_quote(dir) + " " +
                               sh_quote(sample_name),
                           log);
    INFO(read_text(log));
    REQUIRE(code == 0);
    const int count = std::stoi(read_text(log));
    std::vector<std::string> files;
    for (int i = 1; i <= count; ++i) files.push_back(dir + "/" + sample_name + "-" + std::to_string(i) + ".xlsx");
    return files;
}

/// Re-saves `files` with LibreOffice into the folder "resaved" (as a bidder using LibreOffice
/// would), in one run of soffice; it exits 0 even when it fails, so every output is checked.
std::vector<std::string> resave(const TempDir& tmp, const std::vector<std::string>& files) {
    const std::string dir = tmp.file("resaved");
    std::string cmd = "soffice -env:UserInstallation=file://" + tmp.file("lo-profile") +
                      " --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir " + sh_quote(dir);
    for (const auto& f : files) cmd += " " + sh_quote(f);
    const std::string log = tmp.file("soffice.log");
    shell(cmd, log);
    std::vector<std::string> out;
    for (const auto& f : files) {
        const std::string resaved = dir + "/" + f.substr(f.rfind('/') + 1);
        INFO("LibreOffice did not write " << resaved << ":\n" << read_text(log));
        REQUIRE(std::ifstream(resaved).good());
        out.push_back(resaved);
    }
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

/// bidder (and lot) -> total of `evaluate --format json`, null for bids without a rank.
std::map<std::string, json> totals(const std::string& rules, const std::string& bids) {
    const Run r = run_cli({"evaluate", rules, "--bids", bids, "--format", "json"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::map<std::string, json> out;
    for (const json& lot : json::parse(r.out).at("lots"))
        for (const json& b : lot.at("ranking"))
            out[lot.at("lot").get<std::string>() + "/" + b.at("bidder").get<std::string>()] = b.at("total");
    return out;
}

/// import-form of `forms` gives the sample's bids, value for value, and the same evaluation.
void check_round_trip(const TempDir& tmp, const std::string& sample_name, const std::vector<std::string>& forms,
                      const std::string& tag) {
    const std::string out = tmp.file(sample_name + "-" + tag + ".csv");
    std::vector<std::string> args{"import-form", sample(sample_name, "rules.crit")};
    args.insert(args.end(), forms.begin(), forms.end());
    args.insert(args.end(), {"-o", out});
    const Run r = run_cli(args);
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("wrote ") == 0);
    // Same header, same rows: the forms were filled in the order of the CSV's rows.
    CHECK(lines_of(read_text(out)) == lines_of(read_text(sample(sample_name, "bids.csv"))));
    const auto expected = totals(sample(sample_name, "rules.crit"), sample(sample_name, "bids.csv"));
    const auto got = totals(sample(sample_name, "rules.crit"), out);
    REQUIRE(got.size() == expected.size());
    for (const auto& [bidder, total] : expected) {
        INFO(bidder);
        REQUIRE(got.count(bidder));
        if (total.is_null()) CHECK(got.at(bidder).is_null());
        else CHECK(got.at(bidder).get<double>() == total.get<double>());  // exactly: same doubles in
    }
}

}  // namespace

TEST_CASE("cli form: writes the form, refuses wrong command lines", "[cli][form]") {
    TempDir tmp;
    const Run ok = run_cli({"form", sample("bus-tyres", "rules.crit"), "-o", tmp.file("form.xlsx")});
    INFO(ok.out << ok.err);
    CHECK(ok.code == 0);
    CHECK(ok.out == "wrote " + tmp.file("form.xlsx") + ": 4 fields\n");
    CHECK(read_text(tmp.file("form.xlsx")).rfind("PK\x03\x04", 0) == 0);

    const Run lot = run_cli({"form", sample("lots-demo", "rules.crit"), "-o", tmp.file("north.xlsx"), "--lot", "north"});
    CHECK(lot.code == 0);
    CHECK(lot.out == "wrote " + tmp.file("north.xlsx") + ": 2 fields, lot north\n");

    const Run no_lots = run_cli({"form", sample("bus-tyres", "rules.crit"), "-o", tmp.file("x.xlsx"), "--lot", "north"});
    CHECK(no_lots.code == 2);
    CHECK(no_lots.err.find("tenderloop form: the tender has no lots; leave out --lot") == 0);
    const Run unknown = run_cli({"form", sample("lots-demo", "rules.crit"), "-o", tmp.file("x.xlsx"), "--lot", "west"});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("unknown lot 'west' (the lots are: north, south)") != std::string::npos);
    CHECK(run_cli({"form", sample("bus-tyres", "rules.crit"), "-o", tmp.file("x.csv")}).code == 2);
    CHECK(run_cli({"form", sample("bus-tyres", "rules.crit")}).code == 2);
    CHECK_FALSE(std::ifstream(tmp.file("x.xlsx")).good());

    const Run bad_dir = run_cli({"form", sample("bus-tyres", "rules.crit"), "-o", "/nonexistent-dir/form.xlsx"});
    CHECK(bad_dir.code == 1);
    CHECK(bad_dir.err.find("tenderloop form: cannot create a temporary file in /nonexistent-dir") == 0);

    const Run help = run_cli({"--help"});
    CHECK(help.out.find("form RULES.crit -o FORM.xlsx [--lot ID]") != std::string::npos);
    CHECK(help.out.find("import-form RULES.crit FORM.xlsx [FORM.xlsx ...] -o BIDS.csv") != std::string::npos);
}

TEST_CASE("cli form: openpyxl sees validation on every input cell, and protection", "[cli][form]") {
    TempDir tmp;
    require_openpyxl(tmp);
    for (const char* name : {"bus-tyres", "office-furniture", "street-lighting", "lots-demo"}) {
        INFO(name);
        const json d = describe(tmp, make_form(tmp, name));
        CHECK(d.at("sheets") == json::array({"Instructions", "Bid"}));
        for (const auto& [sheet, on] : d.at("protected").items()) {
            INFO(sheet);
            CHECK(on == true);
        }
        CHECK(d.at("passwords").empty());
        CHECK(d.at("other_unlocked").empty());  // only the answers can be typed into
        CHECK(d.at("text_cells_that_look_like_formulas").empty());
        CHECK(d.at("key_column_hidden") == true);
        CHECK_FALSE(d.at("freeze").is_null());
        CHECK(d.at("landscape") == true);
        CHECK(d.at("paper") == 9);
        CHECK(d.at("fit_to_page") == true);
        CHECK(d.at("fit_width") == 1);
        const json& answers = d.at("answers");
        CHECK(answers.contains("bidder"));
        CHECK(answers.contains("submitted"));
        CHECK(answers.contains("lot") == (std::string(name) == "lots-demo"));
        for (const auto& [key, a] : answers.items()) {
            INFO(key);
            CHECK(a.at("locked") == false);
            CHECK(a.at("fill") == "FFFFF2CC");
            REQUIRE_FALSE(a.at("validation").is_null());
        }
    }
    const json bus = describe(tmp, make_form(tmp, "bus-tyres"));
    const json& a = bus.at("answers");
    CHECK(a.size() == 6);
    CHECK(a.at("bidder").at("validation").at("type") == "textLength");
    CHECK(a.at("submitted").at("validation").at("type") == "date");
    CHECK(a.at("price").at("validation").at("type") == "decimal");
    CHECK(a.at("retreaded").at("validation").at("type") == "decimal");
    CHECK(a.at("noise").at("validation").at("type") == "list");
    CHECK(a.at("noise").at("validation").at("formula1") == "\"A,B,C\"");
    CHECK(a.at("take_back").at("validation").at("formula1") == "\"yes,no\"");
    const json lights = describe(tmp, make_form(tmp, "street-lighting"));
    CHECK(lights.at("answers").at("power").at("validation").at("formula1") == "0");
    CHECK(lights.at("answers").at("power").at("validation").at("formula2") == "500");
}

TEST_CASE("cli import-form: form -> filled by a program -> the same bids", "[cli][form]") {
    TempDir tmp;
    require_openpyxl(tmp);
    // bus-tyres: enum, yes/no, percent; lots-demo: lots; street-lighting: quantities, negative money.
    for (const char* name : {"bus-tyres", "lots-demo", "street-lighting", "office-furniture"}) {
        INFO(name);
        check_round_trip(tmp, name, fill(tmp, make_form(tmp, name), name), "filled");
    }
}

TEST_CASE("cli import-form: form -> filled -> re-saved by LibreOffice -> the same bids", "[cli][form]") {
    TempDir tmp;
    require_openpyxl(tmp);
    require_soffice(tmp);
    std::map<std::string, std::vector<std::string>> filled;
    std::vector<std::string> all;
    for (const char* name : {"bus-tyres", "lots-demo", "street-lighting"}) {
        filled[name] = fill(tmp, make_form(tmp, name), name);
        all.insert(all.end(), filled[name].begin(), filled[name].end());
    }
    REQUIRE(filled.at("bus-tyres").size() == 5);
    REQUIRE(filled.at("lots-demo").size() == 6);
    // LibreOffice writes shared strings, its own styles, booleans as TRUE() formulas, and keeps
    // numbers typed as text as text.
    const auto resaved = resave(tmp, all);  // the same order as `all`
    std::size_t at = 0;
    for (const char* name : {"bus-tyres", "lots-demo", "street-lighting"}) {
        INFO(name);
        const std::size_t n = filled.at(name).size();
        const std::vector<std::string> mine(resaved.begin() + static_cast<long>(at), resaved.begin() + static_cast<long>(at + n));
        at += n;
        check_round_trip(tmp, name, mine, "resaved");
    }
}

TEST_CASE("cli import-form: bad forms are named, and nothing is written", "[cli][form]") {
    TempDir tmp;
    const std::string out = tmp.file("bids.csv");
    write_text(out, "old\n");
    const std::string rules = sample("bus-tyres", "rules.crit");
    auto unchanged = [&] { CHECK(read_text(out) == "old\n"); };

    SECTION("not a workbook") {
        write_text(tmp.file("bids.xlsx"), "bidder,price\nAcme,1\n");
        const Run r = run_cli({"import-form", rules, tmp.file("bids.xlsx"), "-o", out});
        CHECK(r.code == 1);
        CHECK(r.err == tmp.file("bids.xlsx") +
                           ": error: this is not an Excel workbook (.xlsx): it is not a zip archive\n"
                           "tenderloop import-form: nothing written; correct the forms above and run again\n");
        unchanged();
    }
    SECTION("a form of another tender") {
        const Run r = run_cli({"import-form", rules, make_form(tmp, "lots-demo"), "-o", out});
        CHECK(r.code == 1);
        CHECK(r.err.find("error: the form was made for the tender 'SPB-PT-2026-018', but the rules are for "
                         "'SPB-PT-2026-017'") != std::string::npos);
        unchanged();
    }
    SECTION("an empty form: every missing answer, with its cell") {
        const std::string form = make_form(tmp, "bus-tyres");
        const Run r = run_cli({"import-form", rules, form, "-o", out});
        CHECK(r.code == 1);
        CHECK(r.err.find(form + ": error: sheet 'Bid', cell G7 (bidder): missing bidder name\n") == 0);
        CHECK(r.err.find("cell G9 (price): missing value for 'Contract price' (the field is not optional)") !=
              std::string::npos);
        CHECK(r.err.find("cell G12 (take_back): missing value") != std::string::npos);
        unchanged();
    }
    SECTION("the same bidder twice, a missing file") {
        require_openpyxl(tmp);
        const auto filled = fill(tmp, make_form(tmp, "bus-tyres"), "bus-tyres");
        const Run twice = run_cli({"import-form", rules, filled[0], filled[1], filled[0], "-o", out});
        CHECK(twice.code == 1);
        CHECK(twice.err.find(filled[0] + ": error: the bidder 'Shinservice' has a form already: " + filled[0]) !=
              std::string::npos);
        const Run missing = run_cli({"import-form", rules, filled[0], tmp.file("nope.xlsx"), "-o", out});
        CHECK(missing.code == 1);
        CHECK(missing.err.find("cannot read " + tmp.file("nope.xlsx") + ": No such file or directory") == 0);
        unchanged();

        const Run to_stdout = run_cli({"import-form", rules, filled[2], "-o", "-"});
        CHECK(to_stdout.code == 0);
        CHECK(to_stdout.out == "bidder,submitted,price,retreaded,noise,take_back\n"
                               "NevaRetread,2026-03-03T09:05:00,11000000,70,A,yes\n");
    }
    SECTION("wrong command lines") {
        CHECK(run_cli({"import-form", rules, "-o", out}).code == 2);
        CHECK(run_cli({"import-form", rules, tmp.file("a.xlsx")}).code == 2);
        unchanged();
    }
}

TEST_CASE("cli import-form: a bidder's name that looks like another form's is written with a warning", "[cli][form][names]") {
    TempDir tmp;
    require_openpyxl(tmp);
    const std::string rules = sample("bus-tyres", "rules.crit");
    const std::string bids = tmp.file("names.csv");
    write_text(bids, "bidder,submitted,price,retreaded,noise,take_back\nAcme,2026-03-02T10:15:00,12000000,40,B,yes\n"
                     "\xD0\x90" "cme,2026-03-02T14:40:00,10500000,25,A,yes\n");
    const std::string dir = tmp.file("filled");
    REQUIRE(shell("mkdir -p " + sh_quote(dir), tmp.file("mkdir.log")) == 0);
    const int code = shell(kPython + " " + sh_quote(kScripts + "/fill_form.py") + " " + sh_quote(make_form(tmp, "bus-tyres")) +
                               " " + sh_quote(bids) + " " + sh_quote(dir) + " names",
                           tmp.file("fill.log"));
    INFO(read_text(tmp.file("fill.log")));
    REQUIRE(code == 0);
    const std::string first = dir + "/names-1.xlsx", second = dir + "/names-2.xlsx";
    const Run r = run_cli({"import-form", rules, first, second, "-o", tmp.file("bids.csv")});
    CHECK(r.code == 0);
    CHECK(r.err.find(second + ": warning: sheet 'Bid', cell G7 (bidder): the word '\xD0\x90" "cme' of the bidder's name mixes "
                     "alphabets") != std::string::npos);
    CHECK(r.err.find(second + ": warning: '\xD0\x90" "cme' looks like 'Acme' (names-1.xlsx): '\xD0\x90' (U+0410, Cyrillic) in "
                     "place of 'A' (U+0041, Latin); check that they are different bidders\n") != std::string::npos);
}
