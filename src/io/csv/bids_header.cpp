#include "io/csv/bids_header.hpp"

#include <algorithm>
#include <map>

#include "io/common/text_utils.hpp"

namespace tl::io {

Message save_as_utf8() {
    return Message("io.csv.save-as-utf8",
                   TL_MSG("save the file as 'CSV UTF-8' (the file may be in Windows-1251 or another legacy encoding)"));
}

std::string quote_for_message(const std::string& text) { return "'" + shorten_for_message(text) + "'"; }

std::string join_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

void BidsReporter::cell(int row, int col, const std::string& column, Message problem, const std::string& field,
                        Severity severity) {
    const std::string code = problem.code;
    Message what = column.empty() ? Message(code, TL_MSG("row {row}, column {col}: {problem}"))
                                  : Message(code, TL_MSG("row {row}, column {col} ({column}): {problem}"))
                                        .text("column", shorten_for_message(column, 40));
    what.count("row", row).count("col", col).nested("problem", std::move(problem));
    add(row, col, std::move(what), field, severity);
}

void BidsReporter::row(int row, Message problem, const std::string& field) {
    const std::string code = problem.code;
    add(row, 0, Message(code, TL_MSG("row {row}: {problem}")).count("row", row).nested("problem", std::move(problem)),
        field);
}

void BidsReporter::set_bidder(std::size_t first, const std::string& bidder) {
    for (std::size_t i = first; i < all_.size(); ++i) all_[i].pos.bidder = bidder;
}

Diagnostics BidsReporter::finish() {
    std::stable_sort(all_.begin(), all_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
    });
    if (all_.size() > kMaxDiagnostics) {
        const std::size_t more = all_.size() - kMaxDiagnostics;
        // The count is an error only when errors were left out (warnings alone keep the file good).
        const bool errors_left_out = std::any_of(all_.begin() + kMaxDiagnostics, all_.end(),
                                                 [](const Diagnostic& d) { return d.severity == Severity::Error; });
        all_.resize(kMaxDiagnostics);
        SourcePos pos;
        pos.file = file_;  // line 0: not at one place
        all_.push_back(make_diagnostic(
            errors_left_out ? Severity::Error : Severity::Warning, pos,
            Message("io.csv.more-problems", TL_MSG_PLURAL("... and {n} more problem (only the first {max} are shown)",
                                                          "... and {n} more problems (only the first {max} are shown)"))
                .count("n", static_cast<long long>(more))
                .count("max", static_cast<long long>(kMaxDiagnostics))));
    }
    return std::move(all_);
}

void BidsReporter::add(int row, int col, Message what, const std::string& field, Severity severity) {
    SourcePos pos;
    pos.file = file_;
    pos.line = row;
    pos.col = col;
    pos.field = field;
    all_.push_back(make_diagnostic(severity, std::move(pos), std::move(what)));
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
                    rep_.row(row_,
                             Message("io.csv.reserved-name",
                                     TL_MSG("the field '{field}' has the name of the reserved column '{column}'; "
                                            "rename the field in the rules"))
                                 .text("field", f.id)
                                 .text("column", r),
                             f.id);
        std::map<std::string, int> seen;  // canonical name -> its column
        std::vector<Column> columns;
        struct Unknown {
            int col;
            std::string name;
            Message message;
        };
        std::vector<Unknown> unknown;
        for (std::size_t i = 0; i < header.cells.size(); ++i) {
            const int col = static_cast<int>(i) + 1;
            const CsvCell& cell = header.cells[i];
            Column c;
            if (cell.problem) {
                rep_.cell(row_, col, "", *cell.problem);
            } else if (find_invalid_utf8(cell.text)) {
                rep_.cell(row_, col, "",
                          Message("io.csv.invalid-utf8-name", TL_MSG("the column name is not valid UTF-8; {advice}"))
                              .nested("advice", save_as_utf8()));
            } else if (const std::string name = trim_spaces(cell.text); name.empty()) {
                c.kind = ColumnKind::Unnamed;
            } else if (!match(name, c)) {
                c.name = name;
                unknown.push_back({col, name, unknown_message(name)});
            } else if (auto [it, fresh] = seen.emplace(c.name, col); !fresh) {
                rep_.cell(row_, col, c.name,
                          Message("io.csv.duplicate-column", TL_MSG("duplicate column '{column}' (also column {other})"))
                              .text("column", shorten_for_message(c.name))
                              .count("other", it->second),
                          c.name);
                c.kind = ColumnKind::Ignored;
            }
            columns.push_back(c);
        }
        if (seen.empty() && unknown.size() >= 2) {
            // Not one known name: the header row is missing (the first bid is in its place) or it
            // belongs to another file. One message says that better than one per cell.
            rep_.row(row_, Message("io.csv.no-header", TL_MSG("this row should name the columns ({columns}), but none "
                                                              "of its cells does: is the header row missing?"))
                               .text("columns", join_list(expected_names())));
            return {};
        }
        for (const auto& u : unknown) rep_.cell(row_, u.col, u.name, u.message);
        if (!seen.count("bidder"))
            rep_.row(row_, Message("io.csv.missing-bidder-column", TL_MSG("missing column 'bidder' (the name of each bidder)")),
                     "bidder");
        if (!lots_.empty() && !seen.count("lot"))
            rep_.row(row_,
                     Message("io.csv.missing-lot-column", TL_MSG("missing column 'lot' (the tender has lots {lots})"))
                         .text("lots", join_list(lots_)),
                     "lot");
        for (const auto& f : fields_)
            if (!f.optional && !seen.count(f.id))
                rep_.row(row_,
                         f.display_name() != f.id
                             ? Message("io.csv.missing-column", TL_MSG("missing column '{column}' ({name})"))
                                   .text("column", shorten_for_message(f.id))
                                   .text("name", f.display_name())
                             : Message("io.csv.missing-column", TL_MSG("missing column '{column}'"))
                                   .text("column", shorten_for_message(f.id)),
                         f.id);
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

    Message unknown_message(const std::string& name) const {
        const std::string shown = shorten_for_message(name);
        const std::string lower = ascii_lower(name);
        // People often head a column with the field's display name instead of its id.
        for (const auto& f : fields_)
            if ((!f.name.empty() && ascii_lower(f.name) == lower) ||
                (!f.name_ru.empty() && f.name_ru == name))
                return Message("io.csv.unknown-column",
                               TL_MSG("unknown column '{column}'; the column of the field '{name}' must be headed "
                                      "by its id '{field}'"))
                    .text("column", shown)
                    .text("name", shorten_for_message(f.display_name()))
                    .text("field", shorten_for_message(f.id));
        const auto candidates = expected_names();
        std::string best;
        int best_distance = 3;  // suggest only within 2 edits...
        for (const auto& cand : candidates) {
            const int d = edit_distance(lower, ascii_lower(cand));
            // ...and never by replacing the whole name (`id` is not a typo of `lot`).
            if (d < best_distance && d < static_cast<int>(cand.size())) best = cand, best_distance = d;
        }
        if (!best.empty())
            return Message("io.csv.unknown-column", TL_MSG("unknown column '{column}'; did you mean '{suggestion}'?"))
                .text("column", shown)
                .text("suggestion", shorten_for_message(best));
        return Message("io.csv.unknown-column", TL_MSG("unknown column '{column}' (the columns are: {columns})"))
            .text("column", shown)
            .text("columns", join_list(candidates));
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
