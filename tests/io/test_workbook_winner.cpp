// The Winner cell of the evaluation workbook (docs/WORKBOOK.md, "Winner"): the bidder ranked 1, the
// tie at rank 1 as the CLI says it, or "none", in both layouts, and never through INDEX/MATCH (a
// one-cell range is #REF! in Gnumeric). The formulas themselves are recalculated in LibreOffice
// and Gnumeric by tests/workbook/verify_edge_lots.py; here the file's stored answers are read back.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "core/engine.hpp"
#include "io/workbook/evaluation_workbook.hpp"
#include "io/xlsx/xlsx_reader.hpp"
#include "support/files.hpp"
#include "support/rules_fixture.hpp"
#include "support/export_info.hpp"
#include "support/temp_dir.hpp"

namespace {

using namespace tl;

const char* kRules = R"(tender { title: "Edges" reference: "WIN-1" currency: EUR
  lot one: "One bid"
  lot tie: "Tie at rank 1"
  lot none: "Nothing ranked"
  lot two: "Two bids"
}
field price: money { name: "Price" }
field ok: yesno { name: "Compliant" }
requirement compliant { test: ok }
criterion price { kind: price weight: 100 % score: ratio_lowest(price) }
)";

const char* kBids =
    "bidder,lot,submitted,price,ok\n"
    "Solo,one,2026-03-10T10:00:00,100,yes\n"
    "Alpha,tie,2026-03-10T10:00:00,100,yes\n"
    "Beta,tie,2026-03-10T10:00:00,100,yes\n"
    "Gamma,tie,2026-03-10T10:00:00,150,yes\n"
    "Nobody,none,2026-03-10T10:00:00,100,no\n"
    "Cheap,two,2026-03-10T10:00:00,90,yes\n"
    "Dear,two,2026-03-10T10:00:00,120,yes\n";

io::ExportInfo info() { return test::test_export_info(); }

std::string text_at(const io::XlsxSheet& s, int row, int col) {
    const io::XlsxCell* c = s.cell(row, col);
    return c != nullptr && c->kind == io::XlsxCellKind::Text ? c->text : std::string();
}

io::XlsxSheet sheet(const io::XlsxWorkbook& book, const std::string& name) {
    io::XlsxReadError error;
    auto s = book.read_sheet(name, &error);
    INFO(error.text());
    REQUIRE(s.has_value());
    return *s;
}

// The text right of the first "Winner" label (column A, value in column C).
std::string winner_of(const io::XlsxSheet& summary) {
    for (int r = 1; r <= summary.last_row(); ++r)
        if (text_at(summary, r, 1) == "Winner") return text_at(summary, r, 3);
    FAIL("no Winner label on " << summary.name());
    return {};
}

// Every worksheet's XML, concatenated (an independent reader: Python's zipfile).
std::string sheets_xml(const std::string& dir, const std::string& book) {
    const std::string cmd = "cd '" + dir + "' && /usr/bin/python3 -c \"import zipfile,sys; z=zipfile.ZipFile('" + book +
                            "'); sys.stdout.write(''.join(z.read(n).decode() for n in z.namelist() "
                            "if n.startswith('xl/worksheets/')))\" > sheets.xml";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return test::read_text(dir + "/sheets.xml");
}

}  // namespace

TEST_CASE("workbook: the Winner cell names the winner, a tie at rank 1, or none", "[workbook][winner]") {
    const CriteriaSet rules = test::rules_from(kRules);
    const BidTable bids = test::bids_from(rules, kBids);
    const Result result = evaluate(rules, bids);
    const test::TempDir tmp;
    const std::string dir = tmp.path().string();

    SECTION("each lot on its own sheets") {
        io::write_evaluation_workbook(dir + "/lots.xlsx", rules, bids, result, info());
        io::XlsxReadError error;
        const auto book = io::XlsxWorkbook::open(test::read_text(dir + "/lots.xlsx"), "lots.xlsx", &error);
        REQUIRE(book != nullptr);
        CHECK(winner_of(sheet(*book, "Summary one")) == "Solo");
        CHECK(winner_of(sheet(*book, "Summary tie")) == "none yet, tie at rank 1 between Alpha, Beta");
        CHECK(winner_of(sheet(*book, "Summary none")) == "none");
        CHECK(winner_of(sheet(*book, "Summary two")) == "Cheap");
        const std::string xml = sheets_xml(dir, "lots.xlsx");
        CHECK(xml.find("INDEX(") == std::string::npos);
        CHECK(xml.find("MATCH(") == std::string::npos);
        CHECK(xml.find("COUNTIF(") != std::string::npos);
    }
    SECTION("every lot on one set of sheets") {
        io::ExportInfo combined = info();
        combined.combine_lots_above = 1;
        io::write_evaluation_workbook(dir + "/combined.xlsx", rules, bids, result, combined);
        io::XlsxReadError error;
        const auto book = io::XlsxWorkbook::open(test::read_text(dir + "/combined.xlsx"), "combined.xlsx", &error);
        REQUIRE(book != nullptr);
        const io::XlsxSheet summary = sheet(*book, "Summary");
        int header = 0;
        for (int r = 1; r <= summary.last_row() && header == 0; ++r)
            if (text_at(summary, r, 1) == "Lot" && text_at(summary, r, 5) == "Winner") header = r;
        REQUIRE(header > 0);
        CHECK(text_at(summary, header + 1, 5) == "Solo");
        CHECK(text_at(summary, header + 2, 5) == "none yet, tie at rank 1 between Alpha, Beta");
        CHECK(text_at(summary, header + 3, 5) == "none");
        CHECK(text_at(summary, header + 4, 5) == "Cheap");
        // The winning total: the rank-1 total, also for a tie; "" when nothing is ranked.
        const io::XlsxCell* tie_total = summary.cell(header + 2, 6);
        REQUIRE(tie_total != nullptr);
        CHECK(tie_total->kind == io::XlsxCellKind::Number);
        CHECK(tie_total->number == Approx(100));
        CHECK(text_at(summary, header + 3, 6).empty());
        const std::string xml = sheets_xml(dir, "combined.xlsx");
        CHECK(xml.find("INDEX(") == std::string::npos);
        CHECK(xml.find("MATCH(") == std::string::npos);
    }
}
