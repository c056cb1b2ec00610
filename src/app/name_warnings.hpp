#pragma once
/// Look-alike bidders across the inputs of a project: between the files of one import, and
/// between new names (imported or typed) and the names of the bids the project holds
/// (io/names/bidder_names.hpp has the checks; a bids CSV compares its own rows itself).
#include <string>
#include <vector>

#include "app/bid_files.hpp"
#include "core/diagnostic.hpp"
#include "store/types.hpp"

namespace tl::app {

/// A bidder's name where it was read or typed.
struct NameInInput {
    std::string name;
    Message where;  ///< how another name's warning points here ("bids.csv, row 3", "in the project")
    SourcePos pos;  ///< where this name's own warning is placed
    int group = 0;  ///< names of one group are not compared with each other
};

/// Adds a Warning to `out` for every name of `names` that looks like a name of another group,
/// placed at the later name.
void warn_lookalike_names(const std::vector<NameInInput>& names, Diagnostics& out);

/// The names of `read`'s bids, each once per file, the file's index as the group.
std::vector<NameInInput> names_of(const BidFiles& read);

/// The names of the stored bids, each once, as group -1; the bid `except` is left out (the bid
/// being renamed or replaced).
std::vector<NameInInput> stored_names(const std::vector<store::StoredBid>& bids, const store::BidKey* except = nullptr);

}  // namespace tl::app
