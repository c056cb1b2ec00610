// Aggregates over the current set of bids as Excel formulas (see excel_formula.hpp). `r` is the
// helper column of the argument: its value for the bids of the set, "" elsewhere and where it is
// undefined; `x` is this bid's own value of the argument (compiled, so an undefined x is an error).
// These formulas hold for the bids of the set, whose defined x is one of the numbers in r.
#include "io/formula/excel_formula_compiler.hpp"

namespace tl::xf {

std::string Compiler::range_of(const Expr& argument) {
    if (!cells_.set_range) throw NotExact{"no helper column for aggregates in this workbook"};
    std::string r = cells_.set_range(argument);
    if (r.empty()) throw NotExact{"no helper column for " + print_expr(argument)};
    return r;
}

Piece Compiler::aggregate(const Expr& e) {
    if (e.func == Func::Count) {
        const std::string n = cells_.set_size ? cells_.set_size() : std::string();
        if (n.empty()) throw NotExact{"count() has no cell in this workbook"};
        return atom(n.find_first_of("+-*/<>=&") == std::string::npos ? n : "(" + n + ")");
    }
    const Expr& arg = e.args[0];
    const std::string r = range_of(arg);
    const Piece xp = compile(arg);
    const std::string x = xp.text;
    const std::string xa = wrap(xp, Piece::Additive);  // x as an operand of a comparison or `-`
    const std::string min = call("MIN", {r}), max = call("MAX", {r}), count = call("COUNT", {r});
    const std::string ties = call("COUNTIF", {r, x});  // bids of the set with this bid's value
    // MIN/MAX of no numbers is 0, not undefined: guard when the argument can be undefined.
    auto guarded = [&](const std::string& f) {
        return may_be_undefined(arg) ? call("IF", {count + "=0", "NA()", f}) : f;
    };
    switch (e.func) {
        case Func::Lowest: return atom(guarded(min));
        case Func::Highest: return atom(guarded(max));
        case Func::Sum: return atom(call("SUM", {r}));
        case Func::Mean: return atom(call("AVERAGE", {r}));  // #DIV/0! when empty
        case Func::Median: return atom(call("MEDIAN", {r}));  // #NUM! when empty
        case Func::RatioLowest:
            // 100 * lowest / x; x = 0 gives #DIV/0!, undefined as in the engine.
            return {"100*" + guarded(min) + "/" + wrap(xp, Piece::Multiplicative + 1), Piece::Multiplicative};
        case Func::RatioHighest:
            // 100 * x / highest; highest = 0 (or none) gives #DIV/0!.
            return {"100*" + wrap(xp, Piece::Multiplicative + 1) + "/" + max, Piece::Multiplicative};
        case Func::MeanOthers:
            // (sum - x) / (m - 1): a single bid divides by zero, undefined.
            return {"(" + call("SUM", {r}) + "-" + wrap(xp, Piece::Multiplicative) + ")/(" + count + "-1)",
                    Piece::Multiplicative};
        case Func::LowestOthers:
            // The lowest of the others is the lowest, unless this bid alone holds it: then the
            // second smallest (#NUM! when there is no other bid).
            return atom(call("IF", {call("AND", {xa + "=" + min, ties + "=1"}), call("SMALL", {r, "2"}), min}));
        case Func::HighestOthers:
            return atom(call("IF", {call("AND", {xa + "=" + max, ties + "=1"}), call("LARGE", {r, "2"}), max}));
        case Func::NextHigher:
            // Another bid with the same value is the nearest at or above; else the value ranked
            // just above this one (RANK ascending = 1 + bids below), #NUM! past the highest.
            return atom(call("IF", {ties + ">1", x, call("SMALL", {r, call("RANK", {x, r, "1"}) + "+1"})}));
        case Func::NextLower:
            return atom(call("IF", {ties + ">1", x, call("LARGE", {r, call("RANK", {x, r, "0"}) + "+1"})}));
        case Func::MedianOthers: {
            // The others are r without one copy of x. Their j-th smallest is SMALL(r, j) while that
            // is below x, else SMALL(r, j+1). Their median: the mean of the j1-th and j2-th with
            // n = COUNT(r)-1 others, j1 = INT((n+1)/2), j2 = INT(n/2)+1 (equal for odd n; (v+v)/2
            // is v exactly). No other bid: SMALL(r, 0) is #NUM!, undefined.
            auto nth_other = [&](const std::string& j) {
                const std::string small = call("SMALL", {r, j});
                return call("IF", {small + "<" + xa, small, call("SMALL", {r, j + "+1"})});
            };
            const std::string j1 = call("INT", {count + "/2"});
            const std::string j2 = call("INT", {"(" + count + "-1)/2"}) + "+1";
            return {"(" + nth_other(j1) + "+" + nth_other(j2) + ")/2", Piece::Multiplicative};
        }
        default: break;
    }
    throw NotExact{std::string("aggregate '") + func_name(e.func) + "' has no formula"};
}

}  // namespace tl::xf
