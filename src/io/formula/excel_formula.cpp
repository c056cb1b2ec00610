// The expression tree as an Excel formula: names, operators, logic and the public entry points.
// Scoring functions (linear, steps, table, npv) are in excel_formula_functions.cpp, aggregates in
// excel_formula_aggregates.cpp. Semantics follow src/core/evaluator.cpp; see excel_formula.hpp.
#include "io/formula/excel_formula.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/number_format.hpp"
#include "io/formula/excel_formula_compiler.hpp"

namespace tl {

std::string excel_number(double v) {
    if (std::isnan(v) || std::isinf(v)) return "NA()";
    if (v < 0) return "(-" + excel_number(-v) + ")";
    if (v < 1e15 && v == std::floor(v)) return c_format_fixed(v, 0);
    std::string s;
    for (int precision = 1; precision <= 17; ++precision) {
        s = c_format_general(v, precision);
        if (c_parse_double(s) == v) break;
    }
    for (char& c : s) c = c == 'e' ? 'E' : c;  // Excel writes 1E+20
    return s;
}

namespace {
// The value of a number literal as excel_number writes it (`0.4`, `(-5)`), or of `-5`; NaN otherwise.
double literal_value(const std::string& text) {
    if (text.size() > 3 && text.compare(0, 2, "(-") == 0 && text.back() == ')')
        return -c_parse_double(text.substr(2, text.size() - 3));
    return c_parse_double(text);
}
bool is_literal(const std::string& text) { return !std::isnan(literal_value(text)); }
// ABS of a side; a literal's magnitude is written out.
std::string abs_text(const std::string& x) {
    return is_literal(x) ? excel_number(std::fabs(literal_value(x))) : "ABS(" + x + ")";
}
}  // namespace

std::string excel_compare(BinOp op, const std::string& a, const std::string& b) {
    const char* plain = op == BinOp::Eq ? "=" : op == BinOp::Ne ? "<>" : binop_text(op);
    // Against an exact 0 the relative tolerance is 1e-12 of the other side: only 0 is equal.
    if (a == "0" || b == "0") return a + plain + b;
    const std::string tol = "1E-12*MAX(" + abs_text(a) + "," + abs_text(b) + ")";
    const std::string a_minus_b = a + "-" + b, b_minus_a = b + "-" + a;
    switch (op) {
        case BinOp::Le: return a_minus_b + "<=" + tol;
        case BinOp::Ge: return b_minus_a + "<=" + tol;
        case BinOp::Lt: return b_minus_a + ">" + tol;
        case BinOp::Gt: return a_minus_b + ">" + tol;
        case BinOp::Eq: return "ABS(" + a_minus_b + ")<=" + tol;
        case BinOp::Ne: return "ABS(" + a_minus_b + ")>" + tol;
        default: break;
    }
    return a + plain + b;
}

std::string excel_round(const std::string& x, const std::string& digits) {
    if (is_literal(x) && is_literal(digits))
        return excel_number(round_half_away(literal_value(x), static_cast<int>(std::max(-400.0, std::min(400.0, literal_value(digits))))));
    const std::string significant = "14-INT(LOG10(ABS(" + x + ")+(" + x + "=0)))";
    return "ROUND(ROUND(" + x + "," + significant + ")," + digits + ")";
}

namespace xf {

std::string call(const char* func, const std::vector<std::string>& args) {
    std::string s = func;
    s += '(';
    for (std::size_t i = 0; i < args.size(); ++i) s += (i ? "," : "") + args[i];
    return s + ')';
}

std::string Compiler::let_cell(int slot) const {
    return cells_.let_cell ? cells_.let_cell(slot) : std::string();
}

bool Compiler::may_be_undefined(const Expr& e) {
    auto memo = undefined_memo_.find(&e);
    if (memo != undefined_memo_.end()) return memo->second;
    auto any = [&](std::size_t from) {
        for (std::size_t i = from; i < e.args.size(); ++i)
            if (may_be_undefined(e.args[i])) return true;
        return false;
    };
    bool result = false;
    switch (e.kind) {
        case ExprKind::Number: case ExprKind::Bool: case ExprKind::Text: case ExprKind::Else: break;
        case ExprKind::Name:
            if (e.ref == RefKind::Field) result = rules_.fields[static_cast<std::size_t>(e.slot)].optional;
            else if (e.ref == RefKind::Let) result = may_be_undefined(rules_.lets[static_cast<std::size_t>(e.slot)].expr);
            else result = e.ref == RefKind::Criterion;  // the exporter's cell: do not rely on it
            break;
        case ExprKind::Unary: case ExprKind::If: case ExprKind::Arrow: result = any(0); break;
        case ExprKind::Binary:
            result = any(0) || (e.bin == BinOp::Div && !(e.args[1].kind == ExprKind::Number && e.args[1].value != 0));
            break;
        case ExprKind::Call:
            switch (e.func) {
                case Func::Clamp: result = may_be_undefined(e.args[0]); break;
                case Func::Steps: case Func::Table: case Func::Linear: case Func::Min: case Func::Max:
                case Func::Abs: case Func::Round: result = any(0); break;
                // The set holds this bid, so these are defined when the argument always is.
                case Func::Lowest: case Func::Highest: case Func::Mean: case Func::Median: result = any(0); break;
                case Func::Sum: case Func::Count: case Func::Date: break;
                default: result = true; break;  // npv, ratios (division), *_others, next_*, ln ... power
            }
            break;
    }
    undefined_memo_[&e] = result;
    return result;
}

Piece Compiler::compile(const Expr& e) {
    switch (e.kind) {
        case ExprKind::Number: {
            std::string s = excel_number(e.value);
            return atom(s);
        }
        case ExprKind::Bool: return atom(e.boolean ? "TRUE" : "FALSE");
        case ExprKind::Text:
        case ExprKind::Name: return name(e);
        case ExprKind::Unary: {
            Piece a = compile(e.args[0]);
            if (e.un == UnOp::Not) return atom(call("NOT", {a.text}));
            // Excel's negation binds tighter than `^` and `*`: parenthesize the operand unless it is
            // an atom, and let the result count as additive so that `a*(-b)` keeps its parentheses.
            return {"-" + wrap(a, Piece::Atom), Piece::Additive};
        }
        case ExprKind::Binary: return binary(e);
        case ExprKind::If: {
            Piece c = compile(e.args[0]), t = compile(e.args[1]), f = compile(e.args[2]);
            return atom(call("IF", {c.text, t.text, f.text}));
        }
        case ExprKind::Call: return call_expr(e);
        case ExprKind::Arrow:
        case ExprKind::Else: break;
    }
    throw NotExact{"an arm ('->') outside linear, steps or table"};
}

Piece Compiler::name(const Expr& e) {
    switch (e.ref) {
        case RefKind::Field: {
            const FieldDecl& f = rules_.fields[static_cast<std::size_t>(e.slot)];
            if (f.type == FieldType::Text) throw NotExact{"text field '" + f.id + "' in an expression"};
            const std::string cell = cells_.field_cell(e.slot);
            // An unstated optional value is an empty cell, which Excel reads as 0: make it undefined.
            if (f.optional) return atom(call("IF", {cell + "=\"\"", "NA()", cell}));
            return atom(cell);
        }
        case RefKind::Let: {
            const std::string cell = let_cell(e.slot);
            if (!cell.empty()) return atom(cell);
            auto cached = inlined_lets_.find(e.slot);
            if (cached != inlined_lets_.end()) return cached->second;
            Piece p = compile(rules_.lets[static_cast<std::size_t>(e.slot)].expr);
            inlined_lets_[e.slot] = p;
            return p;
        }
        case RefKind::Criterion: {
            const std::string cell = cells_.criterion_cell ? cells_.criterion_cell(e.slot) : std::string();
            if (cell.empty()) throw NotExact{"the score of criterion '" + e.name + "' has no cell in the workbook"};
            return atom(cell);
        }
        case RefKind::Member: {
            if (cells_.member_text) return atom(cells_.member_text(e.enum_field, e.slot));
            const FieldDecl& f = rules_.fields[static_cast<std::size_t>(e.enum_field)];
            std::string quoted = "\"";
            for (char c : f.members[static_cast<std::size_t>(e.slot)]) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            return atom(quoted + "\"");
        }
        case RefKind::Unresolved: break;
    }
    throw NotExact{"unresolved name '" + e.name + "'"};
}

Piece Compiler::binary(const Expr& e) {
    const Expr& a = e.args[0];
    const Expr& b = e.args[1];
    switch (e.bin) {
        case BinOp::And:
        case BinOp::Or: return logic(e);
        case BinOp::Lt: case BinOp::Le: case BinOp::Gt: case BinOp::Ge: case BinOp::Eq: case BinOp::Ne:
            return compare(e.bin, a, b);
        case BinOp::Add: case BinOp::Sub: case BinOp::Mul: case BinOp::Div: {
            const bool additive = e.bin == BinOp::Add || e.bin == BinOp::Sub;
            const int p = additive ? Piece::Additive : Piece::Multiplicative;
            // Left-associative: the right operand needs stronger binding, so `a-(b-c)` and
            // `a+(b+c)` keep the engine's order (floating-point addition does not associate).
            // x/0 is #DIV/0!, an error: undefined, as in the engine.
            const Piece l = compile(a), r = compile(b);
            return {wrap(l, p) + binop_text(e.bin) + wrap(r, p + 1), p};
        }
        case BinOp::None: break;
    }
    throw NotExact{"unknown operator"};
}

Piece Compiler::compare(BinOp op, const Expr& a, const Expr& b) {
    if (a.type == ValueKind::Bool) {  // yes/no: TRUE/FALSE compare exactly (== and != only)
        const char* sym = op == BinOp::Eq ? "=" : op == BinOp::Ne ? "<>" : binop_text(op);
        return {wrap(compile(a), Piece::Additive) + sym + wrap(compile(b), Piece::Additive), Piece::Compare};
    }
    return compare(op, compile(a), compile(b), a.type == ValueKind::Enum);
}

Piece Compiler::compare(BinOp op, const Piece& a, const Piece& b, bool text) {
    if (text) {  // enum members: case-sensitive, as the engine's member index
        std::string same = call("EXACT", {a.text, b.text});
        if (op == BinOp::Eq) return atom(same);
        if (op == BinOp::Ne) return atom(call("NOT", {same}));
        throw NotExact{"an enum compared with < or >"};
    }
    // Either side may stand after a `-`: parenthesize anything weaker than a product.
    return {excel_compare(op, wrap(a, Piece::Multiplicative), wrap(b, Piece::Multiplicative)), Piece::Compare};
}

Piece Compiler::logic(const Expr& e) {
    const bool is_and = e.bin == BinOp::And;
    const Piece a = compile(e.args[0]), b = compile(e.args[1]);
    const char* f = is_and ? "AND" : "OR";
    if (!may_be_undefined(e.args[0]) && !may_be_undefined(e.args[1])) return atom(call(f, {a.text, b.text}));
    // Three-valued logic: `no and undefined` is no, `yes or undefined` is yes; otherwise an
    // undefined operand makes the result undefined, which AND/OR do by propagating the error.
    auto decided = [&](const Piece& x) {
        return is_and ? call("IFERROR", {call("NOT", {x.text}), "FALSE"}) : call("IFERROR", {call("AND", {x.text}), "FALSE"});
    };
    return atom(call("IF", {call("OR", {decided(a), decided(b)}), is_and ? "FALSE" : "TRUE", call(f, {a.text, b.text})}));
}

Piece Compiler::call_expr(const Expr& e) {
    if (is_aggregate(e.func)) return aggregate(e);
    std::vector<std::string> args;
    switch (e.func) {
        case Func::Min:
        case Func::Max:
            for (const auto& a : e.args) args.push_back(compile(a).text);
            return atom(call(e.func == Func::Min ? "MIN" : "MAX", args));
        case Func::Abs: return atom(call("ABS", {compile(e.args[0]).text}));
        // A date literal is the serial number Excel gives that day (days since 1899-12-30), as the
        // Bids sheet writes date fields: `delivery - date("2027-03-01")` is then a subtraction.
        case Func::Date: return atom(excel_number(e.value + kExcelSerialOf1970));
        // Outside their domain these give #NUM! (or #DIV/0!): undefined, as in the engine.
        case Func::Ln: return atom(call("LN", {compile(e.args[0]).text}));
        case Func::Log10: return atom(call("LOG10", {compile(e.args[0]).text}));
        case Func::Exp: return atom(call("EXP", {compile(e.args[0]).text}));
        case Func::Sqrt: return atom(call("SQRT", {compile(e.args[0]).text}));
        case Func::Power: {
            // POWER(0, 0) is 1 in LibreOffice and Gnumeric but #NUM! in Excel, and POWER(0, -1) an
            // error everywhere: the engine's rule (undefined when the base is 0 and the exponent is
            // not positive) written out, so that every spreadsheet agrees with it.
            const std::string x = compile(e.args[0]).text, y = compile(e.args[1]).text;
            return atom(call("IF", {call("AND", {x + "=0", y + "<=0"}), "NA()", call("POWER", {x, y})}));
        }
        case Func::Round: {
            // To 15 significant digits, then half away from zero, as the engine (round_half_away).
            const std::string digits = e.args.size() > 1 ? compile(e.args[1]).text : "0";
            return atom(excel_round(compile(e.args[0]).text, digits));
        }
        case Func::Clamp: {
            // The engine skips an undefined bound (std::max(v, NaN) is v): IFERROR(bound, x).
            const Piece x = compile(e.args[0]);
            auto bound = [&](const Expr& b) {
                const Piece p = compile(b);
                return may_be_undefined(b) ? call("IFERROR", {p.text, x.text}) : p.text;
            };
            const std::string lo = bound(e.args[1]), hi = bound(e.args[2]);
            return atom(call("MIN", {call("MAX", {x.text, lo}), hi}));
        }
        case Func::Linear: return linear(e);
        case Func::Steps: return steps(e);
        case Func::Table: return table(e);
        case Func::Npv: return npv(e);
        default: break;
    }
    throw NotExact{std::string("function '") + func_name(e.func) + "' has no formula"};
}

}  // namespace xf

namespace {

int nesting_depth(const std::string& f) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (char c : f) {
        if (c == '"') in_string = !in_string;
        if (in_string) continue;
        if (c == '(') deepest = std::max(deepest, ++depth);
        if (c == ')') --depth;
    }
    return deepest;
}

CompiledFormula finish(std::string formula) {
    CompiledFormula out;
    out.formula = std::move(formula);
    out.exact = true;
    if (out.formula.size() > 8192) {
        out.exact = false;
        out.why_not = "the formula would be " + std::to_string(out.formula.size()) +
                      " characters long; Excel allows 8 192";
    } else if (nesting_depth(out.formula) > 64) {
        out.exact = false;
        out.why_not = "the formula would nest deeper than the 64 levels Excel allows";
    }
    return out;
}

template <class Build>
CompiledFormula compile_with(const CriteriaSet& rules, const FormulaCells& cells, Build build) {
    try {
        xf::Compiler c(rules, cells);
        return finish(build(c));
    } catch (const xf::NotExact& n) {
        CompiledFormula out;
        out.why_not = n.why;
        return out;
    }
}

}  // namespace

CompiledFormula to_excel_formula(const Expr& e, const CriteriaSet& rules, const FormulaCells& cells) {
    return compile_with(rules, cells, [&](xf::Compiler& c) { return c.compile(e).text; });
}

CompiledFormula to_excel_test(const Expr& condition, const CriteriaSet& rules, const FormulaCells& cells) {
    return compile_with(rules, cells, [&](xf::Compiler& c) {
        const std::string t = c.compile(condition).text;
        // AND(x) turns a yes/no into TRUE/FALSE; an undefined test is "no".
        return c.may_be_undefined(condition) ? xf::call("IFERROR", {xf::call("AND", {t}), "FALSE"}) : xf::call("AND", {t});
    });
}

CompiledFormula to_excel_score(const Criterion& criterion, const CriteriaSet& rules, const FormulaCells& cells) {
    return compile_with(rules, cells, [&](xf::Compiler& c) {
        const std::string lo = excel_number(criterion.scale_lo), hi = excel_number(criterion.scale_hi);
        const std::string clamped = xf::call("MIN", {xf::call("MAX", {c.compile(criterion.score).text, lo}), hi});
        return c.may_be_undefined(criterion.score) ? xf::call("IFERROR", {clamped, lo}) : clamped;
    });
}

CompiledFormula to_excel_helper(const Expr& aggregate_argument, const std::string& in_set, const CriteriaSet& rules,
                                const FormulaCells& cells) {
    return compile_with(rules, cells, [&](xf::Compiler& c) {
        std::string x = c.compile(aggregate_argument).text;
        if (c.may_be_undefined(aggregate_argument)) x = xf::call("IFERROR", {x, "\"\""});
        return xf::call("IF", {in_set, x, "\"\""});
    });
}

namespace {
void collect(const Expr& e, const CriteriaSet& rules, const FormulaCells& cells, std::set<std::string>& seen,
             std::vector<const Expr*>& out) {
    if (e.kind == ExprKind::Name && e.ref == RefKind::Let) {
        if (cells.let_cell && !cells.let_cell(e.slot).empty()) return;
        collect(rules.lets[static_cast<std::size_t>(e.slot)].expr, rules, cells, seen, out);
        return;
    }
    for (const auto& a : e.args) collect(a, rules, cells, seen, out);
    if (e.kind == ExprKind::Call && is_aggregate(e.func) && e.func != Func::Count && !e.args.empty())
        if (seen.insert(print_expr(e.args[0])).second) out.push_back(&e.args[0]);
}
}  // namespace

std::vector<const Expr*> aggregate_arguments(const Expr& e, const CriteriaSet& rules, const FormulaCells& cells) {
    std::set<std::string> seen;
    std::vector<const Expr*> out;
    collect(e, rules, cells, seen, out);
    return out;
}

}  // namespace tl
