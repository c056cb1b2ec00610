// The Bids sheet: the data as received, which every formula of the Scores sheet reads.
#include <algorithm>
#include <cmath>

#include "io/workbook/workbook_sheets.hpp"

namespace tl::io::wb {

namespace {

std::string header_of(const FieldDecl& f) {
    std::string unit;
    switch (f.type) {
        case FieldType::Money: case FieldType::Quantity: unit = f.unit.to_string(); break;
        case FieldType::Percent: unit = "%"; break;
        case FieldType::YesNo: unit = "yes/no"; break;
        case FieldType::Date: unit = "date"; break;
        case FieldType::Enum: {
            for (const auto& m : f.members) unit += (unit.empty() ? "" : " / ") + m;
            break;
        }
        case FieldType::Number: case FieldType::Text: break;
    }
    std::string h = f.display_name();
    if (!f.name_ru.empty()) h += " / " + f.name_ru;
    return unit.empty() ? h : h + " (" + unit + ")";
}

}  // namespace

void write_bids_header(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout) {
    const CriteriaSet& rules = layout.rules();
    const int lead = layout.bidder_col();  // 1 when a Lot column comes first
    if (lead > 0) {
        book.check(worksheet_set_column(ws, 0, 0, 12, fm.text), "column widths");
        book.text(ws, 0, 0, "Lot", fm.header);
    }
    const auto bidder = static_cast<lxw_col_t>(layout.bidder_col()), submitted = static_cast<lxw_col_t>(layout.submitted_col());
    book.check(worksheet_set_column(ws, bidder, bidder, 28, fm.text), "column widths");
    book.check(worksheet_set_column(ws, submitted, submitted, 20, fm.text), "column widths");
    for (std::size_t f = 0; f < rules.fields.size(); ++f) {
        const auto col = static_cast<lxw_col_t>(layout.field_col(static_cast<int>(f)));
        book.check(worksheet_set_column(ws, col, col, rules.fields[f].type == FieldType::Text ? 30 : 18, nullptr), "column widths");
    }
    // Headers carry two languages and a unit: size the row for the longest one, wrapped.
    std::size_t lines = 2;
    for (const auto& f : rules.fields) lines = std::max(lines, header_of(f).size() / 17 + 1);
    book.check(worksheet_set_row(ws, 0, 13.5 * static_cast<double>(std::min<std::size_t>(lines, 12)), nullptr), "header row");
    worksheet_freeze_panes(ws, 1, static_cast<lxw_col_t>(lead + 1));
    book.text(ws, 0, layout.bidder_col(), "Bidder", fm.header);
    book.text(ws, 0, layout.submitted_col(), "Submitted", fm.header);
    for (std::size_t f = 0; f < rules.fields.size(); ++f)
        book.text(ws, 0, layout.field_col(static_cast<int>(f)), header_of(rules.fields[f]), fm.header);
}

void write_bids_rows(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout, const CommitteeScores* committee) {
    const CriteriaSet& rules = layout.rules();
    const BidTable& bids = layout.bids();
    // The rank formula compares the times as text: when a time has a fraction of a second, every
    // time of the lot is written with as many fraction digits, so that text order is time order.
    std::size_t fraction_digits = 0;
    for (int i = 0; i < layout.size(); ++i)
        fraction_digits = std::max(fraction_digits, submission_fraction_digits(
            bids.bids[static_cast<std::size_t>(layout.rows()[static_cast<std::size_t>(i)])].submitted));
    for (int i = 0; i < layout.size(); ++i) {
        const Bid& bid = bids.bids[static_cast<std::size_t>(layout.rows()[static_cast<std::size_t>(i)])];
        const int row = layout.excel_row(i) - 1;
        if (layout.bidder_col() > 0) book.text(ws, row, 0, bid.lot, fm.text);
        book.text(ws, row, layout.bidder_col(), bid.bidder, fm.text);
        book.text(ws, row, layout.submitted_col(), pad_submission_fraction(bid.submitted, fraction_digits), fm.text);
        for (std::size_t f = 0; f < rules.fields.size(); ++f) {
            const FieldDecl& fd = rules.fields[f];
            const int col = layout.field_col(static_cast<int>(f));
            const double v = f < bid.values.size() ? bid.values[f] : std::nan("");
            lxw_format* format = fm.for_field(fd);
            // The committee's mean or median: the Committee sheet's formula, not a copied number.
            const std::string from_committee =
                committee && fd.committee ? committee_value_cell(rules, *committee, fd.id, bid.bidder, bid.lot) : std::string();
            if (!from_committee.empty()) {
                book.formula(ws, row, col, from_committee, v, format);
            } else if (fd.type == FieldType::Text) {
                book.text(ws, row, col, f < bid.texts.size() ? bid.texts[f] : std::string(), fm.wrap);
            } else if (std::isnan(v)) {
                book.blank(ws, row, col, format);  // not stated (an optional field)
            } else if (fd.type == FieldType::YesNo) {
                book.boolean(ws, row, col, v != 0, fm.yes_no);
            } else if (fd.type == FieldType::Enum) {
                book.text(ws, row, col, fd.members[static_cast<std::size_t>(v)], fm.text);
            } else if (fd.type == FieldType::Date) {
                book.number(ws, row, col, excel_serial_date(v), fm.date);
            } else {
                book.number(ws, row, col, v, format);
            }
        }
    }
}

void write_bids_sheet(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout, const CommitteeScores* committee) {
    write_bids_header(book, fm, ws, layout);
    write_bids_rows(book, fm, ws, layout, committee);
}

}  // namespace tl::io::wb
