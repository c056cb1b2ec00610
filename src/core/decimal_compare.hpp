#pragma once
/// The one comparison rule of TenderLoop (docs/LANGUAGE.md, "Comparisons"): numbers compare as the
/// decimal arithmetic written in the rules would, not as their binary approximations. 0.7 * 1300 is
/// 909.9999999999999 in binary floating point, yet `910 <= 0.7 * 1300` must hold at exactly 30 %.
/// So two numbers are *equal* when they differ by at most a relative 1e-12 of the larger one, and
/// every comparison operator is built on that: `a <= b` is `a < b or equal`, `a < b` is `a < b and
/// not equal`. The evaluation workbook writes the same rule into its formulas
/// (io/formula/excel_formula.hpp, excel_compare), so Excel, LibreOffice and Gnumeric decide alike.
/// Used by the rule language's operators, `steps` arms, requirements, abnormally-low flags, gates
/// and field range checks. (Totals compare within the wider kTotalTolerance of core/ranking.hpp.)
#include <algorithm>
#include <cmath>

namespace tl {

/// Relative tolerance under which two numbers count as equal.
constexpr double kCompareTolerance = 1e-12;

/// |a - b| <= 1e-12 * max(|a|, |b|): equal as decimals. Exact zero only equals zero; NaN equals
/// nothing; an infinity equals only the same infinity.
inline bool approx_equal(double a, double b) {
    if (a == b) return true;
    if (std::isinf(a) || std::isinf(b)) return false;
    return std::fabs(a - b) <= kCompareTolerance * std::max(std::fabs(a), std::fabs(b));
}
/// a < b, and not equal under approx_equal.
inline bool decimal_less(double a, double b) { return a < b && !approx_equal(a, b); }
/// a < b, or equal under approx_equal.
inline bool decimal_less_equal(double a, double b) { return a < b || approx_equal(a, b); }
inline bool decimal_greater(double a, double b) { return decimal_less(b, a); }
inline bool decimal_greater_equal(double a, double b) { return decimal_less_equal(b, a); }

}  // namespace tl
