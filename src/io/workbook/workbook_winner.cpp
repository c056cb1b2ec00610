// The Winner cell (docs/WORKBOOK.md, "Winner"): who is ranked first, by formula, in every engine.
// Rank 1 may be shared (a tie the chain did not break), and a lot may have one bid or none ranked.
// Listing the tied names by formula needs no TEXTJOIN and no array formula: a working column on
// the Scores sheet keeps the names ranked 1 so far, in row order (the engine's order of equal
// ranks), so its last row holds them all. Nothing uses INDEX or MATCH: Gnumeric reads a range of
// one cell as that cell, and INDEX of it is #REF!.
#include "io/workbook/workbook_layout.hpp"
#include "io/xlsx/xlsx_book.hpp"

namespace tl::io::wb {

namespace {

// The list stops growing past this many characters (then ends in ", ..."): a cell holds at most
// 32 767, and each row of the column holds the list so far.
constexpr std::size_t kListChars = 1000;
const char* const kMore = ", ...";
const char* const kTie = "none yet, tie at rank 1 between ";

// LEN: characters, counted here as code points (Excel counts UTF-16 units; they differ only
// beyond the Basic Multilingual Plane, where the list then stops one name earlier or later).
std::size_t length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

void LotLayout::set_first_place_values() {
    const int col = column_of(ColumnRole::FirstPlace);
    ScoresColumn& c = columns_[static_cast<std::size_t>(col)];
    // The template of the rows after the first (the Method sheet does not show working columns).
    c.formula = formula_at(col, 1 < size() ? 1 : 0);
    std::string list;
    for (int i = 0; i < size(); ++i) {
        const BidOutcome& o = outcome(i);
        if (o.ranked() && o.rank == 1) {
            if (list.empty()) list = o.bidder;
            else if (length(list) < kListChars) list += ", " + o.bidder;
            else if (!ends_with(list, kMore)) list += kMore;
        }
        c.values.set(i, Cached::str(list));
    }
}

std::string LotLayout::formula_at(int col, int i) const {
    const ScoresColumn& c = columns_[static_cast<std::size_t>(col)];
    const int row = excel_row(i);
    if (c.role != ColumnRole::FirstPlace) return at_row(c.formula, row);
    auto cell = [](int column, int r) { return "$" + column_letters(column) + std::to_string(r); };
    const std::string first = "(" + cell(column_of(ColumnRole::Rank), row) + "=1)";
    const std::string name = cell(column_of(ColumnRole::Bidder), row);
    if (i == 0) return "IF(" + first + "," + name + ",\"\")";
    const std::string prev = cell(col, row - 1);
    const std::string more = std::string("\"") + kMore + "\"";
    return "IF(" + first + ",IF(" + prev + "=\"\"," + name + ",IF(LEN(" + prev + ")<" + std::to_string(kListChars) + "," + prev +
           "&\", \"&" + name + ",IF(RIGHT(" + prev + "," + std::to_string(length(kMore)) + ")=" + more + "," + prev + "," + prev +
           "&" + more + "))),"  + prev + ")";
}

std::string LotLayout::winner_formula() const {
    const std::string scores = sheet_ref(scores_sheet_);
    const std::string firsts = "COUNTIF(" + scores + column_range(column_of(ColumnRole::Rank)) + ",1)";
    const std::string list = scores + "$" + column_letters(column_of(ColumnRole::FirstPlace)) + "$" + std::to_string(excel_row(size() - 1));
    return "IF(" + firsts + ">1,\"" + kTie + "\"&" + list + ",IF(" + firsts + "=1," + list + ",\"none\"))";
}

std::string LotLayout::winner_text() const {
    int firsts = 0;
    for (int i = 0; i < size(); ++i) firsts += outcome(i).ranked() && outcome(i).rank == 1;
    if (firsts == 0) return "none";
    const std::string list = columns_[static_cast<std::size_t>(column_of(ColumnRole::FirstPlace))].values.get(size() - 1).text;
    return firsts > 1 ? kTie + list : list;
}

std::string LotLayout::winning_total_formula() const {
    const std::string scores = sheet_ref(scores_sheet_);
    const std::string ranks = scores + column_range(column_of(ColumnRole::Rank));
    const std::string firsts = "COUNTIF(" + ranks + ",1)";
    // Tied bids have equal totals (to the ranking's tolerance): their mean is that total.
    return "IF(" + firsts + "=0,\"\",SUMIF(" + ranks + ",1," + scores + column_range(column_of(ColumnRole::Total)) + ")/" +
           firsts + ")";
}

}  // namespace tl::io::wb
