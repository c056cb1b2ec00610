// Outputs never destroy inputs (issue 11 item 4): app::check_output, which every writing command
// and window calls, and a project's export that leaves nothing behind when the log cannot record it.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "app/output_guard.hpp"
#include "app/project_export.hpp"
#include "app/tender_project.hpp"
#include "core/sha256.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace {

using namespace tl;
namespace fs = std::filesystem;

const std::string kRules =
    "tender { title: \"Chairs for the library\" reference: \"LIB-7\" currency: EUR }\n"
    "field price: money { name: \"Price\" range: 0 .. 1000000 }\n"
    "field recycled: percent { name: \"Recycled content\" }\n"
    "criterion price { kind: price weight: 70 % score: ratio_lowest(price) }\n"
    "criterion recycled { weight: 30 % score: linear(recycled, 0 % -> 0, 80 % -> 100) }\n";

/// A project with two bids and no committee criterion (so it exports at once), made in `dir`.
app::TenderProject chairs(const test::TempDir& dir) {
    test::write_text(dir.file("bids.csv"), "bidder,price,recycled\nAcme,1000,40\nBeta,1200,80\n");
    app::NewProjectRequest r;
    r.path = dir.file("chairs.tender");
    r.rules_text = kRules;
    r.rules_source_name = "chairs.crit";
    app::ChangeOutcome created;
    auto p = app::TenderProject::create(r, "olga", "test", created);
    INFO(created.summary);
    REQUIRE(p);
    REQUIRE(p->import_bid_files({dir.file("bids.csv")}, false, "opening").ok);
    return std::move(*p);
}

app::OutputRequest request(const std::string& path, app::FileKind writes, std::vector<std::string> inputs, bool force = false) {
    app::OutputRequest r;
    r.path = path;
    r.writes = writes;
    r.inputs = std::move(inputs);
    r.force = force;
    r.force_option = "--force";
    return r;
}

/// The code of the refusal, or "" when the output may be written.
std::string refusal(const app::OutputRequest& r) {
    const app::ChangeOutcome out = app::check_output(r);
    if (out.ok) return "";
    CHECK(out.refusal == app::Refusal::Output);
    return out.summary_message.code;
}

std::size_t files_in(const test::TempDir& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}));
}

}  // namespace

TEST_CASE("output guard: a file's kind is read from its first bytes, not its name", "[app][output]") {
    test::TempDir dir;
    test::write_text(dir.file("rules.xlsx"), "tender { }\n");
    test::write_text(dir.file("book.csv"), std::string("PK\3\4rest of a zip", 17));
    test::write_text(dir.file("db.crit"), std::string("SQLite format 3\0 and pages", 27));
    test::write_text(dir.file("empty"), "");
    CHECK(app::sniff_file_kind(dir.file("rules.xlsx")) == app::FileKind::Text);
    CHECK(app::sniff_file_kind(dir.file("book.csv")) == app::FileKind::Zip);
    CHECK(app::sniff_file_kind(dir.file("db.crit")) == app::FileKind::Sqlite);
    CHECK(app::sniff_file_kind(dir.file("empty")) == app::FileKind::Text);
    CHECK(app::sniff_file_kind(dir.file("none")) == app::FileKind::Missing);
    CHECK(app::sniff_file_kind(dir.path().string()) == app::FileKind::Folder);
    CHECK(app::sniff_file_kind("/dev/null") == app::FileKind::Special);
    CHECK_FALSE(app::is_project_file(dir.file("db.crit")));  // SQLite, but not TenderLoop's application id
    chairs(dir);
    CHECK(app::is_project_file(dir.file("chairs.tender")));
}

TEST_CASE("output guard: never over an input of the same run, however it is named, even forced", "[app][output]") {
    test::TempDir dir;
    const std::string rules = dir.file("rules.crit");
    test::write_text(rules, kRules);
    fs::create_directory(dir.path() / "sub");
    fs::create_symlink(rules, dir.file("link.csv"));
    fs::create_hard_link(rules, dir.file("hard.csv"));
    const std::string relative = "./" + fs::relative(rules, fs::current_path()).string();  // ./../../tmp/...
    const std::string dotdot = dir.file("sub/../rules.crit");
    for (const std::string& out : {rules, dir.file("link.csv"), dir.file("hard.csv"), relative, dotdot}) {
        INFO(out);
        for (bool force : {false, true}) {
            CHECK(refusal(request(out, app::FileKind::Text, {"-", "", rules}, force)) == "app.output.is-input");
            // Named the other way round: the input through the link, the output by its own name.
            CHECK(refusal(request(rules, app::FileKind::Text, {out}, force)) == "app.output.is-input");
        }
    }
    const app::ChangeOutcome refused = app::check_output(request(dir.file("link.csv"), app::FileKind::Text, {rules}, true));
    CHECK(refused.summary == dir.file("link.csv") + " is an input of this run (" + rules +
                                 "): writing the output over it would destroy it; choose another name for the output");
    CHECK(test::read_text(rules) == kRules);
}

TEST_CASE("output guard: a project or a file of another kind only with force, the same kind or a new file always",
          "[app][output]") {
    test::TempDir dir;
    chairs(dir);
    const std::string project = dir.file("chairs.tender");
    test::write_text(dir.file("rules.crit"), kRules);
    test::write_text(dir.file("old.xlsx"), std::string("PK\3\4 last week's workbook", 26));

    // A project under any output but a project.
    for (app::FileKind writes : {app::FileKind::Zip, app::FileKind::Text}) {
        CHECK(refusal(request(project, writes, {dir.file("rules.crit")})) == "app.output.is-project");
        CHECK(refusal(request(project, writes, {dir.file("rules.crit")}, true)).empty());
    }
    const app::ChangeOutcome said = app::check_output(request(project, app::FileKind::Text, {}));
    CHECK(said.summary == project + " is a TenderLoop project: writing over it would destroy its rules, bids and audit log; "
                                    "choose another name for the output, or give --force to write over it");
    // A front end without a way to force it says only to choose another name.
    app::OutputRequest gui = request(project, app::FileKind::Zip, {});
    gui.force_option.clear();
    CHECK(app::check_output(gui).summary_message.arg("todo")->nested->code == "app.output.todo.rename");
    // Replacing a project with a project is what `new --replace` is for.
    CHECK(refusal(request(project, app::FileKind::Sqlite, {dir.file("rules.crit")})).empty());

    // A workbook over the rules, a CSV over a workbook, a project over text: refused unless forced.
    CHECK(refusal(request(dir.file("rules.crit"), app::FileKind::Zip, {})) == "app.output.other-kind");
    CHECK(refusal(request(dir.file("rules.crit"), app::FileKind::Zip, {}, true)).empty());
    CHECK(refusal(request(dir.file("old.xlsx"), app::FileKind::Text, {})) == "app.output.other-kind");
    CHECK(refusal(request(dir.file("rules.crit"), app::FileKind::Sqlite, {})) == "app.output.other-kind");
    CHECK(app::check_output(request(dir.file("rules.crit"), app::FileKind::Zip, {})).summary ==
          dir.file("rules.crit") + " holds text (rules, a CSV or another text file), and this writes a workbook (.xlsx, a zip "
                                   "file): writing over it would destroy it; choose another name for the output, or give "
                                   "--force to write over it");

    // The same kind (last week's workbook), or no file yet: written.
    CHECK(refusal(request(dir.file("old.xlsx"), app::FileKind::Zip, {dir.file("rules.crit")})).empty());
    CHECK(refusal(request(dir.file("new.csv"), app::FileKind::Text, {dir.file("rules.crit")})).empty());
    // A folder or a device is never a place for a file.
    CHECK(refusal(request(dir.path().string(), app::FileKind::Zip, {}, true)) == "app.output.not-a-file");
    CHECK(refusal(request("/dev/null", app::FileKind::Text, {}, true)) == "app.output.not-a-file");
    CHECK(app::check_output(request("/dev/null", app::FileKind::Text, {})).summary ==
          "/dev/null is a device, a pipe or a socket, not a file; choose another name for the output");
}

TEST_CASE("project export: when the log refuses the record, no workbook is left and the old one is kept", "[app][output]") {
    test::TempDir dir;
    app::TenderProject p = chairs(dir);
    const std::string out = dir.file("evaluation.xlsx");
    const auto ev = p.evaluate();
    REQUIRE_FALSE(ev->provisional());
    const std::size_t exports = p.store().exports().size(), files = files_in(dir);

    SECTION("a change without a user is refused by the store: no new file") {
        p.set_user("");
        const app::ChangeOutcome done = app::export_workbook(p, *ev, out, "test", "");
        CHECK_FALSE(done.ok);
        CHECK(done.refusal == app::Refusal::Store);
        CHECK(done.store_refusal.code == "store.refused.no-user");
        CHECK_FALSE(fs::exists(out));
        CHECK(files_in(dir) == files);  // no temporary either
    }
    SECTION("another program holds the project's write lock (SQLite busy): the old workbook is kept as it was") {
        test::write_text(out, std::string("PK\3\4 last week's workbook", 26));
        sqlite3* other = nullptr;
        REQUIRE(sqlite3_open(dir.file("chairs.tender").c_str(), &other) == SQLITE_OK);
        REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
        const app::ChangeOutcome done = app::export_workbook(p, *ev, out, "test", "");
        sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(other);
        INFO(done.summary);
        CHECK_FALSE(done.ok);
        CHECK(done.refusal == app::Refusal::Store);
        CHECK(test::read_text(out) == std::string("PK\3\4 last week's workbook", 26));
        CHECK(files_in(dir) == files + 1);
    }
    CHECK(p.store().exports().size() == exports);

    // Recorded: the workbook is in place, and the log holds the hash of these very bytes.
    p.set_user("olga");
    const app::ChangeOutcome done = app::export_workbook(p, *ev, out, "test", "");
    INFO(done.summary);
    REQUIRE(done.ok);
    REQUIRE(p.store().exports().size() == exports + 1);
    CHECK(p.store().exports().back().path == out);
    CHECK(p.store().exports().back().file_sha256 == sha256_hex(test::read_text(out)));
    CHECK(test::read_text(out).substr(0, 2) == "PK");
    CHECK(files_in(dir) == files + 1);
}
