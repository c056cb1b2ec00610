#pragma once
/// Syntax colouring and fold levels of the rule language, without wx: the text in, style runs
/// and per-line brace depths out (byte offsets into the UTF-8 text). The editor applies them;
/// tests can check them directly.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tl::gui {

/// Style numbers, as the editor registers them with wxStyledTextCtrl.
enum CritStyle : int {
    kStyleDefault = 0,
    kStyleComment = 1,
    kStyleString = 2,
    kStyleNumber = 3,
    kStyleUnit = 4,      ///< `%`, `RUB`, `years`, `g/km` right after a number
    kStyleKeyword = 5,   ///< declarations and operators: tender, field, criterion, and, if ...
    kStyleType = 6,      ///< money, percent, yesno, enum ...
    kStyleProperty = 7,  ///< `weight:`, `score:` ...
    kStyleFunction = 8,  ///< an identifier followed by `(`
};

/// A run of `length` bytes from `start` in one style.
struct StyleRun {
    std::size_t start = 0, length = 0;
    int style = kStyleDefault;
};

/// Brace depth of one line: `{` and `}` outside strings and comments, at the line's start and
/// end (never below 0, so a stray `}` does not push the rest of the file out of every block).
struct LineDepth {
    int start = 0, end = 0;
};

/// Style runs and line depths of a piece of text.
struct StyledText {
    std::vector<StyleRun> runs;     ///< every byte covered by exactly one run, in order
    std::vector<LineDepth> lines;   ///< one per line begun in the text (a last line without `\n` too)
};

/// Styles `text`, which must begin at a line start, with `depth` open braces before it. Nothing
/// else carries over a line break in this language (strings and comments end with the line), so
/// the editor can restyle from any line on knowing only the previous line's depth.
StyledText style_crit_lines(std::string_view text, int depth = 0);

/// Styles the whole `text` (every byte is covered by exactly one run, in order).
std::vector<StyleRun> style_crit(std::string_view text);

/// The words of the language a place can start with, for the editor's completion:
/// `in_value` after `key:` or `let x =` (operators, types, kinds such as `price`), otherwise at
/// the start of a line (items such as `criterion` and property keys such as `weight`).
const std::vector<std::string>& crit_keywords(bool in_value);

/// The language's functions and aggregates (`linear`, `lowest`, `npv` ...), sorted.
std::vector<std::string> crit_functions();

}  // namespace tl::gui
