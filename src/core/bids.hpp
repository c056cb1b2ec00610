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
    std::string submitted;  ///< normalised ISO 8601 `YYYY-MM-DDTHH:MM:SS[Z]` (may be empty); compared as text for tie-breaks
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

}  // namespace tl
