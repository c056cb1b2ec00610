#pragma once
/// Reading the bids file: the CSV a procurement officer exports from a spreadsheet, one row per
/// bid, checked against the fields the rules declare.
#include <string>
#include <vector>

#include "core/bids.hpp"
#include "core/diagnostic.hpp"
#include "core/field.hpp"

namespace tl {

/// The outcome of reading a bids file: either a complete table and no errors, or errors and an
/// empty table. There is deliberately no partial table, so that nobody can score the bids that
/// happened to parse and overlook the one that did not.
struct CsvReadResult {
    BidTable table;
    Diagnostics diagnostics;
    /// True when the file was read without errors (the table is then complete).
    bool ok() const { return !has_errors(diagnostics); }
};

/// Reads bids CSV `text` (the whole file, as bytes) against the declared `fields`.
///
/// The first non-blank row is the header: the field ids plus `bidder` (required), `lot` and
/// `submitted` (both optional), in any order, matched after trimming spaces and ignoring ASCII
/// case. The separator (`,` `;` or tab) is taken from the header; quoting follows RFC 4180; a
/// UTF-8 byte-order mark is skipped; blank rows are skipped. Cells are read as the field types
/// require (see io/cell_parsing.hpp for the accepted number, yes/no, date and time spellings).
/// A bidder name or text answer written by TenderLoop with its formula-injection guard (`'=x`)
/// reads back without the apostrophe (see io/csv_cells.hpp).
///
/// `declared_lots` are the tender's lot ids; when empty the tender has no lots and the `lot`
/// column must be absent or empty. A bidder may appear once per lot.
///
/// Every problem becomes one Severity::Error diagnostic with `pos` = {file_name, row, column}
/// (rows are physical lines, header = row 1; columns are 1-based cell indexes) and a message that
/// starts with "row R, column C (column name): " so that it also reads well on its own. All
/// problems are reported, up to 200, followed by one "... and N more" diagnostic.
///
/// Bidders' names are checked by io/names/bidder_names.hpp (docs/BIDS.md): a name with an
/// invisible character is an error at its cell; names of the rows read without errors that look
/// alike (compared across lots) or mix alphabets in a word are Severity::Warning diagnostics at
/// the later name's bidder cell. Warnings leave the table complete (ok() stays true).
///
/// On success `table.fields == fields`, and each Bid has `values.size() == texts.size() ==
/// fields.size()`: `values[k]` as documented on FieldDecl (NaN for text fields and for
/// unstated optional fields) and `texts[k]` the trimmed cell text (empty when the optional
/// column is absent).
CsvReadResult read_bids_csv(const std::string& text, const std::string& file_name,
                            const std::vector<FieldDecl>& fields,
                            const std::vector<std::string>& declared_lots);

}  // namespace tl
