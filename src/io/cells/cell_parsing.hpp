#pragma once
/// Reading one bid-file cell as a field value. Each function takes the trimmed cell text and
/// returns the value, or nullopt with a message that reads well after "row R, column C (field): ",
/// e.g. `'12k' is not a number`: as a value (code "io.cell.*", the cell's text as an argument) in
/// the `Message&` forms, in English in the `std::string*` forms.
#include <optional>
#include <string>

#include "core/field.hpp"
#include "core/message.hpp"

namespace tl::io {

/// A decimal number as spreadsheets export it: optional sign, `12000000`, `12 000 000,50` (space,
/// U+00A0, U+2009 or U+202F between groups of three digits), `12.000.000,50`, `12,000,000.50`.
/// When both `.` and `,` occur, the last one is the decimal separator; a lone `,` is a decimal
/// comma, because that is how officers in Russia and the Baltics write money, and a reader that
/// guessed "thousands" for `1,234` would silently multiply a price by a thousand. A value with
/// several of one separator and none of the other (`12,000,000`) is rejected as ambiguous.
/// Scientific notation is rejected: Excel writes it for numbers that did not fit the column, with
/// digits already lost. NaN and infinities are not numbers.
std::optional<double> parse_decimal(const std::string& text, std::string* error);
std::optional<double> parse_decimal(const std::string& text, Message& why);

/// A money, number, quantity or percent cell: a decimal number, optionally followed by the field's
/// unit (`12000000 RUB`, `5 years`; currency codes in any case). Percent cells accept `40`, `40 %`
/// and `40%` and return the fraction (0.4).
std::optional<double> parse_numeric_cell(const FieldDecl& field, const std::string& text, std::string* error);
std::optional<double> parse_numeric_cell(const FieldDecl& field, const std::string& text, Message& why);

/// yes/no/true/false/y/n/1/0/да/нет in any case -> 1 or 0.
std::optional<double> parse_yes_no(const std::string& text);

/// Set when the number written in `text` (a cell already read as a number) has more significant
/// digits than a double keeps (17): the warning says what the value is computed as.
std::optional<Message> digits_rounded(const std::string& text, double value);

/// `YYYY-MM-DD` or `DD.MM.YYYY` (also `D.M.YYYY`, as Russian-locale spreadsheets export dates)
/// -> days since 1970-01-01.
std::optional<int> parse_date_cell(const std::string& text, std::string* error);
std::optional<int> parse_date_cell(const std::string& text, Message& why);
/// "'{value}' is not a date (write 2026-03-01 or 01.03.2026)" for the cell text `text`.
Message not_a_date_message(const std::string& text);

/// A submission time normalised so that comparing the strings compares the times.
struct Timestamp {
    std::string text;    ///< `YYYY-MM-DDTHH:MM:SS[.fff]`, with a trailing `Z` when `zoned`; compare with
                         ///< tl::compare_submission_times (a fraction makes plain text order wrong)
    bool zoned = false;  ///< the cell gave `Z` or an offset; `text` is then in UTC
};

/// An ISO 8601 date (`2026-03-01`, taken as midnight) or date-time with `T` or a space before
/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff` (1 to 9 digits of a second), optionally followed by `Z` or an offset (`+03:00`, `+0300`, `+03`).
/// `DD.MM.YYYY` is accepted for the date part too. A time with an offset is converted to UTC, so
/// that bids stamped in different zones still order correctly.
std::optional<Timestamp> parse_timestamp(const std::string& text, std::string* error);
std::optional<Timestamp> parse_timestamp(const std::string& text, Message& why);

/// The message's English wording into `*error` (when not null); returns nullopt, for the
/// `std::string*` forms.
std::nullopt_t english_into(std::string* error, const Message& why);

}  // namespace tl::io
