#include "io/workbook/workbook_formats.hpp"

namespace tl::io::wb {

namespace {
constexpr lxw_color_t kHeaderFill = 0xDCE6F1, kWorkingFill = 0xEDEDED, kInputFill = 0xFFF9DB, kWarningFill = 0xFCE4D6;

// Excel number-format text for a unit: `#,##0.00 "RUB"`. Quotes in a unit are dropped.
std::string quoted_unit(const std::string& unit) {
    std::string clean;
    for (char c : unit)
        if (c != '"' && c != '\\') clean += c;
    return "\"" + clean + "\"";
}
}  // namespace

Formats::Formats(XlsxBook& book) : book_(book) {
    auto make = [&] { return book_.add_format(); };
    title = make();
    format_set_bold(title);
    format_set_font_size(title, 14);
    subtitle = make();
    format_set_bold(subtitle);
    format_set_font_size(subtitle, 11);
    label = make();
    format_set_bold(label);
    format_set_align(label, LXW_ALIGN_VERTICAL_TOP);
    text = make();
    format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
    wrap = make();
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    note = make();
    format_set_italic(note);
    format_set_font_color(note, 0x595959);
    header = make();
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header, kHeaderFill);
    format_set_border(header, LXW_BORDER_THIN);
    header_working = make();
    format_set_italic(header_working);
    format_set_text_wrap(header_working);
    format_set_align(header_working, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header_working, kWorkingFill);
    format_set_border(header_working, LXW_BORDER_THIN);
    score = make();
    format_set_num_format(score, "0.0000");
    score_bold = make();
    format_set_num_format(score_bold, "0.0000");
    format_set_bold(score_bold);
    // A cell holding a value, not a formula (a construct Excel cannot compute exactly).
    value_only = make();
    format_set_num_format(value_only, "0.0000");
    format_set_bg_color(value_only, kWarningFill);
    format_set_italic(value_only);
    yes_no = make();
    format_set_num_format(yes_no, "[=1]\"yes\";[=0]\"no\";General");
    format_set_align(yes_no, LXW_ALIGN_CENTER);
    integer = make();
    format_set_num_format(integer, "0");
    format_set_align(integer, LXW_ALIGN_CENTER);
    date = make();
    format_set_num_format(date, "yyyy-mm-dd");
    signature_input = make();
    format_set_unlocked(signature_input);
    format_set_bottom(signature_input, LXW_BORDER_THIN);
    format_set_bg_color(signature_input, kInputFill);
    signature_label = make();
    format_set_bold(signature_label);
    format_set_bottom(signature_label, LXW_BORDER_THIN);
    warning = make();
    format_set_bg_color(warning, kWarningFill);
    format_set_text_wrap(warning);
    format_set_align(warning, LXW_ALIGN_VERTICAL_TOP);
}

lxw_format* Formats::numeric(const std::string& num_format) {
    auto it = by_num_format_.find(num_format);
    if (it != by_num_format_.end()) return it->second;
    lxw_format* f = book_.add_format();
    format_set_num_format(f, num_format.c_str());
    by_num_format_.emplace(num_format, f);
    return f;
}

lxw_format* Formats::for_field(const FieldDecl& f) {
    switch (f.type) {
        case FieldType::Money: return numeric("#,##0.00 " + quoted_unit(f.unit.to_string()));
        case FieldType::Percent: return numeric("0.##########%");
        case FieldType::Quantity: return numeric("General " + quoted_unit(f.unit.to_string()));
        case FieldType::Date: return date;
        case FieldType::Number: return numeric("General");
        case FieldType::YesNo: case FieldType::Enum: case FieldType::Text: return text;
    }
    return text;
}

void setup_page(XlsxBook& book, lxw_worksheet* sheet, const std::string& reference, bool repeat_first_row) {
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);  // A4
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_set_margins(sheet, 0.5, 0.5, 0.75, 0.75);
    if (repeat_first_row) book.check(worksheet_repeat_rows(sheet, 0, 0), "repeated header row");
    // `&&` is a literal ampersand in Excel's header codes; the reference is the user's text.
    std::string ref;
    for (char c : reference) ref += c == '&' ? std::string("&&") : std::string(1, c);
    book.check(worksheet_set_header(sheet, ("&L" + ref + "&R&A").c_str()), "page header");
    book.check(worksheet_set_footer(sheet, "&LTenderLoop evaluation&RPage &P of &N"), "page footer");
}

void protect_sheet(lxw_worksheet* sheet) {
    lxw_protection options{};
    // Reading, selecting and widening columns stay allowed; editing locked cells does not.
    options.format_columns = LXW_TRUE;
    worksheet_protect(sheet, nullptr, &options);
}

}  // namespace tl::io::wb
