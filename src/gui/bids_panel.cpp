// The Bids page: layout, the grid's events and the edits of single bids (add, correct, remove).
// Importing files and the bid form are in bids_panel_files.cpp.
#include "gui/bids_panel.hpp"

#include <algorithm>
#include <memory>

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/grid.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include "gui/bids_grid_table.hpp"
#include "gui/i18n.hpp"
#include "gui/project_document.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

bool same_entry(const app::BidEntry& a, const app::BidEntry& b) {
    return a.bidder == b.bidder && a.lot == b.lot && a.submitted == b.submitted && a.answers == b.answers;
}

/// "NevaRetread" or "NevaRetread (lot 2)", for messages and undo labels.
wxString bid_label(const std::string& bidder, const std::string& lot) {
    return lot.empty() ? to_wx(bidder) : wxString::Format(_("%s (lot %s)"), to_wx(bidder), to_wx(lot));
}

}  // namespace

BidsPanel::BidsPanel(wxWindow* parent, ProjectDocument& document) : wxPanel(parent), document_(document) {
    add_ = new wxButton(this, wxID_ANY, _("&Add bid"));
    add_->SetToolTip(_("Add a bid: a new row to fill in (Insert)"));
    remove_ = new wxButton(this, wxID_ANY, _("&Remove bid"));
    remove_->SetToolTip(_("Remove the selected bid (Delete)"));
    import_ = new wxButton(this, wxID_ANY, _("&Import bids..."));
    import_->SetToolTip(_("Import bids files: CSV or filled-in bid forms (.xlsx)"));
    form_ = new wxButton(this, wxID_ANY, _("Bid &form..."));
    form_->SetToolTip(_("Write the bid form (.xlsx) that bidders fill in, for the current rules"));
    empty_ = new wxStaticText(this, wxID_ANY, wxString());

    grid_ = new wxGrid(this, wxID_ANY);
    table_ = new BidsGridTable;
    grid_->SetTable(table_, true, wxGrid::wxGridSelectCells);
    grid_->SetRowLabelSize(FromDIP(44));
    grid_->SetDefaultRowSize(FromDIP(26), true);
    grid_->EnableDragRowSize(false);
    grid_->SetTabBehaviour(wxGrid::Tab_Wrap);
    grid_->SetColLabelAlignment(wxALIGN_CENTER, wxALIGN_CENTER);
    grid_->SetDefaultCellOverflow(false);  // a long name must not spill over an empty (yellow) cell
    grid_->SetGridFrozenBorderColour(wxSystemSettings::GetColour(wxSYS_COLOUR_BTNSHADOW));
    grid_->SetGridFrozenBorderPenWidth(FromDIP(2));

    status_ = new wxStaticText(this, wxID_ANY, wxString());

    const int gap = FromDIP(4);
    // Wraps onto a second line when the page is narrow (the Russian labels are long).
    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    for (wxButton* b : {add_, remove_, import_, form_}) buttons->Add(b, 0, wxRIGHT | wxBOTTOM, gap);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxTOP | wxRIGHT, gap);
    sizer->Add(empty_, 0, wxALL, 2 * gap);
    sizer->Add(grid_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(status_, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_bid(); });
    remove_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove_selected(); });
    import_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_and_import(); });
    form_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_and_write_form(); });
    grid_->Bind(wxEVT_GRID_CELL_CHANGED, &BidsPanel::on_cell_changed, this);
    grid_->Bind(wxEVT_GRID_EDITOR_SHOWN, &BidsPanel::on_editor_shown, this);
    grid_->Bind(wxEVT_GRID_SELECT_CELL, &BidsPanel::on_select_cell, this);
    grid_->Bind(wxEVT_KEY_DOWN, &BidsPanel::on_grid_key, this);
    grid_->GetGridWindow()->Bind(wxEVT_MOTION, &BidsPanel::on_grid_motion, this);
    grid_->GetGridRowLabelWindow()->Bind(wxEVT_MOTION, &BidsPanel::on_grid_motion, this);

    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        // The status line is wrapped to the page's width.
        CallAfter([this] {
            freeze_bidder();
            if (GetClientSize().x != wrapped_at_) show_status_for(grid_->GetGridCursorRow(), grid_->GetGridCursorCol());
        });
    });
    document_.subscribe([this] { on_document_changed(); });
    on_document_changed();
}

BidsPanel::~BidsPanel() = default;

// ---- showing ----

void BidsPanel::on_document_changed() {
    // A change from elsewhere (undo, another page) while a cell is being typed into: keep what
    // was typed in the draft (it is recorded or refused right after) before the rows move.
    if (grid_->IsCellEditControlShown()) grid_->DisableCellEditControl();
    table_->load(document_.is_open() ? &document_.project() : nullptr);
    refresh_view();
}

void BidsPanel::refresh_view() {
    // The grid caches the attribute it looked up last; the marks of the edited row change.
    for (int r = 0; r < grid_->GetNumberRows(); ++r)
        for (int c = 0; c < grid_->GetNumberCols(); ++c) grid_->RefreshAttr(r, c);
    size_columns();
    update_controls();
    grid_->ForceRefresh();
    show_status_for(grid_->GetGridCursorRow(), grid_->GetGridCursorCol());
}

void BidsPanel::freeze_bidder() {
    // The bidder column stays in view when the fields scroll by. Freezing fails while the page is
    // hidden or too narrow; the next resize or redraw tries again.
    if (grid_->GetNumberCols() > 1 && grid_->GetNumberFrozenCols() == 0 && grid_->IsShownOnScreen() &&
        grid_->FreezeTo(0, 1))
        if (wxWindow* frozen = grid_->GetFrozenColGridWindow()) frozen->Bind(wxEVT_MOTION, &BidsPanel::on_grid_motion, this);
}

void BidsPanel::size_columns() {
    if (grid_->GetNumberCols() == 0) return;
    freeze_bidder();
    wxGridUpdateLocker lock(grid_);
    int lines = 1;
    for (int c = 0; c < grid_->GetNumberCols(); ++c)
        lines = std::max(lines, static_cast<int>(grid_->GetColLabelValue(c).Freq('\n')) + 1);
    grid_->SetColLabelSize(lines * grid_->GetCharHeight() + FromDIP(10));
    grid_->AutoSizeColumns(false);
    for (int c = 0; c < grid_->GetNumberCols(); ++c) {
        const bool source = table_->columns()[static_cast<std::size_t>(c)].kind == BidColumnKind::Source;
        grid_->SetColSize(c, std::clamp(grid_->GetColSize(c) + FromDIP(8), FromDIP(64), FromDIP(source ? 320 : 240)));
    }
}

void BidsPanel::update_controls() {
    const BidsGridTable::State state = table_->state();
    const bool bids = state == BidsGridTable::State::Bids;
    if (state == BidsGridTable::State::NoProject)
        empty_->SetLabelText(_("Open or create a project to enter bids."));
    else if (state == BidsGridTable::State::RulesBroken)
        empty_->SetLabelText(_("The project's rules have errors. Correct them on the Criteria page to see and enter bids."));
    empty_->Show(!bids);
    grid_->Show(bids);
    status_->Show(bids);
    add_->Enable(bids);
    import_->Enable(bids);
    form_->Enable(bids);
    const int row = grid_->GetGridCursorRow();
    remove_->Enable(bids && row >= 0 && row < grid_->GetNumberRows());
    Layout();
}

wxString BidsPanel::status_text() const { return status_->GetLabelText(); }

void BidsPanel::set_message(const wxString& message) {
    message_ = message;
    show_status_for(grid_->GetGridCursorRow(), grid_->GetGridCursorCol());
}

void BidsPanel::show_status_for(int row, int col) {
    wxString text;
    const int cols = static_cast<int>(table_->columns().size());
    if (row >= 0 && col >= 0 && col < cols && row < grid_->GetNumberRows()) {
        const BidColumn& c = table_->columns()[static_cast<std::size_t>(col)];
        if (const std::string problem = table_->problem_at(row, col); !problem.empty())
            text = wxString::Format(_("Not accepted: %s"), to_wx(problem));
        else if (c.kind == BidColumnKind::Source)
            text = table_->source_tooltip(row);
        else
            text = bid_column_hint(c);
    }
    if (const auto& d = table_->draft()) {
        bool red = false;
        for (int c = 0; c < cols; ++c) red = red || !table_->problem_at(d->row, c).empty();
        if (red)
            text += "\n" + _("Not recorded: correct the red cells, or press Esc to discard what was typed.");
        else if (d->is_new)
            text += "\n" + _("New bid: fill in the yellow cells; it is recorded when every required value is given. Esc discards it.");
    }
    if (!message_.empty()) text += "\n" + message_;
    status_->SetLabelText(text);
    wrapped_at_ = GetClientSize().x;
    const int width = wrapped_at_ - FromDIP(16);
    if (width > FromDIP(100)) status_->Wrap(width);
    // At least three lines, so that the grid does not jump with every short hint.
    status_->SetMinSize(wxDefaultSize);
    status_->SetMinSize(wxSize(-1, std::max(status_->GetBestSize().y, 3 * GetCharHeight())));
    Layout();
}

void BidsPanel::select(int row, int col) {
    if (row < 0 || row >= grid_->GetNumberRows() || col < 0 || col >= grid_->GetNumberCols()) return;
    grid_->SetGridCursor(row, col);
    grid_->MakeCellVisible(row, col);
    show_status_for(row, col);
}

// ---- grid events ----

void BidsPanel::on_cell_changed(wxGridEvent& e) {
    e.Skip();
    // The grid is still closing its editor; record once it is done, so that the rows the
    // document change reloads do not move under it.
    CallAfter([this] { commit_edit(); });
}

void BidsPanel::on_editor_shown(wxGridEvent& e) {
    const auto& d = table_->draft();
    if (d && d->row != e.GetRow()) {
        e.Veto();
        wxBell();
        set_message(_("Another bid is being edited: finish it, or press Esc on its row to discard what was typed."));
        return;
    }
    e.Skip();
}

void BidsPanel::on_select_cell(wxGridEvent& e) {
    e.Skip();
    show_status_for(e.GetRow(), e.GetCol());
    remove_->Enable(e.GetRow() >= 0);
}

void BidsPanel::on_grid_key(wxKeyEvent& e) {
    if (grid_->IsCellEditControlShown() || e.GetModifiers() != wxMOD_NONE) return e.Skip();
    switch (e.GetKeyCode()) {
        case WXK_INSERT:
        case WXK_NUMPAD_INSERT: return add_bid();
        case WXK_DELETE:
        case WXK_NUMPAD_DELETE: return remove_selected();
        case WXK_ESCAPE:
            if (table_->draft()) return cancel_edit();
            break;
        case WXK_RETURN:
        case WXK_NUMPAD_ENTER:
            // Enter edits the cell (as F2 does) instead of only moving down.
            if (grid_->CanEnableCellControl()) return static_cast<void>(grid_->EnableCellEditControl());
            break;
        default: break;
    }
    e.Skip();
}

void BidsPanel::on_grid_motion(wxMouseEvent& e) {
    e.Skip();
    auto* window = static_cast<wxWindow*>(e.GetEventObject());
    wxPoint p = grid_->CalcUnscrolledPosition(e.GetPosition());
    // The frozen bidder column and the row labels do not scroll sideways.
    if (window != grid_->GetGridWindow()) p.x = e.GetPosition().x;
    const bool labels = window == grid_->GetGridRowLabelWindow();
    const int row = grid_->YToRow(p.y), col = labels ? -1 : grid_->XToCol(p.x);
    wxString tip;
    if (row >= 0 && col >= 0) {
        if (const std::string problem = table_->problem_at(row, col); !problem.empty())
            tip = to_wx(problem);
        else if (table_->needed_at(row, col))
            tip = _("Required: fill this in to record the bid.");
        else if (table_->columns()[static_cast<std::size_t>(col)].kind == BidColumnKind::Source)
            tip = table_->source_tooltip(row);
    } else if (row >= 0 && labels) {
        tip = table_->source_tooltip(row);
    }
    if (tip == tooltip_) return;
    tooltip_ = tip;
    for (wxWindow* w : {static_cast<wxWindow*>(grid_->GetGridWindow()), static_cast<wxWindow*>(grid_->GetGridRowLabelWindow()),
                        static_cast<wxWindow*>(grid_->GetFrozenColGridWindow())})
        if (!w)
            continue;
        else if (tip.empty())
            w->UnsetToolTip();
        else
            w->SetToolTip(tip);
}

// ---- changes ----

std::string BidsPanel::new_submission_time() const {
    // A time with a zone and one without cannot be ordered: follow the stored bids' way.
    bool zoned = false;
    for (const BidRow& r : table_->rows()) zoned = zoned || (!r.stored.submitted.empty() && r.stored.submitted.back() == 'Z');
    const wxDateTime now = wxDateTime::Now();
    return zoned ? from_wx(now.Format("%Y-%m-%d %H:%M", wxDateTime::UTC)) + "Z" : from_wx(now.Format("%Y-%m-%d %H:%M"));
}

void BidsPanel::add_bid() {
    if (table_->state() != BidsGridTable::State::Bids) return;
    if (grid_->IsCellEditControlShown()) grid_->DisableCellEditControl();
    if (const auto& d = table_->draft()) {
        select(d->row, table_->column_of("bidder"));
        set_message(_("Finish the bid being edited first, or press Esc to discard it."));
        return;
    }
    app::BidEntry entry;
    entry.submitted = new_submission_time();
    if (table_->lots().size() == 1) entry.lot = table_->lots().front();
    // A checkbox cannot show "not stated": it starts unticked, which is what "no" looks like.
    for (const BidColumn& c : table_->columns())
        if (bid_column_is_checkbox(c)) entry.answers[c.id] = "no";
    table_->begin_new(entry);
    message_.clear();
    refresh_view();
    select(table_->draft()->row, table_->column_of("bidder"));
    grid_->SetFocus();
}

void BidsPanel::cancel_edit() {
    if (!table_->draft()) return;
    if (grid_->IsCellEditControlShown()) grid_->HideCellEditControl();
    table_->drop_draft();
    message_ = _("Discarded what was typed.");
    refresh_view();
}

void BidsPanel::commit_edit() {
    if (committing_ || !table_->draft() || !document_.is_open()) return;
    struct Count {
        int& n;
        ~Count() { ++n; }
    } count{commits_};
    const BidDraft d = *table_->draft();
    // The project can say nothing of a bid without a bidder: the yellow cell says what is missing.
    if (d.is_new && blank(d.entry.bidder)) return refresh_view();
    if (!d.is_new) {
        const int r = table_->row_of(d.orig_bidder, d.orig_lot);
        if (r >= 0 && same_entry(table_->rows()[static_cast<std::size_t>(r)].entry, d.entry)) {
            table_->drop_draft();  // typed back what was there: nothing to record
            return refresh_view();
        }
    }
    const bool renamed = !d.is_new && (d.entry.bidder != d.orig_bidder || d.entry.lot != d.orig_lot);
    if ((d.is_new || renamed) && table_->row_of(d.entry.bidder, d.entry.lot) >= 0) {
        Diagnostic clash;
        clash.pos.field = "bidder";  // the cell that set_refusal marks
        clash.message = from_wx(wxString::Format(_("%s has a bid already; correct that row instead"),
                                                 bid_label(d.entry.bidder, d.entry.lot)));
        table_->set_refusal({false, clash.message, {clash}});
        refresh_view();
        return select(d.row, table_->column_of("bidder"));
    }

    ProjectDocument* doc = &document_;
    auto after = std::make_shared<app::BidEntry>(d.entry);  // as stored, once recorded
    const app::BidEntry entry = d.entry;
    const wxString who = bid_label(entry.bidder, entry.lot);
    std::function<app::ChangeOutcome()> change;
    UndoStep step;
    const std::optional<app::BidEntry> before =
        d.is_new ? std::nullopt : document_.project().bid_entry(d.orig_bidder, d.orig_lot);
    if (!before) {
        change = [doc, entry, after] {
            app::ChangeOutcome out = doc->project().put_bid(entry, false, "entered on the Bids page");
            if (out.ok) *after = doc->project().bid_entry(entry.bidder, entry.lot).value_or(entry);
            return out;
        };
        step.label = from_wx(wxString::Format(_("add bid '%s'"), who));
        step.undo = [doc, after] { return doc->project().remove_bid(after->bidder, after->lot, "undo"); };
        step.redo = [doc, after] { return doc->project().put_bid(*after, false, "redo"); };
    } else if (!renamed) {
        change = [doc, entry, after] {
            app::ChangeOutcome out = doc->project().put_bid(entry, true, "corrected on the Bids page");
            if (out.ok) *after = doc->project().bid_entry(entry.bidder, entry.lot).value_or(entry);
            return out;
        };
        step.label = from_wx(wxString::Format(_("change bid '%s'"), who));
        step.undo = [doc, old = *before] { return doc->project().put_bid(old, true, "undo"); };
        step.redo = [doc, after] { return doc->project().put_bid(*after, true, "redo"); };
    } else {
        change = [doc, old = *before, entry, after] {
            app::ChangeOutcome out = doc->project().rename_bid(old.bidder, old.lot, entry, "renamed on the Bids page");
            if (out.ok) *after = doc->project().bid_entry(entry.bidder, entry.lot).value_or(entry);
            return out;
        };
        step.label = from_wx(wxString::Format(_("rename bid '%s'"), bid_label(d.orig_bidder, d.orig_lot)));
        step.undo = [doc, old = *before, after] { return doc->project().rename_bid(after->bidder, after->lot, old, "undo"); };
        step.redo = [doc, old = *before, after] { return doc->project().rename_bid(old.bidder, old.lot, *after, "redo"); };
    }

    committing_ = true;
    // No message box: a refusal is shown in the cells it concerns.
    const app::ChangeOutcome out = document_.apply(nullptr, change, std::move(step));
    committing_ = false;
    const int col = std::max(grid_->GetGridCursorCol(), 0);
    if (out.ok) {
        table_->drop_draft();
        message_ = wxString::Format(d.is_new ? _("Recorded the new bid of %s.") : _("Recorded the change to the bid of %s."), who);
        // Recorded with warnings (a name that looks like another bidder's): said under the grid.
        for (const Diagnostic& w : out.problems) message_ += "\n" + to_wx(diagnostic_text(w, ui_translator()));
        on_document_changed();
        return select(table_->row_of(after->bidder, after->lot), col);
    }
    table_->set_refusal(out);
    message_.clear();
    refresh_view();
    // Back to the first cell the user can do something about (Enter may have moved down).
    const auto& now = table_->draft();
    for (int c = 0; now && c < grid_->GetNumberCols(); ++c)
        if (!table_->problem_at(now->row, c).empty() || table_->needed_at(now->row, c)) return select(now->row, c);
    if (now) select(now->row, col);
}

void BidsPanel::remove_selected(bool ask) {
    if (table_->state() != BidsGridTable::State::Bids) return;
    const int row = grid_->GetGridCursorRow();
    const auto& d = table_->draft();
    if (d && d->is_new && d->row == row) return cancel_edit();  // a bid not recorded is just dropped
    if (row < 0 || row >= static_cast<int>(table_->rows().size())) return;
    const app::BidEntry shown = table_->rows()[static_cast<std::size_t>(row)].entry;
    const wxString who = bid_label(shown.bidder, shown.lot);
    if (ask) {
        wxMessageDialog confirm(this, wxString::Format(_("Remove the bid of %s from the project?"), who),
                                _("Remove bid"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        confirm.SetYesNoLabels(_("&Remove"), _("&Keep"));
        if (confirm.ShowModal() != wxID_YES) return;
    }
    const std::optional<app::BidEntry> before = document_.project().bid_entry(shown.bidder, shown.lot);
    if (!before) return;
    if (d && d->row == row) table_->drop_draft();
    ProjectDocument* doc = &document_;
    UndoStep step;
    step.label = from_wx(wxString::Format(_("remove bid '%s'"), who));
    step.undo = [doc, old = *before] { return doc->project().put_bid(old, false, "undo"); };
    step.redo = [doc, old = *before] { return doc->project().remove_bid(old.bidder, old.lot, "redo"); };
    // A refusal (the committee has scored the bid) is shown with the store's reason.
    const app::ChangeOutcome out = document_.apply(
        this, [doc, old = *before] { return doc->project().remove_bid(old.bidder, old.lot, "removed on the Bids page"); },
        std::move(step));
    if (out.ok) set_message(wxString::Format(_("Removed the bid of %s. Edit > Undo brings it back."), who));
}

}  // namespace tl::gui
