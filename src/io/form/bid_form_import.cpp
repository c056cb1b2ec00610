#include "io/form/bid_form_import.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>

#include "io/form/bid_form_layout.hpp"
#include "io/csv/bids_csv_writer.hpp"
#include "io/csv/bids_header.hpp"
#include "io/cells/cell_parsing.hpp"
#include "core/input_file.hpp"
#include "io/cells/field_value.hpp"
#include "io/common/text_utils.hpp"
#include "io/names/bidder_names.hpp"
#include "io/xlsx/xlsx_reader.hpp"

namespace tl::io {

namespace {

using namespace form;

std::string shown_text(const std::string& s) { return shorten_for_message(s); }

/// `list` and one more item, as a message: "a; b; c".
Message and_item(Message list, Message item) {
    if (list.empty()) return item;
    const std::string code = list.code;
    return Message(code, TL_MSG("{list}; {item}")).nested("list", std::move(list)).nested("item", std::move(item));
}

/// The text a cell shows, for fields read as text and for messages.
std::string cell_text(const XlsxCell* c) {
    if (!c) return "";
    switch (c->kind) {
        case XlsxCellKind::Text: return trim_spaces(c->text);
        case XlsxCellKind::Number: return plain_number(c->number);
        case XlsxCellKind::Bool: return c->number != 0 ? "TRUE" : "FALSE";
        case XlsxCellKind::Error: return c->text;
        case XlsxCellKind::Empty: return "";
    }
    return "";
}

/// An Excel day number as days since 1970-01-01 (with the fractional part for a time of day), or
/// nullopt outside Excel's calendar (1900-01-01 .. 9999-12-31).
std::optional<double> serial_to_days(double serial, bool date1904) {
    if (!(serial >= (date1904 ? 0 : 1)) || serial >= 2958466) return std::nullopt;
    // Excel's 1900 system counts a 29 February 1900 that never was (serial 60), as Lotus 1-2-3
    // did; day numbers before it are one day off.
    if (!date1904 && serial < 61) {
        if (serial >= 60) return std::nullopt;
        serial += 1;
    }
    return serial - (date1904 ? kExcel1904EpochOffset : kExcelEpochOffset);
}

class FormReader {
public:
    FormReader(const std::string& file, const CriteriaSet& rules, BidFormReadResult& out)
        : file_(file), rules_(rules), out_(out) {}

    void read(const XlsxWorkbook& wb) {
        date1904_ = wb.date1904();
        if (!find_form_sheet(wb)) return;
        if (!check_identity()) return;
        if (!collect_rows()) return;
        if (!check_fields()) return;
        read_answers();
    }

    /// A problem of the workbook; the place as values (the diagnostic has no line: a form has
    /// sheets and cells, which the message names).
    void error(Message what, const std::string& sheet = {}, const std::string& cell = {}, const std::string& field = {},
               Severity severity = Severity::Error) {
        SourcePos pos;
        pos.file = file_;
        pos.sheet = sheet;
        pos.cell = cell;
        pos.field = field;
        out_.diagnostics.push_back(make_diagnostic(severity, std::move(pos), std::move(what)));
    }
    void error(const XlsxReadError& e) { error(e.located(), e.sheet, e.cell); }

    /// Marks every problem with the bidder the form names (once it is read).
private:
    /// A problem of the answer in `row` to `what` (a field id, or bidder / lot / submitted).
    void cell_error(int row, const std::string& what, Message problem, Severity severity = Severity::Error) {
        const std::string cell = cell_reference(row, kColAnswer + 1), code = problem.code;
        error(Message(code, TL_MSG("sheet '{sheet}', cell {cell} ({field}): {problem}"))
                  .text("sheet", sheet_->name())
                  .text("cell", cell)
                  .text("field", what)
                  .nested("problem", std::move(problem)),
              sheet_->name(), cell, what, severity);
    }
    Message altered(int row, Message problem) const {
        const std::string code = problem.code;
        return Message(code, TL_MSG("sheet '{sheet}', row {row}: {problem}"))
            .text("sheet", sheet_->name())
            .count("row", row)
            .nested("problem", std::move(problem));
    }
    const XlsxCell* key_cell(int row) const { return sheet_->cell(row, kColKey + 1); }
    std::string key_text(int row) const {
        const XlsxCell* c = key_cell(row);
        return c && c->kind == XlsxCellKind::Text ? c->text : "";
    }

    bool find_form_sheet(const XlsxWorkbook& wb) {
        std::vector<std::string> names = wb.sheet_names();
        // The form's own sheet first; then the others, in case someone renamed it.
        std::stable_partition(names.begin(), names.end(), [](const std::string& n) { return n == kFormSheet; });
        for (const auto& name : names) {
            XlsxReadError e;
            auto sheet = wb.read_sheet(name, &e);
            if (!sheet) {
                error(e);
                return false;
            }
            const std::string marker = [&] {
                const XlsxCell* c = sheet->cell(kRowMarker + 1, kColKey + 1);
                return c && c->kind == XlsxCellKind::Text ? c->text : std::string();
            }();
            if (marker == kMarker) {
                sheet_ = std::move(sheet);
                return true;
            }
            if (marker.rfind("tenderloop-bid-form", 0) == 0) {
                error(Message("io.form.other-version",
                              TL_MSG("sheet '{sheet}': the form was made by another version of TenderLoop ('{marker}'); "
                                     "make a new form with 'tenderloop form'"))
                          .text("sheet", name)
                          .text("marker", marker),
                      name);
                return false;
            }
        }
        error(Message("io.form.not-a-form",
                      TL_MSG("this workbook is not a TenderLoop bid form (no sheet carries the form's marker in column "
                             "{column}); bidders must fill in the form made by 'tenderloop form'"))
                  .text("column", cell_reference(1, kColKey + 1).substr(0, 1)));
        return false;
    }

    bool check_identity() {
        const XlsxCell* ref = sheet_->cell(kRowReference + 1, kColKey + 1);
        const std::string form_ref = ref && ref->kind == XlsxCellKind::Text ? ref->text : "";
        if (form_ref != rules_.tender.reference) {
            error(Message("io.form.other-tender", TL_MSG("the form was made for the tender '{form}', but the rules are for "
                                                         "'{rules}'; use the rules of that tender, or make a new form"))
                      .text("form", shown_text(form_ref))
                      .text("rules", shown_text(rules_.tender.reference)),
                  sheet_->name(), cell_reference(kRowReference + 1, kColKey + 1));
            return false;
        }
        const XlsxCell* lot = sheet_->cell(kRowLot + 1, kColKey + 1);
        form_lot_ = lot && lot->kind == XlsxCellKind::Text ? lot->text : "";
        return true;
    }

    bool collect_rows() {
        for (int r = 1; r <= sheet_->last_row(); ++r) {
            if (r <= kRowLot + 1) continue;  // the machine cells of the title rows
            const std::string key = key_text(r);
            if (key.empty()) continue;
            std::string id = key;
            if (key.rfind(kFieldKeyPrefix, 0) == 0) {
                const std::string rest = key.substr(std::string(kFieldKeyPrefix).size());
                const auto colon = rest.find(':');
                id = rest.substr(0, colon);
                form_fields_[id] = {r, colon == std::string::npos ? "" : rest.substr(colon + 1)};
            } else if (key != kKeyBidder && key != kKeyLot && key != kKeySubmitted) {
                error(altered(r, Message("io.form.altered", TL_MSG("unknown row key '{key}'; the form has been altered"))
                                     .text("key", shown_text(key))),
                      sheet_->name());
                return false;
            }
            if (!rows_.emplace(key.rfind(kFieldKeyPrefix, 0) == 0 ? kFieldKeyPrefix + id : key, r).second) {
                error(altered(r, Message("io.form.altered", TL_MSG("the row '{key}' appears twice; the form has been altered"))
                                     .text("key", shown_text(key))),
                      sheet_->name());
                return false;
            }
        }
        if (!rows_.count(kKeyBidder)) {
            error(Message("io.form.altered",
                          TL_MSG("sheet '{sheet}': the row of the bidder's name is missing; the form has been altered"))
                      .text("sheet", sheet_->name()),
                  sheet_->name());
            return false;
        }
        return true;
    }

    bool check_fields() {
        Message problems;
        for (const auto& f : rules_.fields) {
            if (f.committee) continue;  // not on the form: the committee scores it
            auto it = form_fields_.find(f.id);
            if (it == form_fields_.end()) {
                problems = and_item(std::move(problems),
                                    Message("io.form.other-rules", TL_MSG("the form does not ask for the field '{field}'"))
                                        .text("field", shown_text(f.id)));
            } else if (it->second.signature != field_signature(f)) {
                problems = and_item(std::move(problems),
                                    Message("io.form.other-rules",
                                            TL_MSG("the field '{field}' is {form} in the form but {rules} in the rules"))
                                        .text("field", shown_text(f.id))
                                        .text("form", it->second.signature)
                                        .text("rules", field_signature(f)));
            }
        }
        for (const auto& [id, row] : form_fields_) {
            bool declared = false;
            for (const auto& f : rules_.fields) declared = declared || (f.id == id && !f.committee);
            if (!declared)
                problems = and_item(std::move(problems),
                                    Message("io.form.other-rules", TL_MSG("the form asks for '{field}', which the rules do not declare"))
                                        .text("field", shown_text(id)));
        }
        const bool has_lot_row = rows_.count(kKeyLot) > 0;
        if (has_lot_row && rules_.tender.lots.empty())
            problems = and_item(std::move(problems),
                                Message("io.form.other-rules", TL_MSG("the form asks for a lot, but the tender has no lots")));
        if (!has_lot_row && !rules_.tender.lots.empty())
            problems = and_item(std::move(problems),
                                Message("io.form.other-rules", TL_MSG("the form does not ask for the lot, but the tender has lots")));
        if (problems.empty()) return true;
        error(Message("io.form.other-rules",
                      TL_MSG("the form was made for other rules: {problems}. Make a new form with 'tenderloop form' from "
                             "these rules"))
                  .nested("problems", std::move(problems)),
              sheet_->name());
        return false;
    }

    void read_answers() {
        Bid& bid = out_.bid;
        bid.values.assign(rules_.fields.size(), std::numeric_limits<double>::quiet_NaN());
        bid.texts.assign(rules_.fields.size(), std::string());
        read_bidder(rows_.at(kKeyBidder));
        const std::size_t first_problem = out_.diagnostics.size();
        if (auto it = rows_.find(kKeyLot); it != rows_.end()) read_lot(it->second);
        if (auto it = rows_.find(kKeySubmitted); it != rows_.end()) read_submitted(it->second);
        for (std::size_t k = 0; k < rules_.fields.size(); ++k)
            if (!rules_.fields[k].committee)
                read_field(rows_.at(kFieldKeyPrefix + rules_.fields[k].id), rules_.fields[k], k);
        for (std::size_t i = first_problem; i < out_.diagnostics.size(); ++i) out_.diagnostics[i].pos.bidder = bid.bidder;
    }

    const XlsxCell* answer(int row) const { return sheet_->cell(row, kColAnswer + 1); }

    /// False (after reporting) when the cell holds a spreadsheet error such as #VALUE!.
    bool not_error(int row, const std::string& what) {
        const XlsxCell* c = answer(row);
        if (!c || c->kind != XlsxCellKind::Error) return true;
        cell_error(row, what,
                   Message("io.form.error-value", TL_MSG("the cell holds the error value {value}; enter the answer itself"))
                       .text("value", c->text));
        return false;
    }

    void read_bidder(int row) {
        if (!not_error(row, "bidder")) return;
        const std::string name = cell_text(answer(row));
        if (name.empty()) return cell_error(row, "bidder", missing_bidder());
        if (auto too_long = text_too_long(name)) return cell_error(row, "bidder", std::move(*too_long));
        if (auto refused = refused_name(name)) return cell_error(row, "bidder", std::move(*refused));
        if (auto mixed = mixed_script_name(name)) cell_error(row, "bidder", std::move(*mixed), Severity::Warning);
        out_.bid.bidder = name;
    }

    void read_lot(int row) {
        if (!not_error(row, "lot")) return;
        std::string v = cell_text(answer(row));
        if (v.empty() && !form_lot_.empty()) v = form_lot_;
        std::vector<std::string> ids;
        for (const auto& l : rules_.tender.lots) ids.push_back(l.id);
        if (v.empty()) return cell_error(row, "lot", missing_lot(ids));
        std::string found;
        for (const auto& l : ids)
            if (l == v) found = l;
        for (const auto& l : ids)
            if (found.empty() && ascii_lower(l) == ascii_lower(v)) found = l;
        if (found.empty()) return cell_error(row, "lot", unknown_lot(v, ids));
        if (!form_lot_.empty() && found != form_lot_)
            return cell_error(row, "lot",
                              Message("io.form.other-lot", TL_MSG("the form was made for lot '{lot}', but the cell says '{value}'"))
                                  .text("lot", shown_text(form_lot_))
                                  .text("value", shown_text(v)));
        out_.bid.lot = found;
    }

    /// "'{value}' is not a date" (a number or a boolean where a date belongs).
    static Message not_a_date(const std::string& shown) {
        return Message("io.cell.not-a-date", TL_MSG("'{value}' is not a date")).text("value", shorten_for_message(shown));
    }

    void read_submitted(int row) {
        if (!not_error(row, "submitted")) return;
        const XlsxCell* c = answer(row);
        if (c && c->kind == XlsxCellKind::Number) {
            auto days = serial_to_days(c->number, date1904_);
            if (!days) return cell_error(row, "submitted", not_a_date(cell_text(c)));
            // To the millisecond, as a spreadsheet's time format shows it (`hh:mm:ss.000`).
            const long long ms = std::llround(*days * 86400000.0);
            const long long day = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
            const long long s = (ms - day * 86400000) / 1000, frac = (ms - day * 86400000) % 1000;
            char time[24];
            std::snprintf(time, sizeof time, "T%02d:%02d:%02d", static_cast<int>(s / 3600),
                          static_cast<int>(s / 60 % 60), static_cast<int>(s % 60));
            std::string fraction;
            if (frac != 0) {
                char f[8];
                std::snprintf(f, sizeof f, ".%03d", static_cast<int>(frac));
                fraction = f;
            }
            out_.bid.submitted = format_iso_date(static_cast<int>(day)) + time + fraction;
            return;
        }
        const std::string v = cell_text(c);
        if (v.empty()) return;
        if (c->kind == XlsxCellKind::Bool) return cell_error(row, "submitted", not_a_date(v));
        Message why;
        auto ts = parse_timestamp(v, why);
        if (!ts) return cell_error(row, "submitted", std::move(why));
        out_.bid.submitted = ts->text;
    }

    void read_field(int row, const FieldDecl& f, std::size_t k) {
        if (!not_error(row, f.id)) return;
        const XlsxCell* c = answer(row);
        std::string shown = cell_text(c);
        if (shown.empty()) {
            if (!f.optional) cell_error(row, f.id, missing_value(f));
            return;
        }
        if (auto too_long = text_too_long(shown)) return cell_error(row, f.id, std::move(*too_long));
        std::optional<double> value;
        Message why;
        const bool number = c->kind == XlsxCellKind::Number;
        if (number && f.type == FieldType::Date) {
            auto days = serial_to_days(c->number, date1904_);
            if (days) {
                value = std::floor(*days);
                shown = format_iso_date(static_cast<int>(*value));
            } else {
                why = not_a_date_message(shown);
            }
        } else if (number && (f.type == FieldType::Money || f.type == FieldType::Number ||
                              f.type == FieldType::Quantity || f.type == FieldType::Percent)) {
            value = c->number;
            if (f.type == FieldType::Percent) {
                // Typed as 40 into the form's plain cell; as 40 % (stored 0.4) into a percent-formatted one.
                if (is_percent_format(c->format)) shown = plain_number(c->number * 100) + " %";
                else value = c->number / 100;
            }
        } else if (c->kind == XlsxCellKind::Bool && f.type != FieldType::YesNo && f.type != FieldType::Text) {
            why = f.type == FieldType::Enum ? not_a_member(f, shown)
                                            : Message("io.cell.not-a-value", TL_MSG("'{value}' is not a value of this field"))
                                                  .text("value", shown_text(shown));
        } else if (f.type == FieldType::Text) {
            value = std::numeric_limits<double>::quiet_NaN();
        } else {
            // Text (or a boolean for yes/no, or a number for yes/no and enum): read exactly as a CSV cell.
            value = read_field_value(f, c->kind == XlsxCellKind::Bool ? (c->number != 0 ? "yes" : "no") : shown, why);
        }
        if (!value) return cell_error(row, f.id, std::move(why));
        if (!std::isnan(*value) && outside_range(f, *value)) return cell_error(row, f.id, out_of_range(f, shown));
        out_.bid.values[k] = *value;
        out_.bid.texts[k] = shown;
    }

    struct FormField {
        int row = 0;
        std::string signature;
    };

    const std::string& file_;
    const CriteriaSet& rules_;
    BidFormReadResult& out_;
    std::optional<XlsxSheet> sheet_;
    bool date1904_ = false;
    std::string form_lot_;
    std::map<std::string, int> rows_;  // bidder / lot / submitted / field:ID -> 1-based row
    std::map<std::string, FormField> form_fields_;
};

}  // namespace

BidFormReadResult read_bid_form(std::string bytes, const std::string& file_name, const CriteriaSet& rules,
                                const XlsxLimits& limits) {
    BidFormReadResult result;
    FormReader reader(file_name, rules, result);
    XlsxReadError e;
    auto wb = XlsxWorkbook::open(std::move(bytes), file_name, &e, limits);
    if (!wb) {
        reader.error(e);
        return result;
    }
    reader.read(*wb);
    return result;
}

}  // namespace tl::io
