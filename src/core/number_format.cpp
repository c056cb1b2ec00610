#include "core/number_format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
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
    // 15 significant digits: every input a bidder can state prints as stated (123456789.04 must not
    // read as 123456789 next to a limit of 123456789), without binary noise in the last digits.
    std::string s = c_format_general(v, 15);
    if (s.find('e') != std::string::npos && std::fabs(v) < 1e15 && std::fabs(v) >= 1e-6) {
        s = c_format_fixed(v, 15);
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
    return c_format_fixed(round_half_away(v, decimals), decimals);
}

std::string c_format_general(double v, int precision) {
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, precision);
    return std::string(buf, r.ptr);
}

std::string c_format_fixed(double v, int decimals) {
    char buf[400];  // %.15f of 1e300 needs 316 characters
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (r.ec != std::errc()) return c_format_general(v, 17);
    return std::string(buf, r.ptr);
}

double c_parse_double(const std::string& text) {
    double v = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (r.ec == std::errc::result_out_of_range) return std::nan("");
    return r.ec == std::errc() && r.ptr == end ? v : std::nan("");
}

}  // namespace tl
