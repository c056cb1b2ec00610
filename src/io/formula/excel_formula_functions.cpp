// Scoring functions as Excel formulas: linear, steps, table and npv (see excel_formula.hpp).
#include <cmath>

#include "io/formula/excel_formula_compiler.hpp"

namespace tl::xf {

namespace {
bool is_zero(const Piece& p) { return p.text == "0"; }

// a-b, written without the subtraction when b is the literal 0 (x-0 is x exactly).
Piece minus(const Piece& a, const Piece& b) {
    if (is_zero(b)) return a;
    return {wrap(a, Piece::Additive) + "-" + wrap(b, Piece::Multiplicative), Piece::Additive};
}
}  // namespace

// linear(x, a0 -> s0, a1 -> s1, ...): s0 up to a0, then s_{k-1} + (x-a_{k-1})*(s_k-s_{k-1})/(a_k-a_{k-1})
// up to a_k (the engine's order of operations), s_n beyond the last point.
Piece Compiler::linear(const Expr& e) {
    const Piece x = compile(e.args[0]);
    std::vector<Piece> keys, vals;
    for (std::size_t k = 1; k < e.args.size(); ++k) {
        const Expr& arm = e.args[k];
        if (may_be_undefined(arm.args[0]) || may_be_undefined(arm.args[1]))
            throw NotExact{"a point of linear(...) may be undefined (" + print_expr(arm) + ")"};
        keys.push_back(compile(arm.args[0]));
        vals.push_back(compile(arm.args[1]));
    }
    std::string tail = vals.back().text;
    for (std::size_t k = keys.size() - 1; k >= 1; --k) {
        const Piece rise = minus(vals[k], vals[k - 1]);
        const Piece run = minus(keys[k], keys[k - 1]);
        const Piece dx = minus(x, keys[k - 1]);
        std::string slope = wrap(dx, Piece::Multiplicative) + "*" + wrap(rise, Piece::Multiplicative + 1) + "/" +
                            wrap(run, Piece::Multiplicative + 1);
        std::string point = is_zero(vals[k - 1]) ? slope : wrap(vals[k - 1], Piece::Additive) + "+" + slope;
        tail = call("IF", {wrap(x, Piece::Additive) + "<=" + wrap(keys[k], Piece::Additive), point, tail});
    }
    return atom(call("IF", {wrap(x, Piece::Additive) + "<=" + wrap(keys[0], Piece::Additive), vals[0].text, tail}));
}

// steps(x, >= a1 -> s1, ..., else -> s0): the first arm whose comparison holds, in arm order.
Piece Compiler::steps(const Expr& e) {
    const Expr& subject = e.args[0];
    const Piece x = compile(subject);
    bool undefined_keys = false;
    for (std::size_t k = 1; k < e.args.size(); ++k)
        if (e.args[k].args[0].kind != ExprKind::Else && may_be_undefined(e.args[k].args[0])) undefined_keys = true;
    std::string tail = "NA()";
    for (std::size_t k = e.args.size() - 1; k >= 1; --k) {
        const Expr& arm = e.args[k];
        const std::string value = compile(arm.args[1]).text;
        if (arm.args[0].kind == ExprKind::Else) {
            tail = value;
            continue;
        }
        std::string test = compare(arm.bin == BinOp::None ? BinOp::Ge : arm.bin, x, compile(arm.args[0]),
                                   subject.type == ValueKind::Enum).text;
        // The engine skips an arm whose key is undefined (the comparison is not "yes").
        if (undefined_keys) test = call("IFERROR", {test, "FALSE"});
        tail = call("IF", {test, value, tail});
    }
    // ...but an undefined x stays undefined, which IFERROR(test) would hide.
    if (undefined_keys && may_be_undefined(subject)) tail = call("IF", {call("ISERROR", {x.text}), "NA()", tail});
    return atom(tail);
}

// table(x, K -> v, ..., else -> v0): yes/no subjects become one IF; enum subjects a chain of EXACT
// tests on the member text, NA() for a text that is no member (the engine never sees one).
Piece Compiler::table(const Expr& e) {
    const Expr& subject = e.args[0];
    const Piece x = compile(subject);
    std::string otherwise = "NA()";
    std::vector<std::pair<const Expr*, std::string>> arms;
    for (std::size_t k = 1; k < e.args.size(); ++k) {
        const Expr& arm = e.args[k];
        if (arm.args[0].kind == ExprKind::Else) otherwise = compile(arm.args[1]).text;
        else arms.emplace_back(&arm.args[0], compile(arm.args[1]).text);
    }
    if (subject.type == ValueKind::Bool) {
        std::string yes = otherwise, no = otherwise;
        for (const auto& [key, value] : arms) (key->slot == 1 ? yes : no) = value;
        return atom(call("IF", {x.text, yes, no}));
    }
    std::string tail = otherwise;
    for (auto it = arms.rbegin(); it != arms.rend(); ++it)
        tail = call("IF", {call("EXACT", {x.text, compile(*it->first).text}), it->second, tail});
    return atom(tail);
}

// npv(amount, years, rate[, escalation]) = sum over t = 1..W of a*(1+g)^(t-1)/(1+r)^t, W = INT(years),
// written in closed form: a/(1+r) * (1-q^W)/(1-q) with q = (1+g)/(1+r), or a/(1+r) * W when q = 1.
// Undefined for years < 0 or > 1000, as the engine.
Piece Compiler::npv(const Expr& e) {
    const Expr& years = e.args[1];
    const Expr& rate = e.args[2];
    const Expr* escalation = e.args.size() > 3 ? &e.args[3] : nullptr;
    const Piece a = compile(e.args[0]), y = compile(years), r = compile(rate);
    const std::string one_r = "(1+" + wrap(r, Piece::Additive + 1) + ")";
    std::string q;
    if (escalation) q = "(1+" + wrap(compile(*escalation), Piece::Additive + 1) + ")/" + one_r;
    else q = "1/" + one_r;

    const bool literal_years = years.kind == ExprKind::Number;
    std::string whole = literal_years ? excel_number(std::floor(years.value)) : call("INT", {y.text});
    // q from literals is computed here exactly as the workbook would compute it.
    const bool literal_rates = rate.kind == ExprKind::Number && (!escalation || escalation->kind == ExprKind::Number);
    std::string factor;
    if (literal_rates) {
        const double qv = (1 + (escalation ? escalation->value : 0)) / (1 + rate.value);
        if (qv == 1) factor = whole;
        else if (std::fabs(1 - qv) < 1e-7)
            throw NotExact{"npv(...) with escalation this close to the rate loses precision in closed form"};
        else factor = "(1-(" + q + ")^" + whole + ")/(1-" + q + ")";
    } else {
        factor = call("IF", {"(" + q + ")=1", whole, "(1-(" + q + ")^" + whole + ")/(1-" + q + ")"});
    }
    std::string body = wrap(a, Piece::Multiplicative) + "/" + one_r + "*" + (factor == whole ? whole : factor);
    if (literal_years && years.value >= 0 && years.value <= 1000) return {body, Piece::Multiplicative};
    return atom(call("IF", {call("OR", {wrap(y, Piece::Additive) + "<0", wrap(y, Piece::Additive) + ">1000"}), "NA()", body}));
}

}  // namespace tl::xf
