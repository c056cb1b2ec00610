// The evaluation workbook of a framework tender with many lots: beyond io::kCombineLotsAbove lots
// one set of sheets holds every lot (docs/WORKBOOK.md, "Many lots"), so 1 000 lots export with few
// files open, and each lot's winner and totals read back equal the engine's. The formulas of that
// layout are recalculated by Gnumeric and LibreOffice in tests/workbook/verify_many_lots.py.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <cstdlib>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "io/workbook/evaluation_workbook.hpp"
#include "io/xlsx/xlsx_reader.hpp"
#include "support/files.hpp"
#include "support/rules_fixture.hpp"
#include "support/export_info.hpp"
#include "support/temp_dir.hpp"

namespace {

using namespace tl;

// A tender with `lots` lots of three bids each; every seventh lot has an inadmissible bid.
struct ManyLots {
    CriteriaSet rules;
    BidTable bids;
    Result result;
    explicit ManyLots(int lots) {
        std::string text = "tender { title: \"Framework\" reference: \"FW-1\" currency: EUR\n";
        std::string csv = "bidder,lot,submitted,price,retreaded\n";
        for (int i = 1; i <= lots; ++i) {
            const std::string id = "L" + std::to_string(i);
            text += "  lot " + id + ": \"Lot " + std::to_string(i) + "\"\n";
            for (int b = 0; b < 3; ++b) {
                const int price = 1000 + (i * 7919 + b * 104729) % 500;
                const int retreaded = i % 7 == 0 && b == 0 ? 10 : 30 + (i * 31 + b * 17) % 60;
                csv += "Bidder " + std::to_string(b + 1) + "," + id + ",2026-03-1" + std::to_string(b) + "T10:00:00," +
                       std::to_string(price) + "," + std::to_string(retreaded) + "\n";
            }
        }
        text += R"(}
field price: money { name: "Price" }
field retreaded: percent { name: "Retreaded" }
requirement min_retreaded { test: retreaded >= 30 % }
criterion price { kind: price weight: 60 % score: ratio_lowest(price) }
criterion retreading { weight: 40 % score: linear(retreaded, 30 % -> 0, 80 % -> 100) }
)";
        rules = test::rules_from(text);
        bids = test::bids_from(rules, csv);
        result = evaluate(rules, bids);
    }
};

io::ExportInfo info() { return test::test_export_info(); }

// Lowers this process's limit of open files while alive (as a small `ulimit -n` would).
class OpenFilesLimit {
public:
    explicit OpenFilesLimit(rlim_t soft) {
        REQUIRE(::getrlimit(RLIMIT_NOFILE, &saved_) == 0);
        rlimit lowered = saved_;
        lowered.rlim_cur = soft;
        REQUIRE(::setrlimit(RLIMIT_NOFILE, &lowered) == 0);
    }
    ~OpenFilesLimit() { ::setrlimit(RLIMIT_NOFILE, &saved_); }
    OpenFilesLimit(const OpenFilesLimit&) = delete;
    OpenFilesLimit& operator=(const OpenFilesLimit&) = delete;

private:
    rlimit saved_{};
};

std::unique_ptr<io::XlsxWorkbook> open_book(const std::string& path) {
    io::XlsxReadError error;
    auto book = io::XlsxWorkbook::open(test::read_text(path), path, &error);
    INFO(error.text());
    REQUIRE(book != nullptr);
    return book;
}

io::XlsxSheet sheet(const io::XlsxWorkbook& book, const std::string& name) {
    io::XlsxReadError error;
    auto s = book.read_sheet(name, &error);
    INFO(error.text());
    REQUIRE(s.has_value());
    return *s;
}

std::string text_at(const io::XlsxSheet& s, int row, int col) {
    const io::XlsxCell* c = s.cell(row, col);
    return c != nullptr && c->kind == io::XlsxCellKind::Text ? c->text : std::string();
}

// 1-based column of the header `title` on row 1, or 0.
int column_titled(const io::XlsxSheet& s, const std::string& title) {
    for (int c = 1; c < 200; ++c)
        if (text_at(s, 1, c) == title) return c;
    return 0;
}

}  // namespace

TEST_CASE("workbook: 1 000 lots export with 128 open files and read back the engine's winners", "[workbook][lots]") {
    const ManyLots t(1000);
    REQUIRE(t.result.lots.size() == 1000);
    const test::TempDir tmp;
    const std::string dir = tmp.path().string(), target = dir + "/lots.xlsx";
    {
        // One temporary file per sheet stays open while writing: 4 000 sheets would need 4 000.
        const OpenFilesLimit limit(128);
        REQUIRE_NOTHROW(io::write_evaluation_workbook(target, t.rules, t.bids, t.result, info()));
    }
    const auto book = open_book(target);
    CHECK(book->sheet_names() == std::vector<std::string>{"Summary", "Bids", "Scores", "Method", "Audit"});

    // Scores: a Lot column first, every bid of every lot once, the engine's total and rank.
    const io::XlsxSheet scores = sheet(*book, "Scores");
    CHECK(text_at(scores, 1, 1) == "Lot");
    CHECK(text_at(scores, 1, 2) == "Bidder");
    const int total_col = column_titled(scores, "Total"), rank_col = column_titled(scores, "Rank");
    REQUIRE(total_col > 0);
    REQUIRE(rank_col > 0);
    std::map<std::pair<std::string, std::string>, int> row_of;
    for (int r = 2; r <= scores.last_row(); ++r) row_of[{text_at(scores, r, 1), text_at(scores, r, 2)}] = r;
    CHECK(row_of.size() == t.bids.bids.size());
    int checked = 0, unranked = 0;
    for (const LotOutcome& lot : t.result.lots)
        for (const BidOutcome& o : lot.bids) {
            auto it = row_of.find({lot.lot, o.bidder});
            INFO(lot.lot << " " << o.bidder);
            REQUIRE(it != row_of.end());
            const io::XlsxCell* total = scores.cell(it->second, total_col);
            const io::XlsxCell* rank = scores.cell(it->second, rank_col);
            REQUIRE(total != nullptr);
            REQUIRE(rank != nullptr);
            if (!o.ranked()) {
                CHECK(total->kind == io::XlsxCellKind::Text);  // the formula's "" result
                ++unranked;
                continue;
            }
            REQUIRE(total->kind == io::XlsxCellKind::Number);
            CHECK(total->number == Approx(o.total).epsilon(1e-12));
            CHECK(rank->number == o.rank);
            ++checked;
        }
    CHECK(unranked == 142);  // lots 7, 14, ... 994: one inadmissible bid each
    CHECK(checked == 3000 - 142);

    // Summary: one row per lot, in order, with the winner and the winning total.
    const io::XlsxSheet summary = sheet(*book, "Summary");
    int header = 0;
    for (int r = 1; r <= summary.last_row() && header == 0; ++r)
        if (text_at(summary, r, 1) == "Lot" && text_at(summary, r, 2) == "Lot name") header = r;
    REQUIRE(header > 0);
    for (std::size_t l = 0; l < t.result.lots.size(); ++l) {
        const LotOutcome& lot = t.result.lots[l];
        const int r = header + 1 + static_cast<int>(l);
        INFO("lot " << lot.lot << ", Summary row " << r);
        REQUIRE(text_at(summary, r, 1) == lot.lot);
        CHECK(text_at(summary, r, 2) == lot.lot_name);
        const BidOutcome& winner = lot.bids.front();  // ranked bids come first, by rank
        REQUIRE(winner.rank == 1);
        CHECK(text_at(summary, r, 5) == winner.bidder);
        const io::XlsxCell* total = summary.cell(r, 6);
        REQUIRE(total != nullptr);
        CHECK(total->number == Approx(winner.total).epsilon(1e-12));
    }
}

TEST_CASE("workbook: up to the threshold each lot keeps its own sheets", "[workbook][lots]") {
    CHECK(io::kCombineLotsAbove == 50);
    const test::TempDir tmp;
    const std::string dir = tmp.path().string();
    {
        const ManyLots t(50);
        io::write_evaluation_workbook(dir + "/50.xlsx", t.rules, t.bids, t.result, info());
        const auto names = open_book(dir + "/50.xlsx")->sheet_names();
        REQUIRE(names.size() == 4 * 50 + 1);
        CHECK(names[0] == "Summary L1");
        CHECK(names[7] == "Method L2");
        CHECK(names.back() == "Audit");
    }
    {
        const ManyLots t(51);
        io::write_evaluation_workbook(dir + "/51.xlsx", t.rules, t.bids, t.result, info());
        CHECK(open_book(dir + "/51.xlsx")->sheet_names() == std::vector<std::string>{"Summary", "Bids", "Scores", "Method", "Audit"});
    }
    {
        // The threshold can be lowered (as the GUI or a test may): two lots, combined.
        const ManyLots t(2);
        io::ExportInfo lowered = info();
        lowered.combine_lots_above = 1;
        io::write_evaluation_workbook(dir + "/2.xlsx", t.rules, t.bids, t.result, lowered);
        const auto book = open_book(dir + "/2.xlsx");
        CHECK(book->sheet_names() == std::vector<std::string>{"Summary", "Bids", "Scores", "Method", "Audit"});
        // Lot 1 is on rows 2 to 4, lot 2 on rows 5 to 7: each lot's formulas range over its own block.
        const io::XlsxSheet bids = sheet(*book, "Bids");
        CHECK(text_at(bids, 1, 1) == "Lot");
        CHECK(text_at(bids, 4, 1) == "L1");
        CHECK(text_at(bids, 5, 1) == "L2");
        CHECK(text_at(bids, 5, 2) == "Bidder 1");
        io::XlsxReadError error;
        const auto xml = book->sheet_xml("Scores", &error);
        REQUIRE(xml.has_value());
        CHECK(std::regex_search(*xml, std::regex(R"(\$[A-Z]+\$5:\$[A-Z]+\$7)")));
        CHECK(std::regex_search(*xml, std::regex(R"(\$[A-Z]+\$2:\$[A-Z]+\$4)")));
        CHECK_FALSE(std::regex_search(*xml, std::regex(R"(\$[A-Z]+\$2:\$[A-Z]+\$[5-9])")));
    }
}
