#pragma once
/// The few Unicode facts the bidder-name checks need (character classes, names and scripts,
/// NFKC case folding, the confusable skeletons of Unicode TR 39), taken from ICU so that
/// TenderLoop keeps no tables of its own. Only src/io/names uses this; ICU stays out of core.
#include <string>
#include <string_view>
#include <vector>

namespace tl::io::unicode {

/// The code points of UTF-8 `text` (an invalid byte becomes U+FFFD; callers check UTF-8 first).
std::vector<char32_t> code_points(std::string_view text);

/// One code point as UTF-8.
std::string utf8_of(char32_t c);

/// `U+0410`: how a message names a code point.
std::string code_label(char32_t c);

/// The Unicode name, e.g. `ZERO WIDTH SPACE` (`<control>` style names for unnamed characters).
std::string char_name(char32_t c);

/// True for what a reader cannot see in a name: controls (Cc), format characters (Cf: zero-width
/// space and joiners, bidi controls, the BOM, soft hyphen), line and paragraph separators, and
/// every other default-ignorable code point (such as the Hangul filler).
bool is_invisible(char32_t c);

/// True for a Unicode white-space character (White_Space property).
bool is_space(char32_t c);

/// True for the characters that make up a word of a name: letters, marks and digits.
bool is_word_char(char32_t c);

/// The character's script (ICU's UScriptCode), or -1 for Common and Inherited (digits,
/// punctuation, combining marks), which belong to every script.
int script_of(char32_t c);

/// script_of, with the scripts that are written together in one word counted as one: Han,
/// Hiragana, Katakana (Japanese), Hangul and Bopomofo all give USCRIPT_HAN.
int word_script_of(char32_t c);

/// The script's English name as ICU spells it ("Cyrillic", "Latin").
std::string script_name(int script);

/// The name case-folded after NFKC normalisation (NFKC_Casefold) with every run of white space
/// made one ASCII space: names equal under this key differ only in case, width or spacing.
std::string folded(const std::string& name);

/// The TR 39 confusable skeleton of `text` (uspoof_getSkeleton): two texts that look alike have
/// the same skeleton ("Аcme" with Cyrillic А and "Acme").
std::string skeleton(const std::string& text);

}  // namespace tl::io::unicode
