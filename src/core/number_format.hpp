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

/// printf's `%.*g` as in the "C" locale, whatever the program's locale: a Russian LC_NUMERIC
/// (which the GUI sets) would make printf write `0,5` into rules, formulas and CSV files.
std::string c_format_general(double v, int precision);
/// printf's `%.*f` as in the "C" locale.
std::string c_format_fixed(double v, int decimals);
/// strtod as in the "C" locale over the whole text; NaN when it is not one number.
double c_parse_double(const std::string& text);

}  // namespace tl
