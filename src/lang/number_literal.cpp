#include "lang/number_literal.hpp"

namespace tl::lang {

NumberText inspect_number(std::string_view text) {
    NumberText out;
    std::size_t i = 0;
    long long position = 0;  // the decimal exponent of the digit at i
    std::size_t dot = text.find('.');
    const std::size_t e = text.find_first_of("eE");
    const std::size_t mantissa_end = e == std::string_view::npos ? text.size() : e;
    if (dot == std::string_view::npos || dot > mantissa_end) dot = mantissa_end;
    position = static_cast<long long>(dot) - 1;
    int first = -1, last = -1, index = 0;  // indexes of the first and last non-zero digit
    long long first_position = 0;
    for (i = 0; i < mantissa_end; ++i) {
        const char c = text[i];
        if (c == '.') continue;
        if (c != '0') {
            if (first < 0) first = index, first_position = position;
            last = index;
        }
        ++index;
        --position;
    }
    if (first < 0) return out;
    out.zero = false;
    out.significant_digits = last - first + 1;
    long long exponent = 0;
    bool negative = false;
    for (i = mantissa_end + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '-') negative = true;
        if (c < '0' || c > '9') continue;
        if (exponent < 1000000000) exponent = exponent * 10 + (c - '0');
    }
    out.magnitude = first_position + (negative ? -exponent : exponent);
    return out;
}

}  // namespace tl::lang
