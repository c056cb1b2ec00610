// Outputs never destroy inputs (issue 11 item 4), end to end: `import-form -o`, `export -o`,
// `form -o` and `new --replace` refuse to write over an input of the same run (however it is
// named: a link, a relative path, a hard link; also with --force), over a project, or over a file
// of another kind (unless --force); a workbook replaces last week's workbook as before; and a
// project's export the log cannot record leaves no workbook behind.
//
// import-form needs a filled form: tests/form/fill_form.py (python3-openpyxl, as test_cli_form).
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>

#include "cli_runner.hpp"

using namespace tl::cli_test;
namespace fs = std::filesystem;

namespace {

/// `path` relative to this process's folder, as "./../../tmp/...": another spelling of the file.
std::string relative_spelling(const std::string& path) { return "./" + fs::relative(path, fs::current_path()).string(); }

/// A folder with the bus-tyres rules (rules.crit), its bids (bids.csv) and one filled bid form
/// (filled/bid-1.xlsx).
struct Tender {
    TempDir dir;
    std::string rules = dir.file("rules.crit"), bids = dir.file("bids.csv"), form = dir.file("filled/bid-1.xlsx");
    Tender() {
        write_text(rules, read_text(sample("bus-tyres", "rules.crit")));
        write_text(bids, read_text(sample("bus-tyres", "bids.csv")));
        Run r = run_cli({"form", rules, "-o", dir.file("form.xlsx")});
        INFO(r.err);
        REQUIRE(r.code == 0);
        fs::create_directory(dir.file("filled"));
        const int status = std::system(("/usr/bin/python3 " + sh_quote(std::string(TL_TESTS_DIR) + "/form/fill_form.py") + " " +
                                        sh_quote(dir.file("form.xlsx")) + " " + sh_quote(bids) + " " +
                                        sh_quote(dir.file("filled")) + " >/dev/null")
                                           .c_str());
        INFO("python3-openpyxl is missing: run scripts/setup");
        REQUIRE(status == 0);
        REQUIRE(fs::exists(form));
    }
    /// A project made from the rules and the bids.
    std::string project() {
        const std::string p = dir.file("tyres.tender");
        REQUIRE(run_cli({"new", p, "--rules", rules, "--user", "olga"}).code == 0);
        REQUIRE(run_cli({"bids", p, "import", bids, "--user", "olga"}).code == 0);
        return p;
    }
};

}  // namespace

TEST_CASE("cli outputs: import-form never writes over its inputs, a project, or a workbook without --force",
          "[cli][output][form]") {
    Tender t;
    const std::string rules_text = read_text(t.rules), form_bytes = read_text(t.form);
    fs::create_symlink(t.rules, t.dir.file("link.csv"));

    // Its own rules through a link, its own form by a relative path, the rules by name: never, even forced.
    for (const std::string& out : {t.dir.file("link.csv"), relative_spelling(t.form), t.rules}) {
        for (const bool force : {false, true}) {
            std::vector<std::string> args{"import-form", t.rules, t.form, "-o", out};
            if (force) args.push_back("--force");
            const Run r = run_cli(args);
            INFO(out << (force ? " --force" : ""));
            CHECK(r.code == 1);
            CHECK(r.err.rfind("tenderloop import-form: " + out + " is an input of this run (", 0) == 0);
            CHECK(r.err.find("choose another name for the output\n") != std::string::npos);
            CHECK(r.out.empty());
        }
    }
    CHECK(read_text(t.rules) == rules_text);
    CHECK(read_text(t.form) == form_bytes);

    // A project: refused; --force would be the user's explicit choice.
    const std::string p = t.project(), project_bytes = read_text(p);
    Run r = run_cli({"import-form", t.rules, t.form, "-o", p});
    CHECK(r.code == 1);
    CHECK(r.err == "tenderloop import-form: " + p + " is a TenderLoop project: writing over it would destroy its rules, bids "
                                                  "and audit log; choose another name for the output, or give --force to "
                                                  "write over it\n");
    CHECK(read_text(p) == project_bytes);

    // A workbook (the blank form, not an input of this run): refused without --force, written with it.
    const std::string blank = t.dir.file("form.xlsx");
    r = run_cli({"import-form", t.rules, t.form, "-o", blank});
    CHECK(r.code == 1);
    CHECK(r.err.find(" holds a workbook (.xlsx, a zip file), and this writes text (rules, a CSV or another text file)") !=
          std::string::npos);
    CHECK(read_text(blank).substr(0, 2) == "PK");
    r = run_cli({"import-form", t.rules, t.form, "-o", blank, "--force"});
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(read_text(blank).rfind("bidder,", 0) == 0);

    // A CSV over last week's CSV (the same kind, not an input): written as always.
    write_text(t.dir.file("out.csv"), "last week\n");
    r = run_cli({"import-form", t.rules, t.form, "-o", t.dir.file("out.csv")});
    CHECK(r.code == 0);
    CHECK(read_text(t.dir.file("out.csv")).rfind("bidder,", 0) == 0);
}

TEST_CASE("cli outputs: export never writes over its inputs, a project, or the rules without --force", "[cli][output][export]") {
    Tender t;
    const std::string rules_text = read_text(t.rules), bids_text = read_text(t.bids);
    fs::create_symlink(t.rules, t.dir.file("rules-link.xlsx"));
    fs::create_hard_link(t.bids, t.dir.file("bids-hard.xlsx"));
    for (const std::string& out : {t.dir.file("rules-link.xlsx"), relative_spelling(t.dir.file("bids-hard.xlsx"))}) {
        for (const bool force : {false, true}) {
            std::vector<std::string> args{"export", t.rules, "--bids", t.bids, "-o", out};
            if (force) args.push_back("--force");
            const Run r = run_cli(args);
            INFO(out << (force ? " --force" : ""));
            CHECK(r.code == 1);
            CHECK(r.err.rfind("tenderloop export: " + out + " is an input of this run (", 0) == 0);
        }
    }
    CHECK(read_text(t.rules) == rules_text);
    CHECK(read_text(t.bids) == bids_text);

    // A project under a workbook's name, from a file run and from its own export.
    const std::string p = t.project(), project_bytes = read_text(p);
    fs::create_symlink(p, t.dir.file("project.xlsx"));
    Run r = run_cli({"export", t.rules, "--bids", t.bids, "-o", t.dir.file("project.xlsx")});
    CHECK(r.code == 1);
    CHECK(r.err.find(" is a TenderLoop project: ") != std::string::npos);
    r = run_cli({"export", p, "-o", t.dir.file("project.xlsx"), "--force", "--user", "olga"});
    CHECK(r.code == 1);
    CHECK(r.err.find(" is an input of this run (" + p + ")") != std::string::npos);
    CHECK(read_text(p) == project_bytes);

    // Another rules file (not an input) behind a workbook's name: only with --force.
    write_text(t.dir.file("other.crit"), rules_text);
    fs::create_symlink(t.dir.file("other.crit"), t.dir.file("other.xlsx"));
    r = run_cli({"export", t.rules, "--bids", t.bids, "-o", t.dir.file("other.xlsx")});
    CHECK(r.code == 1);
    CHECK(r.err.find(" holds text (rules, a CSV or another text file), and this writes a workbook") != std::string::npos);
    CHECK(r.err.find("or give --force to write over it") != std::string::npos);
    CHECK(read_text(t.dir.file("other.crit")) == rules_text);
    r = run_cli({"export", t.rules, "--bids", t.bids, "-o", t.dir.file("other.xlsx"), "--force"});
    CHECK(r.code == 0);
    CHECK(read_text(t.dir.file("other.crit")).substr(0, 2) == "PK");

    // Last week's workbook: replaced as always.
    const std::string out = t.dir.file("evaluation.xlsx");
    REQUIRE(run_cli({"export", t.rules, "--bids", t.bids, "-o", out}).code == 0);
    r = run_cli({"export", p, "-o", out, "--user", "olga"});
    INFO(r.err);
    CHECK(r.code == 0);
}

TEST_CASE("cli outputs: form and new --replace never write over the rules they read", "[cli][output]") {
    TempDir dir;
    const std::string rules = dir.file("rules.crit"), text = read_text(sample("bus-tyres", "rules.crit"));
    write_text(rules, text);
    fs::create_symlink(rules, dir.file("form.xlsx"));
    Run r = run_cli({"form", rules, "-o", dir.file("form.xlsx"), "--force"});
    CHECK(r.code == 1);
    CHECK(r.err.rfind("tenderloop form: " + dir.file("form.xlsx") + " is an input of this run (", 0) == 0);

    fs::create_symlink(rules, dir.file("p.tender"));
    r = run_cli({"new", dir.file("p.tender"), "--rules", rules, "--replace", "--force"});
    CHECK(r.code == 1);
    CHECK(r.err.rfind("tenderloop new: " + dir.file("p.tender") + " is an input of this run (", 0) == 0);
    // A text file that is not a project: --replace alone is not enough.
    write_text(dir.file("notes.tender"), "my notes\n");
    r = run_cli({"new", dir.file("notes.tender"), "--rules", rules, "--replace"});
    CHECK(r.code == 1);
    CHECK(r.err.find(" holds text (rules, a CSV or another text file), and this writes a TenderLoop project") != std::string::npos);
    CHECK(read_text(dir.file("notes.tender")) == "my notes\n");
    CHECK(read_text(rules) == text);
    CHECK(run_cli({"new", dir.file("x.tender"), "--rules", rules, "--force"}).code == 2);  // --force goes with --replace
}

TEST_CASE("cli outputs: a project export the log cannot record leaves no workbook, and the old one as it was",
          "[cli][output][export]") {
    Tender t;
    const std::string p = t.project(), out = t.dir.file("evaluation.xlsx");
    const std::string last_week("PK\3\4 last week's workbook", 26);
    write_text(out, last_week);
    // Another program holds the project's write lock (as a full disk, the record fails after the
    // workbook was written): SQLite gives up after its busy timeout.
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(p.c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    const Run r = run_cli({"export", p, "-o", out, "--user", "olga"});
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    CHECK(r.code == 1);
    CHECK(r.err.find("tenderloop export: database is locked") == 0);
    CHECK(read_text(out) == last_week);
    for (const auto& e : fs::directory_iterator(t.dir.path()))
        CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
    // Once the project is free, the export is recorded and the workbook takes the old one's place.
    const Run again = run_cli({"export", p, "-o", out, "--user", "olga"});
    INFO(again.err);
    CHECK(again.code == 0);
    CHECK(read_text(out) != last_week);
}
