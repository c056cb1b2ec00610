#pragma once
/// Text from input files (bidder names, cells quoted in messages) made safe to show in a terminal:
/// control characters, such as ESC sequences that could rewrite the screen or a newline that
/// would break a table row, are shown as escapes (`\n`, `\x1b`) instead of acting.
#include <cstddef>
#include <string>

namespace tl::cli {

/// For one-line places (table cells, names): every C0/C1 control character and DEL escaped.
std::string printable_name(const std::string& text);

/// For multi-line text (diagnostics, explanations): as printable_name, but newlines and tabs kept.
std::string terminal_safe(const std::string& text);

/// Width on screen, counted in code points (good enough for Latin and Cyrillic names and
/// headings): what tables pad to, so that columns line up in every language.
std::size_t display_width(const std::string& s);

}  // namespace tl::cli
