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
    std::vector<double> values;   ///< owned values (empty for a scalar or a borrowed column)
    const double* view = nullptr;  ///< borrowed values: a cached field or let column, not copied

    static Column constant(double v) { Column c; c.scalar = v; return c; }
    static Column of(std::vector<double> v) {
        Column c;
        c.is_scalar = false;
        c.values = std::move(v);
        return c;
    }
    /// A column that reads `source` without copying it; `source` must outlive the result.
    static Column borrow(const Column& source) {
        if (source.is_scalar) return constant(source.scalar);
        Column c;
        c.is_scalar = false;
        c.view = source.data();
        return c;
    }
    const double* data() const { return view ? view : values.data(); }
    double at(std::size_t i) const { return is_scalar ? scalar : data()[i]; }
    /// Expands a scalar to `n` values (for results that must be per bid).
    std::vector<double> expanded(std::size_t n) const {
        if (is_scalar) return std::vector<double>(n, scalar);
        return std::vector<double>(data(), data() + n);
    }
};

/// Applies `op` element-wise; the result is a scalar only when both inputs are.
template <class Op>
Column combine(const Column& a, const Column& b, std::size_t n, Op op) {
    if (a.is_scalar && b.is_scalar) return Column::constant(op(a.scalar, b.scalar));
    std::vector<double> out(n);
    double* o = out.data();
    if (a.is_scalar) {
        const double x = a.scalar;
        const double* pb = b.data();
        for (std::size_t i = 0; i < n; ++i) o[i] = op(x, pb[i]);
    } else if (b.is_scalar) {
        const double y = b.scalar;
        const double* pa = a.data();
        for (std::size_t i = 0; i < n; ++i) o[i] = op(pa[i], y);
    } else {
        const double *pa = a.data(), *pb = b.data();
        for (std::size_t i = 0; i < n; ++i) o[i] = op(pa[i], pb[i]);
    }
    return Column::of(std::move(out));
}

/// Applies `op` to each value.
template <class Op>
Column map_column(const Column& a, std::size_t n, Op op) {
    if (a.is_scalar) return Column::constant(op(a.scalar));
    std::vector<double> out(n);
    const double* pa = a.data();
    for (std::size_t i = 0; i < n; ++i) out[i] = op(pa[i]);
    return Column::of(std::move(out));
}

}  // namespace tl
