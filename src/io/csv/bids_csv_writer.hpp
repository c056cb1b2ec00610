#pragma once
/// Writing bids as the CSV that read_bids_csv reads: what `tenderloop import-form` produces from
/// filled-in bid forms, so that every later command takes one kind of bids file.
#include <string>

#include "core/bids.hpp"

namespace tl::io {

/// The header `bidder[,lot],submitted,<field ids>` (the samples' order; `lot` only when
/// `with_lots`; the committee's score fields are left out: they are optional in a bids file and
/// come from the committee, not from the bids) and one row per bid. Values are written as a person would type them and as the
/// reader reads them back to the same doubles: numbers in full (no scientific notation), percent
/// as the number of percent (`40`), yes/no as `yes`/`no`, enum members and ISO dates as declared,
/// unstated optional values empty. Bidder names and text answers are guarded against formula
/// injection (io/csv_cells.hpp). Lines end with LF; the text is UTF-8 without a byte-order mark.
std::string format_bids_csv(const BidTable& table, bool with_lots);

/// `v` in plain decimal notation with at most 15 significant digits (what a spreadsheet keeps),
/// trailing zeros dropped: 12000000, 0.4, 1234.5, -7. 15 digits remove the noise of a
/// multiplication such as 0.07 * 100 = 7.000000000000001.
std::string plain_number(double v);

}  // namespace tl::io
