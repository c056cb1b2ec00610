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

/// A buffer for `n` results: an input's own values when it has them (element-wise operations may
/// write over their input), else a new one. Saves an allocation per operation, which showed in
/// profiles as malloc and page faults.
inline std::vector<double> result_buffer(Column& a, Column& b, std::size_t n) {
    if (!a.is_scalar && !a.view && a.values.size() == n) return std::move(a.values);
    if (!b.is_scalar && !b.view && b.values.size() == n) return std::move(b.values);
    return std::vector<double>(n);
}

/// Applies `op` element-wise; the result is a scalar only when both inputs are.
template <class Op>
Column combine(Column a, Column b, std::size_t n, Op op) {
    if (a.is_scalar && b.is_scalar) return Column::constant(op(a.scalar, b.scalar));
    // Read pointers first: result_buffer may take over one input's storage.
    const double* pa = a.is_scalar ? nullptr : a.data();
    const double* pb = b.is_scalar ? nullptr : b.data();
    std::vector<double> out = result_buffer(a, b, n);
    double* o = out.data();
    if (!pa) {
        const double x = a.scalar;
        for (std::size_t i = 0; i < n; ++i) o[i] = op(x, pb[i]);
    } else if (!pb) {
        const double y = b.scalar;
        for (std::size_t i = 0; i < n; ++i) o[i] = op(pa[i], y);
    } else {
        for (std::size_t i = 0; i < n; ++i) o[i] = op(pa[i], pb[i]);
    }
    return Column::of(std::move(out));
}

/// Applies `op` to each value.
template <class Op>
Column map_column(Column a, std::size_t n, Op op) {
    if (a.is_scalar) return Column::constant(op(a.scalar));
    const double* pa = a.data();
    Column none;
    std::vector<double> out = result_buffer(a, none, n);
    double* o = out.data();
    for (std::size_t i = 0; i < n; ++i) o[i] = op(pa[i]);
    return Column::of(std::move(out));
}

}  // namespace tl
