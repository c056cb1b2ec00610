#pragma once
/// The expression tree shared by every layer: built by the language library, resolved and typed
/// by its checker, evaluated by the engine, printed for explanations (and, later, as Excel
/// formulas). One tree, several views, so they cannot disagree.
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/unit.hpp"

namespace tl {

enum class ExprKind {
    Number,  ///< literal with optional unit (`30 %`, `3 years`)
    Bool,    ///< `yes` / `no`
    Name,    ///< identifier: field, let, criterion or enum member (see RefKind)
    Text,    ///< quoted string: an enum member such as "A++"
    Unary,
    Binary,
    If,      ///< args: condition, then, else
    Call,    ///< function or aggregate; see Func
    Arrow,   ///< `key -> value` inside linear/steps/table; `guard` holds the comparison of steps
    Else,    ///< the key `else` of an arrow
};

enum class UnOp { Neg, Not };
enum class BinOp { Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne, And, Or, None };

enum class Func {
    Unknown,
    Min, Max, Abs, Round, Clamp,
    Ln, Log10, Exp, Sqrt, Power,  // undefined outside their domain (ln 0, sqrt -1), like x / 0
    Date,  // date("2027-03-01"): a date literal (days since 1970-01-01)
    Linear, Steps, Table, RatioLowest, RatioHighest, Npv,
    // aggregates over the current set of bids of the lot
    Lowest, Highest, Mean, Median, Sum, Count,
    LowestOthers, HighestOthers, MeanOthers, MedianOthers, NextHigher, NextLower,
};

/// What a Name refers to, filled by the checker.
enum class RefKind { Unresolved, Field, Let, Criterion, Member };

/// The type of a value, filled by the checker.
enum class ValueKind { Number, Bool, Enum, Text, Date };

struct Expr {
    ExprKind kind = ExprKind::Number;
    SourcePos pos;     ///< where the expression starts
    SourcePos op_pos;  ///< Binary: where its operator stands (for "cannot add ..." messages)

    double number = 0;      ///< Number: the literal as written (30 for `30 %`)
    std::string unit_text;  ///< Number: the unit as written ("%", "years", "RUB/kWh")
    bool boolean = false;   ///< Bool
    std::string name;       ///< Name / Text / Call: identifier, member text or function name
    UnOp un = UnOp::Neg;
    BinOp bin = BinOp::None;  ///< Binary: operator; Arrow: the guard comparison of steps (or None)
    Func func = Func::Unknown;
    std::vector<Expr> args;

    // --- filled by the checker ---
    RefKind ref = RefKind::Unresolved;
    int slot = -1;              ///< field index, let index, criterion index or member index
    ValueKind type = ValueKind::Number;
    int enum_field = -1;        ///< for Enum values: the field whose members they are
    Unit unit;                  ///< for Number values
    double value = 0;           ///< Number: the literal in engine units (30 % -> 0.3)
};

/// Function name as written in the language (`lowest`, `ratio_lowest`, ...).
const char* func_name(Func f);
/// Function by name, Func::Unknown if none.
Func func_by_name(const std::string& name);
/// True for aggregates (they range over several bids).
bool is_aggregate(Func f);
/// True when the expression, or anything under it, is an aggregate.
bool contains_aggregate(const Expr& e);
/// Operator spelling (`+`, `<=`, `and`).
const char* binop_text(BinOp op);

/// A hook that lets a printer replace a node by its value (for explanations). Return true and fill
/// `out` to replace; false to print the node as usual.
struct ExprSubstitution {
    virtual ~ExprSubstitution() = default;
    virtual bool substitute(const Expr& e, std::string& out) const = 0;
};

/// Canonical text of an expression, with the fewest parentheses that keep its meaning.
/// `print_expr(parse(s))` reads back as the same tree.
std::string print_expr(const Expr& e, const ExprSubstitution* substitution = nullptr);

/// Shortest decimal text that reads back as exactly `v` (for printing literals).
std::string exact_number_text(double v);

}  // namespace tl
