#include "io/csv/bids_csv.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string_view>

#include "core/input_file.hpp"
#include "io/csv/bids_header.hpp"
#include "io/cells/cell_parsing.hpp"
#include "io/csv/csv_cells.hpp"
#include "io/csv/csv_tokenizer.hpp"
#include "io/cells/field_value.hpp"
#include "io/common/text_utils.hpp"
#include "io/names/bidder_names.hpp"

namespace tl {

namespace {

using io::BidsReporter;
using io::Column;
using io::ColumnKind;
using io::trim_spaces;

std::string shown(const std::string& s) { return io::shorten_for_message(s); }
std::string join(const std::vector<std::string>& items) { return io::join_list(items); }

/// The column kinds whose cells belong to a field of the bid (or its bidder, lot, time).
bool is_known(io::ColumnKind k) {
    return k == ColumnKind::Bidder || k == ColumnKind::Lot || k == ColumnKind::Submitted || k == ColumnKind::Field;
}

/// Reads the data rows once the columns are known.
class RowReader {
public:
    RowReader(const std::vector<FieldDecl>& fields, const std::vector<std::string>& lots,
              const std::vector<Column>& columns, char separator, BidsReporter& rep)
        : fields_(fields), lots_(lots), columns_(columns), separator_(separator), rep_(rep) {}

    void read(const io::CsvRecord& rec, std::vector<Bid>& bids) {
        const int row = rec.row;
        const int width = static_cast<int>(columns_.size());
        const int count = static_cast<int>(rec.cells.size());
        if (rec.unterminated) {
            rep_.cell(row, count, name_of(count), *rec.cells.back().problem, field_of(count));
            return;
        }
        if (count != width) {
            Message msg = count > width && separator_ == ','
                              ? Message("io.csv.cell-count",
                                        TL_MSG("the row has {cells} cells but the header has {columns}; with ',' as "
                                               "the separator a value with a decimal comma (12,5) must be quoted"))
                              : Message("io.csv.cell-count", TL_MSG("the row has {cells} cells but the header has {columns}"));
            msg.count("cells", count).count("columns", width);
            const int col = std::min(count, width) + 1;
            rep_.cell(row, col, name_of(col), std::move(msg), field_of(col));
            return;
        }
        const std::size_t first_problem = rep_.count();
        Bid bid;
        bid.source_row = row;
        bid.values.assign(fields_.size(), std::numeric_limits<double>::quiet_NaN());
        bid.texts.assign(fields_.size(), std::string());
        int bidder_col = 0;
        bool row_ok = true, lot_ok = true;
        for (int i = 0; i < width; ++i) {
            const int col = i + 1;
            const Column& c = columns_[i];
            const io::CsvCell& cell = rec.cells[i];
            auto error = [&](Message msg) {
                rep_.cell(row, col, c.name, std::move(msg), is_known(c.kind) ? c.name : std::string());
                row_ok = false;
            };
            if (cell.problem) {
                error(*cell.problem);
                continue;
            }
            if (auto too_long = text_too_long(cell.text)) {
                error(std::move(*too_long));
                continue;
            }
            if (io::find_invalid_utf8(cell.text)) {
                error(Message("io.csv.invalid-utf8", TL_MSG("the value is not valid UTF-8; {advice}"))
                          .nested("advice", io::save_as_utf8()));
                continue;
            }
            const std::string v = trim_spaces(cell.text);
            switch (c.kind) {
                case ColumnKind::Ignored: break;
                case ColumnKind::Unnamed:
                    if (!v.empty())
                        error(Message("io.csv.value-without-column",
                                      TL_MSG("value '{value}' in a column without a name in the header"))
                                  .text("value", shown(v)));
                    break;
                case ColumnKind::Bidder:
                    bidder_col = col;
                    if (v.empty()) error(io::missing_bidder());
                    // TenderLoop's own CSVs guard names against formula injection; undo that.
                    bid.bidder = io::csv_text_unguard(v);
                    if (auto refused = io::refused_name(bid.bidder)) error(std::move(*refused));
                    break;
                case ColumnKind::Lot: lot_ok = read_lot(v, bid, error); break;
                case ColumnKind::Submitted: read_submitted(v, row, bid, error); break;
                case ColumnKind::Field: {
                    const FieldDecl& f = fields_[c.field];
                    bid.texts[c.field] = f.type == FieldType::Text ? io::csv_text_unguard(v) : v;
                    if (v.empty()) {
                        if (!f.optional) error(io::missing_value(f));
                        break;
                    }
                    Message why;
                    auto value = io::read_field_value(f, v, why);
                    if (!value) {
                        error(std::move(why));
                    } else if (!std::isnan(*value) && io::outside_range(f, *value)) {
                        error(io::out_of_range(f, v));
                    } else {
                        bid.values[c.field] = *value;
                        if (!std::isnan(*value))
                            if (auto rounded = io::digits_rounded(v, *value))
                                rep_.cell(row, col, c.name, std::move(*rounded), c.name, Severity::Warning);
                    }
                    break;
                }
            }
        }
        // With a wrong lot the bid's lot is unknown, and so is whom it would duplicate.
        if (bidder_col > 0 && !bid.bidder.empty() && lot_ok) {
            auto [it, fresh] = first_row_of_.emplace(bid.lot + '\n' + bid.bidder, row);
            if (!fresh) {
                rep_.cell(row, bidder_col, "bidder",
                          (bid.lot.empty()
                               ? Message("io.csv.duplicate-bidder", TL_MSG("duplicate bidder '{bidder}' (also row {other})"))
                               : Message("io.csv.duplicate-bidder",
                                         TL_MSG("duplicate bidder '{bidder}' in lot '{lot}' (also row {other})"))
                                     .text("lot", shown(bid.lot)))
                              .text("bidder", shown(bid.bidder))
                              .count("other", it->second),
                          "bidder");
                row_ok = false;
            }
        }
        // The bidder is known only now (its column may come after the cell with a problem).
        rep_.set_bidder(first_problem, bid.bidder);
        if (row_ok) {
            if (first_row_of_name_.emplace(bid.bidder, row).second) sightings_.push_back({bid.bidder, row, bidder_col});
            bids.push_back(std::move(bid));
        }
    }

    /// Warnings about the names of the rows read without errors: look-alikes of each other
    /// (compared across lots: the committee's declarations of interest and every list of
    /// bidders go by name) and words that mix alphabets. Each name once, at its first row.
    void warn_about_names() {
        std::vector<io::NameSighting> names;
        for (const Sighting& s : sightings_)
            names.push_back({s.name, Message("io.names.row", TL_MSG("row {row}")).count("row", s.row)});
        auto warn = [&](const Sighting& s, Message problem) {
            const std::size_t first = rep_.count();
            rep_.cell(s.row, s.col, "bidder", std::move(problem), "bidder", Severity::Warning);
            rep_.set_bidder(first, s.name);
        };
        for (const Sighting& s : sightings_)
            if (auto mixed = io::mixed_script_name(s.name)) warn(s, std::move(*mixed));
        for (io::NameFinding& f : io::find_lookalike_names(names)) warn(sightings_[f.name], std::move(f.problem));
    }

private:
    std::string name_of(int col) const {
        return col >= 1 && col <= static_cast<int>(columns_.size()) ? columns_[col - 1].name : "";
    }
    std::string field_of(int col) const {
        return col >= 1 && col <= static_cast<int>(columns_.size()) && is_known(columns_[col - 1].kind)
                   ? columns_[col - 1].name
                   : "";
    }

    /// Sets bid.lot to the declared spelling of the lot in `v`; false after reporting a problem.
    template <class Error>
    bool read_lot(const std::string& v, Bid& bid, Error& error) {
        if (lots_.empty()) {
            if (v.empty()) return true;
            error(Message("io.csv.no-lots", TL_MSG("the tender has no lots, but this row names lot '{lot}'"))
                      .text("lot", shown(v)));
            return false;
        }
        if (v.empty()) {
            error(io::missing_lot(lots_));
            return false;
        }
        for (const auto& l : lots_)
            if (l == v) return bid.lot = l, true;
        for (const auto& l : lots_)
            if (io::ascii_lower(l) == io::ascii_lower(v)) return bid.lot = l, true;
        error(io::unknown_lot(v, lots_));
        return false;
    }

    template <class Error>
    void read_submitted(const std::string& v, int row, Bid& bid, Error& error) {
        if (v.empty()) return;
        Message why;
        auto ts = io::parse_timestamp(v, why);
        if (!ts) return error(std::move(why));
        // A time with a zone and one without cannot be ordered: the reader would have to guess the
        // zone the officer meant. Require one way for the whole file, set by its first time.
        if (!first_time_row_) {
            first_time_row_ = row, first_time_ = v, first_zoned_ = ts->zoned;
        } else if (ts->zoned != first_zoned_) {
            Message mixed = ts->zoned ? Message("io.csv.mixed-time-zones",
                                                TL_MSG("'{value}' has a time zone but row {row} ('{first}') has none; "
                                                       "write all submission times with a zone or all without"))
                                      : Message("io.csv.mixed-time-zones",
                                                TL_MSG("'{value}' has no time zone but row {row} ('{first}') has one; "
                                                       "write all submission times with a zone or all without"));
            return error(mixed.text("value", shown(v)).count("row", first_time_row_).text("first", shown(first_time_)));
        }
        bid.submitted = ts->text;
    }

    const std::vector<FieldDecl>& fields_;
    const std::vector<std::string>& lots_;
    const std::vector<Column>& columns_;
    char separator_;
    BidsReporter& rep_;
    std::map<std::string, int> first_row_of_;  // lot + '\n' + bidder -> row
    struct Sighting {
        std::string name;
        int row = 0, col = 0;
    };
    std::map<std::string, int> first_row_of_name_;  // bidder -> first row (any lot)
    std::vector<Sighting> sightings_;               // each bidder's name at its first row
    int first_time_row_ = 0;
    std::string first_time_;
    bool first_zoned_ = false;
};

/// The separator named by Excel's optional first line `sep=;`, or 0 when there is none.
char separator_hint(std::string_view body) {
    if (body.size() < 5 || io::ascii_lower(body.substr(0, 4)) != "sep=") return 0;
    const char c = body[4];
    if (c != ',' && c != ';' && c != '\t' && c != '|') return 0;
    if (body.size() > 5 && body[5] != '\n' && body[5] != '\r') return 0;
    return c;
}

bool blank(const io::CsvRecord& rec) {
    for (const auto& c : rec.cells)
        if (c.problem || !trim_spaces(c.text).empty()) return false;
    return true;
}

/// Rejects files that are not UTF-8 text at all, with one message instead of hundreds.
bool check_file_kind(const std::string& text, BidsReporter& rep) {
    auto starts = [&](const char* prefix, std::size_t n) { return text.compare(0, n, prefix, n) == 0; };
    if (starts("\xFF\xFE", 2) || starts("\xFE\xFF", 2)) {
        rep.row(1, Message("io.csv.utf16", TL_MSG("the file is UTF-16 (Excel's 'Unicode Text'); save it as 'CSV UTF-8'")));
        return false;
    }
    if (starts("PK\x03\x04", 4)) {
        rep.row(1, Message("io.csv.workbook",
                           TL_MSG("this is an Excel workbook (.xlsx), not a CSV file; save it as 'CSV UTF-8'")));
        return false;
    }
    if (auto nul = text.find('\0'); nul != std::string::npos) {
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + nul, '\n'));
        rep.row(line, Message("io.csv.nul-bytes", TL_MSG("the file contains NUL bytes; it is not a text file (or it "
                                                          "is UTF-16); save it as 'CSV UTF-8'")));
        return false;
    }
    return true;
}

}  // namespace

CsvReadResult read_bids_csv(const std::string& text, const std::string& file_name,
                            const std::vector<FieldDecl>& fields,
                            const std::vector<std::string>& declared_lots) {
    CsvReadResult result;
    BidsReporter rep(file_name);
    if (check_file_kind(text, rep)) {
        std::string_view body = text;
        if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
        const char hint = separator_hint(body);
        const char sep = hint ? hint : io::detect_separator(body);
        const io::CsvTokens tokens = io::tokenize_csv(body, sep);
        if (tokens.stopped_at_row) {
            rep.row(tokens.stopped_at_row,
                    Message("io.csv.too-many-cells",
                            TL_MSG("the file has more than {limit} cells (rows times columns), the most a bids file may "
                                   "have; split it, for example by lot"))
                        .text("limit", std::to_string(io::kMaxCsvCells)));
            result.diagnostics = rep.finish();
            return result;
        }
        // The hint line is not the header, but it still counts as row 1.
        auto it = std::find_if(tokens.records.begin() + (hint && !tokens.records.empty() ? 1 : 0),
                               tokens.records.end(), [](const auto& r) { return !blank(r); });
        if (it == tokens.records.end()) {
            std::vector<std::string> names{"bidder"};
            for (const auto& f : fields) names.push_back(f.id);
            rep.row(1, Message("io.csv.empty", TL_MSG("the file is empty; its first row must name the columns: {columns}"))
                           .text("columns", join(names)));
        } else {
            const std::vector<Column> columns = io::read_bids_header(*it, fields, declared_lots, rep);
            // Without a usable header every data row would only repeat the header's problem.
            if (!columns.empty() && !it->unterminated) {
                RowReader rows(fields, declared_lots, columns, sep, rep);
                std::vector<Bid> bids;
                for (++it; it != tokens.records.end(); ++it)
                    if (!blank(*it)) rows.read(*it, bids);
                // Also beside errors: the names of the rows that were read can be compared.
                rows.warn_about_names();
                if (!rep.any()) {
                    result.table.fields = fields;
                    result.table.bids = std::move(bids);
                }
            }
        }
    }
    result.diagnostics = rep.finish();
    return result;
}

}  // namespace tl
