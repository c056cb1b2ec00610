#include "io/cells/field_value.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "io/csv/bids_header.hpp"
#include "io/cells/cell_parsing.hpp"

namespace tl::io {

std::optional<double> read_field_value(const FieldDecl& f, const std::string& text, std::string* error) {
    switch (f.type) {
        case FieldType::Money:
        case FieldType::Percent:
        case FieldType::Number:
        case FieldType::Quantity: return parse_numeric_cell(f, text, error);
        case FieldType::YesNo:
            if (auto v = parse_yes_no(text)) return v;
            *error = quote_for_message(text) + " is not yes or no (write yes/no, true/false, да/нет or 1/0)";
            return std::nullopt;
        case FieldType::Enum:
            if (auto i = f.member_index(text)) return static_cast<double>(*i);
            *error = quote_for_message(text) + " is not one of " + join_list(f.members);
            return std::nullopt;
        case FieldType::Date:
            if (auto d = parse_date_cell(text, error)) return static_cast<double>(*d);
            return std::nullopt;
        case FieldType::Text: return std::numeric_limits<double>::quiet_NaN();
    }
    return std::nullopt;
}

bool outside_range(const FieldDecl& f, double v) {
    auto tol = [](double bound) { return 1e-12 * std::max(1.0, std::fabs(bound)); };
    return (f.range_lo && v < *f.range_lo - tol(*f.range_lo)) ||
           (f.range_hi && v > *f.range_hi + tol(*f.range_hi));
}

std::string range_text(const FieldDecl& f) {
    if (f.range_lo && f.range_hi) {
        std::string lo = format_field_value(f, *f.range_lo), hi = format_field_value(f, *f.range_hi);
        const std::string unit = f.type == FieldType::Percent ? " %"
                                 : f.unit.to_string().empty() ? ""
                                                              : " " + f.unit.to_string();
        // "0 .. 100000000 RUB" reads better than "0 RUB .. 100000000 RUB".
        if (!unit.empty() && lo.size() > unit.size() &&
            lo.compare(lo.size() - unit.size(), unit.size(), unit) == 0)
            lo.resize(lo.size() - unit.size());
        return "the allowed range is " + lo + " .. " + hi;
    }
    if (f.range_lo) return "the smallest allowed value is " + format_field_value(f, *f.range_lo);
    if (f.range_hi) return "the largest allowed value is " + format_field_value(f, *f.range_hi);
    return "";
}

std::string out_of_range_message(const FieldDecl& f, const std::string& shown) {
    return quote_for_message(shown) + " is out of range: " + range_text(f);
}

}  // namespace tl::io
