#include "io/csv/bids_header.hpp"

#include <algorithm>
#include <map>

#include "io/common/text_utils.hpp"

namespace tl::io {

const char* const kSaveAsUtf8 =
    "save the file as 'CSV UTF-8' (the file may be in Windows-1251 or another legacy encoding)";

std::string quote_for_message(const std::string& text) { return "'" + shorten_for_message(text) + "'"; }

std::string join_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

void BidsReporter::cell(int row, int col, const std::string& column, const std::string& message) {
    std::string where = "row " + std::to_string(row) + ", column " + std::to_string(col);
    if (!column.empty()) where += " (" + shorten_for_message(column, 40) + ")";
    add(row, col, where + ": " + message);
}

void BidsReporter::row(int row, const std::string& message) {
    add(row, 0, "row " + std::to_string(row) + ": " + message);
}

Diagnostics BidsReporter::finish() {
    std::stable_sort(all_.begin(), all_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
    });
    if (all_.size() > kMaxDiagnostics) {
        const std::size_t more = all_.size() - kMaxDiagnostics;
        all_.resize(kMaxDiagnostics);
        Diagnostic d;
        d.pos.file = file_;  // line 0: not at one place
        d.message = "... and " + std::to_string(more) + " more problem" + (more == 1 ? "" : "s") +
                    " (only the first " + std::to_string(kMaxDiagnostics) + " are shown)";
        all_.push_back(std::move(d));
    }
    return std::move(all_);
}

void BidsReporter::add(int row, int col, std::string message) {
    Diagnostic d;
    d.severity = Severity::Error;
    d.pos = SourcePos{file_, row, col};
    d.message = std::move(message);
    all_.push_back(std::move(d));
}

namespace {

const char* const kReserved[] = {"bidder", "lot", "submitted"};

class HeaderReader {
public:
    HeaderReader(const std::vector<FieldDecl>& fields, const std::vector<std::string>& lots,
                 BidsReporter& rep)
        : fields_(fields), lots_(lots), rep_(rep) {}

    std::vector<Column> read(const CsvRecord& header) {
        row_ = header.row;
        for (const auto& f : fields_)
            for (const char* r : kReserved)
                if (ascii_lower(f.id) == r)
                    rep_.row(row_, "the field '" + f.id + "' has the name of the reserved column '" + r +
                                       "'; rename the field in the rules");
        std::map<std::string, int> seen;  // canonical name -> its column
        std::vector<Column> columns;
        struct Unknown {
            int col;
            std::string name, message;
        };
        std::vector<Unknown> unknown;
        for (std::size_t i = 0; i < header.cells.size(); ++i) {
            const int col = static_cast<int>(i) + 1;
            const CsvCell& cell = header.cells[i];
            Column c;
            if (!cell.problem.empty()) {
                rep_.cell(row_, col, "", cell.problem);
            } else if (find_invalid_utf8(cell.text)) {
                rep_.cell(row_, col, "", "the column name is not valid UTF-8; " + std::string(kSaveAsUtf8));
            } else if (const std::string name = trim_spaces(cell.text); name.empty()) {
                c.kind = ColumnKind::Unnamed;
            } else if (!match(name, c)) {
                c.name = name;
                unknown.push_back({col, name, unknown_message(name)});
            } else if (auto [it, fresh] = seen.emplace(c.name, col); !fresh) {
                rep_.cell(row_, col, c.name,
                          "duplicate column " + quote_for_message(c.name) + " (also column " +
                              std::to_string(it->second) + ")");
                c.kind = ColumnKind::Ignored;
            }
            columns.push_back(c);
        }
        if (seen.empty() && unknown.size() >= 2) {
            // Not one known name: the header row is missing (the first bid is in its place) or it
            // belongs to another file. One message says that better than one per cell.
            rep_.row(row_, "this row should name the columns (" + join_list(expected_names()) +
                               "), but none of its cells does: is the header row missing?");
            return {};
        }
        for (const auto& u : unknown) rep_.cell(row_, u.col, u.name, u.message);
        if (!seen.count("bidder")) rep_.row(row_, "missing column 'bidder' (the name of each bidder)");
        if (!lots_.empty() && !seen.count("lot"))
            rep_.row(row_, "missing column 'lot' (the tender has lots " + join_list(lots_) + ")");
        for (const auto& f : fields_)
            if (!f.optional && !seen.count(f.id))
                rep_.row(row_,
                         "missing column " + quote_for_message(f.id) +
                             (f.display_name() != f.id ? " (" + f.display_name() + ")" : std::string()));
        if (seen.empty()) return {};
        return columns;
    }

private:
    /// Matches `name` against the reserved columns, then field ids exactly, then ignoring case.
    bool match(const std::string& name, Column& c) const {
        const std::string lower = ascii_lower(name);
        for (const char* r : kReserved) {
            if (lower != r) continue;
            c.kind = r[0] == 'b' ? ColumnKind::Bidder : r[0] == 'l' ? ColumnKind::Lot : ColumnKind::Submitted;
            c.name = r;
            return true;
        }
        auto found = [&](bool exact) {
            for (std::size_t k = 0; k < fields_.size(); ++k)
                if (exact ? fields_[k].id == name : ascii_lower(fields_[k].id) == lower)
                    return static_cast<int>(k);
            return -1;
        };
        int k = found(true);
        if (k < 0) k = found(false);
        if (k < 0) return false;
        c.kind = ColumnKind::Field;
        c.field = k;
        c.name = fields_[k].id;
        return true;
    }

    std::vector<std::string> expected_names() const {
        std::vector<std::string> names(std::begin(kReserved), std::end(kReserved));
        for (const auto& f : fields_) names.push_back(f.id);
        return names;
    }

    std::string unknown_message(const std::string& name) const {
        const std::string head = "unknown column " + quote_for_message(name);
        const std::string lower = ascii_lower(name);
        // People often head a column with the field's display name instead of its id.
        for (const auto& f : fields_)
            if ((!f.name.empty() && ascii_lower(f.name) == lower) ||
                (!f.name_ru.empty() && f.name_ru == name))
                return head + "; the column of the field " + quote_for_message(f.display_name()) +
                       " must be headed by its id " + quote_for_message(f.id);
        const auto candidates = expected_names();
        std::string best;
        int best_distance = 3;  // suggest only within 2 edits...
        for (const auto& cand : candidates) {
            const int d = edit_distance(lower, ascii_lower(cand));
            // ...and never by replacing the whole name (`id` is not a typo of `lot`).
            if (d < best_distance && d < static_cast<int>(cand.size())) best = cand, best_distance = d;
        }
        if (!best.empty()) return head + "; did you mean " + quote_for_message(best) + "?";
        return head + " (the columns are: " + join_list(candidates) + ")";
    }

    const std::vector<FieldDecl>& fields_;
    const std::vector<std::string>& lots_;
    BidsReporter& rep_;
    int row_ = 1;
};

}  // namespace

std::vector<Column> read_bids_header(const CsvRecord& header, const std::vector<FieldDecl>& fields,
                                     const std::vector<std::string>& lots, BidsReporter& rep) {
    return HeaderReader(fields, lots, rep).read(header);
}

}  // namespace tl::io
