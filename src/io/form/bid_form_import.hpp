#pragma once
/// Reading a filled-in bid form back (the way back of io/bid_form.hpp): from the .xlsx a bidder
/// returns, also after Excel or LibreOffice re-saved it, to one Bid checked like a row of the
/// bids CSV.
#include <string>

#include "core/bids.hpp"
#include "core/criteria.hpp"
#include "core/diagnostic.hpp"
#include "io/xlsx/xlsx_zip.hpp"

namespace tl::io {

/// One form read: the bid and every problem found. As with the CSV there is no partial result:
/// the bid is meaningful only when ok().
struct BidFormReadResult {
    Bid bid;
    Diagnostics diagnostics;
    bool ok() const { return !has_errors(diagnostics); }
};

/// Reads the form in `bytes` (the whole .xlsx file; `file_name` names it in messages) against
/// `rules`.
///
/// Refuses a workbook that is not a TenderLoop form, a form made for another tender (reference)
/// or for other fields (a field missing, added, or of another type: the form stores each field's
/// id and type in a hidden column), and a damaged or oversized file (see io/xlsx_zip.hpp).
///
/// Each answer is read as the bids CSV reads a cell (io/field_value.hpp), so that both accept the
/// same spellings and report the same problems: text cells ("12 000 000", "40 %", "да", "01.03.2026"),
/// numbers (percent as the number of percent, unless the cell has a percent format, where 0.4 is
/// 40 %), booleans for yes/no, and date serials (1900 or 1904 date system) for dates and the
/// submission time. Values are checked against the declared ranges; required answers must be
/// present; the lot must be one of the tender's (and the one the form was made for).
///
/// Every diagnostic is an error with `pos.file` = `file_name` (no line) and a message that starts
/// with where: "sheet 'Bid', cell G12 (price): '-5' is out of range: ...". The place is also in
/// values: `pos.sheet`, `pos.cell` ("G12"), `pos.field` (the field id, or bidder / lot /
/// submitted) and `pos.bidder` once the form's bidder is read; the message's code is the
/// problem's ("io.cell.out-of-range"), its nested argument `problem` the problem without the place.
/// On success `bid.values` and `bid.texts` follow read_bids_csv's conventions (the committee's
/// score fields, which the form does not ask for, are NaN); `source_row` is 0.
BidFormReadResult read_bid_form(std::string bytes, const std::string& file_name, const CriteriaSet& rules,
                                const XlsxLimits& limits = {});

}  // namespace tl::io
