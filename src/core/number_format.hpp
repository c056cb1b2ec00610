#pragma once
/// Numbers as people read them in explanations and tables (never for files that get re-read).
#include <string>

namespace tl {

/// Shortest of up to 10 significant digits that reads back to the same value at that precision:
/// `12000000`, `91.66666667`, `0.4`. NaN prints as `n/a`.
std::string format_number(double v);

/// Fixed decimals, half away from zero: format_fixed(63.83333, 4) == "63.8333".
std::string format_fixed(double v, int decimals);

/// Round to `decimals` places as the decimal the value stands for (the one rounding rule of
/// TenderLoop, docs/LANGUAGE.md "round"): first to 15 significant digits, then half away from
/// zero, as Excel's and LibreOffice's ROUND; the workbook's formula does the same in Gnumeric.
/// round_half_away(2.675, 2) == 2.68, round_half_away(1.0049999999999996, 2) == 1.01.
double round_half_away(double v, int decimals);

/// printf's `%.*g` as in the "C" locale, whatever the program's locale: a Russian LC_NUMERIC
/// (which the GUI sets) would make printf write `0,5` into rules, formulas and CSV files.
std::string c_format_general(double v, int precision);
/// printf's `%.*f` as in the "C" locale.
std::string c_format_fixed(double v, int decimals);
/// strtod as in the "C" locale over the whole text; NaN when it is not one number.
double c_parse_double(const std::string& text);

}  // namespace tl
