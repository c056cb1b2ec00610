#pragma once
/// Small UTF-8 text helpers shared by the bid-file readers. They work on bytes and know only what
/// reading spreadsheet exports needs (ASCII and basic Cyrillic case, the space characters that
/// office programs put into numbers), not the whole of Unicode.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tl::io {

/// Byte offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
/// surrogates and code points above U+10FFFF count as invalid), or nullopt when all is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Length in bytes of the "space" at `text[pos]`: 1 for ASCII space, tab, CR, LF; 2 for U+00A0
/// (no-break space); 3 for U+2009 (thin space) and U+202F (narrow no-break space); 0 otherwise.
/// Spreadsheets put the non-ASCII ones into numbers as thousands separators and users paste them
/// around names, so they are trimmed like ordinary spaces.
std::size_t space_length_at(std::string_view text, std::size_t pos);

/// `text` without leading and trailing spaces (as recognised by space_length_at).
std::string trim_spaces(std::string_view text);

/// ASCII letters lowered; everything else unchanged.
std::string ascii_lower(std::string_view text);

/// ASCII and basic Cyrillic letters (А-Я, Ё) lowered; everything else unchanged. Enough for
/// `ДА`/`Нет`, which case-folding by std::tolower would leave untouched.
std::string utf8_lower(std::string_view text);

/// Levenshtein distance counted in code points (so a Cyrillic letter is one edit, not two).
int edit_distance(std::string_view a, std::string_view b);

/// `text` cut to at most `max_code_points` code points, with `…` appended when cut, so that a
/// paragraph pasted into a number column does not flood the message.
std::string shorten_for_message(std::string_view text, std::size_t max_code_points = 60);

}  // namespace tl::io
