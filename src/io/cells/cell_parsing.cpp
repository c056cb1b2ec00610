#include "io/cells/cell_parsing.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

#include "io/common/text_utils.hpp"

namespace tl::io {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
    for (char c : s)
        if (!is_digit(c)) return false;
    return !s.empty();
}

/// The cell's text as a message shows it (shortened; the template adds the quotes).
std::string shown(std::string_view text) { return shorten_for_message(text); }

std::nullopt_t fail(Message& why, Message message) {
    why = std::move(message);
    return std::nullopt;
}

/// The decimal number in `s`; on failure the message quotes `cell` (the cell as the user wrote
/// it) and says it is not `expected` ("a number", "a number in RUB", "a percentage").
std::optional<double> decimal(std::string_view s, const std::string& cell, const Message& expected, Message& why) {
    auto not_a = [&] {
        return Message("io.cell.not-a-number", TL_MSG("'{value}' is not {expected}"))
            .text("value", cell)
            .nested("expected", expected);
    };
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    int dots = 0, commas = 0;
    std::size_t last_dot = std::string_view::npos, last_comma = std::string_view::npos;
    bool any_digit = false, exponent = false, other = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (is_digit(c)) {
            any_digit = true;
        } else if (c == '.') {
            ++dots, last_dot = i;
        } else if (c == ',') {
            ++commas, last_comma = i;
        } else if (std::size_t n = space_length_at(s, i); n > 0 && c != '\r' && c != '\n') {
            i += n - 1;
        } else if ((c == 'e' || c == 'E') && any_digit) {
            exponent = true;
            // The exponent's sign belongs to it: 1e-400 is scientific notation, not "not a number".
            if (i + 1 < s.size() && (s[i + 1] == '-' || s[i + 1] == '+')) ++i;
        } else {
            other = true;
        }
    }
    if (other || !any_digit) return fail(why, not_a());
    if (exponent)
        return fail(why, Message("io.cell.scientific-notation",
                                 TL_MSG("'{value}' is in scientific notation; write the number out in full (Excel "
                                        "exports 1,2E+07 when a column is too narrow, and digits are lost)"))
                             .text("value", cell));

    char dec = 0;
    std::size_t dec_pos = std::string_view::npos;
    if (dots > 0 && commas > 0) {
        dec = last_dot > last_comma ? '.' : ',';
    } else if (commas > 0) {
        dec = ',';
    } else if (dots > 0) {
        dec = '.';
    }
    if (dec != 0) {
        if ((dec == ',' ? commas : dots) > 1)
            return fail(why, Message("io.cell.separator-repeated",
                                     TL_MSG("'{value}' is not {expected}: '{separator}' appears more than once; "
                                            "write 12000000 or 12 000 000,50"))
                                 .text("value", cell)
                                 .nested("expected", expected)
                                 .text("separator", std::string(1, dec)));
        dec_pos = dec == '.' ? last_dot : last_comma;
    }
    const std::string_view int_part = s.substr(0, dec_pos);
    const std::string_view frac =
        dec_pos == std::string_view::npos ? std::string_view() : s.substr(dec_pos + 1);
    if (dec != 0 && !all_digits(frac)) return fail(why, not_a());

    // Integer part: groups of digits between thousands separators (spaces or the other of . and ,).
    std::vector<std::string_view> groups;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= int_part.size();) {
        std::size_t sep_len = 0;
        if (i < int_part.size()) {
            char c = int_part[i];
            sep_len = (c == '.' || c == ',') ? 1 : space_length_at(int_part, i);
        }
        if (i == int_part.size() || sep_len > 0) {
            groups.push_back(int_part.substr(start, i - start));
            if (i == int_part.size()) break;
            i += sep_len;
            start = i;
        } else {
            ++i;
        }
    }
    std::string digits = negative ? "-" : "";
    if (groups.size() > 1) {
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const std::size_t len = groups[g].size();
            const bool ok = g == 0 ? (len >= 1 && len <= 3) : len == 3;
            if (!ok || !all_digits(groups[g]))
                return fail(why, Message("io.cell.digit-groups",
                                         TL_MSG("'{value}' is not {expected}: digits between thousands "
                                                "separators must come in groups of three"))
                                     .text("value", cell)
                                     .nested("expected", expected));
            digits += groups[g];
        }
    } else {
        digits += groups.empty() || groups[0].empty() ? "0" : std::string(groups[0]);
    }
    if (!frac.empty()) digits += "." + std::string(frac);

    double value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec == std::errc::result_out_of_range)
        return fail(why, Message("io.cell.too-large", TL_MSG("'{value}' is outside the range of numbers TenderLoop can hold"))
                             .text("value", cell));
    if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value))
        return fail(why, not_a());
    if (value == 0) value = 0;  // no "-0" in reports
    return value;
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

/// Days of `YYYY-MM-DD` or `D.M.YYYY`; `*looked_like_date` says whether the shape was right (so a
/// message can say "not a valid date" rather than "not a date").
std::optional<int> date_days(const std::string& s, bool* looked_like_date) {
    *looked_like_date = false;
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        *looked_like_date = true;
        return parse_iso_date(s);
    }
    const std::size_t p1 = s.find('.');
    const std::size_t p2 = p1 == std::string::npos ? p1 : s.find('.', p1 + 1);
    if (p2 == std::string::npos || s.find('.', p2 + 1) != std::string::npos) return std::nullopt;
    const std::string d = s.substr(0, p1), m = s.substr(p1 + 1, p2 - p1 - 1), y = s.substr(p2 + 1);
    if (!all_digits(d) || !all_digits(m) || !all_digits(y) || d.size() > 2 || m.size() > 2 || y.size() != 4)
        return std::nullopt;
    *looked_like_date = true;
    return parse_iso_date(y + "-" + (m.size() == 1 ? "0" : "") + m + "-" + (d.size() == 1 ? "0" : "") + d);
}

/// Reads exactly `width` digits (or 1..2 when width is 0) at `pos` of `s`.
std::optional<int> read_number(std::string_view s, std::size_t& pos, std::size_t width) {
    std::size_t n = 0;
    while (pos + n < s.size() && is_digit(s[pos + n]) && n < (width ? width : 2)) ++n;
    if (n == 0 || (width && n != width)) return std::nullopt;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) v = v * 10 + (s[pos + k] - '0');
    pos += n;
    return v;
}

}  // namespace

std::nullopt_t english_into(std::string* error, const Message& why) {
    if (error) *error = word(why);
    return std::nullopt;
}

std::optional<double> parse_decimal(const std::string& text, Message& why) {
    return decimal(text, shown(text), Message("io.expected.number", TL_MSG("a number")), why);
}

std::optional<double> parse_decimal(const std::string& text, std::string* error) {
    Message why;
    if (auto v = parse_decimal(text, why)) return v;
    return english_into(error, why);
}

std::optional<double> parse_numeric_cell(const FieldDecl& field, const std::string& text, Message& why) {
    std::string s = text;
    if (field.type == FieldType::Percent) {
        if (ends_with(s, "%")) s = trim_spaces(std::string_view(s).substr(0, s.size() - 1));
        auto v = decimal(s, shown(text), Message("io.expected.percentage", TL_MSG("a percentage (write 40 or 40 %)")),
                         why);
        if (!v) return std::nullopt;
        return *v / 100;
    }
    const std::string unit = field.unit.to_string();
    Message expected("io.expected.number", TL_MSG("a number"));
    if (!unit.empty()) {
        expected = Message("io.expected.number-in", TL_MSG("a number in {unit}")).text("unit", unit);
        if (s.size() > unit.size()) {
            const std::string tail = s.substr(s.size() - unit.size());
            // Currency codes are often typed in lower case; physical units keep their case
            // (MWh is not mWh).
            const bool same =
                field.type == FieldType::Money ? ascii_lower(tail) == ascii_lower(unit) : tail == unit;
            const char before = s[s.size() - unit.size() - 1];
            if (same && (is_digit(before) || space_length_at(s, s.size() - unit.size() - 1) > 0 ||
                         static_cast<unsigned char>(before) >= 0x80))
                s = trim_spaces(std::string_view(s).substr(0, s.size() - unit.size()));
        }
    }
    return decimal(s, shown(text), expected, why);
}

std::optional<double> parse_numeric_cell(const FieldDecl& field, const std::string& text, std::string* error) {
    Message why;
    if (auto v = parse_numeric_cell(field, text, why)) return v;
    return english_into(error, why);
}

std::optional<double> parse_yes_no(const std::string& text) {
    const std::string s = utf8_lower(text);
    for (const char* yes : {"yes", "y", "true", "1", "\xD0\xB4\xD0\xB0"})  // да
        if (s == yes) return 1.0;
    for (const char* no : {"no", "n", "false", "0", "\xD0\xBD\xD0\xB5\xD1\x82"})  // нет
        if (s == no) return 0.0;
    return std::nullopt;
}

Message not_a_date_message(const std::string& text) {
    return Message("io.cell.not-a-date", TL_MSG("'{value}' is not a date (write 2026-03-01 or 01.03.2026)"))
        .text("value", shown(text));
}

static Message invalid_date(const std::string& text) {
    return Message("io.cell.invalid-date", TL_MSG("'{value}' is not a valid date")).text("value", shown(text));
}

std::optional<int> parse_date_cell(const std::string& text, Message& why) {
    bool shaped = false;
    if (auto days = date_days(text, &shaped)) return days;
    return fail(why, shaped ? invalid_date(text) : not_a_date_message(text));
}

std::optional<int> parse_date_cell(const std::string& text, std::string* error) {
    Message why;
    if (auto v = parse_date_cell(text, why)) return v;
    return english_into(error, why);
}

std::optional<Timestamp> parse_timestamp(const std::string& text, std::string* error) {
    Message why;
    if (auto v = parse_timestamp(text, why)) return v;
    return english_into(error, why);
}

std::optional<Timestamp> parse_timestamp(const std::string& text, Message& why) {
    const Message bad = Message("io.cell.not-a-timestamp",
                                TL_MSG("'{value}' is not a date or date-time (write 2026-03-01, "
                                       "2026-03-01T10:15:00 or 2026-03-01 10:15)"))
                            .text("value", shown(text));
    const std::size_t split = text.find_first_of("Tt ");
    bool shaped = false;
    auto days = date_days(text.substr(0, split), &shaped);
    if (!days) return fail(why, shaped ? invalid_date(text) : bad);

    int hour = 0, minute = 0, second = 0, offset = 0;
    bool zoned = false;
    std::string fraction;  // the digits after the seconds' point, as written (at most 9: nanoseconds)
    if (split != std::string::npos) {
        const std::string_view t = std::string_view(text).substr(split + 1);
        std::size_t p = 0;
        auto h = read_number(t, p, 0);
        if (!h || p >= t.size() || t[p++] != ':') return fail(why, bad);
        auto m = read_number(t, p, 2);
        if (!m) return fail(why, bad);
        std::optional<int> sec = 0;
        if (p < t.size() && t[p] == ':') {
            ++p;
            if (!(sec = read_number(t, p, 2))) return fail(why, bad);
            // A fraction of a second (`10:00:00.250`): two bids in the same second are ordered.
            if (p < t.size() && t[p] == '.') {
                ++p;
                while (p < t.size() && is_digit(t[p]) && fraction.size() < 9) fraction += t[p++];
                if (fraction.empty() || (p < t.size() && is_digit(t[p]))) return fail(why, bad);
            }
        }
        if (p < t.size() && (t[p] == 'Z' || t[p] == 'z')) {
            zoned = true;
            ++p;
        } else if (p < t.size() && (t[p] == '+' || t[p] == '-')) {
            const int sign = t[p++] == '-' ? -1 : 1;
            auto oh = read_number(t, p, 2);
            std::optional<int> om = 0;
            if (oh && p < t.size()) {
                if (t[p] == ':') ++p;
                om = read_number(t, p, 2);
            }
            if (!oh || !om || *oh > 23 || *om > 59) return fail(why, bad);
            zoned = true;
            offset = sign * (*oh * 60 + *om);
        }
        if (p != t.size()) return fail(why, bad);
        if (*h > 23 || *m > 59 || *sec > 59) return fail(why, Message("io.cell.invalid-time", TL_MSG("'{value}' is not a valid time of day"))
                                  .text("value", shown(text)));
        hour = *h, minute = *m, second = *sec;
    }
    // Minutes since the epoch, shifted to UTC when an offset was given.
    long long total = static_cast<long long>(*days) * 1440 + hour * 60 + minute - offset;
    long long day = total >= 0 ? total / 1440 : -((-total + 1439) / 1440);
    long long minute_of_day = total - day * 1440;
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", static_cast<int>(minute_of_day / 60),
                  static_cast<int>(minute_of_day % 60), second);
    Timestamp ts;
    ts.text = format_iso_date(static_cast<int>(day)) + buf + (fraction.empty() ? "" : "." + fraction) + (zoned ? "Z" : "");
    ts.zoned = zoned;
    return ts;
}

std::optional<Message> digits_rounded(const std::string& text, double value) {
    // Digits from the first non-zero one to the last non-zero one; separators and signs skipped.
    int first = -1, last = -1, index = 0;
    for (const char c : text) {
        if (!is_digit(c)) continue;
        if (c != '0') {
            if (first < 0) first = index;
            last = index;
        }
        ++index;
    }
    const int significant = first < 0 ? 0 : last - first + 1;
    if (significant <= 17) return std::nullopt;
    char shown[32];
    std::snprintf(shown, sizeof shown, "%.17g", value);
    return Message("io.cell.digits-rounded", TL_MSG("'{value}' has {digits} significant digits, more than the 17 a computer's "
                                                     "number keeps; it is computed as {computed}"))
        .text("value", shorten_for_message(text))
        .text("digits", std::to_string(significant))
        .text("computed", shown);
}

}  // namespace tl::io
