#pragma once
/// Splitting CSV text into records and cells (RFC 4180 plus what spreadsheet exports really do),
/// without interpreting any value. Positions are kept so that every later message can say
/// "row R, column C".
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
    Message problem;  ///< why the quoting is malformed (code "io.csv.*"), or empty
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
};

/// The separator of the first non-blank line: whichever of `,` `;` and tab occurs most outside
/// quotes. On a tie tab beats `;` beats `,`, because a comma is also a decimal separator and so the
/// weakest evidence; a line with none of them (a single column) gives `,`.
char detect_separator(std::string_view text);

/// Splits `text` (without a byte-order mark) into records using `separator`. LF, CRLF and a lone
/// CR all end a line. A quote opens a quoted value only at the start of a cell (spaces before it
/// are allowed, as some exports write `a; "b"`); a quote in the middle of an unquoted value is
/// taken literally (`24" monitor`). Text after a closing quote and an unclosed quote are recorded
/// in CsvCell::problem.
CsvTokens tokenize_csv(std::string_view text, char separator);

}  // namespace tl::io
