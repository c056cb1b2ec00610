#pragma once
/// The checked expression tree as a US-English Excel formula (commas between arguments), so that
/// the evaluation workbook recomputes every number TenderLoop computed: the third view of one
/// tree, next to print_expr() and the engine. Works in Excel 2010+, LibreOffice Calc and Gnumeric:
/// only functions of Excel 2007 are used (IF IFERROR ISERROR NA AND OR NOT EXACT MIN MAX ABS ROUND
/// INT LOG10 SUM COUNT COUNTIF AVERAGE MEDIAN SMALL LARGE RANK); no array formulas, no MINIFS/IFS.
/// Numeric comparisons follow TenderLoop's rule (excel_compare), round its rule (excel_round).
///
/// The formula text has no leading `=` (libxlsxwriter's worksheet_write_formula accepts both;
/// the Method sheet shows it as written, with `=` prepended by the exporter if it likes).
///
/// Values in the workbook (the contract with the exporter, see FormulaCells):
/// - money, number, quantity: the engine's number; percent: the fraction (40 % is 0.4, shown with
///   a % format); yes/no: the booleans TRUE/FALSE (not 1/0: Excel's 1=TRUE is FALSE); enum: the
///   member's text, compared case-sensitively with EXACT; date: Excel's serial number of the day
///   (days since 1899-12-30, kExcelSerialOf1970 + the engine's days since 1970-01-01), shown with a
///   date format, so that a date literal and a difference of dates are plain numbers;
/// - an unstated optional value is an empty cell.
///
/// Undefined values (the engine's NaN) are Excel *errors* (#N/A from NA(), #DIV/0!, #NUM!), never
/// "": errors propagate through arithmetic, comparisons, IF, NOT, MIN, MAX, ROUND exactly as NaN
/// does in the engine, where "" would turn into #VALUE! in arithmetic and into a silent FALSE in
/// comparisons. The places where NaN does not simply propagate are written out: `and`/`or` follow
/// three-valued logic with IFERROR (only where an operand can be undefined), an empty optional
/// cell becomes NA(), clamp ignores an undefined bound as the engine does, empty aggregates give
/// NA(). to_excel_test() and to_excel_score() turn the final error into "not met"/"no flag" and
/// into the bottom of the scale, as the engine does.
///
/// Aggregates range over a helper column (FormulaCells::set_range) holding the argument's value
/// for every bid of the current set and "" for the other bids and for undefined values (write it
/// with to_excel_helper()): MIN, MAX, SUM, COUNT, AVERAGE, MEDIAN, SMALL, LARGE, RANK and COUNTIF
/// ignore text, so no array formula is needed.
///
/// `exact` means: for every bid of the current set the formula gives the engine's value (an error
/// where the engine's is undefined), up to floating-point rounding (Excel reads literals to 15
/// significant digits; npv uses the closed form of its geometric sum) and one caveat: Excel and
/// LibreOffice compare numbers at about 15 significant digits, so two values that differ only in
/// the last bits count as a tie in next_higher/next_lower and in the *_others aggregates.
/// Not exact (the exporter writes the value and explains `why_not`): a reference to a criterion
/// score without FormulaCells::criterion_cell, count() without FormulaCells::set_size, linear(...)
/// points that may be undefined, npv with constant rates whose ratio (1+escalation)/(1+rate) is
/// within 1e-7 of 1 but not 1 (cancellation), formulas longer than 8 192 characters or nested
/// deeper than 64 levels. (npv with per-bid rates has the same cancellation caveat; it is exact
/// when the ratio is 1 or farther than 1e-7 from it.)
#include <functional>
#include <string>
#include <vector>

#include "core/criteria.hpp"

namespace tl {

/// How the workbook lays things out, for the bid whose formula is being compiled. Every callback
/// returns formula text: a reference such as `Bids!$C5` or `'Bid data'!$C$5:$C$40`.
struct FormulaCells {
    /// This bid's cell of a field (required). Must hold the value as described above.
    std::function<std::string(int field_slot)> field_cell;
    /// This bid's helper cell of a let (holding the let's own compiled formula), or "" to inline
    /// the let's expression. Unset: every let is inlined.
    std::function<std::string(int let_slot)> let_cell;
    /// This bid's cell of a criterion's score (for tie-break expressions). Unset or "": not exact.
    std::function<std::string(int criterion)> criterion_cell;
    /// The range of the helper column of an aggregate's argument (see to_excel_helper()); key it
    /// by print_expr(argument) so equal arguments share a column. Required when aggregates occur.
    std::function<std::string(const Expr& aggregate_argument)> set_range;
    /// Formula text giving the number of bids in the current set, e.g. `SUM(Bids!$K$2:$K$40)` over a
    /// 1/0 membership column (for count()). Unset or "": count() is not exact.
    std::function<std::string()> set_size;
    /// How an enum member is written, a quoted Excel string such as `"A++"`. Unset: the member's
    /// text, quoted with `""` doubled.
    std::function<std::string(int field_slot, int member)> member_text;
};

struct CompiledFormula {
    std::string formula;  ///< without `=`; may hold a best-effort text even when !exact
    bool exact = false;   ///< false: write the engine's value and show why_not on the Method sheet
    std::string why_not;
};

/// The expression as a formula: a number (or TRUE/FALSE for conditions, enum text for enum
/// values), an error where the engine's value is undefined.
CompiledFormula to_excel_formula(const Expr& e, const CriteriaSet& rules, const FormulaCells& cells);

/// A requirement test or an abnormally-low condition: TRUE or FALSE, undefined counting as FALSE
/// (a requirement not met, no flag), as the engine reads it.
CompiledFormula to_excel_test(const Expr& condition, const CriteriaSet& rules, const FormulaCells& cells);

/// A criterion's score as the engine reports it: clamped to the scale, undefined as the bottom
/// of the scale.
CompiledFormula to_excel_score(const Criterion& criterion, const CriteriaSet& rules, const FormulaCells& cells);

/// The helper-column cell of one bid for an aggregate's argument: the argument's value when
/// `in_set` (formula text, e.g. `Bids!$K5=1`) holds and the value is defined, else "".
CompiledFormula to_excel_helper(const Expr& aggregate_argument, const std::string& in_set, const CriteriaSet& rules,
                                const FormulaCells& cells);

/// The arguments of the aggregates a formula of `e` needs helper columns for (also inside inlined
/// lets and inside other aggregates' arguments), each once by print_expr() text, inner ones first.
/// count() has no argument and is not listed. `cells.let_cell` decides which lets are inlined.
std::vector<const Expr*> aggregate_arguments(const Expr& e, const CriteriaSet& rules, const FormulaCells& cells);

/// Excel's serial number of 1970-01-01 (in the 1900 date system): add it to a day number of the
/// engine (days since 1970-01-01) to get the day's serial.
inline constexpr double kExcelSerialOf1970 = 25569;

/// A number as formula text that reads back as the same double (`0.3`, `12000000`, `1E-20`);
/// negative numbers come in parentheses.
std::string excel_number(double v);

/// A numeric comparison under TenderLoop's one rule (core/decimal_compare.hpp): equal within a
/// relative 1e-12 of the larger side. `a` and `b` are formula text that may stand before or after
/// a `-` (an atom or a parenthesized expression). `a<=b` becomes `a-b<=1E-12*MAX(ABS(a),ABS(b))`,
/// `a<b` becomes `b-a>1E-12*MAX(...)`, `a=b` becomes `ABS(a-b)<=1E-12*MAX(...)`, and so on: the
/// same decision in Excel, LibreOffice (which compares at ~15 digits) and Gnumeric (which computes
/// in long double). A comparison with the literal 0 stays plain (the rule makes it exact).
/// `op` is one of Lt Le Gt Ge Eq Ne; the result binds as a comparison.
std::string excel_compare(BinOp op, const std::string& a, const std::string& b);

/// ROUND(x, digits) as the engine's round_half_away: ROUND(ROUND(x,14-INT(LOG10(ABS(x)+(x=0)))),digits),
/// first to 15 significant digits (which Gnumeric, computing in long double, needs explicitly).
/// `x` must be usable as a function argument; a literal x is rounded here.
std::string excel_round(const std::string& x, const std::string& digits);

}  // namespace tl
