#pragma once
/// The bid response form: an .xlsx workbook generated from a tender's rules that a supplier fills
/// in, and that `import-form` (io/bid_form_import.hpp) reads back. docs/BID_FORM.md shows it.
#include <string>

#include "core/criteria.hpp"
#include "core/message.hpp"

namespace tl::io {

struct BidFormOptions {
    /// The lot the form is for: it is then written into the form and cannot be changed. Empty:
    /// the bidder chooses the lot from a list (when the tender has lots). Must be a declared lot.
    std::string lot;
};

/// Writes the form for `rules` to `path`: a sheet "Instructions" (title, reference, lots, how to
/// fill in, in English and, when the tender has Russian texts, Russian) and a sheet "Bid" with
/// the bidder's name, the lot, the submission date and one row per field (name, description,
/// unit, evidence, required or optional, and an input cell with data validation). Input cells are
/// unlocked and yellow; everything else is locked and the sheets are protected without a
/// password. Printing: A4 landscape, one page wide, header row repeated.
///
/// The file appears only when complete: it is written to a temporary file that is renamed over
/// `path` at the end. Returns false with `*error` set (a sentence without the path) on failure,
/// leaving no file behind; every libxlsxwriter error is reported with lxw_strerror's text.
bool write_bid_form(const CriteriaSet& rules, const std::string& path, const BidFormOptions& options,
                    std::string* error);
/// The same, with the problem as a value (code "io.form.*" or "io.xlsx-write.*") in `why`.
bool write_bid_form(const CriteriaSet& rules, const std::string& path, const BidFormOptions& options, Message& why);

}  // namespace tl::io
