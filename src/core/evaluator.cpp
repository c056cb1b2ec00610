#include "core/evaluator.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/decimal_compare.hpp"
#include "core/number_format.hpp"

namespace tl {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Undefined stays undefined through comparisons and logic (so `not` of an undefined comparison
// is not "yes"); only the final test of a requirement or flag reads undefined as "no".
// Numbers compare as decimals (core/decimal_compare.hpp): 910 <= 0.7 * 1300 holds.
inline double compare(BinOp op, double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return kNaN;
    switch (op) {
        case BinOp::Lt: return decimal_less(a, b);
        case BinOp::Le: return decimal_less_equal(a, b);
        case BinOp::Gt: return decimal_greater(a, b);
        case BinOp::Ge: return decimal_greater_equal(a, b);
        case BinOp::Eq: return approx_equal(a, b);
        case BinOp::Ne: return !approx_equal(a, b);
        default: return 0;
    }
}
}  // namespace

Evaluator::Evaluator(const CriteriaSet& rules, const BidTable& bids, std::vector<int> members)
    : rules_(rules), bids_(bids), members_(std::move(members)),
      fields_(bids.fields.size()), lets_(rules.lets.size()), criteria_(rules.criteria.size()) {}

int Evaluator::position_of(int bid) const {
    for (std::size_t i = 0; i < members_.size(); ++i)
        if (members_[i] == bid) return static_cast<int>(i);
    return -1;
}

void Evaluator::set_criterion_scores(int criterion, std::vector<double> scores) {
    criteria_.at(static_cast<std::size_t>(criterion)) = Column::of(std::move(scores));
}

const Column& Evaluator::field_column(int field) {
    auto& cached = fields_.at(static_cast<std::size_t>(field));
    if (!cached) {
        // Bids hold their values row by row; gather every field's column in one pass over the
        // rows (one pass per field would walk all the bids again for each).
        const std::size_t n_fields = fields_.size();
        std::vector<std::vector<double>> columns(n_fields, std::vector<double>(members_.size()));
        for (std::size_t i = 0; i < members_.size(); ++i) {
            const auto& values = bids_.bids[static_cast<std::size_t>(members_[i])].values;
            for (std::size_t f = 0; f < n_fields; ++f) columns[f][i] = values[f];
        }
        for (std::size_t f = 0; f < n_fields; ++f)
            if (!fields_[f]) fields_[f] = Column::of(std::move(columns[f]));
    }
    return *cached;
}

const Column& Evaluator::let_column(int let) {
    auto& cached = lets_.at(static_cast<std::size_t>(let));
    if (!cached) cached = eval(rules_.lets[static_cast<std::size_t>(let)].expr);
    return *cached;
}

Column Evaluator::eval(const Expr& e) {
    const std::size_t n = members_.size();
    switch (e.kind) {
        case ExprKind::Number: return Column::constant(e.value);
        case ExprKind::Bool: return Column::constant(e.boolean ? 1 : 0);
        case ExprKind::Text: return Column::constant(e.slot);
        case ExprKind::Name:
            switch (e.ref) {
                case RefKind::Field: return Column::borrow(field_column(e.slot));
                case RefKind::Let: return Column::borrow(let_column(e.slot));
                case RefKind::Member: return Column::constant(e.slot);
                case RefKind::Criterion: {
                    const auto& c = criteria_.at(static_cast<std::size_t>(e.slot));
                    if (!c) throw std::logic_error("criterion score used before it was computed: " + e.name);
                    return Column::borrow(*c);
                }
                case RefKind::Unresolved: break;
            }
            throw std::logic_error("unresolved name reached the engine: " + e.name);
        case ExprKind::Unary: {
            Column a = eval(e.args[0]);
            if (e.un == UnOp::Neg) return map_column(std::move(a), n, [](double x) { return -x; });
            return map_column(std::move(a), n, [](double x) { return std::isnan(x) ? kNaN : (x != 0 ? 0.0 : 1.0); });
        }
        case ExprKind::Binary: {
            Column a = eval(e.args[0]);
            Column b = eval(e.args[1]);
            switch (e.bin) {
                case BinOp::Add: return combine(std::move(a), std::move(b), n, [](double x, double y) { return x + y; });
                case BinOp::Sub: return combine(std::move(a), std::move(b), n, [](double x, double y) { return x - y; });
                case BinOp::Mul: return combine(std::move(a), std::move(b), n, [](double x, double y) { return x * y; });
                case BinOp::Div:
                    // x / 0 is undefined, not infinity: the committee sees "n/a" and a flag.
                    return combine(std::move(a), std::move(b), n, [](double x, double y) { return y == 0 ? kNaN : x / y; });
                case BinOp::And:
                    // Kleene logic: "no and undefined" is no, "yes and undefined" is undefined.
                    return combine(std::move(a), std::move(b), n, [](double x, double y) {
                        if (x == 0 || y == 0) return 0.0;
                        return std::isnan(x) || std::isnan(y) ? kNaN : 1.0;
                    });
                case BinOp::Or:
                    return combine(std::move(a), std::move(b), n, [](double x, double y) {
                        if (truthy(x) || truthy(y)) return 1.0;
                        return std::isnan(x) || std::isnan(y) ? kNaN : 0.0;
                    });
                // One loop per comparison: a switch inside the loop would cost more than the test.
                case BinOp::Lt: return combine(std::move(a), std::move(b), n, [](double x, double y) { return compare(BinOp::Lt, x, y); });
                case BinOp::Le: return combine(std::move(a), std::move(b), n, [](double x, double y) { return compare(BinOp::Le, x, y); });
                case BinOp::Gt: return combine(std::move(a), std::move(b), n, [](double x, double y) { return compare(BinOp::Gt, x, y); });
                case BinOp::Ge: return combine(std::move(a), std::move(b), n, [](double x, double y) { return compare(BinOp::Ge, x, y); });
                case BinOp::Eq: return combine(std::move(a), std::move(b), n, [](double x, double y) { return compare(BinOp::Eq, x, y); });
                case BinOp::Ne: return combine(std::move(a), std::move(b), n, [](double x, double y) { return compare(BinOp::Ne, x, y); });
                case BinOp::None: break;
            }
            break;
        }
        case ExprKind::If: {
            Column c = eval(e.args[0]);
            if (c.is_scalar) return eval(e.args[truthy(c.scalar) ? 1 : 2]);
            Column t = eval(e.args[1]);
            Column f = eval(e.args[2]);
            const double* pc = c.data();
            const double *pt = t.is_scalar ? nullptr : t.data(), *pf = f.is_scalar ? nullptr : f.data();
            const double ts = t.scalar, fs = f.scalar;
            std::vector<double> out = result_buffer(c, t.is_scalar ? f : t, n);  // element-wise: may overwrite an input
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::isnan(pc[i]) ? kNaN : (pc[i] != 0 ? (pt ? pt[i] : ts) : (pf ? pf[i] : fs));
            return Column::of(std::move(out));
        }
        case ExprKind::Call: return eval_call(e);
        case ExprKind::Arrow:
        case ExprKind::Else: break;
    }
    throw std::logic_error("expression cannot be evaluated on its own");
}

Column Evaluator::eval_call(const Expr& e) {
    const std::size_t n = members_.size();
    if (is_aggregate(e.func)) return eval_aggregate(e);
    switch (e.func) {
        case Func::Min:
        case Func::Max: {
            Column acc = eval(e.args[0]);
            const bool is_min = e.func == Func::Min;
            for (std::size_t k = 1; k < e.args.size(); ++k)
                acc = combine(std::move(acc), eval(e.args[k]), n, [is_min](double x, double y) {
                    if (std::isnan(x) || std::isnan(y)) return kNaN;
                    return is_min ? std::min(x, y) : std::max(x, y);
                });
            return acc;
        }
        case Func::Date: return Column::constant(e.value);  // the checker read the literal
        case Func::Abs: return map_column(eval(e.args[0]), n, [](double x) { return std::fabs(x); });
        // Outside its domain a function is undefined, as x / 0 is (the committee sees "n/a" and a
        // flag), and so is a result too large for a number: Excel's #NUM! in the workbook.
        case Func::Ln: return map_column(eval(e.args[0]), n, [](double x) { return x > 0 ? std::log(x) : kNaN; });
        case Func::Log10: return map_column(eval(e.args[0]), n, [](double x) { return x > 0 ? std::log10(x) : kNaN; });
        case Func::Sqrt: return map_column(eval(e.args[0]), n, [](double x) { return x >= 0 ? std::sqrt(x) : kNaN; });
        case Func::Exp:
            return map_column(eval(e.args[0]), n, [](double x) {
                const double y = std::exp(x);
                return std::isfinite(y) ? y : kNaN;
            });
        case Func::Power:
            return combine(eval(e.args[0]), eval(e.args[1]), n, [](double x, double y) {
                // 0^0 is undefined as in Excel (#NUM!); 0 to a negative power is a division by 0.
                if (x == 0 && y <= 0) return kNaN;
                const double r = std::pow(x, y);
                return std::isfinite(r) ? r : kNaN;
            });
        case Func::Round: {
            Column digits = e.args.size() > 1 ? eval(e.args[1]) : Column::constant(0);
            return combine(eval(e.args[0]), digits, n,
                           [](double x, double d) {
                               // More than 400 places either way rounds nothing or to 0 in a double.
                               if (std::isnan(d)) return kNaN;
                               return round_half_away(x, static_cast<int>(std::max(-400.0, std::min(400.0, d))));
                           });
        }
        case Func::Clamp: {
            Column lo = eval(e.args[1]);
            Column hi = eval(e.args[2]);
            Column x = eval(e.args[0]);
            Column low_clamped = combine(std::move(x), std::move(lo), n, [](double v, double l) { return std::isnan(v) ? v : std::max(v, l); });
            return combine(std::move(low_clamped), std::move(hi), n, [](double v, double h) { return std::isnan(v) ? v : std::min(v, h); });
        }
        case Func::Linear: return eval_linear(e);
        case Func::Steps: return eval_steps(e);
        case Func::Table: return eval_table(e);
        case Func::Npv: return eval_npv(e);
        default: break;
    }
    throw std::logic_error(std::string("function not implemented in the engine: ") + func_name(e.func));
}

Column Evaluator::eval_linear(const Expr& e) {
    const std::size_t n = members_.size();
    Column x = eval(e.args[0]);
    std::vector<Column> keys, vals;
    for (std::size_t k = 1; k < e.args.size(); ++k) {
        keys.push_back(eval(e.args[k].args[0]));
        vals.push_back(eval(e.args[k].args[1]));
    }
    auto at = [&](std::size_t i) {
        const double v = x.at(i);
        if (std::isnan(v)) return kNaN;
        // Constant beyond the end points: that is the clamping officers expect.
        if (v <= keys.front().at(i)) return vals.front().at(i);
        for (std::size_t k = 1; k < keys.size(); ++k) {
            const double a0 = keys[k - 1].at(i), a1 = keys[k].at(i);
            if (v <= a1) {
                const double s0 = vals[k - 1].at(i), s1 = vals[k].at(i);
                return s0 + (v - a0) * (s1 - s0) / (a1 - a0);
            }
        }
        return vals.back().at(i);
    };
    if (x.is_scalar) return Column::constant(at(0));
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = at(i);
    return Column::of(std::move(out));
}

Column Evaluator::eval_steps(const Expr& e) {
    const std::size_t n = members_.size();
    Column x = eval(e.args[0]);
    const std::size_t n_arms = e.args.size() - 1;
    std::vector<Column> keys, values;
    std::vector<char> is_else(n_arms);
    keys.reserve(n_arms);
    values.reserve(n_arms);
    for (std::size_t k = 0; k < n_arms; ++k) {
        const Expr& arm = e.args[k + 1];
        is_else[k] = arm.args[0].kind == ExprKind::Else;
        keys.push_back(is_else[k] ? Column::constant(0) : eval(arm.args[0]));
        values.push_back(eval(arm.args[1]));
    }
    // One pass over the bids, arms in order: the first arm that holds gives the score.
    std::vector<double> out(n, kNaN);
    for (std::size_t i = 0; i < n; ++i) {
        const double v = x.at(i);
        if (std::isnan(v)) continue;
        for (std::size_t k = 0; k < n_arms; ++k) {
            if (is_else[k] || truthy(compare(e.args[k + 1].bin, v, keys[k].at(i)))) {
                out[i] = values[k].at(i);
                break;
            }
        }
    }
    return Column::of(std::move(out));
}

Column Evaluator::eval_table(const Expr& e) {
    const std::size_t n = members_.size();
    Column x = eval(e.args[0]);
    // Arms map a member index (or 0/1 for yes/no) to a value; `else` covers the rest.
    std::vector<std::pair<double, Column>> arms;
    std::optional<Column> otherwise;
    for (std::size_t k = 1; k < e.args.size(); ++k) {
        const Expr& arm = e.args[k];
        if (arm.args[0].kind == ExprKind::Else)
            otherwise = eval(arm.args[1]);
        else
            arms.emplace_back(eval(arm.args[0]).scalar, eval(arm.args[1]));
    }
    std::vector<double> out(n, kNaN);
    // Usual case: constant arm values, so a lookup by member index replaces the search.
    bool constant_arms = !otherwise || otherwise->is_scalar;
    int largest_key = 0;
    for (const auto& arm : arms) {
        constant_arms = constant_arms && arm.second.is_scalar;
        largest_key = std::max(largest_key, static_cast<int>(arm.first));
    }
    if (constant_arms) {
        std::vector<double> lookup(static_cast<std::size_t>(largest_key) + 1, otherwise ? otherwise->scalar : kNaN);
        for (const auto& [key, value] : arms) lookup[static_cast<std::size_t>(key)] = value.scalar;
        const double fallback = otherwise ? otherwise->scalar : kNaN;
        for (std::size_t i = 0; i < n; ++i) {
            const double v = x.at(i);
            if (std::isnan(v)) continue;
            const auto k = static_cast<std::size_t>(v);
            out[i] = k < lookup.size() ? lookup[k] : fallback;
        }
        return Column::of(std::move(out));
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double v = x.at(i);
        if (std::isnan(v)) continue;
        bool found = false;
        for (const auto& [key, value] : arms)
            if (key == v) {
                out[i] = value.at(i);
                found = true;
                break;
            }
        if (!found && otherwise) out[i] = otherwise->at(i);
    }
    return Column::of(std::move(out));
}

Column Evaluator::eval_npv(const Expr& e) {
    const std::size_t n = members_.size();
    Column amount = eval(e.args[0]);
    Column years = eval(e.args[1]);
    Column rate = eval(e.args[2]);
    Column escalation = e.args.size() > 3 ? eval(e.args[3]) : Column::constant(0);
    auto npv = [&](std::size_t i) {
        const double a = amount.at(i), r = rate.at(i), g = escalation.at(i);
        const double y = years.at(i);
        // More than a thousand years is no life-cycle: undefined (and flagged), not a long loop.
        if (std::isnan(a) || std::isnan(r) || std::isnan(g) || std::isnan(y) || y < 0 || y > 1000) return kNaN;
        const int whole_years = static_cast<int>(std::floor(y));
        double sum = 0;
        for (int t = 1; t <= whole_years; ++t) sum += a * std::pow(1 + g, t - 1) / std::pow(1 + r, t);
        return sum;
    };
    const bool scalar = amount.is_scalar && years.is_scalar && rate.is_scalar && escalation.is_scalar;
    if (scalar) return Column::constant(npv(0));
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = npv(i);
    return Column::of(std::move(out));
}

}  // namespace tl
