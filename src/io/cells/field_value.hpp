#pragma once
/// Reading one answer as a value of its field, shared by every reader of bids (the CSV file, the
/// xlsx bid form), so that they accept the same spellings and say the same things about the rest.
#include <optional>
#include <string>
#include <vector>

#include "core/field.hpp"
#include "core/message.hpp"

namespace tl::io {

/// The value of the trimmed, non-empty `text` for field `f`, as FieldDecl documents it (percent as
/// a fraction, yes/no as 1/0, enum as the member's index, date as days since 1970-01-01; NaN for a
/// text field, whose value is its text). nullopt with a message in `*error` that reads well after
/// "row R, column C (field): " when the text is not such a value. The range is not checked here:
/// see outside_range.
std::optional<double> read_field_value(const FieldDecl& f, const std::string& text, std::string* error);
/// The same, with the problem as a value (code "io.cell.*").
std::optional<double> read_field_value(const FieldDecl& f, const std::string& text, Message& why);

/// True when `value` lies outside the field's declared range. A relative tolerance of 1e-12 keeps
/// a percent bound computed as 30 * 0.01 from rejecting a bid of exactly 30 %.
bool outside_range(const FieldDecl& f, double value);

/// The declared range for messages: "the allowed range is 0 .. 100000000 RUB", "the smallest
/// allowed value is 0 %". Only meaningful when the field has a range.
std::string range_text(const FieldDecl& f);
/// The same as a value (the bounds as the rules' values with their unit, quoted as text).
Message range_message(const FieldDecl& f);

/// The message for a value `shown` (as the user wrote it) that is outside the range:
/// "'150' is out of range: the allowed range is 0 .. 100 %".
std::string out_of_range_message(const FieldDecl& f, const std::string& shown);
/// The same as a value (code "io.cell.out-of-range").
Message out_of_range(const FieldDecl& f, const std::string& shown);

/// "'{value}' is not one of {members}" for an enum field.
Message not_a_member(const FieldDecl& f, const std::string& shown);

// What every reader of bids says about a missing or wrong answer (the CSV, the bid form).
/// "missing value for 'Price' (the field is not optional)".
Message missing_value(const FieldDecl& f);
/// "missing bidder name".
Message missing_bidder();
/// "missing lot (the lots are: 1, 2)".
Message missing_lot(const std::vector<std::string>& lots);
/// "unknown lot '3' (the lots are: 1, 2)".
Message unknown_lot(const std::string& shown, const std::vector<std::string>& lots);

}  // namespace tl::io
