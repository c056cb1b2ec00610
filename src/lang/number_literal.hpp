#pragma once
// Internal to src/lang: what the text of a number literal says beyond its value, for the
// messages about numbers that a double cannot hold as written.
#include <string_view>

namespace tl::lang {

struct NumberText {
    int significant_digits = 0;  ///< digits from the first non-zero one to the last non-zero one
    /// The decimal exponent of the leading digit (1234.5 -> 3, 0.012 -> -2, 1e-400 -> -400);
    /// saturates instead of overflowing for absurd exponents.
    long long magnitude = 0;
    bool zero = true;  ///< no non-zero digit at all
};

/// Reads a literal as the grammar accepts it: digits, an optional `.digits`, an optional exponent
/// `e[+-]digits`.
NumberText inspect_number(std::string_view text);

/// The most significant digits a double keeps: more are rounded away, which `check` warns about.
inline constexpr int kMaxSignificantDigits = 17;

}  // namespace tl::lang
