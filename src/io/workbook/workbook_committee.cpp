// The Committee sheet: how the committee's scores came about, for the criteria it scores. Each
// evaluator's mark per bid, the statistics as live formulas over those marks (with TenderLoop's
// values cached), the dispersion flag, the chair's consensus (the value the evaluation used), and
// every written justification.
#include <algorithm>
#include <cmath>

#include "core/number_format.hpp"
#include "io/formula/excel_formula.hpp"
#include "io/workbook/workbook_sheets.hpp"

namespace tl::io::wb {

namespace {

std::string declaration_of(const CommitteeMember& m) {
    if (!m.declared) return "no declaration recorded (may not score)";
    if (m.whole_tender_conflict) return "conflict of interest with the whole tender (does not score)";
    if (m.conflicts.empty()) return "no conflict of interest";
    std::string s = "conflict of interest with ";
    for (std::size_t i = 0; i < m.conflicts.size(); ++i) s += (i ? ", " : "") + m.conflicts[i];
    return s + " (does not score those bids)";
}

/// Where the rows of the marks table start (0-based): title, note, a blank row, the members'
/// header and one row per member, a blank row, the marks' header.
int first_cell_row(const CommitteeScores& committee) { return 3 + 1 + static_cast<int>(committee.evaluators.size()) + 1 + 1; }

/// The column of the value the evaluation used ("Consensus"): after [Lot,] Criterion, Bidder, the
/// marks and six statistics.
int value_col(const CriteriaSet& rules, const CommitteeScores& committee) {
    return (rules.tender.lots.empty() ? 2 : 3) + static_cast<int>(committee.evaluators.size()) + 6;
}

bool value_is_formula(const CommitteeCell& cell) {
    return cell.combine != CommitteeCombine::Consensus && !std::isnan(cell.value);
}

}  // namespace

std::string committee_value_cell(const CriteriaSet& rules, const CommitteeScores& committee, const std::string& criterion,
                                 const std::string& bidder, const std::string& lot) {
    for (std::size_t i = 0; i < committee.cells.size(); ++i) {
        const CommitteeCell& c = committee.cells[i];
        if (c.criterion_id == criterion && c.bidder == bidder && c.lot == lot)
            return value_is_formula(c) ? "Committee!$" + column_letters(value_col(rules, committee)) + "$" +
                                             std::to_string(first_cell_row(committee) + static_cast<int>(i) + 1)
                                       : std::string();
    }
    return "";
}

void write_committee_sheet(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const CriteriaSet& rules,
                           const CommitteeScores& committee) {
    const int n_eval = static_cast<int>(committee.evaluators.size());
    const bool lots = !rules.tender.lots.empty();
    const int first_mark = lots ? 3 : 2;  // [Lot,] Criterion, Bidder, marks...
    book.check(worksheet_set_column(ws, 0, static_cast<lxw_col_t>(first_mark - 1), 22, nullptr), "column widths");
    book.check(worksheet_set_column(ws, static_cast<lxw_col_t>(first_mark), static_cast<lxw_col_t>(first_mark + n_eval + 6), 11, nullptr),
               "column widths");
    book.check(worksheet_set_column(ws, static_cast<lxw_col_t>(first_mark + n_eval + 7), static_cast<lxw_col_t>(first_mark + n_eval + 7), 50, nullptr),
               "column widths");
    int row = 0;
    book.text(ws, row++, 0, "Evaluation committee", fm.title);
    book.text(ws, row++, 0,
              "Marks on the committee's scale; the consensus recorded by the chair (or, where the rules say combine: mean or "
              "median, that of the submitted marks) is the value the evaluation used. A spread "
              "above " + format_number(committee.dispersion_threshold) + " points is flagged for discussion.",
              fm.note);
    ++row;
    // Members: the declaration spans the mark columns (merged), the submission time follows.
    const int decl_last = first_mark + std::max(n_eval, 3) + 1;
    auto merged = [&](int r, int c0, int c1, const std::string& text, lxw_format* f) {
        if (c1 > c0) book.check(worksheet_merge_range(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c0), static_cast<lxw_row_t>(r),
                                                      static_cast<lxw_col_t>(c1), "", f),
                                "merged cells");
        book.text(ws, r, c0, text, f);
    };
    book.text(ws, row, 0, "Member", fm.header);
    book.text(ws, row, 1, "Role", fm.header);
    merged(row, 2, decl_last, "Declaration", fm.header);
    merged(row, decl_last + 1, decl_last + 2, "Scores submitted", fm.header);
    ++row;
    for (const CommitteeMember& m : committee.evaluators) {
        book.text(ws, row, 0, m.name, fm.text);
        book.text(ws, row, 1, m.chair ? "chair" : "member", fm.text);
        merged(row, 2, decl_last, declaration_of(m), fm.text);
        merged(row, decl_last + 1, decl_last + 2, m.submitted_at.empty() ? "not yet (drafts)" : m.submitted_at, fm.text);
        ++row;
    }
    ++row;

    // Marks: one row per criterion and bid.
    int col = 0;
    if (lots) book.text(ws, row, col++, "Lot", fm.header);
    book.text(ws, row, col++, "Criterion", fm.header);
    book.text(ws, row, col++, "Bidder", fm.header);
    for (const CommitteeMember& m : committee.evaluators) book.text(ws, row, col++, m.name, fm.header);
    const int stats = col;
    // With a criterion that combines the marks (combine: mean | median), the last column is not
    // always a consensus: its header says what it holds.
    const bool any_combined = std::any_of(committee.criteria.begin(), committee.criteria.end(),
                                          [](const CommitteeCriterionInfo& c) { return c.combine != CommitteeCombine::Consensus; });
    for (const char* h : {"Lowest", "Highest", "Spread", "Mean", "Median", "Dispersed"}) book.text(ws, row, col++, h, fm.header);
    book.text(ws, row, col++, any_combined ? "Value used" : "Consensus", fm.header);
    book.text(ws, row, col++, any_combined ? "How it was formed; consensus justification (by)" : "Consensus justification (by)", fm.header);
    ++row;
    const std::string marks_first = column_letters(first_mark), marks_last = column_letters(first_mark + n_eval - 1);
    for (const CommitteeCell& cell : committee.cells) {
        const std::string r = std::to_string(row + 1);
        const std::string marks = "$" + marks_first + r + ":$" + marks_last + r;
        col = 0;
        if (lots) book.text(ws, row, col++, cell.lot, fm.text);
        book.text(ws, row, col++, cell.criterion_id, fm.text);
        book.text(ws, row, col++, cell.bidder, fm.text);
        for (const CommitteeMark& m : cell.marks) {
            if (m.barred) book.text(ws, row, col, "barred (conflict)", fm.note);
            else if (!m.scored()) book.text(ws, row, col, "missing", fm.warning);
            else book.number(ws, row, col, m.value, m.submitted ? fm.score : fm.value_only);
            ++col;
        }
        // The statistics as formulas over the marks (text cells such as "missing" are ignored).
        if (cell.scored > 0 && n_eval > 0) {
            book.formula(ws, row, stats, "MIN(" + marks + ")", cell.min, fm.score);
            book.formula(ws, row, stats + 1, "MAX(" + marks + ")", cell.max, fm.score);
            book.formula(ws, row, stats + 2, "MAX(" + marks + ")-MIN(" + marks + ")", cell.spread, fm.score);
            book.formula(ws, row, stats + 3, "AVERAGE(" + marks + ")", cell.mean, fm.score);
            book.formula(ws, row, stats + 4, "MEDIAN(" + marks + ")", cell.median, fm.score);
            const std::string spread_cell = "$" + column_letters(stats + 2) + r;
            book.formula(ws, row, stats + 5, "IF(" + excel_compare(BinOp::Gt, spread_cell, excel_number(committee.dispersion_threshold)) + ",1,0)",
                         cell.dispersed ? 1 : 0, fm.yes_no);
        }
        if (cell.combine != CommitteeCombine::Consensus) {
            // combine: mean | median: a formula over the submitted marks of the members who may
            // score the bid (drafts and barred members left out), as the evaluation computed it.
            std::string args;
            for (std::size_t e = 0; e < cell.marks.size(); ++e)
                if (!cell.marks[e].barred && cell.marks[e].scored() && cell.marks[e].submitted)
                    args += (args.empty() ? "" : ",") + ("$" + column_letters(first_mark + static_cast<int>(e)) + "$" + r);
            const bool mean = cell.combine == CommitteeCombine::Mean;
            if (args.empty()) book.text(ws, row, stats + 6, "missing", fm.warning);
            else book.formula(ws, row, stats + 6, std::string(mean ? "AVERAGE(" : "MEDIAN(") + args + ")", cell.value, fm.score_bold);
            const int n = static_cast<int>(cell.submitted.size());
            book.text(ws, row, stats + 7,
                      std::string(mean ? "mean" : "median") + " of the " + std::to_string(n) + " submitted mark" + (n == 1 ? "" : "s") +
                          " (no consensus is needed)",
                      fm.wrap);
        } else if (cell.consensus) {
            const std::string said = cell.consensus->justification + " (" + cell.consensus->decided_by + ", " + cell.consensus->decided_at + ")";
            book.check(worksheet_set_row(ws, static_cast<lxw_row_t>(row), 13.5 * static_cast<double>(said.size() / 55 + 1), nullptr), "row height");
            book.number(ws, row, stats + 6, cell.consensus->value, fm.score_bold);
            book.text(ws, row, stats + 7, cell.consensus->justification + " (" + cell.consensus->decided_by + ", " +
                                              cell.consensus->decided_at + ")",
                      fm.wrap);
        } else {
            book.text(ws, row, stats + 6, "missing", fm.warning);
        }
        ++row;
    }
    ++row;

    // Every evaluator's written justification.
    book.text(ws, row++, 0, "Justifications", fm.subtitle);
    const int last_col = first_mark + n_eval + 7;
    col = 0;
    if (lots) book.text(ws, row, col++, "Lot", fm.header);
    book.text(ws, row, col++, "Criterion", fm.header);
    book.text(ws, row, col++, "Bidder", fm.header);
    book.text(ws, row, col++, "Evaluator", fm.header);
    book.text(ws, row, col++, "Mark", fm.header);
    merged(row, col, last_col, "Justification", fm.header);
    ++row;
    for (const CommitteeCell& cell : committee.cells)
        for (const CommitteeMark& m : cell.marks) {
            if (!m.scored()) continue;
            col = 0;
            book.check(worksheet_set_row(ws, static_cast<lxw_row_t>(row), 13.5 * static_cast<double>(m.justification.size() / 120 + 1), nullptr),
                       "row height");
            if (lots) book.text(ws, row, col++, cell.lot, fm.text);
            book.text(ws, row, col++, cell.criterion_id, fm.text);
            book.text(ws, row, col++, cell.bidder, fm.text);
            book.text(ws, row, col++, m.evaluator + (m.submitted ? "" : " (draft)"), fm.text);
            book.number(ws, row, col++, m.value, fm.score);
            merged(row, col, last_col, m.justification, fm.wrap);
            ++row;
        }
}

}  // namespace tl::io::wb
