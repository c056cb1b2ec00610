#pragma once
/// One .xlsx file being written with libxlsxwriter, made safe to use from TenderLoop:
/// - every lxw_error becomes an XlsxError naming the file, the sheet and the cell;
/// - the file is written to a temporary file beside the target and renamed over it only by
///   commit(), so a failure (or an exception) never leaves a half-written workbook behind;
/// - numbers are printed in the "C" numeric locale for this thread while the book is open
///   (libxlsxwriter 1.1.4 prints with printf: under ru_RU it would write `0,5`, which Excel,
///   LibreOffice and Gnumeric read as 0);
/// - text is checked to be UTF-8 (one bad byte makes spreadsheet programs drop every later
///   string) and always written as a string, never as a formula;
/// - sheet names are made valid and unique.
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xlsxwriter.h>

namespace tl {
class AtomicFile;  // core/atomic_file.hpp
}
#include "core/message.hpp"

namespace tl::io {

/// A workbook could not be written; the message says which file and where. what() is the
/// English wording (for logs); `message` the same as a value (code "io.xlsx-write.*") for a front
/// end to word in the user's language.
struct XlsxError : std::runtime_error {
    explicit XlsxError(Message m) : std::runtime_error(word(m)), message(std::move(m)) {}
    Message message;
};

/// A valid, unique sheet name for `wanted`: the characters `[]:*?/\` become `_`, the name is cut
/// to 31 characters (not inside a UTF-8 sequence), and ` (2)`, ` (3)`... is appended while the
/// name is already in `used` (compared ignoring ASCII case, as Excel does).
std::string unique_sheet_name(std::string_view wanted, const std::vector<std::string>& used);

/// `'Sheet name'!` for formulas, with `'` doubled.
std::string sheet_ref(const std::string& sheet_name);

/// Column letters of a 0-based column (0 -> A, 27 -> AB).
std::string column_letters(int col);

class XlsxBook {
public:
    /// Opens `path` for writing (through a temporary file). `constant_memory`: rows are flushed
    /// as soon as a later row is written, so each sheet must be written top to bottom.
    XlsxBook(std::string path, bool constant_memory);
    ~XlsxBook();
    XlsxBook(const XlsxBook&) = delete;
    XlsxBook& operator=(const XlsxBook&) = delete;

    lxw_workbook* get() { return book_; }
    const std::string& path() const { return path_; }

    /// Adds a sheet named after `wanted` (made valid and unique); returns the name it got.
    lxw_worksheet* add_sheet(std::string_view wanted, std::string* actual_name = nullptr);
    lxw_format* add_format();
    lxw_chart* add_chart(uint8_t type);

    /// Writes the file and moves it into place. Throws XlsxError; the target is untouched then.
    void commit();

    /// Throws XlsxError("FILE: sheet 'S', cell B7: reason") unless `e` is LXW_NO_ERROR.
    void check(lxw_error e, lxw_worksheet* sheet, int row, int col) const;
    /// Throws XlsxError("FILE: what: reason") unless `e` is LXW_NO_ERROR.
    void check(lxw_error e, std::string_view what) const;

    // Cell writers: `row`/`col` are 0-based. They check the result (see check()).

    /// Text as an inert string (a bidder named `=HYPERLINK(...)` stays text). Invalid UTF-8 is an
    /// error naming the cell; text longer than a cell holds (32 767 characters) is cut with `…`.
    void text(lxw_worksheet* s, int row, int col, std::string_view value, lxw_format* f = nullptr);
    /// A number; NaN or infinity becomes an empty (formatted) cell.
    void number(lxw_worksheet* s, int row, int col, double value, lxw_format* f = nullptr);
    void boolean(lxw_worksheet* s, int row, int col, bool value, lxw_format* f = nullptr);
    void blank(lxw_worksheet* s, int row, int col, lxw_format* f = nullptr);
    /// A live formula (without `=`) holding TenderLoop's value as its cached result.
    void formula(lxw_worksheet* s, int row, int col, const std::string& formula, double value, lxw_format* f = nullptr);
    /// A live formula whose cached result is text ("" for "no value", `#N/A` for undefined).
    void formula_text(lxw_worksheet* s, int row, int col, const std::string& formula, std::string_view value,
                      lxw_format* f = nullptr);

private:
    std::string checked_text(std::string_view value, lxw_worksheet* s, int row, int col) const;
    std::string sheet_name_of(lxw_worksheet* s) const;

    std::string path_;
    std::unique_ptr<AtomicFile> file_;  ///< the temporary libxlsxwriter writes, put in place by commit()
    lxw_workbook* book_ = nullptr;
    std::vector<std::string> sheet_names_;
    std::vector<lxw_worksheet*> sheets_;
    void* c_numeric_locale_ = nullptr;  // locale_t of this thread while open
    void* previous_locale_ = nullptr;
    bool committed_ = false;
};

}  // namespace tl::io
