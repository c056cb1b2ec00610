#pragma once
// Internal to the evaluation workbook: the cell formats, created once per workbook and reused
// (libxlsxwriter keeps one record per format object).
#include <map>
#include <string>

#include "core/field.hpp"
#include "io/xlsx/xlsx_book.hpp"

namespace tl::io::wb {

struct Formats {
    explicit Formats(XlsxBook& book);

    lxw_format *title, *subtitle, *label, *text, *wrap, *note, *header, *header_working;
    lxw_format *score, *score_bold, *value_only, *yes_no, *integer, *date;
    lxw_format *signature_input, *signature_label, *warning;

    /// The format of a field's values: money with the currency, percent, the unit of a quantity,
    /// dates; cached by number format.
    lxw_format* for_field(const FieldDecl& f);

private:
    lxw_format* numeric(const std::string& num_format);
    XlsxBook& book_;
    std::map<std::string, lxw_format*> by_num_format_;
};

/// Page setup shared by every sheet: A4 landscape, fit to one page wide, header row repeated,
/// header/footer with the tender reference and "page x of y".
void setup_page(XlsxBook& book, lxw_worksheet* sheet, const std::string& reference, bool repeat_first_row);

/// Protects a sheet against accidental edits (no password: anyone may unprotect it, see the docs).
void protect_sheet(lxw_worksheet* sheet);

}  // namespace tl::io::wb
