#pragma once
/// Diagnostics as values: every layer reports problems the same way, with a location a user can
/// find (file:line:col for rule files, row/column/field for bid files).
#include <string>
#include <vector>

#include "core/message.hpp"

namespace tl {

/// A place in an input. Lines and columns count from 1. In rule files the column counts UTF-8
/// code points; in bid files `line` is the row and `col` the cell's column (0: the whole row).
struct SourcePos {
    std::string file;
    int line = 0;
    int col = 0;
    // Where a bid file's cell or a workbook's cell is meant, also by name, so that a front end can
    // find the cell (the GUI's grid, a sheet) without reading any message text.
    std::string field;   ///< the field id of a bid file's column (empty: the whole row or none)
    std::string bidder;  ///< the bid's bidder, when known
    std::string sheet;   ///< a workbook's sheet name (xlsx inputs)
    std::string cell;    ///< a workbook's cell reference, e.g. "C7" (xlsx inputs)
    bool known() const { return line > 0; }
};

enum class Severity { Error, Warning, Note };

/// One problem found in a user's input.
struct Diagnostic {
    Severity severity = Severity::Error;
    SourcePos pos;
    /// What is wrong, as a value (code, template, arguments): worded by format_diagnostic in the
    /// user's language. Empty only in diagnostics not yet converted to messages.
    Message what;
    /// The English wording of `what` (for logs and English-only callers); set with `what`.
    std::string message;
    std::string source_line;  ///< the text of the line at `pos`, for the caret display (may be empty)
    std::vector<Message> note_messages;  ///< extra lines as values, e.g. "to close '(' at line 3"
    std::vector<std::string> notes;      ///< their English wording (same order)
};

/// A diagnostic from a message: sets `what` and its English wording together.
Diagnostic make_diagnostic(Severity severity, SourcePos pos, Message what, std::string source_line = {});

/// Adds a note (as a value and in English).
void add_note(Diagnostic& d, Message note);

/// The diagnostic's own text in `t`'s language (without place or severity).
std::string diagnostic_text(const Diagnostic& d, const Translator& t = english());

using Diagnostics = std::vector<Diagnostic>;

/// True when any diagnostic is an error.
bool has_errors(const Diagnostics& diagnostics);

/// `file:line:col: error: message`, then the source line and a caret under the column.
/// Worded in `t`'s language; place, caret and notes are the same in every language.
std::string format_diagnostic(const Diagnostic& d, const Translator& t = english());

/// All diagnostics, one after another.
std::string format_diagnostics(const Diagnostics& ds, const Translator& t = english());

/// Column (1-based, counted in code points) of the byte offset `byte_offset` within `line`.
int utf8_column(const std::string& line, std::size_t byte_offset);

}  // namespace tl
