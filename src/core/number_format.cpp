#include "core/number_format.hpp"

#include <cmath>
#include <algorithm>
#include <cstdio>
#include <limits>

namespace tl {

double round_half_away(double v, int decimals) {
    if (!std::isfinite(v)) return v;
    const double scale = std::pow(10.0, decimals);
    const double scaled = v * scale;
    // Excel's ROUND decides on the decimal digits it shows, so 2.675 (held as 2.67499999...)
    // rounds up: a value within a few ulps of a half counts as the half.
    const double below = std::floor(scaled);
    const double fraction = scaled - below;
    const double tolerance = 8 * std::numeric_limits<double>::epsilon() * std::max(1.0, std::fabs(scaled));
    if (std::fabs(fraction - 0.5) <= tolerance) return (scaled >= 0 ? below + 1 : below) / scale;
    return std::round(scaled) / scale;
}

std::string format_number(double v) {
    if (std::isnan(v)) return "n/a";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[40];
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
        if (std::string(buf) == "-0") return "0";
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string format_fixed(double v, int decimals) {
    if (std::isnan(v)) return "n/a";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, round_half_away(v, decimals));
    return buf;
}

}  // namespace tl
