// Warnings that need a look at the whole rule set: fields no rule uses, and criteria whose score
// can never reach the top of their scale (found by interval arithmetic over declared ranges).
#include <algorithm>
#include <cmath>
#include <optional>

#include "lang/check.hpp"

namespace tl::lang {

namespace {

struct Interval {
    double lo, hi;
};
using Maybe = std::optional<Interval>;

Maybe hull(Maybe a, Maybe b) {
    if (!a || !b) return std::nullopt;
    return Interval{std::min(a->lo, b->lo), std::max(a->hi, b->hi)};
}

struct RangeFinder {
    const CriteriaSet& rules;

    Maybe field(int slot) const {
        const FieldDecl& f = rules.fields[static_cast<std::size_t>(slot)];
        if (f.range_lo && f.range_hi) return Interval{*f.range_lo, *f.range_hi};
        if (f.type == FieldType::Percent) return Interval{0, 1};
        if (f.type == FieldType::YesNo) return Interval{0, 1};
        return std::nullopt;
    }

    Maybe of(const Expr& e) const {
        switch (e.kind) {
            case ExprKind::Number: return Interval{e.value, e.value};
            case ExprKind::Bool: return Interval{0, 1};
            case ExprKind::Name:
                if (e.ref == RefKind::Field) return field(e.slot);
                if (e.ref == RefKind::Let) return of(rules.lets[static_cast<std::size_t>(e.slot)].expr);
                return std::nullopt;
            case ExprKind::Unary:
                if (auto a = of(e.args[0]); a && e.un == UnOp::Neg) return Interval{-a->hi, -a->lo};
                return Interval{0, 1};
            case ExprKind::Binary: return binary(e);
            case ExprKind::If: return hull(of(e.args[1]), of(e.args[2]));
            case ExprKind::Call: return call(e);
            default: return std::nullopt;
        }
    }

    Maybe binary(const Expr& e) const {
        if (e.type == ValueKind::Bool) return Interval{0, 1};
        Maybe a = of(e.args[0]), b = of(e.args[1]);
        if (!a || !b) return std::nullopt;
        switch (e.bin) {
            case BinOp::Add: return Interval{a->lo + b->lo, a->hi + b->hi};
            case BinOp::Sub: return Interval{a->lo - b->hi, a->hi - b->lo};
            case BinOp::Mul: {
                const double p[] = {a->lo * b->lo, a->lo * b->hi, a->hi * b->lo, a->hi * b->hi};
                return Interval{*std::min_element(p, p + 4), *std::max_element(p, p + 4)};
            }
            case BinOp::Div: {
                if (b->lo <= 0 && b->hi >= 0) return std::nullopt;
                const double p[] = {a->lo / b->lo, a->lo / b->hi, a->hi / b->lo, a->hi / b->hi};
                return Interval{*std::min_element(p, p + 4), *std::max_element(p, p + 4)};
            }
            default: return std::nullopt;
        }
    }

    Maybe arms(const Expr& e) const {
        Maybe acc;
        for (std::size_t i = 1; i < e.args.size(); ++i) {
            Maybe v = of(e.args[i].args[1]);
            if (!v) return std::nullopt;
            acc = acc ? hull(acc, v) : v;
        }
        return acc;
    }

    Maybe call(const Expr& e) const {
        switch (e.func) {
            case Func::Linear: case Func::Steps: case Func::Table: return arms(e);
            case Func::RatioLowest: case Func::RatioHighest: return Interval{0, 100};
            case Func::Min: case Func::Max: {
                Maybe acc = of(e.args[0]);
                for (std::size_t i = 1; i < e.args.size() && acc; ++i) {
                    Maybe v = of(e.args[i]);
                    if (!v) return std::nullopt;
                    acc = e.func == Func::Min ? Interval{std::min(acc->lo, v->lo), std::min(acc->hi, v->hi)}
                                              : Interval{std::max(acc->lo, v->lo), std::max(acc->hi, v->hi)};
                }
                return acc;
            }
            case Func::Clamp: {
                Maybe x = of(e.args[0]), lo = of(e.args[1]), hi = of(e.args[2]);
                if (!lo || !hi) return std::nullopt;
                if (!x) return Interval{lo->lo, hi->hi};
                return Interval{std::min(std::max(x->lo, lo->lo), hi->hi), std::max(std::min(x->hi, hi->hi), lo->lo)};
            }
            case Func::Round: case Func::Abs: {
                Maybe x = of(e.args[0]);
                if (!x) return std::nullopt;
                if (e.func == Func::Abs)
                    return Interval{(x->lo <= 0 && x->hi >= 0) ? 0 : std::min(std::fabs(x->lo), std::fabs(x->hi)),
                                    std::max(std::fabs(x->lo), std::fabs(x->hi))};
                return Interval{std::floor(x->lo), std::ceil(x->hi)};
            }
            case Func::Sqrt: case Func::Ln: case Func::Log10: case Func::Exp: {
                // Increasing functions: the bounds' images, where the bounds are in the domain.
                Maybe x = of(e.args[0]);
                if (!x) return std::nullopt;
                const double lo = e.func == Func::Exp ? x->lo : std::max(x->lo, 0.0);
                auto f = [&](double v) {
                    switch (e.func) {
                        case Func::Sqrt: return std::sqrt(v);
                        case Func::Ln: return std::log(v);
                        case Func::Log10: return std::log10(v);
                        default: return std::exp(v);
                    }
                };
                const double flo = f(lo), fhi = f(x->hi);
                if (!std::isfinite(flo) || !std::isfinite(fhi) || x->hi < lo) return std::nullopt;
                return Interval{flo, fhi};
            }
            case Func::Lowest: case Func::Highest: case Func::Mean: case Func::Median:
            case Func::LowestOthers: case Func::HighestOthers: case Func::MeanOthers: case Func::MedianOthers:
            case Func::NextHigher: case Func::NextLower:
                return of(e.args[0]);
            default: return std::nullopt;
        }
    }
};

}  // namespace

void Checker::warn_unused_fields() {
    for (const auto& l : rules_.lets) mark_used(l.expr);
    for (std::size_t i = 0; i < rules_.fields.size(); ++i) {
        const FieldDecl& f = rules_.fields[i];
        // Text fields are for reports (names, addresses); no rule is expected to use them.
        if (f.type == FieldType::Text || used_fields_.count(static_cast<int>(i))) continue;
        warning(f.pos, Message("lang.unused-field", TL_MSG("field '{name}' is not used by any requirement, criterion or rule")).text("name", f.id));
    }
}

void Checker::warn_unreachable_maximum() {
    RangeFinder ranges{rules_};
    for (const Criterion& c : rules_.criteria) {
        Maybe r = ranges.of(c.score);
        if (r && r->hi < c.scale_hi - 1e-9)
            warning(c.score.pos, Message("lang.unreachable-maximum", TL_MSG("criterion '{name}' can never reach {top}: its score is at most {highest}"))
                                     .text("name", c.id)
                                     .text("top", exact_number_text(c.scale_hi))
                                     .number("highest", r->hi));
    }
}

}  // namespace tl::lang
