#pragma once
/// Numbers as people read them in explanations and tables (never for files that get re-read).
#include <string>

namespace tl {

/// Shortest of up to 10 significant digits that reads back to the same value at that precision:
/// `12000000`, `91.66666667`, `0.4`. NaN prints as `n/a`.
std::string format_number(double v);

/// Fixed decimals, half away from zero: format_fixed(63.83333, 4) == "63.8333".
std::string format_fixed(double v, int decimals);

/// Round half away from zero to `decimals` places, as Excel's ROUND (the one rounding rule of
/// TenderLoop: the engine and the workbook use it alike).
double round_half_away(double v, int decimals);

}  // namespace tl
