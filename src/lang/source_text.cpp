#include "lang/source_text.hpp"

#include <cstdio>

#include "lang/lower.hpp"

namespace tl::lang {

std::string with_line_ends(std::string text) {
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) text[i] = '\n';
    return text;
}

namespace {

/// Length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not UTF-8.
std::size_t sequence_length(const std::string& s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) n = 3, lo = 0xA0;              // overlong below U+0800
    else if (c == 0xED) n = 3, hi = 0x9F;              // UTF-16 surrogates
    else if (c >= 0xE1 && c <= 0xEF) n = 3;
    else if (c == 0xF0) n = 4, lo = 0x90;              // overlong below U+10000
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else if (c == 0xF4) n = 4, hi = 0x8F;              // past U+10FFFF
    else return 0;                                     // C0, C1, F5..FF, a lone continuation byte
    if (i + n > s.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    return n;
}

/// The line as shown under the diagnostic: each byte that is not UTF-8 shown as U+FFFD, so the
/// report itself is valid text and the caret's column counts characters as the position does.
std::string shown_line(const std::string& line) {
    std::string out;
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t n = sequence_length(line, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(line, i, n);
            i += n;
        }
    }
    return out;
}

}  // namespace

bool check_utf8(const std::string& text, const std::string& path, Diagnostics& diagnostics) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_length(text, i);
        if (n != 0) {
            i += n;
            continue;
        }
        const SourcePos pos = position_at(text, path, i);
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
        diagnostics.push_back(make_diagnostic(
            Severity::Error, pos,
            Message("lang.invalid-utf8", TL_MSG("the byte {byte} is not UTF-8 text; save the rules file in UTF-8"))
                .text("byte", byte),
            shown_line(source_line(text, pos.line))));
        return false;
    }
    return true;
}

}  // namespace tl::lang
