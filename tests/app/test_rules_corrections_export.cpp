// The workbook exported from a project whose rules were corrected after bids arrived shows each
// correction and its diff on the Audit sheet (read back with the xlsx reader).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "app/project_export.hpp"
#include "app/tender_project.hpp"
#include "io/xlsx/xlsx_reader.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace {

using namespace tl;

const std::string kSample = std::string(TL_SOURCE_DIR) + "/samples/bus-tyres";

std::string text_at(const io::XlsxSheet& s, int row, int col) {
    const io::XlsxCell* c = s.cell(row, col);
    return c != nullptr && c->kind == io::XlsxCellKind::Text ? c->text : std::string();
}

/// Column A and B of every row of the Audit sheet.
std::vector<std::pair<std::string, std::string>> audit_rows(const std::string& path) {
    io::XlsxReadError error;
    const auto book = io::XlsxWorkbook::open(test::read_text(path), "evaluation.xlsx", &error);
    INFO(error.text());
    REQUIRE(book != nullptr);
    const auto sheet = book->read_sheet("Audit", &error);
    REQUIRE(sheet.has_value());
    std::vector<std::pair<std::string, std::string>> out;
    for (int r = 1; r <= sheet->last_row(); ++r) out.emplace_back(text_at(*sheet, r, 1), text_at(*sheet, r, 2));
    return out;
}

}  // namespace

TEST_CASE("app export: the Audit sheet shows the rules corrected after bids arrived, with the diff", "[app][frozen]") {
    test::TempDir dir;
    app::ChangeOutcome created;
    auto p = app::TenderProject::create(dir.file("bus.tender"), "", test::read_text(kSample + "/rules.crit"), "rules.crit",
                                        "Officer", "test", created);
    REQUIRE(p);
    REQUIRE(p->import_bid_files({kSample + "/bids.csv"}, false, "opening").ok);

    SECTION("without a correction there is no such section") {
        const auto ev = p->evaluate();
        REQUIRE(ev);
        REQUIRE(app::export_workbook(*p, *ev, dir.file("plain.xlsx"), "test", "").ok);
        for (const auto& [a, b] : audit_rows(dir.file("plain.xlsx"))) CHECK(a != "Rules corrected after bids arrived");
    }
    SECTION("a correction: its heading, who, when, why and one diff line per row") {
        std::string v2 = p->rules_version().text;
        v2.replace(v2.find("weight: 50 %"), 12, "weight: 20 %");
        v2.replace(v2.find("weight: 30 %"), 12, "weight: 60 %");
        REQUIRE(p->set_rules(v2, "rules.crit", "weights swapped by mistake", "", true).ok);
        const auto ev = p->evaluate();
        REQUIRE(ev);
        REQUIRE(app::export_workbook(*p, *ev, dir.file("corrected.xlsx"), "test", "").ok);
        const auto rows = audit_rows(dir.file("corrected.xlsx"));
        std::size_t heading = 0;
        while (heading < rows.size() && rows[heading].first != "Rules corrected after bids arrived") ++heading;
        REQUIRE(heading < rows.size());
        REQUIRE(rows.size() > heading + 3);
        CHECK(rows[heading + 1].first == "Correction");
        CHECK(rows[heading + 1].second == "The rules were corrected after bids arrived: version 2 on " +
                                              p->rules_version(2).created_at + " by Officer");
        CHECK(rows[heading + 2] == std::make_pair(std::string("Reason"), std::string("weights swapped by mistake")));
        std::vector<std::string> diff;
        for (std::size_t r = heading + 3; r < rows.size() && rows[r].first.empty() && !rows[r].second.empty(); ++r)
            diff.push_back(rows[r].second);
        CHECK(diff == ev->corrections.at(0).diff);
        CHECK(std::count(diff.begin(), diff.end(), "+  weight: 20 %") == 1);
        CHECK(std::count(diff.begin(), diff.end(), "-  weight: 50 %") == 1);
    }
}
