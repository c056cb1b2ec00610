#pragma once
/// Syntax colouring of the rule language, without wx: the text in, style runs out (byte offsets
/// into the UTF-8 text). The editor applies them; tests can check them directly.
#include <cstddef>
#include <string_view>
#include <vector>

namespace tl::gui {

/// Style numbers, as the editor registers them with wxStyledTextCtrl.
enum CritStyle : int {
    kStyleDefault = 0,
    kStyleComment = 1,
    kStyleString = 2,
    kStyleNumber = 3,
    kStyleUnit = 4,      ///< `%`, `RUB`, `years` right after a number
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

/// Styles the whole `text` (every byte is covered by exactly one run, in order).
std::vector<StyleRun> style_crit(std::string_view text);

/// The keywords, space-separated, for the editor's auto-completion.
const char* crit_keywords();

}  // namespace tl::gui
