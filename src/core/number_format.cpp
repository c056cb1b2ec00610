#include "core/number_format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <limits>

namespace tl {

double round_half_away(double v, int decimals) {
    if (!std::isfinite(v) || v == 0) return v;
    // Rounds the decimal the value stands for, as Excel and LibreOffice do: first to 15
    // significant digits (2.675, held as 2.67499999999999982236431605997495353221893310546875,
    // stands for 2.675; so does a computed 1.0049999999999996), then half away from zero on those
    // digits, exactly in decimal. The result is the double nearest to the rounded decimal.
    char buf[48];
    const auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific, 14);
    const std::string sci(buf, r.ptr);  // d.dddddddddddddde±XX: 15 digits
    std::string digits = sci.substr(0, 1) + sci.substr(2, 14);
    const int exponent = std::stoi(sci.substr(sci.find('e') + 1));
    // Digits kept: those before the decimal point plus `decimals` after it.
    const long kept = static_cast<long>(exponent) + 1 + decimals;
    if (kept >= 15) return std::copysign(c_parse_double(digits + "e" + std::to_string(exponent - 14)), v);
    if (kept < 0) return 0.0;
    const bool up = digits[static_cast<std::size_t>(kept)] >= '5';
    digits.resize(static_cast<std::size_t>(kept));
    if (up) {
        long i = kept - 1;
        for (; i >= 0 && digits[static_cast<std::size_t>(i)] == '9'; --i) digits[static_cast<std::size_t>(i)] = '0';
        if (i >= 0) ++digits[static_cast<std::size_t>(i)];
        else digits.insert(digits.begin(), '1');  // 9.995 -> 10.00
    }
    if (digits.empty() || digits.find_first_not_of('0') == std::string::npos) return 0.0;
    return std::copysign(c_parse_double(digits + "e" + std::to_string(-decimals)), v);
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
