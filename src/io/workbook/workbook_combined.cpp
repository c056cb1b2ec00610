// The combined layout for many lots (docs/WORKBOOK.md, "Many lots"): one Summary, Bids, Scores and
// Method sheet for every lot. Each lot is a block of consecutive rows on Bids and Scores, after a
// Lot column; its formulas (aggregates, ranks, ties) range over its own block only, so every lot
// is still evaluated on its own, live. The Summary has one row per lot. Each sheet is written top
// to bottom in one pass over the lots (constant_memory), with one lot's layout alive at a time.
#include <algorithm>
#include <unordered_map>

#include "io/workbook/workbook_sheets.hpp"

namespace tl::io::wb {

namespace {

enum SummaryCol { kLot, kLotName, kReceived, kRanked, kWinner, kWinningTotal, kNote, kExcluded, kFlags, kSummaryCols };

std::size_t count_ranked(const LotOutcome& lot) {
    return static_cast<std::size_t>(std::count_if(lot.bids.begin(), lot.bids.end(), [](const BidOutcome& o) { return o.ranked(); }));
}

// The Summary sheet, written as the lots go by: its head, one row per lot, then the lists.
class CombinedSummary {
public:
    CombinedSummary(XlsxBook& book, Formats& fm, const LotSheets& sheets, const CriteriaSet& rules, const Result& result,
                    const ExportInfo& info)
        : book_(book), fm_(fm), ws_(sheets.summary_ws), scores_(sheet_ref(sheets.scores)) {
        const double widths[kSummaryCols] = {12, 30, 9, 9, 30, 12, 40, 10, 9};
        for (int c = 0; c < kSummaryCols; ++c)
            book.check(worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr), "column widths");
        book.text(ws_, row_++, 0, rules.tender.title.empty() ? "Evaluation" : rules.tender.title, fm.title);
        if (!rules.tender.title_ru.empty()) book.text(ws_, row_++, 0, rules.tender.title_ru, fm.subtitle);
        std::size_t bids = 0, ranked = 0;
        for (const LotOutcome& lot : result.lots) {
            bids += lot.bids.size();
            ranked += count_ranked(lot);
        }
        line("Reference", rules.tender.reference);
        line("Currency", rules.tender.currency);
        line("Evaluated", info.exported_at.substr(0, 10) + " (TenderLoop " + info.tool_version + ")");
        line("Method", method_text(rules));
        line("Lots", std::to_string(result.lots.size()) + " lots; " + std::to_string(bids) + " bids received, " +
                         std::to_string(ranked) + " ranked");
        line("Layout", "More than " + std::to_string(info.combine_lots_above) +
                           " lots: every lot is on the same Bids and Scores sheets, one block of rows per lot (Lot column). "
                           "Each lot is evaluated on its own: its formulas range over its own rows only.");
        ++row_;
        book.text(ws_, row_++, 0, "Lots", fm.subtitle);
        book.check(worksheet_set_row(ws_, static_cast<lxw_row_t>(row_), 30, nullptr), "header row");
        const char* headers[kSummaryCols] = {"Lot", "Lot name", "Bids", "Ranked", "Winner", "Winning total", "Note",
                                             "Inadmissible or eliminated", "Flags"};
        for (int c = 0; c < kSummaryCols; ++c) book.text(ws_, row_, c, headers[c], fm.header);
        worksheet_freeze_panes(ws_, static_cast<lxw_row_t>(row_ + 1), 1);
        ++row_;
    }

    // The lot's row: the counts, and the winner and its total as formulas over its Scores block.
    void add_lot(const LotLayout& layout) {
        const LotOutcome& lot = layout.lot();
        book_.text(ws_, row_, kLot, lot.lot, fm_.text);
        book_.text(ws_, row_, kLotName, lot.lot_name, fm_.text);
        book_.number(ws_, row_, kReceived, static_cast<double>(layout.size()), fm_.integer);
        const std::size_t ranked = count_ranked(lot);
        std::vector<std::string> winners;
        double winning_total = 0;
        for (const BidOutcome& o : lot.bids)
            if (o.rank == 1) {
                winners.push_back(o.bidder);
                winning_total = o.total;
            }
        if (layout.size() > 0) {
            const std::string members = scores_ + layout.column_range(layout.membership_column(Stage::Final));
            book_.formula(ws_, row_, kRanked, "SUM(" + members + ")", static_cast<double>(ranked), fm_.integer);
        } else {
            book_.number(ws_, row_, kRanked, 0, fm_.integer);
        }
        // The winner (or the tie at rank 1, or none) and its total: formulas over the lot's block.
        if (layout.size() > 0) {
            book_.formula_text(ws_, row_, kWinner, layout.winner_formula(), layout.winner_text(), fm_.score_bold);
            if (winners.empty()) book_.formula_text(ws_, row_, kWinningTotal, layout.winning_total_formula(), "", fm_.score_bold);
            else book_.formula(ws_, row_, kWinningTotal, layout.winning_total_formula(), winning_total, fm_.score_bold);
        } else {
            book_.text(ws_, row_, kWinner, "none", fm_.text);
        }
        std::string note;
        if (winners.size() > 1) {
            for (const std::string& w : winners) note += (note.empty() ? "" : ", ") + w;
            note = "Tie for first place: " + note + ". The tie-break chain did not separate them.";
        } else if (ranked == 0) {
            note = "No bid could be ranked.";
        }
        book_.text(ws_, row_, kNote, note, winners.size() > 1 ? fm_.warning : fm_.text);
        std::size_t flags = 0;
        for (const BidOutcome& o : lot.bids) flags += o.flags.size();
        book_.number(ws_, row_, kExcluded, static_cast<double>(lot.bids.size() - ranked), fm_.integer);
        book_.number(ws_, row_, kFlags, static_cast<double>(flags), fm_.integer);
        ++row_;
    }

    // After every lot's row: the excluded bids with their reasons, the flags, the signatures.
    void finish(const Result& result) {
        ++row_;
        bool any = false;
        for (const LotOutcome& lot : result.lots)
            for (const BidOutcome& o : lot.bids) {
                if (o.ranked()) continue;
                if (!any) list_head("Inadmissible or eliminated bids", any);
                for (const Exclusion& e : o.excluded_because)
                    list_row(lot.lot, o.bidder, (e.gate ? "Below the minimum of " : "Fails ") + e.rule_name + ": " + e.detail, fm_.text);
            }
        if (any) ++row_;
        any = false;
        for (const LotOutcome& lot : result.lots)
            for (const BidOutcome& o : lot.bids)
                for (const Flag& f : o.flags) {
                    if (!any) list_head("Flags for the committee", any);
                    list_row(lot.lot, o.bidder, f.rule_name + ": " + f.detail, fm_.warning);
                }
        if (any) ++row_;
        row_ = write_signature_block(book_, fm_, ws_, row_);
    }

private:
    void line(const std::string& label, const std::string& value) {
        book_.text(ws_, row_, 0, label, fm_.label);
        book_.text(ws_, row_, 2, value, fm_.text);
        ++row_;
    }
    void list_head(const char* title, bool& any) {
        book_.text(ws_, row_++, 0, title, fm_.subtitle);
        any = true;
    }
    void list_row(const std::string& lot, const std::string& bidder, const std::string& what, lxw_format* format) {
        book_.text(ws_, row_, kLot, lot, fm_.text);
        book_.text(ws_, row_, kLotName, bidder, fm_.text);
        book_.text(ws_, row_, kReceived, what, format);
        ++row_;
    }

    XlsxBook& book_;
    Formats& fm_;
    lxw_worksheet* ws_;
    std::string scores_;
    int row_ = 0;
};

}  // namespace

void write_combined_lots(XlsxBook& book, Formats& fm, const LotSheets& sheets, const CriteriaSet& rules,
                         const BidTable& bids, const Result& result, const ExportInfo& info,
                         const std::function<void()>& next_step) {
    // Each lot's bids in file order, found in one pass (not one pass over all bids per lot).
    std::unordered_map<std::string, std::size_t> lot_index;
    for (std::size_t l = 0; l < result.lots.size(); ++l) lot_index.emplace(result.lots[l].lot, l);
    std::vector<std::vector<int>> rows(result.lots.size());
    for (std::size_t i = 0; i < bids.bids.size(); ++i) {
        auto it = lot_index.find(bids.bids[i].lot);
        if (it != lot_index.end()) rows[it->second].push_back(static_cast<int>(i));
    }

    CombinedSummary summary(book, fm, sheets, rules, result, info);
    int first_row = 0;
    for (std::size_t l = 0; l < result.lots.size(); ++l) {
        next_step();
        const LotLayout layout(rules, bids, result.lots[l], sheets.bids, sheets.scores, Block{first_row, true, &rows[l]});
        if (l == 0) {
            write_bids_header(book, fm, sheets.bids_ws, layout);
            write_scores_header(book, fm, sheets.scores_ws, layout);
            // The rules are the same for every lot: the Method shows the first lot's formulas.
            write_method_sheet(book, fm, sheets.method_ws, layout);
        }
        write_bids_rows(book, fm, sheets.bids_ws, layout, info.committee);
        write_scores_rows(book, fm, sheets.scores_ws, layout);
        summary.add_lot(layout);
        first_row += layout.size();
    }
    summary.finish(result);
    for (lxw_worksheet* ws : {sheets.summary_ws, sheets.bids_ws, sheets.scores_ws, sheets.method_ws}) {
        setup_page(book, ws, rules.tender.reference, ws != sheets.summary_ws);
        protect_sheet(ws);
    }
}

}  // namespace tl::io::wb
