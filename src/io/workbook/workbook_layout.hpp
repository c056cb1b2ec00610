#pragma once
// Internal to the evaluation workbook (evaluation_workbook.cpp, workbook_*.cpp): where every value
// of one lot lives, and the formula of every computed column of its Scores sheet.
//
// Bids sheet: A bidder, B submitted, then one column per field (all after a Lot column in the
// combined layout); row 2 onwards, one row per bid of the lot in file order. Scores sheet: the same rows; the columns are, left to right:
//   [lot] | bidder | each requirement met | Admissible | [gate scores | Passes gates] | each score |
//   each weighted contribution | Total | Rank | Tied | each abnormally-low flag |
//   working columns: total for ranking, tie-break keys, per-bid lets, aggregate helper columns,
//   the bidders ranked first so far (for the Winner cell, docs/WORKBOOK.md "Winner").
// "Ranked" (the bids scored, ranked and used by the aggregates of the final stage) is the
// Admissible column, or Passes gates when the rules have gates.
//
// In the combined layout (many lots, docs/WORKBOOK.md) every lot shares one Bids and one Scores
// sheet: a Lot column comes first on both, and each lot is a block of consecutive rows (Block)
// that its formulas, ranges and ranks refer to, so every lot is still computed on its own.
//
// Formulas are compiled once per column with the row left as a marker (kRow) and instantiated per
// row by text replacement: the compiled text depends on the row only through its own-row cells.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/bids.hpp"
#include "core/criteria.hpp"
#include "core/evaluator.hpp"
#include "core/result.hpp"
#include "io/formula/excel_formula.hpp"

namespace tl::io::wb {

/// Placeholder for the 1-based row number inside formula templates.
inline constexpr char kRow = '\x01';
/// `tmpl` with every kRow replaced by `excel_row` (1-based).
std::string at_row(const std::string& tmpl, int excel_row);

/// `$F` + kRow: a Scores column's cell on the row being written.
std::string own_cell(int col);
/// `IF(test,formula,"")`: cells of bids outside a stage's set stay empty.
std::string only_if(const std::string& test, const std::string& formula);

/// The sets of bids whose aggregates a formula ranges over (the engine's stages).
enum class Stage { Lot, Admissible, Final };

/// A cached result: a number (also TRUE/FALSE as 1/0), a text, or nothing ("").
struct Cached {
    enum Kind { Number, Text } kind = Text;
    double number = 0;
    std::string text;
    static Cached num(double v) { return {Number, v, {}}; }
    static Cached str(std::string s) { return {Text, 0, std::move(s)}; }
    static Cached none() { return {Text, 0, {}}; }
    static Cached undefined() { return {Text, 0, "#N/A"}; }
};

/// The cached results of one column, 8 bytes a row (the export's memory must not be a multiple
/// of the workbook's): numbers, and two NaN bit patterns for "nothing" and "undefined"; the rare
/// text results (enum values of lets) on the side.
class CachedColumn {
public:
    void resize(int rows);
    void set(int row, const Cached& value);
    Cached get(int row) const;

private:
    std::vector<double> values_;
    std::map<int, std::string> texts_;
};

/// What a Scores column is, for headers, formats and the Method sheet.
enum class ColumnRole {
    Lot, Bidder, Requirement, Admissible, GateScore, PassesGates, Score, Contribution, Total, Rank, Tied, Flag,
    RankTotal, TieKey, Let, Helper, FirstPlace
};

/// One computed column of the Scores sheet.
struct ScoresColumn {
    ColumnRole role = ColumnRole::Bidder;
    int index = -1;        ///< requirement/criterion/rule/let/tie-break index, by role
    std::string header;    ///< first-row text
    std::string formula;   ///< template (kRow for the row); "" for the bidder column
    bool exact = true;     ///< false: the cells hold values only (see why_not)
    std::string why_not;
    bool working = false;  ///< a helper column, not part of the committee's reading
    CachedColumn values;  ///< per row (bid position in the lot)
};

/// Where a lot's rows sit on sheets shared by every lot (the combined layout); the default is a
/// lot with sheets of its own.
struct Block {
    int first_row = 0;         ///< row position of the lot's first bid among all data rows
    bool lot_column = false;   ///< a Lot column first on the Bids and Scores sheets
    /// BidTable indices of the lot's bids when the caller already has them (else found by lot id).
    const std::vector<int>* rows = nullptr;
};

class LotLayout {
public:
    /// `sheet_*`: the actual sheet names of this lot.
    LotLayout(const CriteriaSet& rules, const BidTable& bids, const LotOutcome& lot, std::string bids_sheet,
              std::string scores_sheet, Block block = {});

    const CriteriaSet& rules() const { return rules_; }
    const BidTable& bids() const { return bids_; }
    const LotOutcome& lot() const { return lot_; }
    /// BidTable indices of the lot's bids, in file order (the row order of Bids and Scores).
    const std::vector<int>& rows() const { return rows_; }
    int size() const { return static_cast<int>(rows_.size()); }
    /// Row position of a bid (BidTable index) of this lot.
    int row_of(int bid) const { return row_of_bid_.at(bid); }
    /// The outcome of the bid at row position `i`.
    const BidOutcome& outcome(int i) const { return *outcome_at_[static_cast<std::size_t>(i)]; }
    /// 1-based spreadsheet row of row position `i` (row 1 holds the headers).
    int excel_row(int i) const { return block_.first_row + i + 2; }

    const std::string& bids_sheet() const { return bids_sheet_; }
    const std::string& scores_sheet() const { return scores_sheet_; }
    /// Columns of the Bids sheet (after the Lot column in the combined layout).
    int bidder_col() const { return lead(); }
    int submitted_col() const { return lead() + 1; }
    int field_col(int field) const { return lead() + 2 + field; }

    const std::vector<ScoresColumn>& columns() const { return columns_; }
    /// Index into columns() of a role's column (e.g. Score of criterion 2), or -1.
    int column_of(ColumnRole role, int index = -1) const;
    /// The 1/0 membership column of a stage's set (Admissible; Passes the gates, or Admissible when
    /// there are no gates, for the ranked bids). Not for Stage::Lot, which is every row.
    int membership_column(Stage stage) const;
    /// `$C$2:$C$41` of a Scores column (same sheet): the lot's rows only.
    std::string column_range(int col) const;
    /// The formula of column `col` at row position `i`: its template at that row, except the
    /// running list of bidders ranked first (FirstPlace), which reads the row above it from the
    /// lot's second row on.
    std::string formula_at(int col, int i) const;
    /// For the Summary (another sheet), over this lot's Scores rows, without INDEX or MATCH (a
    /// range of one cell is #REF! there in Gnumeric): the Winner cell, which is the bidder ranked
    /// 1, "none yet, tie at rank 1 between A, B" when rank 1 is shared (as the CLI says), or
    /// "none"; and the winning total ("" when nothing is ranked). winner_text() is TenderLoop's
    /// own answer, the Winner cell's cached result.
    std::string winner_formula() const;
    std::string winner_text() const;
    std::string winning_total_formula() const;

private:
    int lead() const { return block_.lot_column ? 1 : 0; }
    FormulaCells cells(Stage stage);
    std::string member_test(Stage stage) const;
    std::string helper_range(Stage stage, const Expr& argument);
    void discover_helpers(Stage stage, const std::vector<const Expr*>& exprs);
    void add_column(ScoresColumn c);
    void build_columns();
    std::string rank_formula() const;
    void set_first_place_values();  // workbook_winner.cpp
    // Cached values of an expression over a stage's set, per row position (NaN outside the set).
    std::vector<double> stage_values(Stage stage, const Expr& e);

    const CriteriaSet& rules_;
    const BidTable& bids_;
    const LotOutcome& lot_;
    std::string bids_sheet_, scores_sheet_;
    Block block_;
    std::vector<int> rows_;
    std::map<int, int> row_of_bid_;
    std::vector<const BidOutcome*> outcome_at_;
    std::vector<ScoresColumn> columns_;
    std::map<std::pair<ColumnRole, int>, int> column_index_;
    // Helper columns, keyed by stage and print_expr(argument); filled before any formula is built.
    struct Helper {
        Stage stage;
        const Expr* argument;
        int column = -1;
    };
    std::map<std::pair<int, std::string>, Helper> helpers_;
    bool helpers_fixed_ = false;
    std::unique_ptr<Evaluator> stage_eval_[3];
    std::vector<int> stage_rows_[3];  // per stage: the row position of each member of its set
};

}  // namespace tl::io::wb
