#include "core/field.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/bids.hpp"
#include "core/number_format.hpp"

namespace tl {

const char* field_type_name(FieldType t) {
    switch (t) {
        case FieldType::Money: return "money";
        case FieldType::Percent: return "percent";
        case FieldType::Number: return "number";
        case FieldType::Quantity: return "quantity";
        case FieldType::YesNo: return "yesno";
        case FieldType::Enum: return "enum";
        case FieldType::Text: return "text";
        case FieldType::Date: return "date";
    }
    return "number";
}

std::optional<int> FieldDecl::member_index(const std::string& text) const {
    for (std::size_t i = 0; i < members.size(); ++i)
        if (members[i] == text) return static_cast<int>(i);
    auto lower = [](std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    const std::string wanted = lower(text);
    for (std::size_t i = 0; i < members.size(); ++i)
        if (lower(members[i]) == wanted) return static_cast<int>(i);
    return std::nullopt;
}

std::string format_field_value(const FieldDecl& f, double value) {
    if (std::isnan(value)) return "(not stated)";
    switch (f.type) {
        case FieldType::YesNo: return value != 0 ? "yes" : "no";
        case FieldType::Enum: {
            auto i = static_cast<std::size_t>(value);
            return i < f.members.size() ? f.members[i] : "?";
        }
        case FieldType::Date: return format_iso_date(static_cast<int>(value));
        case FieldType::Percent: return format_number(value * 100) + " %";
        default: {
            std::string u = f.unit.to_string();
            return u.empty() ? format_number(value) : format_number(value) + " " + u;
        }
    }
}

// Civil-calendar conversions (Howard Hinnant's public-domain algorithm, written out here because
// std::chrono's calendar types arrive only with C++20 library support that GCC 12 lacks).
static int days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

std::optional<int> parse_iso_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    int y = std::stoi(text.substr(0, 4));
    unsigned m = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
    unsigned d = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
    static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return std::nullopt;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    unsigned max_d = kDays[m - 1] + ((m == 2 && leap) ? 1 : 0);
    if (d > max_d) return std::nullopt;
    return days_from_civil(y, m, d);
}

std::string format_iso_date(int z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp + (mp < 10 ? 3 : -9);
    y += (m <= 2);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

int BidTable::field_index(const std::string& id) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].id == id) return static_cast<int>(i);
    return -1;
}

}  // namespace tl
