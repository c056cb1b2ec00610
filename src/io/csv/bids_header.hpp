#pragma once
/// Internals of read_bids_csv shared by its parts: the diagnostics collector and the mapping of
/// header cells to columns. Not part of the public API.
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/field.hpp"
#include "io/csv/csv_tokenizer.hpp"

namespace tl::io {

/// Collects diagnostics in the "row R, column C (name): ..." form, so that a message printed
/// without its position (in a dialog, in a list of problems) still says where to look. The place
/// also travels as values: the diagnostic's SourcePos has the row, the column, the field id of
/// the column and the bid's bidder; its message has the problem's code and, as the nested
/// argument `problem`, the problem without the place (for a front end that shows the place itself).
class BidsReporter {
public:
    /// Problems beyond this many are counted, not listed: a file in the wrong encoding would
    /// otherwise produce one error per cell.
    static constexpr std::size_t kMaxDiagnostics = 200;

    explicit BidsReporter(std::string file) : file_(std::move(file)) {}

    /// A problem of one cell; `column` is the column's name as the message shows it ("" when the
    /// header has none); `field` the field id (or bidder/lot/submitted) when the column is known.
    /// `severity` Warning: a doubt about a complete file (look-alike names); any() ignores those.
    void cell(int row, int col, const std::string& column, Message problem, const std::string& field = {},
              Severity severity = Severity::Error);
    /// A problem of a whole row (such as a missing column): col 0 means "no particular cell".
    void row(int row, Message problem, const std::string& field = {});
    /// True when any problem is an error.
    bool any() const { return has_errors(all_); }
    /// How many problems so far (to mark the ones of a row with its bidder afterwards).
    std::size_t count() const { return all_.size(); }
    /// Sets SourcePos::bidder of the problems from index `first` on.
    void set_bidder(std::size_t first, const std::string& bidder);
    /// All diagnostics by row and column, at most kMaxDiagnostics plus one "... and N more".
    Diagnostics finish();

private:
    void add(int row, int col, Message what, const std::string& field, Severity severity = Severity::Error);
    std::string file_;
    Diagnostics all_;
};

enum class ColumnKind { Bidder, Lot, Submitted, Field, Unnamed, Ignored };

/// What a header cell names. Unknown and duplicate columns are Ignored (already reported).
struct Column {
    ColumnKind kind = ColumnKind::Ignored;
    int field = -1;    ///< index into the fields, for ColumnKind::Field
    std::string name;  ///< for messages: the canonical id, or the header text when unknown
};

/// Maps the cells of `header` to columns, reporting unknown, duplicate and missing columns.
/// Returns an empty vector when no cell names a known column (the file then has no header, or the
/// wrong one, and checking its rows would only repeat that).
std::vector<Column> read_bids_header(const CsvRecord& header, const std::vector<FieldDecl>& fields,
                                     const std::vector<std::string>& lots, BidsReporter& rep);

/// `'text'`, shortened for a message.
std::string quote_for_message(const std::string& text);
/// `a, b, c`.
std::string join_list(const std::vector<std::string>& items);
/// The advice for a file that is not UTF-8.
Message save_as_utf8();

}  // namespace tl::io
