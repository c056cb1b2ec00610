// The Scores sheet: every computed column as a live formula over the Bids sheet, holding
// TenderLoop's own value as the cached result, so the file reads right before any
// recalculation and any recalculation can be compared with it.
#include "io/workbook/workbook_sheets.hpp"

namespace tl::io::wb {

namespace {

lxw_format* format_of(Formats& fm, const ScoresColumn& c) {
    if (!c.exact) return fm.value_only;
    switch (c.role) {
        case ColumnRole::Lot: case ColumnRole::Bidder: return fm.text;
        case ColumnRole::Admissible: case ColumnRole::PassesGates: case ColumnRole::Requirement: case ColumnRole::Tied:
        case ColumnRole::Flag: return fm.yes_no;
        case ColumnRole::Rank: return fm.integer;
        case ColumnRole::Total: return fm.score_bold;
        case ColumnRole::GateScore: case ColumnRole::Score: case ColumnRole::Contribution: return fm.score;
        case ColumnRole::RankTotal: return fm.score;
        case ColumnRole::TieKey: case ColumnRole::Let: case ColumnRole::Helper: case ColumnRole::FirstPlace: return nullptr;
    }
    return nullptr;
}

}  // namespace

void write_scores_header(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout) {
    const auto& columns = layout.columns();
    book.check(worksheet_set_row(ws, 0, 60, nullptr), "header row");
    const int bidder = layout.column_of(ColumnRole::Bidder);
    worksheet_freeze_panes(ws, 1, static_cast<lxw_col_t>(bidder + 1));
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const ScoresColumn& col = columns[c];
        const double width = col.role == ColumnRole::Bidder ? 28 : col.role == ColumnRole::Lot ? 12 : col.working ? 16 : 13;
        book.check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr), "column widths");
        book.text(ws, 0, static_cast<int>(c), col.header, col.working ? fm.header_working : fm.header);
    }
}

void write_scores_rows(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout) {
    const auto& columns = layout.columns();
    std::vector<lxw_format*> formats;
    for (const ScoresColumn& col : columns) formats.push_back(format_of(fm, col));
    for (int i = 0; i < layout.size(); ++i) {
        const int excel_row = layout.excel_row(i), row = excel_row - 1;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const ScoresColumn& col = columns[c];
            const int cc = static_cast<int>(c);
            if (col.role == ColumnRole::Lot) {
                book.text(ws, row, cc, layout.lot().lot, fm.text);
                continue;
            }
            if (col.role == ColumnRole::Bidder) {
                book.text(ws, row, cc, layout.outcome(i).bidder, fm.text);
                continue;
            }
            const Cached v = col.values.get(i);
            if (!col.exact) {  // the value only; the Method sheet says why
                if (v.kind == Cached::Number) book.number(ws, row, cc, v.number, formats[c]);
                else book.text(ws, row, cc, v.text, formats[c]);
                continue;
            }
            const std::string formula = layout.formula_at(cc, i);
            if (v.kind == Cached::Number) book.formula(ws, row, cc, formula, v.number, formats[c]);
            else book.formula_text(ws, row, cc, formula, v.text, formats[c]);
        }
    }
}

void write_scores_sheet(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout) {
    write_scores_header(book, fm, ws, layout);
    write_scores_rows(book, fm, ws, layout);
}

}  // namespace tl::io::wb
