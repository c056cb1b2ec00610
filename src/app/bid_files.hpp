#pragma once
/// Reading the files `tenderloop bids P.tender import` (and the GUI's Import bids) is given: bids CSV files and filled-in
/// `.xlsx` bid forms, all checked against the project's rules before anything is stored.
#include <string>
#include <vector>

#include "core/bids.hpp"
#include "core/criteria.hpp"
#include "core/diagnostic.hpp"
#include "store/types.hpp"

namespace tl::app {

struct BidFiles {
    BidTable table;                         ///< over the rules' fields; committee fields NaN
    std::vector<store::ImportFile> files;   ///< every file read, with its SHA-256
    std::vector<std::string> paths;         ///< per file in `files`: the path it was read from
    std::vector<std::size_t> file_of_bid;   ///< per bid: index into `files`
    Diagnostics problems;                   ///< every problem of every file (row, column, field)
    bool unreadable = false;                ///< a file could not be read at all (in `problems`)
    bool ok() const { return !unreadable && !has_errors(problems); }
};

/// Reads every file: `.xlsx` as a bid form (io/bid_form_import.hpp), anything else as a bids CSV
/// (io/bids_csv.hpp). The committee's fields are optional there and never imported (a value in
/// such a column is set aside with a warning): in a project the committee records them. A bidder
/// twice in the same lot, within a file or across files, is a problem too. Names that look alike
/// across files (io/names/bidder_names.hpp) are warnings in `problems`.
BidFiles read_bid_files(const std::vector<std::string>& paths, const CriteriaSet& rules);

}  // namespace tl::app
