#pragma once
/// Bids as received: one row per bid, one value per declared field.
#include <string>
#include <vector>

#include "core/field.hpp"

namespace tl {

/// One bid. `values[k]` belongs to `fields[k]` of the owning BidTable; NaN means "not stated"
/// (allowed only for optional fields). Text fields keep their text in `texts[k]`.
struct Bid {
    std::string bidder;
    std::string lot;        ///< empty when the tender has no lots
    std::string submitted;  ///< normalised ISO 8601 `YYYY-MM-DDTHH:MM:SS[.fff][Z]` (may be empty); see compare_submission_times
    std::vector<double> values;
    std::vector<std::string> texts;
    int source_row = 0;  ///< 1-based row in the bids file (header is row 1), for messages
};

/// The bids of a tender together with the fields they answer.
struct BidTable {
    std::vector<FieldDecl> fields;
    std::vector<Bid> bids;
    /// Index of the field with this id, or -1.
    int field_index(const std::string& id) const;
};

/// Orders two normalised submission times (Bid::submitted, both with a zone or both without):
/// <0 when `a` is earlier, >0 when later, 0 when the same instant. A fraction of a second counts
/// (`10:00:00.250` is after `10:00:00` and `10:00:00.25` is the same), which plain text order gets
/// wrong (`.` sorts before `Z`).
int compare_submission_times(const std::string& a, const std::string& b);

/// `t` with its fraction of a second padded with zeros to `digits` digits (`10:00:00Z` with 3:
/// `10:00:00.000Z`), so that times padded alike compare correctly as text (in a spreadsheet).
std::string pad_submission_fraction(const std::string& t, std::size_t digits);
/// The number of digits of `t`'s fraction of a second (0 when it has none).
std::size_t submission_fraction_digits(const std::string& t);

}  // namespace tl
