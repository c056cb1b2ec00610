#include "io/form/bid_form.hpp"

#include <algorithm>
#include <memory>
#include <vector>

#include "io/form/bid_form_layout.hpp"
#include "io/form/bid_form_texts.hpp"
#include "io/form/bid_form_validation.hpp"
#include "io/xlsx/xlsx_book.hpp"

namespace tl::io {

namespace {

using namespace form;

constexpr lxw_color_t kInputFill = 0xFFF2CC;   // light yellow: "write here"
constexpr lxw_color_t kHeaderFill = 0xD9E1F2;  // light blue
constexpr lxw_color_t kFixedFill = 0xEDEDED;   // grey: a value given by the buyer
constexpr lxw_color_t kGrey = 0x595959;

/// Column widths of the sheet "Bid" (kColId .. kColAnswer), in Excel's units (characters): about
/// 27 cm in all, printed on A4 landscape at ~85 %.
constexpr double kWidths[] = {12, 34, 38, 16, 30, 14, 24};
constexpr double kInstructionsWidth = 72;

/// The formats of the form, created once per workbook (libxlsxwriter keeps them until close).
struct Formats {
    lxw_format *title, *subtitle, *text, *heading, *small, *note;
    lxw_format *header, *cell, *id;
    lxw_format *in_text, *in_money, *in_number, *in_date, *in_datetime, *fixed;

    explicit Formats(XlsxBook& book) {
        auto make = [&book] {
            lxw_format* f = book.add_format();
            format_set_font_name(f, kFont);
            format_set_font_size(f, kFontSize);
            format_set_text_wrap(f);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            return f;
        };
        title = make();
        format_set_bold(title);
        format_set_font_size(title, 14);
        subtitle = make();
        format_set_bold(subtitle);
        format_set_font_size(subtitle, 11);
        text = make();
        heading = make();
        format_set_bold(heading);
        format_set_font_size(heading, 11);
        small = make();
        format_set_italic(small);
        format_set_font_size(small, 8);
        format_set_font_color(small, kGrey);
        note = make();
        format_set_italic(note);
        header = make();
        format_set_bold(header);
        format_set_bg_color(header, kHeaderFill);
        format_set_border(header, LXW_BORDER_THIN);
        cell = make();
        format_set_border(cell, LXW_BORDER_THIN);
        id = make();
        format_set_border(id, LXW_BORDER_THIN);
        format_set_font_size(id, 8);
        format_set_font_color(id, kGrey);
        auto input = [&](const char* num_format) {
            lxw_format* f = make();
            format_set_unlocked(f);
            format_set_bg_color(f, kInputFill);
            format_set_border(f, LXW_BORDER_THIN);
            if (num_format) format_set_num_format(f, num_format);
            return f;
        };
        in_text = input("@");  // text stays text: "0123" keeps its zero
        in_money = input("#,##0.00");
        in_number = input(nullptr);
        in_date = input("yyyy-mm-dd");
        in_datetime = input("yyyy-mm-dd hh:mm");
        fixed = make();
        format_set_bg_color(fixed, kFixedFill);
        format_set_border(fixed, LXW_BORDER_THIN);
    }

    lxw_format* input_for(const FieldDecl& f) const {
        switch (f.type) {
            case FieldType::Money: return in_money;
            case FieldType::Date: return in_date;
            case FieldType::Text:
            case FieldType::Enum:
            case FieldType::YesNo: return in_text;
            default: return in_number;
        }
    }
};

class FormWriter {
public:
    FormWriter(const CriteriaSet& rules, const BidFormOptions& options, XlsxBook& book)
        : rules_(rules), options_(options), book_(book), f_(book), russian_(tender_has_russian(rules)) {}

    void write() {
        lxw_worksheet* instructions = book_.add_sheet(kInstructionsSheet);
        lxw_worksheet* bid = book_.add_sheet(kFormSheet);
        write_instructions(instructions);
        write_form(bid);
        // Last: the title and reference have been checked for UTF-8 by the cells that show them.
        set_properties();
    }

private:
    /// Text from the rules as an inert string (never a formula), checked for UTF-8.
    void str(lxw_worksheet* ws, int row, int col, const std::string& text, lxw_format* fmt) {
        book_.text(ws, row, col, text, fmt);
    }

    void set_height(lxw_worksheet* ws, int row, double points) {
        book_.check(worksheet_set_row(ws, static_cast<lxw_row_t>(row), points, nullptr), ws, row, 0);
    }

    /// A title line across the table; `scale` is its font size relative to the body text.
    void merged(lxw_worksheet* ws, int row, const std::string& text, lxw_format* fmt, double scale) {
        // Merged with an empty text, then the text is written through XlsxBook, which checks it
        // (merge_range would write it unchecked).
        book_.check(worksheet_merge_range(ws, static_cast<lxw_row_t>(row), kColId, static_cast<lxw_row_t>(row),
                                          kColAnswer, "", fmt),
                    ws, row, kColId);
        str(ws, row, kColId, text, fmt);
        // No program grows merged cells to fit their text: give the row its height.
        double width = 0;
        for (int c = kColId; c <= kColAnswer; ++c) width += kWidths[c];
        set_height(ws, row, wrapped_lines(text, width, scale) * kLineHeight * scale + 4);
    }

    void set_properties() {
        title_ = "Bid response form: " + rules_.tender.title;
        subject_ = rules_.tender.reference;
        lxw_doc_properties props{};
        props.title = title_.data();
        props.subject = subject_.data();
        props.author = const_cast<char*>("TenderLoop");
        props.comments = const_cast<char*>("Fill in the yellow cells of the sheet 'Bid'.");
        book_.check(workbook_set_properties(book_.get(), &props), "cannot set the document properties");
    }

    void page_setup(lxw_worksheet* ws, bool landscape) {
        worksheet_set_paper(ws, 9);  // A4
        if (landscape) worksheet_set_landscape(ws);
        else worksheet_set_portrait(ws);
        worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
        worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many tall as needed
        std::string header = "&L" + small_header(rules_.tender.reference) + "&R" + small_header(rules_.tender.title);
        std::string footer = "&C&8Page &P of &N";
        if (header.size() > 250) header = fit_bytes(header, 250);  // Excel's limit is 255
        book_.check(worksheet_set_header(ws, header.c_str()), "cannot set the page header");
        book_.check(worksheet_set_footer(ws, footer.c_str()), "cannot set the page footer");
    }

    /// Header text in 8 points. `&` starts a control code in Excel headers, so a literal one is
    /// written `&&`; and digits right after `&8` would be read as part of the font size
    /// (`&82026` is 82026 points), so a space separates them.
    static std::string small_header(const std::string& s) {
        std::string out = !s.empty() && s[0] >= '0' && s[0] <= '9' ? "&8 " : "&8";
        for (char c : s) out += c == '&' ? std::string("&&") : std::string(1, c);
        return out;
    }

    void write_instructions(lxw_worksheet* ws) {
        // Fits an A4 portrait page at 100 % even where Calibri is replaced by a wider font
        // (LibreOffice without Carlito): a scaled page clips wrapped text in LibreOffice.
        book_.check(worksheet_set_column(ws, 0, 0, kInstructionsWidth, nullptr), "cannot set a column width");
        worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
        int row = 0;
        for (const Paragraph& p : instructions(rules_, options_.lot, russian_)) {
            using S = Paragraph::Style;
            if (p.style == S::Heading && row > 0) ++row;  // a blank line before each heading
            lxw_format* fmt = p.style == S::Title      ? f_.title
                              : p.style == S::Subtitle ? f_.subtitle
                              : p.style == S::Heading  ? f_.heading
                              : p.style == S::Small    ? f_.small
                                                       : f_.text;
            // Larger fonts take more room per character and per line.
            const double scale = p.style == S::Title ? 1.45 : p.style == S::Subtitle || p.style == S::Heading ? 1.15 : 1.0;
            str(ws, row, 0, p.text, fmt);
            set_height(ws, row, wrapped_lines(p.text, kInstructionsWidth, scale) * kLineHeight * scale + 3);
            ++row;
        }
        page_setup(ws, false);
        worksheet_protect(ws, nullptr, nullptr);
    }

    void write_form(lxw_worksheet* ws) {
        for (int c = kColId; c <= kColAnswer; ++c)
            book_.check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), kWidths[c], nullptr),
                        "cannot set a column width");
        lxw_row_col_options hidden{};
        hidden.hidden = 1;
        book_.check(worksheet_set_column_opt(ws, kColKey, kColKey, 30, nullptr, &hidden), "cannot hide the key column");

        int row = 0;
        merged(ws, row++, "Bid response form \xE2\x80\x94 " + rules_.tender.title, f_.title, 1.45);
        if (russian_ && !rules_.tender.title_ru.empty())
            merged(ws, row++, "Форма заявки \xE2\x80\x94 " + rules_.tender.title_ru, f_.subtitle, 1.2);
        std::string ref = rules_.tender.reference.empty() ? "" : "Reference: " + rules_.tender.reference;
        if (!options_.lot.empty()) ref += (ref.empty() ? "" : "    ") + std::string("Lot: ") + options_.lot;
        if (!ref.empty()) merged(ws, row++, ref, f_.text, 1.0);
        merged(ws, row++,
               both("Fill in the yellow cells of the column 'Your answer'. See the sheet 'Instructions'.",
                    "Заполните жёлтые ячейки столбца «Ваш ответ». См. лист «Instructions».", russian_),
               f_.note, 1.0);
        ++row;  // breathing space before the table

        // Machine cells in the hidden column (rows 1-3 lie in the title rows above).
        str(ws, kRowMarker, kColKey, kMarker, nullptr);
        str(ws, kRowReference, kColKey, rules_.tender.reference, nullptr);
        str(ws, kRowLot, kColKey, options_.lot, nullptr);

        const int header_row = row;
        const auto headers = column_headers(russian_);
        int header_lines = 1;
        for (int c = kColId; c <= kColAnswer; ++c) {
            str(ws, row, c, headers[static_cast<std::size_t>(c)], f_.header);
            header_lines = std::max(header_lines, wrapped_lines(headers[static_cast<std::size_t>(c)], kWidths[c], 1.08));
        }
        set_height(ws, row, header_lines * kLineHeight + 3);
        ++row;

        AnswerValidation validation(book_, ws, russian_);
        write_row(ws, row, kKeyBidder, both("Bidder (full name of the company)", "Участник закупки (полное наименование)", russian_),
                  both("As in the bid documents.", "Как в документах заявки.", russian_), both("text", "текст", russian_),
                  "", false, kKeyBidder);
        str(ws, row, kColAnswer, "", f_.in_text);
        validation.bidder(row, kColAnswer);
        ++row;
        if (!rules_.tender.lots.empty()) write_lot_row(ws, row++, validation);
        write_row(ws, row, kKeySubmitted,
                  both("Date of submission", "Дата подачи заявки", russian_),
                  both("Date (and time) the bid is submitted; of two bids with equal scores the earlier ranks higher.",
                       "Дата (и время) подачи заявки; при равных баллах выше ставится заявка, поданная раньше.",
                       russian_),
                  "YYYY-MM-DD hh:mm", "", true, kKeySubmitted);
        str(ws, row, kColAnswer, "", f_.in_datetime);
        validation.submitted(row, kColAnswer);
        ++row;
        for (const FieldDecl& f : rules_.fields) {
            if (f.committee) continue;  // the committee's scores are not the bidder's to state
            write_row(ws, row, f.id, item_text(f), description_text(f), unit_text(f, russian_), f.evidence, f.optional,
                      field_key(f));
            str(ws, row, kColAnswer, "", f_.input_for(f));
            validation.field(row, kColAnswer, f);
            ++row;
        }

        worksheet_freeze_panes(ws, static_cast<lxw_row_t>(header_row + 1), 0);
        page_setup(ws, true);
        book_.check(worksheet_repeat_rows(ws, static_cast<lxw_row_t>(header_row), static_cast<lxw_row_t>(header_row)),
                    "cannot set the repeated header row");
        worksheet_protect(ws, nullptr, nullptr);
    }

    void write_row(lxw_worksheet* ws, int row, const std::string& id, const std::string& item,
                   const std::string& description, const std::string& unit, const std::string& evidence,
                   bool optional, const std::string& key) {
        const std::string texts[] = {id, item, description, unit, evidence, required_text(optional, russian_)};
        int lines = 1;
        for (int c = kColId; c <= kColRequired; ++c) {
            str(ws, row, c, texts[c], c == kColId ? f_.id : f_.cell);
            lines = std::max(lines, wrapped_lines(texts[c], kWidths[c], c == kColId ? 0.8 : 1.0));
        }
        str(ws, row, kColKey, key, nullptr);
        // Two lines at least: the input cell is easier to hit, and the table easier to read.
        set_height(ws, row, std::max(lines, 2) * kLineHeight + 3);
    }

    void write_lot_row(lxw_worksheet* ws, int row, AnswerValidation& validation) {
        std::string lots;
        std::vector<std::string> ids;
        for (const auto& l : rules_.tender.lots) {
            lots += (lots.empty() ? "" : "\n") + l.id + (l.name.empty() ? "" : " \xE2\x80\x93 " + l.name);
            ids.push_back(l.id);
        }
        const bool fixed = !options_.lot.empty();
        write_row(ws, row, kKeyLot, both("Lot", "Лот", russian_),
                  fixed ? both("This form is for one lot only.", "Форма только для этого лота.", russian_) : lots,
                  fixed ? "" : both("one of the lots", "один из лотов", russian_), "", false, kKeyLot);
        if (fixed) {
            str(ws, row, kColAnswer, options_.lot, f_.fixed);
        } else {
            str(ws, row, kColAnswer, "", f_.in_text);
            validation.list(row, kColAnswer, ids, both("Lot", "Лот", false),
                            both("Choose the lot of this bid.", "Выберите лот заявки.", russian_));
        }
    }

    const CriteriaSet& rules_;
    const BidFormOptions& options_;
    XlsxBook& book_;
    Formats f_;
    bool russian_;
    std::string title_, subject_;
};

}  // namespace

bool write_bid_form(const CriteriaSet& rules, const std::string& path, const BidFormOptions& options,
                    std::string* error) {
    Message why;
    if (write_bid_form(rules, path, options, why)) return true;
    if (error) *error = word(why);
    return false;
}

bool write_bid_form(const CriteriaSet& rules, const std::string& path, const BidFormOptions& options, Message& why) {
    if (!options.lot.empty()) {
        bool known = false;
        for (const auto& l : rules.tender.lots) known = known || l.id == options.lot;
        if (!known) {
            why = Message("io.form.no-such-lot", TL_MSG("the tender has no lot '{lot}'")).text("lot", options.lot);
            return false;
        }
    }
    try {
        // XlsxBook writes through a temporary file in the C numeric locale (see io/xlsx_book.hpp).
        XlsxBook book(path, false);
        FormWriter(rules, options, book).write();
        book.commit();
    } catch (const XlsxError& e) {
        why = e.message;
        return false;
    }
    return true;
}

}  // namespace tl::io
