#pragma once
// Internal to src/lang: what rule text must be before the grammar sees it.
#include <string>

#include "core/diagnostic.hpp"

namespace tl::lang {

/// Reads a lone CR (old Mac editors) as a line end: each one becomes '\n'. CRLF stays as it is
/// (the grammar and the line counts already read it). Byte offsets do not change, so positions
/// found in the result hold for the text as saved.
std::string with_line_ends(std::string text);

/// Checks that `text` is UTF-8 (no overlong forms, surrogates, code points past U+10FFFF, lone
/// continuation bytes or cut-off sequences). On the first bad byte adds a located error
/// "lang.invalid-utf8" and returns false: a bad byte in a rule's text would otherwise pass `check`
/// and fail only in the workbook.
bool check_utf8(const std::string& text, const std::string& path, Diagnostics& diagnostics);

}  // namespace tl::lang
