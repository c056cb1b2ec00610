#pragma once
/// Splitting CSV text into records and cells (RFC 4180 plus what spreadsheet exports really do),
/// without interpreting any value. Positions are kept so that every later message can say
/// "row R, column C".
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/message.hpp"

namespace tl::io {

/// One cell as written: quotes removed, `""` turned into `"`, line breaks inside quotes kept as
/// `\n`. Surrounding spaces are kept; trimming is the caller's decision.
struct CsvCell {
    std::string text;
    bool quoted = false;
    /// Why the quoting is malformed (code "io.csv.*"), or null. A pointer, since nearly every cell
    /// has none and a bids file has up to kMaxCsvCells cells.
    std::shared_ptr<const Message> problem;
};

/// One logical record. `row` is the physical line it starts on (1-based), so a record after a
/// quoted value with a line break has a row number one higher than its index would suggest.
struct CsvRecord {
    int row = 0;
    std::vector<CsvCell> cells;
    /// A quote in the last cell was never closed, so the cell swallowed the rest of the file and
    /// the record's shape means nothing.
    bool unterminated = false;
};

struct CsvTokens {
    char separator = ',';
    std::vector<CsvRecord> records;  ///< every record, blank ones included
    /// Set when the text has more cells than tokenize_csv's limit: the row of the record that
    /// went past it (the records stop there), for the caller's message.
    int stopped_at_row = 0;
};

/// The most cells one bids file may have (rows times columns): 100 000 bids of 20 answers. It
/// bounds the reader's memory (each cell costs about 60 bytes besides its text) independently of
/// the file's size limit, which a file of short cells would reach only with 30 million of them.
/// Stated in docs/PROJECT.md; measured in bench/README.md.
inline constexpr std::size_t kMaxCsvCells = 2'000'000;

/// The separator of the first non-blank line: whichever of `,` `;` and tab occurs most outside
/// quotes. On a tie tab beats `;` beats `,`, because a comma is also a decimal separator and so the
/// weakest evidence; a line with none of them (a single column) gives `,`.
char detect_separator(std::string_view text);

/// Splits `text` (without a byte-order mark) into records using `separator`. LF, CRLF and a lone
/// CR all end a line. A quote opens a quoted value only at the start of a cell (spaces before it
/// are allowed, as some exports write `a; "b"`); a quote in the middle of an unquoted value is
/// taken literally (`24" monitor`). Text after a closing quote and an unclosed quote are recorded
/// in CsvCell::problem.
/// Stops after the record that takes the count of cells past `max_cells` (CsvTokens::stopped_at_row).
CsvTokens tokenize_csv(std::string_view text, char separator, std::size_t max_cells = kMaxCsvCells);

}  // namespace tl::io
