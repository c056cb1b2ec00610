#include "io/form/bid_form_layout.hpp"

#include <algorithm>

namespace tl::io::form {

std::string field_signature(const FieldDecl& f) {
    std::string s = field_type_name(f.type);
    if (f.type == FieldType::Enum) {
        s += "(";
        for (std::size_t i = 0; i < f.members.size(); ++i) s += (i ? "," : "") + f.members[i];
        s += ")";
    } else if (f.type == FieldType::Money || f.type == FieldType::Quantity) {
        const std::string unit = f.unit.to_string();
        if (!unit.empty()) s += "(" + unit + ")";
    }
    return s;
}

namespace {

/// Width of the code point starting at `p` in Excel column units (7 px, the width of a digit in
/// the default font), for Arial 10: lower-case Latin ~6 px, capitals and Cyrillic wider.
double char_width(const unsigned char* p, std::size_t* length) {
    const unsigned char c = p[0];
    if (c < 0x80) {
        *length = 1;
        if (c == ' ') return 0.45;
        if (c >= 'A' && c <= 'Z') return 1.2;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return 0.9;
        return 0.6;
    }
    *length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c == 0xD0 || c == 0xD1) {  // Cyrillic: U+0400..U+047F
        const unsigned cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        return cp >= 0x410 && cp <= 0x42F ? 1.3 : 1.05;  // capitals А..Я are wider
    }
    return 1.2;
}

}  // namespace

int wrapped_lines(const std::string& text, double width, double boldness) {
    // 5 px of the column are cell padding; the rest holds the text.
    const double capacity = std::max(3.0, width - 1.0);
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.c_str());
    int lines = 1;
    double used = 0, word = 0;
    bool line_has_word = false;
    auto end_word = [&] {
        if (line_has_word && used + word > capacity) {
            ++lines;
            used = 0;
        }
        used += word;
        while (used > capacity) {  // a word longer than the line breaks anywhere
            ++lines;
            used -= capacity;
        }
        line_has_word = line_has_word || word > 0;
        word = 0;
    };
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\n') {
            end_word();
            ++lines;
            used = 0;
            line_has_word = false;
            ++i;
            continue;
        }
        std::size_t length = 1;
        const double w = char_width(bytes + i, &length) * boldness;
        if (text[i] == ' ') {
            end_word();
            used += w;
        } else {
            word += w;
        }
        i += std::min(length, text.size() - i);
    }
    end_word();
    return lines;
}

std::string field_key(const FieldDecl& f) { return kFieldKeyPrefix + f.id + ":" + field_signature(f); }

}  // namespace tl::io::form
