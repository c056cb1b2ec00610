#pragma once
/// Data validation of the bid form's input cells: the spreadsheet itself refuses an answer that
/// import-form would refuse (a list for enumerations and yes/no, a decimal within the declared
/// range, a date, a text length), so that the bidder learns of a mistake while typing.
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "core/field.hpp"
#include "io/xlsx/xlsx_book.hpp"

namespace tl::io::form {

class AnswerValidation {
public:
    AnswerValidation(XlsxBook& book, lxw_worksheet* sheet, bool russian)
        : book_(book), ws_(sheet), russian_(russian) {}

    /// The input cell of field `f` at 0-based `row`, `col`.
    void field(int row, int col, const FieldDecl& f);
    /// The bidder's name: text of 1 to 300 characters.
    void bidder(int row, int col);
    /// The submission date: a date (with or without a time).
    void submitted(int row, int col);
    /// A drop-down list of `items`. Excel allows 255 characters in a list written into the
    /// validation; longer lists go to the hidden sheet "Lists" and are referenced from there.
    void list(int row, int col, const std::vector<std::string>& items, const std::string& title,
              const std::string& message);

private:
    void apply(int row, int col, lxw_data_validation& v, const std::string& title, const std::string& message);
    XlsxBook& book_;
    lxw_worksheet* ws_;
    bool russian_;
    lxw_worksheet* lists_ = nullptr;
    int lists_used_ = 0;  // columns of "Lists" used so far
};

}  // namespace tl::io::form
