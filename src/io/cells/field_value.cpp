#include "io/cells/field_value.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/decimal_compare.hpp"
#include "io/csv/bids_header.hpp"
#include "io/cells/cell_parsing.hpp"
#include "io/common/text_utils.hpp"

namespace tl::io {

std::optional<double> read_field_value(const FieldDecl& f, const std::string& text, std::string* error) {
    Message why;
    if (auto v = read_field_value(f, text, why)) return v;
    return english_into(error, why);
}

std::optional<double> read_field_value(const FieldDecl& f, const std::string& text, Message& why) {
    switch (f.type) {
        case FieldType::Money:
        case FieldType::Percent:
        case FieldType::Number:
        case FieldType::Quantity: return parse_numeric_cell(f, text, why);
        case FieldType::YesNo:
            if (auto v = parse_yes_no(text)) return v;
            why = Message("io.cell.not-yes-no",
                          TL_MSG("'{value}' is not yes or no (write yes/no, true/false, да/нет or 1/0)"))
                      .text("value", shorten_for_message(text));
            return std::nullopt;
        case FieldType::Enum:
            if (auto i = f.member_index(text)) return static_cast<double>(*i);
            why = not_a_member(f, text);
            return std::nullopt;
        case FieldType::Date:
            if (auto d = parse_date_cell(text, why)) return static_cast<double>(*d);
            return std::nullopt;
        case FieldType::Text: return std::numeric_limits<double>::quiet_NaN();
    }
    return std::nullopt;
}

bool outside_range(const FieldDecl& f, double v) {
    // The bounds compare as the rules' operators do (core/decimal_compare.hpp).
    return (f.range_lo && decimal_less(v, *f.range_lo)) || (f.range_hi && decimal_greater(v, *f.range_hi));
}

std::string range_text(const FieldDecl& f) { return word(range_message(f)); }

Message range_message(const FieldDecl& f) {
    if (f.range_lo && f.range_hi) {
        std::string lo = format_field_value(f, *f.range_lo), hi = format_field_value(f, *f.range_hi);
        const std::string unit = f.type == FieldType::Percent ? " %"
                                 : f.unit.to_string().empty() ? ""
                                                              : " " + f.unit.to_string();
        // "0 .. 100000000 RUB" reads better than "0 RUB .. 100000000 RUB".
        if (!unit.empty() && lo.size() > unit.size() &&
            lo.compare(lo.size() - unit.size(), unit.size(), unit) == 0)
            lo.resize(lo.size() - unit.size());
        return Message("io.range.between", TL_MSG("the allowed range is {low} .. {high}")).text("low", lo).text("high", hi);
    }
    if (f.range_lo)
        return Message("io.range.at-least", TL_MSG("the smallest allowed value is {low}"))
            .text("low", format_field_value(f, *f.range_lo));
    if (f.range_hi)
        return Message("io.range.at-most", TL_MSG("the largest allowed value is {high}"))
            .text("high", format_field_value(f, *f.range_hi));
    return {};
}

std::string out_of_range_message(const FieldDecl& f, const std::string& shown) { return word(out_of_range(f, shown)); }

Message out_of_range(const FieldDecl& f, const std::string& shown) {
    return Message("io.cell.out-of-range", TL_MSG("'{value}' is out of range: {range}"))
        .text("value", shorten_for_message(shown))
        .nested("range", range_message(f));
}

Message not_a_member(const FieldDecl& f, const std::string& shown) {
    return Message("io.cell.not-a-member", TL_MSG("'{value}' is not one of {members}"))
        .text("value", shorten_for_message(shown))
        .text("members", join_list(f.members));
}

Message missing_value(const FieldDecl& f) {
    if (f.display_name() != f.id)
        return Message("io.cell.missing-value", TL_MSG("missing value for '{name}' (the field is not optional)"))
            .text("name", shorten_for_message(f.display_name()));
    return Message("io.cell.missing-value", TL_MSG("missing value (the field is not optional)"));
}

Message missing_bidder() { return Message("io.cell.missing-bidder", TL_MSG("missing bidder name")); }

Message missing_lot(const std::vector<std::string>& lots) {
    return Message("io.cell.missing-lot", TL_MSG("missing lot (the lots are: {lots})")).text("lots", join_list(lots));
}

Message unknown_lot(const std::string& shown, const std::vector<std::string>& lots) {
    return Message("io.cell.unknown-lot", TL_MSG("unknown lot '{lot}' (the lots are: {lots})"))
        .text("lot", shorten_for_message(shown))
        .text("lots", join_list(lots));
}

}  // namespace tl::io
