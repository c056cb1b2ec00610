#pragma once
/// Diagnostics as values: every layer reports problems the same way, with a location a user can
/// find (file:line:col for rule files, row/column/field for bid files).
#include <string>
#include <vector>

namespace tl {

/// A place in an input. Lines and columns count from 1. In rule files the column counts UTF-8
/// code points; in bid files `line` is the row and `col` the cell's column (0: the whole row).
struct SourcePos {
    std::string file;
    int line = 0;
    int col = 0;
    bool known() const { return line > 0; }
};

enum class Severity { Error, Warning, Note };

/// One problem found in a user's input.
struct Diagnostic {
    Severity severity = Severity::Error;
    SourcePos pos;
    std::string message;
    std::string source_line;  ///< the text of the line at `pos`, for the caret display (may be empty)
    std::vector<std::string> notes;  ///< extra lines, e.g. "to close '(' at line 3"
};

using Diagnostics = std::vector<Diagnostic>;

/// True when any diagnostic is an error.
bool has_errors(const Diagnostics& diagnostics);

/// `file:line:col: error: message`, then the source line and a caret under the column.
std::string format_diagnostic(const Diagnostic& d);

/// All diagnostics, one after another.
std::string format_diagnostics(const Diagnostics& ds);

/// Column (1-based, counted in code points) of the byte offset `byte_offset` within `line`.
int utf8_column(const std::string& line, std::size_t byte_offset);

}  // namespace tl
