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
    if (v == 0) return "0";
    char buf[64];
    // 15 significant digits: every input a bidder can state prints as stated (123456789.04 must not
    // read as 123456789 next to a limit of 123456789), without binary noise in the last digits.
    std::snprintf(buf, sizeof buf, "%.15g", v);
    std::string s = buf;
    if (s.find('e') != std::string::npos && std::fabs(v) < 1e15 && std::fabs(v) >= 1e-6) {
        std::snprintf(buf, sizeof buf, "%.15f", v);
        s = buf;
        // %.15f shows 15 decimals: trim to 15 significant digits and drop trailing zeros.
        const std::size_t dot = s.find('.');
        std::size_t digits = 0, cut = s.size();
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] < '0' || s[i] > '9') continue;
            if (digits > 0 || s[i] != '0') ++digits;
            if (digits == 15) { cut = i + 1; break; }
        }
        if (cut > dot) s = s.substr(0, std::max(cut, dot));
        while (s.size() > dot + 1 && s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

std::string format_fixed(double v, int decimals) {
    if (std::isnan(v)) return "n/a";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, round_half_away(v, decimals));
    return buf;
}

}  // namespace tl
