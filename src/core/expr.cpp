#include "core/expr.hpp"

#include <cmath>

#include "core/number_format.hpp"

namespace tl {

namespace {
struct FuncName {
    Func func;
    const char* name;
};
constexpr FuncName kFuncs[] = {
    {Func::Min, "min"}, {Func::Max, "max"}, {Func::Abs, "abs"}, {Func::Round, "round"},
    {Func::Clamp, "clamp"}, {Func::Ln, "ln"}, {Func::Log10, "log10"}, {Func::Exp, "exp"},
    {Func::Sqrt, "sqrt"}, {Func::Power, "power"}, {Func::Date, "date"}, {Func::Linear, "linear"}, {Func::Steps, "steps"},
    {Func::Table, "table"}, {Func::RatioLowest, "ratio_lowest"},
    {Func::RatioHighest, "ratio_highest"}, {Func::Npv, "npv"}, {Func::Lowest, "lowest"},
    {Func::Highest, "highest"}, {Func::Mean, "mean"}, {Func::Median, "median"},
    {Func::Sum, "sum"}, {Func::Count, "count"}, {Func::LowestOthers, "lowest_others"},
    {Func::HighestOthers, "highest_others"}, {Func::MeanOthers, "mean_others"},
    {Func::MedianOthers, "median_others"}, {Func::NextHigher, "next_higher"},
    {Func::NextLower, "next_lower"},
};

// Binding strength, loosest first; used to decide where parentheses are needed.
int precedence(const Expr& e) {
    switch (e.kind) {
        case ExprKind::If: return 0;
        case ExprKind::Binary:
            switch (e.bin) {
                case BinOp::Or: return 1;
                case BinOp::And: return 2;
                case BinOp::Lt: case BinOp::Le: case BinOp::Gt: case BinOp::Ge:
                case BinOp::Eq: case BinOp::Ne: return 4;
                case BinOp::Add: case BinOp::Sub: return 5;
                case BinOp::Mul: case BinOp::Div: return 6;
                default: return 7;
            }
        case ExprKind::Unary: return e.un == UnOp::Not ? 3 : 7;
        default: return 8;
    }
}

struct Printer {
    const ExprSubstitution* sub;
    std::string out;

    void child(const Expr& c, int min_prec) {
        bool paren = precedence(c) < min_prec;
        if (paren) out += "(";
        print(c);
        if (paren) out += ")";
    }

    void print(const Expr& e) {
        std::string replaced;
        if (sub && sub->substitute(e, replaced)) {
            out += replaced;
            return;
        }
        switch (e.kind) {
            case ExprKind::Number:
                out += exact_number_text(e.number);
                if (!e.unit_text.empty()) out += " " + e.unit_text;
                break;
            case ExprKind::Bool: out += e.boolean ? "yes" : "no"; break;
            case ExprKind::Name: out += e.name; break;
            case ExprKind::Text: {
                out += '"';
                for (char c : e.name) {
                    if (c == '"' || c == '\\') out += '\\';
                    out += c;
                }
                out += '"';
                break;
            }
            case ExprKind::Unary:
                if (e.un == UnOp::Not) {
                    out += "not ";
                    child(e.args[0], 3);
                } else {
                    out += "-";
                    child(e.args[0], 7);
                }
                break;
            case ExprKind::Binary: {
                int p = precedence(e);
                // Comparisons do not chain: both sides must bind tighter.
                bool cmp = p == 4;
                child(e.args[0], cmp ? p + 1 : p);
                out += " ";
                out += binop_text(e.bin);
                out += " ";
                child(e.args[1], p + 1);
                break;
            }
            case ExprKind::If:
                out += "if ";
                print(e.args[0]);
                out += " then ";
                print(e.args[1]);
                out += " else ";
                print(e.args[2]);
                break;
            case ExprKind::Call:
                out += e.name + "(";
                for (std::size_t i = 0; i < e.args.size(); ++i) {
                    if (i) out += ", ";
                    print(e.args[i]);
                }
                out += ")";
                break;
            case ExprKind::Arrow:
                if (e.bin != BinOp::None) {
                    out += binop_text(e.bin);
                    out += " ";
                }
                child(e.args[0], 5);
                // `>= 3 years` without a value is a user's slip the checker reports; print it as read.
                if (e.args.size() > 1) {
                    out += " -> ";
                    child(e.args[1], 1);
                }
                break;
            case ExprKind::Else: out += "else"; break;
        }
    }
};
}  // namespace

const char* func_name(Func f) {
    for (const auto& fn : kFuncs)
        if (fn.func == f) return fn.name;
    return "?";
}

Func func_by_name(const std::string& name) {
    for (const auto& fn : kFuncs)
        if (name == fn.name) return fn.func;
    return Func::Unknown;
}

bool is_aggregate(Func f) {
    switch (f) {
        case Func::Lowest: case Func::Highest: case Func::Mean: case Func::Median: case Func::Sum:
        case Func::Count: case Func::LowestOthers: case Func::HighestOthers: case Func::MeanOthers:
        case Func::MedianOthers: case Func::NextHigher: case Func::NextLower:
        case Func::RatioLowest: case Func::RatioHighest:
            return true;
        default: return false;
    }
}

bool contains_aggregate(const Expr& e) {
    if (e.kind == ExprKind::Call && is_aggregate(e.func)) return true;
    for (const auto& a : e.args)
        if (contains_aggregate(a)) return true;
    return false;
}

const char* binop_text(BinOp op) {
    switch (op) {
        case BinOp::Add: return "+";
        case BinOp::Sub: return "-";
        case BinOp::Mul: return "*";
        case BinOp::Div: return "/";
        case BinOp::Lt: return "<";
        case BinOp::Le: return "<=";
        case BinOp::Gt: return ">";
        case BinOp::Ge: return ">=";
        case BinOp::Eq: return "==";
        case BinOp::Ne: return "!=";
        case BinOp::And: return "and";
        case BinOp::Or: return "or";
        case BinOp::None: return "";
    }
    return "";
}

std::string exact_number_text(double v) {
    // A literal too large for a double (the checker reports it) prints as one that still is.
    if (std::isinf(v)) return v > 0 ? "1e999" : "-1e999";
    std::string s;
    for (int precision = 1; precision <= 17; ++precision) {
        s = c_format_general(v, precision);
        if (c_parse_double(s) == v) break;
    }
    // `1e+06` reads back, but officers write 1000000; spell integers out while they are exact.
    // (Range first: converting a larger double to long long is undefined behaviour.)
    if (s.find('e') != std::string::npos && v < 1e15 && v > -1e15 && v == std::floor(v)) {
        s = c_format_fixed(v, 0);
    }
    return s;
}

std::string print_expr(const Expr& e, const ExprSubstitution* substitution) {
    Printer p{substitution, {}};
    p.print(e);
    return p.out;
}

}  // namespace tl
