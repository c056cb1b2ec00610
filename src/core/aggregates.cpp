// Aggregates over the bids of the current set (Evaluator::eval_aggregate): kept apart from the
// element-wise evaluation because each needs its own pass over the set.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/evaluator.hpp"

namespace tl {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double median_of_sorted(const std::vector<double>& v, std::size_t skip = static_cast<std::size_t>(-1)) {
    const std::size_t n = v.size() - (skip < v.size() ? 1 : 0);
    if (n == 0) return kNaN;
    auto nth = [&](std::size_t k) { return v[(skip < v.size() && k >= skip) ? k + 1 : k]; };
    return n % 2 ? nth(n / 2) : (nth(n / 2 - 1) + nth(n / 2)) / 2;
}
}  // namespace

Column Evaluator::eval_aggregate(const Expr& e) {
    const std::size_t n = members_.size();
    if (e.func == Func::Count) return Column::constant(static_cast<double>(n));
    Column arg = eval(e.args[0]);

    // One pass for the simple aggregates. Undefined values (missing optional answers) take no
    // part in an aggregate.
    std::size_t m = 0;
    double lowest = kNaN, highest = kNaN, sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = arg.at(i);
        if (std::isnan(v)) continue;
        lowest = m ? std::min(lowest, v) : v;
        highest = m ? std::max(highest, v) : v;
        sum += v;
        ++m;
    }

    switch (e.func) {
        case Func::Lowest: return Column::constant(lowest);
        case Func::Highest: return Column::constant(highest);
        case Func::Sum: return Column::constant(sum);
        case Func::Mean: return Column::constant(m ? sum / static_cast<double>(m) : kNaN);
        case Func::RatioLowest:
            return map_column(std::move(arg), n, [lowest](double v) { return v == 0 ? kNaN : 100 * lowest / v; });
        case Func::RatioHighest:
            return map_column(std::move(arg), n, [highest](double v) { return highest == 0 ? kNaN : 100 * v / highest; });
        default: break;
    }

    const std::vector<double> x = arg.expanded(n);
    std::vector<std::size_t> defined;
    defined.reserve(m);
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isnan(x[i])) defined.push_back(i);
    if (e.func == Func::Median) {
        std::vector<double> v;
        v.reserve(m);
        for (std::size_t i : defined) v.push_back(x[i]);
        std::sort(v.begin(), v.end());
        return Column::constant(median_of_sorted(v));
    }

    // "Others" aggregates and neighbours leave out the bid being judged: order the defined
    // values once and look around each bid's own place.
    std::vector<std::size_t> order = defined;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    std::vector<double> sorted(m);
    std::vector<std::size_t> place(n, static_cast<std::size_t>(-1));
    for (std::size_t k = 0; k < m; ++k) {
        sorted[k] = x[order[k]];
        place[order[k]] = k;
    }
    std::vector<double> out(n, kNaN);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t p = place[i];
        if (p == static_cast<std::size_t>(-1) || m < 2) continue;
        switch (e.func) {
            case Func::MeanOthers: out[i] = (sum - x[i]) / static_cast<double>(m - 1); break;
            case Func::LowestOthers: out[i] = p == 0 ? sorted[1] : sorted[0]; break;
            case Func::HighestOthers: out[i] = p == m - 1 ? sorted[m - 2] : sorted[m - 1]; break;
            case Func::MedianOthers: out[i] = median_of_sorted(sorted, p); break;
            // Another bid with the same value is the nearest one "at or above" (or below).
            case Func::NextHigher:
                if (p > 0 && sorted[p - 1] == x[i]) out[i] = x[i];
                else if (p + 1 < m) out[i] = sorted[p + 1];
                break;
            case Func::NextLower:
                if (p + 1 < m && sorted[p + 1] == x[i]) out[i] = x[i];
                else if (p > 0) out[i] = sorted[p - 1];
                break;
            default: break;
        }
    }
    return Column::of(std::move(out));
}

}  // namespace tl
