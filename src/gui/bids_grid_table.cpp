#include "gui/bids_grid_table.hpp"
#include "gui/project_document.hpp"

#include <cmath>

#include <wx/filename.h>

#include "gui/grid_table_resize.hpp"
#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"
#include "io/cells/cell_parsing.hpp"

namespace tl::gui {

namespace {

// Cell backgrounds: a value the project refused, a required cell of a new bid still empty, and
// the other cells of the row being edited (so the "editing" state is visible).
const wxColour kInvalid(255, 199, 199);
const wxColour kNeeded(255, 244, 194);
const wxColour kEditing(226, 236, 255);

// put_bid names the bid "entered in TenderLoop by USER" (app/tender_project.cpp).
const std::string kEnteredPrefix = "entered in TenderLoop by ";

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

/// "2026-11-29T20:15:00Z" as "2026-11-29 20:15 UTC".
wxString when(const std::string& iso) {
    if (iso.size() < 16) return to_wx(iso);
    wxString out = to_wx(iso.substr(0, 10) + " " + iso.substr(11, 5));
    if (iso.back() == 'Z') out += " UTC";
    return out;
}

/// A stored submission time as a person types it: "2026-03-02T10:15:00" as "2026-03-02 10:15"
/// (the bids reader takes both).
std::string typed_time(const std::string& iso) {
    if (iso.size() < 19 || iso[10] != 'T') return iso;
    std::string out = iso.substr(0, 10) + " " + iso.substr(11, 5);
    if (iso.compare(16, 3, ":00") != 0) out += iso.substr(16, 3);
    return out + iso.substr(19);  // the zone mark "Z", if any
}

}  // namespace

BidsGridTable::BidsGridTable() = default;

BidsGridTable::~BidsGridTable() { clear_attrs(); }

void BidsGridTable::clear_attrs() {
    for (wxGridCellAttr* a : attrs_) a->DecRef();
    attrs_.clear();
}

int BidsGridTable::row_count() const {
    if (state_ != State::Bids) return 0;
    return static_cast<int>(rows_.size()) + (draft_ && draft_->is_new ? 1 : 0);
}

void BidsGridTable::load(const app::TenderProject* project) {
    const int old_rows = row_count(), old_cols = static_cast<int>(columns_.size());
    std::vector<std::string> old_ids;
    for (const BidColumn& c : columns_) old_ids.push_back(c.id + '\n' + std::to_string(static_cast<int>(c.kind)));
    clear_attrs();
    columns_.clear();
    rows_.clear();
    lots_.clear();
    state_ = !project ? State::NoProject : project->rules().ok() ? State::Bids : State::RulesBroken;
    if (state_ == State::Bids) {
        const CriteriaSet& rules = project->rules().rules;
        for (const Lot& l : rules.tender.lots) lots_.push_back(l.id);
        columns_.push_back({BidColumnKind::Bidder, {}, "bidder"});
        if (!lots_.empty()) columns_.push_back({BidColumnKind::Lot, {}, "lot"});
        columns_.push_back({BidColumnKind::Submitted, {}, "submitted"});
        // Committee fields are the committee's consensus, recorded on the Committee page.
        for (const FieldDecl& f : rules.fields)
            if (!f.committee) columns_.push_back({BidColumnKind::Field, f, f.id});
        columns_.push_back({BidColumnKind::Source, {}, ""});
        for (const BidColumn& c : columns_) attrs_.push_back(make_bid_column_attr(c, lots_));

        const BidTable table = project->store().bid_table(rules.fields);
        const std::vector<store::StoredBid> stored = project->store().bids();
        for (std::size_t i = 0; i < table.bids.size() && i < stored.size(); ++i) {
            const Bid& b = table.bids[i];
            BidRow row{{b.bidder, b.lot, typed_time(b.submitted), {}}, stored[i]};
            for (std::size_t k = 0; k < table.fields.size(); ++k) {
                const FieldDecl& f = table.fields[k];
                if (f.committee) continue;
                std::string text = b.texts[k];
                // The date editor reads ISO dates; a bids file may have said 01.03.2026.
                if (f.type == FieldType::Date && !std::isnan(b.values[k]))
                    text = format_iso_date(static_cast<int>(b.values[k]));
                if (!text.empty()) row.entry.answers[f.id] = text;
            }
            rows_.push_back(std::move(row));
        }
    }
    std::vector<std::string> new_ids;
    for (const BidColumn& c : columns_) new_ids.push_back(c.id + '\n' + std::to_string(static_cast<int>(c.kind)));
    if (draft_) {
        if (state_ != State::Bids) {
            draft_.reset();
        } else {
            if (new_ids != old_ids) {
                // Problems and touched cells are kept by column index; new rules move the columns.
                draft_->problems.clear();
                draft_->touched.clear();
            }
            const int r = draft_->is_new ? -1 : row_of(draft_->orig_bidder, draft_->orig_lot);
            if (r < 0) draft_->is_new = true;
            draft_->row = r < 0 ? static_cast<int>(rows_.size()) : r;
        }
    }
    tell_grid(old_rows, old_cols);
}

void BidsGridTable::tell_grid(int old_rows, int old_cols) {
    wxGrid* grid = GetView();
    if (!grid) return;
    const int rows = row_count(), cols = static_cast<int>(columns_.size());
    // The panel keeps the bidder column frozen; unfreeze while columns come and go (the panel
    // freezes it again).
    if (cols != old_cols && grid->GetNumberFrozenCols() > 0) grid->FreezeTo(0, 0);
    tell_grid_new_size(*grid, *this, old_rows, old_cols, rows, cols);
}

int BidsGridTable::column_of(const std::string& id) const {
    if (id.empty()) return -1;
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].id == id) return static_cast<int>(i);
    return -1;
}

int BidsGridTable::row_of(const std::string& bidder, const std::string& lot) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].entry.bidder == bidder && rows_[i].entry.lot == lot) return static_cast<int>(i);
    return -1;
}

void BidsGridTable::begin_new(const app::BidEntry& entry) {
    const int old_rows = row_count(), cols = static_cast<int>(columns_.size());
    BidDraft d;
    d.is_new = true;
    d.row = static_cast<int>(rows_.size());
    d.entry = entry;
    draft_ = std::move(d);
    tell_grid(old_rows, cols);
}

void BidsGridTable::drop_draft() {
    const int old_rows = row_count(), cols = static_cast<int>(columns_.size());
    draft_.reset();
    tell_grid(old_rows, cols);
}

void BidsGridTable::set_refusal(const app::ChangeOutcome& outcome) {
    if (!draft_) return;
    draft_->problems.clear();
    draft_->refusal = summary_text(outcome);
    const int bidder_col = column_of("bidder");
    for (const Diagnostic& d : outcome.problems) {
        if (d.severity != Severity::Error) continue;
        // put_bid places a typed bid's problem by its field (SourcePos::field) and keeps the
        // problem without the place as the message's nested `problem`: the cell shows just that.
        const MessageArg* inner = d.what.arg("problem");
        const std::string message =
            inner && inner->nested ? word(*inner->nested, ui_translator()) : diagnostic_text(d, ui_translator());
        int col = d.pos.field.empty() ? -1 : column_of(d.pos.field);
        if (col < 0) col = bidder_col;
        std::string& slot = draft_->problems[col];
        slot += (slot.empty() ? "" : "; ") + message;
    }
    if (draft_->problems.empty()) draft_->problems[bidder_col] = summary_text(outcome);
}

const app::BidEntry* BidsGridTable::entry_at(int row) const {
    if (draft_ && draft_->row == row) return &draft_->entry;
    if (row >= 0 && row < static_cast<int>(rows_.size())) return &rows_[static_cast<std::size_t>(row)].entry;
    return nullptr;
}

std::string BidsGridTable::answer(const app::BidEntry& e, const BidColumn& c) {
    switch (c.kind) {
        case BidColumnKind::Bidder: return e.bidder;
        case BidColumnKind::Lot: return e.lot;
        case BidColumnKind::Submitted: return e.submitted;
        case BidColumnKind::Field: {
            const auto it = e.answers.find(c.id);
            return it == e.answers.end() ? std::string() : it->second;
        }
        case BidColumnKind::Source: break;
    }
    return std::string();
}

void BidsGridTable::set_answer(app::BidEntry& e, const BidColumn& c, const std::string& text) {
    switch (c.kind) {
        case BidColumnKind::Bidder: e.bidder = text; break;
        case BidColumnKind::Lot: e.lot = text; break;
        case BidColumnKind::Submitted: e.submitted = text; break;
        case BidColumnKind::Field:
            if (blank(text))
                e.answers.erase(c.id);
            else
                e.answers[c.id] = text;
            break;
        case BidColumnKind::Source: break;
    }
}

std::string BidsGridTable::cell_text(int row, int col) const {
    if (col < 0 || col >= static_cast<int>(columns_.size())) return std::string();
    if (columns_[static_cast<std::size_t>(col)].kind == BidColumnKind::Source) return from_wx(source_text(row));
    const app::BidEntry* e = entry_at(row);
    return e ? answer(*e, columns_[static_cast<std::size_t>(col)]) : std::string();
}

std::string BidsGridTable::problem_at(int row, int col) const {
    if (!draft_ || draft_->row != row || needed_at(row, col)) return std::string();
    const auto it = draft_->problems.find(col);
    return it == draft_->problems.end() ? std::string() : it->second;
}

bool BidsGridTable::needed_at(int row, int col) const {
    if (!draft_ || !draft_->is_new || draft_->row != row) return false;
    if (col < 0 || col >= static_cast<int>(columns_.size())) return false;
    return columns_[static_cast<std::size_t>(col)].required() && blank(cell_text(row, col));
}

wxString BidsGridTable::source_text(int row) const {
    if (draft_ && draft_->is_new && draft_->row == row) return _("new bid, not recorded yet");
    if (row < 0 || row >= static_cast<int>(rows_.size())) return wxString();
    const store::StoredBid& s = rows_[static_cast<std::size_t>(row)].stored;
    wxString where;
    if (s.source.rfind(kEnteredPrefix, 0) == 0) {
        where = wxString::Format(_("entered by %s"), to_wx(s.source.substr(kEnteredPrefix.size())));
    } else {
        where = wxFileName(to_wx(s.source)).GetFullName();
        if (s.source_row > 0) where = wxString::Format(_("%s, row %d"), where, s.source_row);
    }
    return where + ", " + when(s.imported_at);
}

wxString BidsGridTable::source_tooltip(int row) const {
    if (draft_ && draft_->is_new && draft_->row == row)
        return _("A new bid: it is recorded as soon as every required cell holds a valid value. Esc discards it.");
    if (row < 0 || row >= static_cast<int>(rows_.size())) return wxString();
    const store::StoredBid& s = rows_[static_cast<std::size_t>(row)].stored;
    if (s.source.rfind(kEnteredPrefix, 0) == 0)
        return wxString::Format(_("Entered in TenderLoop by %s on %s"), to_wx(s.imported_by), when(s.imported_at));
    if (s.source_row > 0)
        return wxString::Format(_("Imported from %s (row %d) by %s on %s"), to_wx(s.source), s.source_row,
                                to_wx(s.imported_by), when(s.imported_at));
    return wxString::Format(_("Imported from %s by %s on %s"), to_wx(s.source), to_wx(s.imported_by),
                            when(s.imported_at));
}

// ---- wxGridTableBase ----

int BidsGridTable::GetNumberRows() { return row_count(); }

int BidsGridTable::GetNumberCols() { return state_ == State::Bids ? static_cast<int>(columns_.size()) : 0; }

wxString BidsGridTable::GetValue(int row, int col) {
    if (col >= 0 && col < static_cast<int>(columns_.size()) &&
        columns_[static_cast<std::size_t>(col)].kind == BidColumnKind::Source)
        return source_text(row);
    return to_wx(cell_text(row, col));
}

void BidsGridTable::SetValue(int row, int col, const wxString& value) {
    if (state_ != State::Bids || col < 0 || col >= static_cast<int>(columns_.size())) return;
    const BidColumn& c = columns_[static_cast<std::size_t>(col)];
    if (c.kind == BidColumnKind::Source) return;
    if (!draft_ || draft_->row != row) {
        // One bid is edited at a time; the panel vetoes editors on other rows while a draft exists.
        if (draft_ || row < 0 || row >= static_cast<int>(rows_.size())) return;
        BidDraft d;
        d.row = row;
        d.entry = rows_[static_cast<std::size_t>(row)].entry;
        d.orig_bidder = d.entry.bidder;
        d.orig_lot = d.entry.lot;
        draft_ = std::move(d);
    }
    set_answer(draft_->entry, c, from_wx(value.Strip(wxString::both)));
    draft_->touched.insert(col);
    draft_->problems.erase(col);
}

bool BidsGridTable::IsEmptyCell(int row, int col) { return blank(cell_text(row, col)); }

wxString BidsGridTable::GetColLabelValue(int col) {
    if (col < 0 || col >= static_cast<int>(columns_.size())) return wxString();
    return bid_column_header(columns_[static_cast<std::size_t>(col)]);
}

wxString BidsGridTable::GetRowLabelValue(int row) {
    if (draft_ && draft_->row == row) return draft_->is_new ? wxString("+") : wxString::Format("%d *", row + 1);
    return wxString::Format("%d", row + 1);
}

bool BidsGridTable::CanGetValueAs(int row, int col, const wxString& type) {
    if (type == wxGRID_VALUE_BOOL)
        return col >= 0 && col < static_cast<int>(columns_.size()) &&
               bid_column_is_checkbox(columns_[static_cast<std::size_t>(col)]);
    return wxGridTableBase::CanGetValueAs(row, col, type);
}

bool BidsGridTable::CanSetValueAs(int row, int col, const wxString& type) { return CanGetValueAs(row, col, type); }

bool BidsGridTable::GetValueAsBool(int row, int col) {
    const auto v = io::parse_yes_no(cell_text(row, col));
    return v && *v != 0;
}

void BidsGridTable::SetValueAsBool(int row, int col, bool value) { SetValue(row, col, value ? "yes" : "no"); }

wxGridCellAttr* BidsGridTable::GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) {
    if (col < 0 || col >= static_cast<int>(attrs_.size())) return nullptr;
    wxGridCellAttr* base = attrs_[static_cast<std::size_t>(col)];
    wxColour background;
    if (!problem_at(row, col).empty())
        background = kInvalid;
    else if (needed_at(row, col))
        background = kNeeded;
    else if (draft_ && draft_->row == row)
        background = kEditing;
    if (!background.IsOk()) {
        base->IncRef();
        return base;
    }
    wxGridCellAttr* attr = base->Clone();
    attr->SetBackgroundColour(background);
    return attr;
}

}  // namespace tl::gui
