#include "io/form/bid_form_validation.hpp"

#include <charconv>
#include <cmath>

#include "io/form/bid_form_layout.hpp"
#include "io/form/bid_form_texts.hpp"
#include "io/csv/bids_csv_writer.hpp"

namespace tl::io::form {

namespace {

/// Excel's day numbers of 1900-01-01 and 9999-12-31: the whole range of dates it knows.
constexpr double kFirstSerial = 1, kLastSerial = 2958465;
/// Numbers beyond any price, for "any number" (Excel's decimal validation needs bounds).
constexpr double kHuge = 1e300;

/// `v` to 15 significant digits: 0.3 * 100 must be the bound 30, not 30.000000000000004, or a
/// bidder typing 30 would be refused.
double clean(double v) {
    const std::string s = plain_number(v);
    double out = v;
    std::from_chars(s.data(), s.data() + s.size(), out);
    return out;
}

/// The field's bounds in the units typed into the form (percent as the number of percent, dates
/// as Excel day numbers).
double typed(const FieldDecl& f, double v) {
    if (f.type == FieldType::Percent) return clean(v * 100);
    if (f.type == FieldType::Date) return v + kExcelEpochOffset;
    return v;
}

}  // namespace

void AnswerValidation::apply(int row, int col, lxw_data_validation& v, const std::string& title,
                             const std::string& message) {
    // Excel's limits: 32 characters for titles, 255 for messages; libxlsxwriter refuses more.
    const std::string input_title = fit_bytes(title, 31);
    const std::string error_title = fit_bytes(russian_ ? "Invalid answer / Ошибка" : "Invalid answer", 31);
    const std::string text = fit_bytes(message, 255);
    v.input_title = const_cast<char*>(input_title.c_str());
    v.input_message = const_cast<char*>(text.c_str());
    v.error_title = const_cast<char*>(error_title.c_str());
    v.error_message = const_cast<char*>(text.c_str());
    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    book_.check(worksheet_data_validation_cell(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), &v), ws_,
                row, col);
}

void AnswerValidation::field(int row, int col, const FieldDecl& f) {
    const std::string title = f.display_name();
    const std::string message = input_message(f, russian_);
    lxw_data_validation v{};
    switch (f.type) {
        case FieldType::YesNo: return list(row, col, {"yes", "no"}, title, message);
        case FieldType::Enum: return list(row, col, f.members, title, message);
        case FieldType::Text:
            v.validate = LXW_VALIDATION_TYPE_LENGTH;
            v.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
            v.value_number = kMaxTextAnswer;
            return apply(row, col, v, title, message);
        case FieldType::Date:
            v.validate = LXW_VALIDATION_TYPE_DATE_NUMBER;
            v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
            v.minimum_number = f.range_lo ? typed(f, *f.range_lo) : kFirstSerial;
            v.maximum_number = f.range_hi ? typed(f, *f.range_hi) : kLastSerial;
            return apply(row, col, v, title, message);
        case FieldType::Money:
        case FieldType::Percent:
        case FieldType::Number:
        case FieldType::Quantity:
            v.validate = LXW_VALIDATION_TYPE_DECIMAL;
            v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
            v.minimum_number = f.range_lo ? typed(f, *f.range_lo) : -kHuge;
            v.maximum_number = f.range_hi ? typed(f, *f.range_hi) : kHuge;
            return apply(row, col, v, title, message);
    }
}

void AnswerValidation::bidder(int row, int col) {
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_LENGTH;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = 1;
    v.maximum_number = 300;
    apply(row, col, v, "Bidder",
          both("The full name of the bidding company.", "Полное наименование участника.", russian_));
}

void AnswerValidation::submitted(int row, int col) {
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_DATE_NUMBER;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = kFirstSerial;
    v.maximum_number = kLastSerial + 0.99999;
    apply(row, col, v, "Date of submission",
          both("A date such as 2026-03-01, or a date and time such as 2026-03-01 10:15.",
               "Дата, например 2026-03-01, или дата и время, например 2026-03-01 10:15.", russian_));
}

void AnswerValidation::list(int row, int col, const std::vector<std::string>& items, const std::string& title,
                            const std::string& message) {
    std::size_t length = 0;
    bool inline_ok = true;
    for (const auto& s : items) {
        length += s.size() + 1;
        inline_ok = inline_ok && s.find_first_of(",\"") == std::string::npos;
    }
    lxw_data_validation v{};
    std::vector<char*> pointers;
    std::string formula;
    if (inline_ok && length <= 256) {  // the items plus the commas between them: 255 at most
        for (const auto& s : items) pointers.push_back(const_cast<char*>(s.c_str()));
        pointers.push_back(nullptr);
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = pointers.data();
    } else {
        if (!lists_) {
            lists_ = book_.add_sheet(kListsSheet);
            worksheet_hide(lists_);
            worksheet_protect(lists_, nullptr, nullptr);
        }
        const int list_col = lists_used_++;
        for (std::size_t i = 0; i < items.size(); ++i) book_.text(lists_, static_cast<int>(i), list_col, items[i]);
        const std::string letters = column_letters(list_col);
        formula = std::string("=") + kListsSheet + "!$" + letters + "$1:$" + letters + "$" + std::to_string(items.size());
        v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        v.value_formula = formula.data();
    }
    apply(row, col, v, title, message);
}

}  // namespace tl::io::form
