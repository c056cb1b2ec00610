#pragma once
/// A column of values, one per bid of the current set, or one value shared by all (a constant or
/// an aggregate): evaluating column-wise keeps the engine within a small factor of hand-written
/// loops, which matters for live re-scoring in the GUI and for 10 000-bid workloads.
#include <cstddef>
#include <vector>

namespace tl {

struct Column {
    bool is_scalar = true;
    double scalar = 0;
    std::vector<double> values;

    static Column constant(double v) { Column c; c.scalar = v; return c; }
    static Column of(std::vector<double> v) {
        Column c;
        c.is_scalar = false;
        c.values = std::move(v);
        return c;
    }
    double at(std::size_t i) const { return is_scalar ? scalar : values[i]; }
    /// Expands a scalar to `n` values (for results that must be per bid).
    std::vector<double> expanded(std::size_t n) const {
        return is_scalar ? std::vector<double>(n, scalar) : values;
    }
};

/// Applies `op` element-wise; the result is a scalar only when both inputs are.
template <class Op>
Column combine(const Column& a, const Column& b, std::size_t n, Op op) {
    if (a.is_scalar && b.is_scalar) return Column::constant(op(a.scalar, b.scalar));
    std::vector<double> out(n);
    if (a.is_scalar) {
        const double x = a.scalar;
        for (std::size_t i = 0; i < n; ++i) out[i] = op(x, b.values[i]);
    } else if (b.is_scalar) {
        const double y = b.scalar;
        for (std::size_t i = 0; i < n; ++i) out[i] = op(a.values[i], y);
    } else {
        for (std::size_t i = 0; i < n; ++i) out[i] = op(a.values[i], b.values[i]);
    }
    return Column::of(std::move(out));
}

/// Applies `op` to each value.
template <class Op>
Column map_column(const Column& a, std::size_t n, Op op) {
    if (a.is_scalar) return Column::constant(op(a.scalar));
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = op(a.values[i]);
    return Column::of(std::move(out));
}

}  // namespace tl
