// A read-only project (a CD, a read-only share, a file marked read-only) evaluates and exports
// without recording anything, says so in the outcome and on the workbook's Audit sheet, and
// refuses every change with the reason.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/project_export.hpp"
#include "app/tender_project.hpp"
#include "io/xlsx/xlsx_reader.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace {

using namespace tl;

const std::string kSample = std::string(TL_SOURCE_DIR) + "/samples/bus-tyres";

/// The bus-tyres project with its bids, written and closed.
std::string bus_tyres_file(const test::TempDir& dir) {
    app::ChangeOutcome created;
    auto p = app::TenderProject::create(dir.file("bus.tender"), "", test::read_text(kSample + "/rules.crit"), "rules.crit",
                                        "Officer", "test", created);
    REQUIRE(p);
    REQUIRE(p->import_bid_files({kSample + "/bids.csv"}, false, "opening").ok);
    return p->path();
}

/// The Audit sheet's value of the row labelled `label`, or "" when it has none.
std::string audit_value(const std::string& workbook, const std::string& label) {
    io::XlsxReadError error;
    auto book = io::XlsxWorkbook::open(test::read_text(workbook), workbook, &error);
    REQUIRE(book);
    auto sheet = book->read_sheet("Audit", &error);
    REQUIRE(sheet);
    for (int row = 1; row <= sheet->last_row(); ++row)
        if (const io::XlsxCell* c = sheet->cell(row, 1); c && c->text == label)
            if (const io::XlsxCell* v = sheet->cell(row, 2)) return v->text;
    return "";
}

}  // namespace

TEST_CASE("app read-only: evaluation and export work without recording, and say so", "[app][read-only]") {
    test::TempDir dir;
    const std::string path = bus_tyres_file(dir);
    const std::string bytes = test::read_text(path);
    app::TenderProject p = app::TenderProject::open(path, "Officer", "test", true);
    REQUIRE(p.read_only());
    const std::size_t log = p.audit_log().size();

    const auto ev = p.evaluate();
    REQUIRE(ev);
    REQUIRE_FALSE(ev->provisional());
    const app::ChangeOutcome run = p.record_run(*ev, "{}", "");
    CHECK(run.ok);
    CHECK(run.not_recorded);
    CHECK(run.recorded == 0);
    CHECK(run.summary_message.code == "app.read-only.not-recorded");
    CHECK(run.summary == "nothing was recorded: the project is read-only (it was opened read-only)");
    CHECK(p.store().runs().empty());

    const std::string out = dir.file("evaluation.xlsx");
    const app::ChangeOutcome exported = app::export_workbook(p, *ev, out, "test", "");
    INFO(exported.summary);
    CHECK(exported.ok);
    CHECK(exported.not_recorded);
    CHECK(exported.summary_message.code == "app.read-only.not-recorded");
    CHECK(std::filesystem::exists(out));
    CHECK(p.store().exports().empty());
    CHECK(p.audit_log().size() == log);
    CHECK(audit_value(out, "Project audit log head") == ev->audit_head);
    CHECK(audit_value(out, "Export recorded") ==
          "no: nothing was recorded in the project, which was read-only (it was opened read-only)");
    CHECK(test::read_text(path) == bytes);
}

TEST_CASE("app read-only: every change is refused with the reason", "[app][read-only]") {
    test::TempDir dir;
    const std::string path = bus_tyres_file(dir);
    const std::string bytes = test::read_text(path);
    app::TenderProject p = app::TenderProject::open(path, "Officer", "test", true);

    for (const app::ChangeOutcome& out :
         {p.import_bid_files({kSample + "/bids.csv"}, true, ""), p.add_evaluator("Anna", store::Role::Chair, ""),
          p.remove_bid("NevaRetread", "", ""),
          p.set_rules(p.rules_version().text + "\n// edited\n", "rules.crit", "")}) {
        INFO(out.summary);
        CHECK_FALSE(out.ok);
        CHECK(out.refusal == app::Refusal::ReadOnly);
        CHECK(out.store_refusal.code == "store.refused.read-only");
        CHECK_THAT(out.summary, Catch::Contains(path) && Catch::Contains("read-only"));
    }
    CHECK(test::read_text(path) == bytes);
}

TEST_CASE("app read-only: a writable project records as before, with no note", "[app][read-only]") {
    test::TempDir dir;
    app::TenderProject p = app::TenderProject::open(bus_tyres_file(dir), "Officer", "test");
    CHECK_FALSE(p.read_only());
    CHECK(p.not_recorded_note().empty());
    const app::ChangeOutcome run = p.record_run(*p.evaluate(), "{}", "");
    CHECK(run.ok);
    CHECK_FALSE(run.not_recorded);
    CHECK(p.store().runs().size() == 1);
    const std::string out = dir.file("evaluation.xlsx");
    REQUIRE(app::export_workbook(p, *p.evaluate(), out, "test", "").ok);
    CHECK(audit_value(out, "Export recorded").empty());
}
