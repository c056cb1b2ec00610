#pragma once
// Internal to excel_formula*.cpp: the compiler shared by the expression and the aggregate parts.
#include <map>
#include <string>
#include <vector>

#include "io/formula/excel_formula.hpp"

namespace tl::xf {

/// Formula text with how tightly it binds, to place the fewest parentheses that keep the meaning
/// and the engine's order of operations.
struct Piece {
    enum Prec { Compare = 1, Additive = 2, Multiplicative = 3, Atom = 6 };
    std::string text;
    int prec = Atom;
};

/// Thrown when an expression cannot be written as an exact formula.
struct NotExact {
    std::string why;
};

inline Piece atom(std::string text) { return {std::move(text), Piece::Atom}; }
/// `p` where at least `min_prec` binding is needed, parenthesized otherwise.
inline std::string wrap(const Piece& p, int min_prec) { return p.prec >= min_prec ? p.text : "(" + p.text + ")"; }
/// FUNC(a, b, ...) with commas.
std::string call(const char* func, const std::vector<std::string>& args);

class Compiler {
public:
    Compiler(const CriteriaSet& rules, const FormulaCells& cells) : rules_(rules), cells_(cells) {}

    Piece compile(const Expr& e);
    /// False when the engine's value can never be NaN for a bid of the set (conservative).
    bool may_be_undefined(const Expr& e);

    const CriteriaSet& rules() const { return rules_; }
    const FormulaCells& cells() const { return cells_; }
    /// The cell of a let, or "" when it is inlined.
    std::string let_cell(int slot) const;

private:
    Piece name(const Expr& e);
    Piece binary(const Expr& e);
    Piece compare(BinOp op, const Expr& a, const Expr& b);
    Piece compare(BinOp op, const Piece& a, const Piece& b, bool text);
    Piece logic(const Expr& e);
    Piece call_expr(const Expr& e);
    Piece linear(const Expr& e);
    Piece steps(const Expr& e);
    Piece table(const Expr& e);
    Piece npv(const Expr& e);
    Piece aggregate(const Expr& e);  // excel_formula_aggregates.cpp
    std::string range_of(const Expr& argument);

    const CriteriaSet& rules_;
    const FormulaCells& cells_;
    std::map<int, Piece> inlined_lets_;
    std::map<const Expr*, bool> undefined_memo_;
};

}  // namespace tl::xf
