#include "io/xlsx/xlsx_book.hpp"

#include <fcntl.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/atomic_file.hpp"
#include "io/common/text_utils.hpp"

namespace tl::io {

namespace {

constexpr std::size_t kMaxSheetName = 31;
constexpr std::size_t kMaxCellText = 32767;

// Cuts `s` to at most `max_bytes` bytes without splitting a UTF-8 sequence.
std::string cut_utf8(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return std::string(s.substr(0, end));
}

// Cuts `s` to at most `max_chars` code points (Excel counts a sheet name's characters).
std::string cut_code_points(std::string_view s, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (++chars > max_chars) return std::string(s.substr(0, i));
    }
    return std::string(s);
}

std::string cell_name(int row, int col) { return column_letters(col) + std::to_string(row + 1); }

}  // namespace

std::string column_letters(int col) {
    std::string s;
    for (++col; col > 0; col = (col - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
    return s;
}

std::string sheet_ref(const std::string& sheet_name) {
    std::string out = "'";
    for (char c : sheet_name) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'!";
}

std::string unique_sheet_name(std::string_view wanted, const std::vector<std::string>& used) {
    std::string base;
    for (char c : wanted) base += c != '\0' && std::strchr("[]:*?/\\", c) != nullptr ? '_' : c;
    // Excel refuses a name that starts or ends with an apostrophe.
    while (!base.empty() && base.front() == '\'') base.erase(base.begin());
    while (!base.empty() && base.back() == '\'') base.pop_back();
    if (base.empty()) base = "Sheet";
    auto taken = [&](const std::string& name) {
        for (const auto& u : used)
            if (ascii_lower(u) == ascii_lower(name)) return true;
        return false;
    };
    std::string name = cut_code_points(base, kMaxSheetName);
    for (int n = 2; taken(name); ++n) {
        const std::string suffix = " (" + std::to_string(n) + ")";
        name = cut_code_points(base, kMaxSheetName - suffix.size()) + suffix;
    }
    return name;
}

XlsxBook::XlsxBook(std::string path, bool constant_memory) : path_(std::move(path)) {
    try {
        file_ = std::make_unique<AtomicFile>(path_);
    } catch (const AtomicFileError& e) {
        throw XlsxError(e.message());  // "cannot create a temporary file in FOLDER: reason"
    }

    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    book_ = workbook_new_opt(file_->temp_path().c_str(), &options);
    if (book_ == nullptr) {
        file_->discard();
        throw XlsxError(Message("io.xlsx-write.start",
                                TL_MSG("{file}: libxlsxwriter could not start the workbook (out of memory or temporary files?)"))
                            .text("file", path_));
    }
    // From here the destructor cleans up. Only LC_NUMERIC changes, and only for this thread: the
    // other categories, and other threads (a GUI), keep their own.
    locale_t base = ::duplocale(::uselocale(static_cast<locale_t>(nullptr)));
    if (base == static_cast<locale_t>(nullptr)) return;
    locale_t c_numeric = ::newlocale(LC_NUMERIC_MASK, "C", base);
    if (c_numeric == static_cast<locale_t>(nullptr)) {
        ::freelocale(base);
        return;
    }
    c_numeric_locale_ = c_numeric;
    previous_locale_ = ::uselocale(c_numeric);
}

XlsxBook::~XlsxBook() {
    if (!committed_) {
        if (book_ != nullptr) (void)workbook_close(book_);  // frees it; the file is thrown away
        file_->discard();
    }
    if (c_numeric_locale_ != nullptr) {
        ::uselocale(static_cast<locale_t>(previous_locale_));
        ::freelocale(static_cast<locale_t>(c_numeric_locale_));
    }
}

lxw_worksheet* XlsxBook::add_sheet(std::string_view wanted, std::string* actual_name) {
    const std::string name = unique_sheet_name(wanted, sheet_names_);
    lxw_worksheet* s = workbook_add_worksheet(book_, name.c_str());
    if (s == nullptr)
        throw XlsxError(Message("io.xlsx-write.sheet", TL_MSG("{file}: cannot add the sheet '{sheet}'"))
                            .text("file", path_)
                            .text("sheet", name));
    sheet_names_.push_back(name);
    sheets_.push_back(s);
    if (actual_name != nullptr) *actual_name = name;
    return s;
}

lxw_format* XlsxBook::add_format() {
    lxw_format* f = workbook_add_format(book_);
    if (f == nullptr)
        throw XlsxError(Message("io.xlsx-write.format", TL_MSG("{file}: cannot add a cell format (out of memory)")).text("file", path_));
    return f;
}

lxw_chart* XlsxBook::add_chart(uint8_t type) {
    lxw_chart* c = workbook_add_chart(book_, type);
    if (c == nullptr)
        throw XlsxError(Message("io.xlsx-write.chart", TL_MSG("{file}: cannot add a chart (out of memory)")).text("file", path_));
    return c;
}

void XlsxBook::commit() {
    const lxw_error e = workbook_close(book_);
    book_ = nullptr;
    committed_ = true;  // from here nothing is left for the destructor to clean up
    if (e != LXW_NO_ERROR) {
        file_->discard();
        throw XlsxError(Message("io.xlsx-write.write", TL_MSG("{file}: cannot write the workbook: {reason}"))
                            .text("file", path_)
                            .text("reason", lxw_strerror(e)));
    }
    try {
        file_->commit();
    } catch (const AtomicFileError& err) {
        throw XlsxError(Message("io.xlsx-write.rename", TL_MSG("{file}: cannot move the finished workbook into place: {reason}"))
                            .text("file", path_)
                            .nested("reason", err.message()));
    }
}

std::string XlsxBook::sheet_name_of(lxw_worksheet* s) const {
    for (std::size_t i = 0; i < sheets_.size(); ++i)
        if (sheets_[i] == s) return sheet_names_[i];
    return "?";
}

void XlsxBook::check(lxw_error e, lxw_worksheet* sheet, int row, int col) const {
    if (e == LXW_NO_ERROR) return;
    throw XlsxError(Message("io.xlsx-write.cell", TL_MSG("{file}: sheet '{sheet}', cell {cell}: {reason}"))
                        .text("file", path_)
                        .text("sheet", sheet_name_of(sheet))
                        .text("cell", cell_name(row, col))
                        .text("reason", lxw_strerror(e)));
}

void XlsxBook::check(lxw_error e, std::string_view what) const {
    if (e == LXW_NO_ERROR) return;
    throw XlsxError(Message("io.xlsx-write.part", TL_MSG("{file}: {what}: {reason}"))
                        .text("file", path_)
                        .text("what", std::string(what))
                        .text("reason", lxw_strerror(e)));
}

std::string XlsxBook::checked_text(std::string_view value, lxw_worksheet* s, int row, int col) const {
    if (const auto bad = find_invalid_utf8(value))
        throw XlsxError(Message("io.xlsx-write.invalid-utf8",
                                TL_MSG("{file}: sheet '{sheet}', cell {cell}: the text is not valid UTF-8 (byte {byte})"))
                            .text("file", path_)
                            .text("sheet", sheet_name_of(s))
                            .text("cell", cell_name(row, col))
                            .count("byte", static_cast<long long>(*bad + 1)));
    // Excel counts UTF-16 units; bytes are a safe upper bound for the limit.
    if (value.size() <= kMaxCellText) return std::string(value);
    return cut_utf8(value, kMaxCellText - 3) + "\xE2\x80\xA6";
}

void XlsxBook::text(lxw_worksheet* s, int row, int col, std::string_view value, lxw_format* f) {
    const std::string t = checked_text(value, s, row, col);
    if (t.empty()) return blank(s, row, col, f);
    check(worksheet_write_string(s, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), t.c_str(), f), s, row, col);
}

void XlsxBook::number(lxw_worksheet* s, int row, int col, double value, lxw_format* f) {
    if (!std::isfinite(value)) return blank(s, row, col, f);
    check(worksheet_write_number(s, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value, f), s, row, col);
}

void XlsxBook::boolean(lxw_worksheet* s, int row, int col, bool value, lxw_format* f) {
    check(worksheet_write_boolean(s, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value ? 1 : 0, f), s, row,
          col);
}

void XlsxBook::blank(lxw_worksheet* s, int row, int col, lxw_format* f) {
    if (f == nullptr) return;  // libxlsxwriter ignores an unformatted blank anyway
    check(worksheet_write_blank(s, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), f), s, row, col);
}

void XlsxBook::formula(lxw_worksheet* s, int row, int col, const std::string& formula, double value, lxw_format* f) {
    if (!std::isfinite(value)) return formula_text(s, row, col, formula, "#N/A", f);
    check(worksheet_write_formula_num(s, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), formula.c_str(), f,
                                      value),
          s, row, col);
}

void XlsxBook::formula_text(lxw_worksheet* s, int row, int col, const std::string& formula, std::string_view value,
                            lxw_format* f) {
    const std::string t = checked_text(value, s, row, col);
    check(worksheet_write_formula_str(s, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), formula.c_str(), f,
                                      t.c_str()),
          s, row, col);
}

}  // namespace tl::io
