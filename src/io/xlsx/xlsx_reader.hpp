#pragma once
/// Reading the cells of an .xlsx workbook: just enough of Office Open XML to read back a bid form
/// after a bidder filled it in with Excel, LibreOffice or another program.
///
/// Why our own ~800 lines over libzip and expat instead of a library: Debian 12 packages no C++
/// library that reads .xlsx (xlnt and OpenXLSX are not packaged; libfreexl 1.0 reads only .xls),
/// and every dependency must come from Debian. The format needed here is small: the workbook's
/// sheet list and relationships, the shared strings, the number formats, and the cells.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/xlsx/xlsx_zip.hpp"

namespace tl::io {

enum class XlsxCellKind { Empty, Number, Text, Bool, Error };

/// One cell as stored. Formulas are not evaluated: the value the writing program saved is read.
struct XlsxCell {
    XlsxCellKind kind = XlsxCellKind::Empty;
    double number = 0;  ///< Number: the value; Bool: 1 or 0
    std::string text;   ///< Text: the string (shared, inline or a formula's string result); Error: `#N/A`...
    std::string format; ///< the number format code applied to the cell (`0.00%`, `yyyy-mm-dd`), or ""
};

/// The cells of one worksheet.
class XlsxSheet {
public:
    explicit XlsxSheet(std::string name) : name_(std::move(name)) {}
    const std::string& name() const { return name_; }
    /// The cell at 1-based `row` and `col`, or nullptr when the sheet has none there.
    const XlsxCell* cell(int row, int col) const;
    /// The highest row that has a cell (0 for an empty sheet).
    int last_row() const { return last_row_; }
    void set(int row, int col, XlsxCell cell);

private:
    std::string name_;
    std::unordered_map<std::uint64_t, XlsxCell> cells_;
    int last_row_ = 0;
};

/// An open workbook: the sheet list is read when opening, sheets on demand.
class XlsxWorkbook {
public:
    /// Opens the workbook in `bytes` (the whole file); `file` names it in messages. nullptr with
    /// `*error` set when it is not a readable .xlsx workbook (see ZipPackage::open for the guards).
    static std::unique_ptr<XlsxWorkbook> open(std::string bytes, const std::string& file, XlsxReadError* error,
                                              const XlsxLimits& limits = {});
    ~XlsxWorkbook();

    /// Worksheet names in the workbook's order (chart sheets are left out).
    std::vector<std::string> sheet_names() const;
    /// True when the workbook counts dates from 1904 (old Mac Excel) instead of 1900.
    bool date1904() const;
    /// The cells of the sheet called `name`; nullopt with `*error` set when there is no such sheet
    /// or its part is damaged (the message then names the sheet and, where it can, the cell).
    std::optional<XlsxSheet> read_sheet(const std::string& name, XlsxReadError* error) const;
    /// The raw XML of the sheet's part (for checks of what the cells do not show, such as data
    /// validation); nullopt with `*error` set.
    std::optional<std::string> sheet_xml(const std::string& name, XlsxReadError* error) const;

private:
    struct Impl;
    explicit XlsxWorkbook(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// "C12" for row 12, column 3 (both 1-based).
std::string cell_reference(int row, int col);
/// Row and column (1-based) of a reference such as "C12" (`$` signs allowed); nullopt when it is
/// not one or lies outside Excel's 1048576 x 16384 grid.
std::optional<std::pair<int, int>> parse_cell_reference(const std::string& ref);

/// True when a number format shows values as percentages (a `%` outside quotes and escapes):
/// 0.4 in such a cell is displayed, and was typed, as 40 %.
bool is_percent_format(const std::string& format_code);

}  // namespace tl::io
