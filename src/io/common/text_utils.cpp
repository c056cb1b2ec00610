#include "io/common/text_utils.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace tl::io {

namespace {

unsigned char byte_at(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/// Decodes well-formed UTF-8 into code points; an invalid byte becomes its own "code point" so
/// that the helpers below never fail (the reader has rejected invalid text before using them).
std::vector<std::uint32_t> code_points(std::string_view s) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = byte_at(s, i);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        if (i + len > s.size()) len = 1;
        std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (byte_at(s, i + k) & 0x3F);
        out.push_back(cp);
        i += len;
    }
    return out;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = byte_at(s, i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        std::uint32_t min_cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2, min_cp = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, min_cp = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, min_cp = 0x10000;
        } else {
            return i;  // stray continuation byte, C0/C1 (always overlong) or F5..FF
        }
        if (i + len > s.size()) return i;
        std::uint32_t cp = c & (0xFF >> (len + 1));
        for (std::size_t k = 1; k < len; ++k) {
            if (!is_continuation(byte_at(s, i + k))) return i;
            cp = (cp << 6) | (byte_at(s, i + k) & 0x3F);
        }
        if (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::nullopt;
}

std::size_t space_length_at(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return 0;
    unsigned char c = byte_at(s, pos);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (c == 0xC2 && pos + 1 < s.size() && byte_at(s, pos + 1) == 0xA0) return 2;
    if (c == 0xE2 && pos + 2 < s.size() && byte_at(s, pos + 1) == 0x80 &&
        (byte_at(s, pos + 2) == 0x89 || byte_at(s, pos + 2) == 0xAF))
        return 3;
    return 0;
}

std::string trim_spaces(std::string_view s) {
    std::size_t begin = 0;
    while (std::size_t n = space_length_at(s, begin)) begin += n;
    std::size_t end = s.size();
    // Walk back over whole characters: find the start of the last character and test it.
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && is_continuation(byte_at(s, start))) --start;
        if (space_length_at(s, start) != end - start) break;
        end = start;
    }
    return std::string(s.substr(begin, end - begin));
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string utf8_lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = byte_at(s, i);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if ((c == 0xD0) && i + 1 < s.size()) {
            unsigned char d = byte_at(s, i + 1);
            if (d >= 0x90 && d <= 0x9F) {  // А..П -> а..п (D0 B0..D0 BF)
                out += static_cast<char>(0xD0);
                out += static_cast<char>(d + 0x20);
            } else if (d >= 0xA0 && d <= 0xAF) {  // Р..Я -> р..я (D1 80..D1 8F)
                out += static_cast<char>(0xD1);
                out += static_cast<char>(d - 0x20);
            } else if (d == 0x81) {  // Ё -> ё (D1 91)
                out += static_cast<char>(0xD1);
                out += static_cast<char>(0x91);
            } else {
                out += static_cast<char>(c);
                out += static_cast<char>(d);
            }
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

int edit_distance(std::string_view a, std::string_view b) {
    const auto x = code_points(a), y = code_points(b);
    std::vector<int> prev(y.size() + 1), cur(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= x.size(); ++i) {
        cur[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= y.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[y.size()];
}

std::string shorten_for_message(std::string_view s, std::size_t max_code_points) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (is_continuation(byte_at(s, i))) continue;
        if (count == max_code_points) return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
        ++count;
    }
    return std::string(s);
}

}  // namespace tl::io
