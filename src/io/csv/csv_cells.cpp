#include "io/csv/csv_cells.hpp"

namespace tl::io {

namespace {

bool starts_like_formula(const std::string& s, std::size_t at) {
    if (s.size() <= at) return false;
    const char c = s[at];
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

std::string csv_plain_cell(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string csv_text_cell(const std::string& text) {
    // CSV injection (formula injection): a spreadsheet runs a cell starting with one of these as a
    // formula; the apostrophe makes it plain text. Bidder names come from outside: never trust them.
    return csv_plain_cell(starts_like_formula(text, 0) ? "'" + text : text);
}

std::string csv_text_unguard(const std::string& cell) {
    if (!cell.empty() && cell[0] == '\'' && starts_like_formula(cell, 1)) return cell.substr(1);
    return cell;
}

}  // namespace tl::io
