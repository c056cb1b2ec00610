#include "io/xlsx/xlsx_reader.hpp"

#include <charconv>
#include <cmath>

#include "io/xlsx/xlsx_package_parts.hpp"
#include "io/xlsx/xml_reader.hpp"

namespace tl::io {

namespace {

constexpr int kMaxRow = 1048576, kMaxCol = 16384;

std::uint64_t key(int row, int col) { return (static_cast<std::uint64_t>(row) << 16) | static_cast<std::uint64_t>(col); }

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

/// Reads one `<sheetData>`: rows, cells, their values. Cells without an `r` attribute (allowed,
/// and written by some generators) follow the previous cell of their row.
class SheetHandler : public XmlHandler {
public:
    SheetHandler(XlsxSheet& sheet, const std::vector<std::string>& shared, const std::vector<std::string>& formats)
        : sheet_(sheet), shared_(shared), formats_(formats) {}

    /// Where the last problem was, for the message.
    std::string where() const {
        return "sheet '" + sheet_.name() + "'" + (col_ > 0 && row_ > 0 ? ", cell " + cell_reference(row_, col_) : "");
    }
    /// The cell of the last problem ("C7"), or "" when it was not in a cell.
    std::string cell_ref() const { return col_ > 0 && row_ > 0 ? cell_reference(row_, col_) : std::string(); }

    void start(std::string_view name, const XmlAttributes& a) override {
        if (name == "sheetData") {
            in_data_ = true;
        } else if (!in_data_) {
            return;
        } else if (name == "row") {
            const auto r = a.get("r");
            int row = row_ + 1;
            if (r && !parse_int(*r, row)) return problem("the row number '" + std::string(*r) + "' is not a number");
            if (row < 1 || row > kMaxRow) return problem("row " + std::to_string(row) + " is outside the sheet");
            row_ = row;
            col_ = 0;
        } else if (name == "c") {
            start_cell(a);
        } else if (in_cell_) {
            if (name == "v") {
                in_value_ = true;
            } else if (name == "is") {
                in_inline_ = true;
            } else if (name == "rPh") {
                ++phonetic_;
            } else if (name == "t" && in_inline_ && phonetic_ == 0) {
                in_inline_t_ = true;
            }
        }
    }

    void end(std::string_view name) override {
        if (name == "sheetData") {
            in_data_ = false;
        } else if (name == "c" && in_cell_) {
            finish_cell();
        } else if (name == "v") {
            in_value_ = false;
        } else if (name == "is") {
            in_inline_ = false;
        } else if (name == "rPh") {
            --phonetic_;
        } else if (name == "t") {
            in_inline_t_ = false;
        }
    }

    void text(std::string_view t) override {
        if (in_value_) value_.append(t);
        if (in_inline_t_) inline_.append(t);
    }

private:
    static bool parse_int(std::string_view s, int& out) {
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        return ec == std::errc() && p == s.data() + s.size();
    }

    void problem(const std::string& message) {
        if (stop_message.empty()) stop_message = message;
    }

    void start_cell(const XmlAttributes& a) {
        if (row_ == 0) row_ = 1;  // a cell outside any <row>: tolerate as the first row
        int col = col_ + 1;
        if (const auto r = a.get("r")) {
            auto rc = parse_cell_reference(std::string(*r));
            if (!rc) return problem("the cell reference '" + std::string(*r) + "' is not valid");
            row_ = rc->first;
            col = rc->second;
        }
        if (col > kMaxCol) return problem("a cell lies outside the sheet");
        col_ = col;
        in_cell_ = true;
        type_ = a.get("t") ? std::string(*a.get("t")) : std::string();
        format_.clear();
        if (const auto s = a.get("s")) {
            int index = 0;
            if (!parse_int(*s, index) || index < 0) return problem("the style index '" + std::string(*s) + "' is not valid");
            // A style index past the table is a damaged file, but the value is still readable.
            if (static_cast<std::size_t>(index) < formats_.size()) format_ = formats_[static_cast<std::size_t>(index)];
        }
        value_.clear();
        inline_.clear();
    }

    void finish_cell() {
        in_cell_ = false;
        XlsxCell cell;
        cell.format = format_;
        const std::string v = trimmed(value_);
        if (type_ == "s") {
            std::size_t index = 0;
            auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
            if (ec != std::errc() || p != v.data() + v.size())
                return problem("the shared string index '" + v + "' is not a number; the file is damaged");
            if (index >= shared_.size())
                return problem("shared string " + std::to_string(index) + " does not exist (the workbook has " +
                               std::to_string(shared_.size()) + "); the file is damaged");
            cell.kind = XlsxCellKind::Text;
            cell.text = shared_[index];
        } else if (type_ == "inlineStr") {
            cell.kind = XlsxCellKind::Text;
            cell.text = xlsx::decode_escapes(inline_);
        } else if (type_ == "str" || type_ == "d") {
            // A formula's string result, or an ISO 8601 date written as text (strict OOXML).
            cell.kind = XlsxCellKind::Text;
            cell.text = xlsx::decode_escapes(value_);
        } else if (type_ == "b") {
            if (v != "0" && v != "1" && v != "true" && v != "false")
                return problem("'" + v + "' is not a boolean value; the file is damaged");
            cell.kind = XlsxCellKind::Bool;
            cell.number = (v == "1" || v == "true") ? 1 : 0;
        } else if (type_ == "e") {
            cell.kind = XlsxCellKind::Error;
            cell.text = v;
        } else if (type_ == "n" || type_.empty()) {
            if (v.empty()) {
                // A formatted but empty cell: keep its format, no value.
            } else {
                double d = 0;
                auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
                if (ec != std::errc() || p != v.data() + v.size() || !std::isfinite(d))
                    return problem("'" + v + "' is not a number; the file is damaged");
                cell.kind = XlsxCellKind::Number;
                cell.number = d;
            }
        } else {
            return problem("unknown cell type '" + type_ + "'");
        }
        sheet_.set(row_, col_, std::move(cell));
    }

    XlsxSheet& sheet_;
    const std::vector<std::string>& shared_;
    const std::vector<std::string>& formats_;
    bool in_data_ = false, in_cell_ = false, in_value_ = false, in_inline_ = false, in_inline_t_ = false;
    int phonetic_ = 0;
    int row_ = 0, col_ = 0;
    std::string type_, format_, value_, inline_;
};

}  // namespace

const XlsxCell* XlsxSheet::cell(int row, int col) const {
    auto it = cells_.find(key(row, col));
    return it == cells_.end() ? nullptr : &it->second;
}

void XlsxSheet::set(int row, int col, XlsxCell cell) {
    cells_[key(row, col)] = std::move(cell);
    if (row > last_row_) last_row_ = row;
}

struct XlsxWorkbook::Impl {
    std::unique_ptr<ZipPackage> zip;
    std::string file;
    xlsx::WorkbookInfo info;
    std::vector<std::string> shared, formats;

    const xlsx::SheetEntry* find(const std::string& name, XlsxReadError* error) const {
        for (const auto& s : info.sheets)
            if (s.name == name) return &s;
        std::string names;
        for (const auto& s : info.sheets) names += (names.empty() ? "'" : ", '") + s.name + "'";
        *error = xlsx_error(file, Message("io.xlsx.no-sheet", TL_MSG("there is no sheet '{sheet}' (the sheets are {sheets})"))
                                      .text("sheet", name)
                                      .text("sheets", names));
        return nullptr;
    }
};

XlsxWorkbook::XlsxWorkbook(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxWorkbook::~XlsxWorkbook() = default;

std::unique_ptr<XlsxWorkbook> XlsxWorkbook::open(std::string bytes, const std::string& file, XlsxReadError* error,
                                                 const XlsxLimits& limits) {
    auto impl = std::make_unique<Impl>();
    impl->file = file;
    impl->zip = ZipPackage::open(std::move(bytes), file, limits, error);
    if (!impl->zip) return nullptr;
    ZipPackage& zip = *impl->zip;
    try {
        const auto package_rels = xlsx::read_relationships(zip, "", file);
        std::string workbook = xlsx::target_of(package_rels, "officeDocument");
        if (workbook.empty()) workbook = "xl/workbook.xml";
        if (!zip.has(workbook)) {
            Message what("io.xlsx.no-workbook", TL_MSG("this is not an Excel workbook (.xlsx): the archive has no workbook part"));
            if (zip.has("content.xml") && zip.has("mimetype"))
                what = Message("io.xlsx.ods", TL_MSG("this is an OpenDocument file (.ods), not an Excel workbook; save it "
                                                     "as an Excel workbook (.xlsx)"));
            else if (zip.has("word/document.xml"))
                what = Message("io.xlsx.docx", TL_MSG("this is a Word document, not an Excel workbook (.xlsx)"));
            *error = xlsx_error(file, std::move(what));
            return nullptr;
        }
        const auto rels = xlsx::read_relationships(zip, workbook, file);
        impl->info = xlsx::read_workbook(zip, workbook, rels, file);
        if (const std::string sst = xlsx::target_of(rels, "sharedStrings"); !sst.empty() && zip.has(sst))
            impl->shared = xlsx::read_shared_strings(zip, sst, file);
        if (const std::string styles = xlsx::target_of(rels, "styles"); !styles.empty() && zip.has(styles))
            impl->formats = xlsx::read_cell_formats(zip, styles, file);
    } catch (const XlsxReadError& e) {
        *error = e;
        return nullptr;
    }
    return std::unique_ptr<XlsxWorkbook>(new XlsxWorkbook(std::move(impl)));
}

std::vector<std::string> XlsxWorkbook::sheet_names() const {
    std::vector<std::string> names;
    for (const auto& s : impl_->info.sheets) names.push_back(s.name);
    return names;
}

bool XlsxWorkbook::date1904() const { return impl_->info.date1904; }

std::optional<std::string> XlsxWorkbook::sheet_xml(const std::string& name, XlsxReadError* error) const {
    const xlsx::SheetEntry* entry = impl_->find(name, error);
    if (!entry) return std::nullopt;
    return impl_->zip->read(entry->part, error);
}

std::optional<XlsxSheet> XlsxWorkbook::read_sheet(const std::string& name, XlsxReadError* error) const {
    auto xml = sheet_xml(name, error);
    if (!xml) return std::nullopt;
    XlsxSheet sheet(name);
    SheetHandler handler(sheet, impl_->shared, impl_->formats);
    const std::string problem = parse_xml(*xml, handler);
    if (!problem.empty()) {
        *error = XlsxReadError();
        error->file = impl_->file;
        error->where = handler.where();
        error->message = xlsx::with_damage_note(problem);  // expat's or the handler's words, in English
        error->sheet = name;
        error->cell = handler.cell_ref();
        return std::nullopt;
    }
    return sheet;
}

std::string cell_reference(int row, int col) {
    std::string letters;
    for (int c = col; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row);
}

std::optional<std::pair<int, int>> parse_cell_reference(const std::string& ref) {
    std::size_t i = 0;
    if (i < ref.size() && ref[i] == '$') ++i;
    long col = 0;
    const std::size_t letters_start = i;
    for (; i < ref.size() && i - letters_start < 4; ++i) {
        char c = ref[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') break;
        col = col * 26 + (c - 'A' + 1);
    }
    if (i == letters_start || col > kMaxCol) return std::nullopt;
    if (i < ref.size() && ref[i] == '$') ++i;
    long row = 0;
    const std::size_t digits_start = i;
    for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i - digits_start < 8; ++i) row = row * 10 + (ref[i] - '0');
    if (i == digits_start || i != ref.size() || row < 1 || row > kMaxRow) return std::nullopt;
    return std::make_pair(static_cast<int>(row), static_cast<int>(col));
}

bool is_percent_format(const std::string& code) {
    bool quoted = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') quoted = !quoted;
        else if (quoted) continue;
        else if (c == '\\' || c == '_' || c == '*') ++i;  // the next character is literal or padding
        else if (c == '%') return true;
    }
    return false;
}

}  // namespace tl::io
