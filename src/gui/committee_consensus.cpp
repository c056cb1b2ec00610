#include "gui/committee_consensus.hpp"

#include <algorithm>
#include <cmath>

#include <wx/arrstr.h>
#include <wx/button.h>
#include <wx/dcclient.h>
#include <wx/gbsizer.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/committee_grid.hpp"
#include "gui/committee_panel.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

wxString trimmed(wxString s) { return s.Trim(true).Trim(false); }

/// "Anna Berg" as a two-line column heading, so that the marks' columns stay narrow.
wxString stacked_name(const std::string& name) {
    wxString s = to_wx(name);
    const int space = s.Find(' ');
    if (space != wxNOT_FOUND) s[static_cast<std::size_t>(space)] = '\n';
    return s;
}

wxString names_list(const std::vector<std::string>& names) {
    wxString out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + to_wx(n);
    return out;
}

}  // namespace

/// The consensus grid: a heading row per committee criterion, then a row per bid.
class ConsensusTable : public CommitteeGridTable {
public:
    using Page = CommitteeConsensusPage;
    ConsensusTable(Page& page, const wxFont& font) : page_(page), font_(font) {}

    int GetNumberRows() override { return static_cast<int>(page_.rows_.size()); }
    int GetNumberCols() override { return page_.consensus_col() + 1; }
    wxString GetValue(int row, int col) override { return page_.cell_text(row, col); }
    void SetValue(int, int, const wxString&) override {}  // read-only: the editor below records

    wxString GetColLabelValue(int col) override {
        const int members = page_.spread_col() - 1;
        if (col == 0) return _("Bid");
        if (col <= members && page_.data_)
            return stacked_name(page_.data_->scores.evaluators[static_cast<std::size_t>(col - 1)].name);
        if (col == page_.spread_col()) return _("Spread");
        if (col == page_.mean_col()) return _("Mean");
        if (col == page_.median_col()) return _("Median");
        return _("Consensus");
    }

    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override {
        using namespace committee_colours;
        if (row < 0 || row >= GetNumberRows()) return nullptr;
        const Page::Row& r = page_.rows_[static_cast<std::size_t>(row)];
        if (!r.cell) {
            // The criterion's heading spans the whole row.
            wxGridCellAttrPtr a = make_attr(true, heading_background());
            if (col == 0) {
                // As many columns as the grid knows (it may learn of new ones after the rows).
                a->SetSize(1, GetView() ? GetView()->GetNumberCols() : GetNumberCols());
                a->SetFont(font_.Bold());
                a->SetOverflow(true);
            } else {
                a->SetSize(0, -col);
            }
            return give(a);
        }
        const CommitteeCell& c = *r.cell;
        const int members = page_.spread_col() - 1;
        const wxColour row_bg = c.dispersed ? dispersion_background() : wxNullColour;
        if (col >= 1 && col <= members) {
            const CommitteeMark& m = c.marks[static_cast<std::size_t>(col - 1)];
            if (m.barred) return give(centered(make_attr(true, barred_background(), barred_text())));
            wxGridCellAttrPtr a = centered(make_attr(true, row_bg, m.submitted ? wxNullColour : barred_text()));
            if (!m.submitted) a->SetFont(font_.Italic());  // a draft: may still change
            return give(a);
        }
        wxGridCellAttrPtr a = make_attr(true, row_bg);
        if (col == 0) {
            a->SetRenderer(new wxGridCellAutoWrapStringRenderer);
        } else {
            centered(a);
            if (col == page_.consensus_col()) {
                a->SetFont(font_.Bold());
                if (!c.consensus) a->SetTextColour(warning_text());
            }
        }
        return give(a);
    }

private:
    static wxGridCellAttrPtr centered(wxGridCellAttrPtr a) {
        a->SetAlignment(wxALIGN_CENTER, wxALIGN_CENTER);
        return a;
    }
    Page& page_;
    wxFont font_;
};

CommitteeConsensusPage::CommitteeConsensusPage(wxWindow* parent, CommitteePanel& panel) : wxPanel(parent), panel_(panel) {
    const int gap = FromDIP(6);
    legend_ = new wxStaticText(this, wxID_ANY, wxString());
    grid_ = new wxGrid(this, wxID_ANY);
    table_ = new ConsensusTable(*this, grid_->GetDefaultCellFont());
    grid_->SetTable(table_, true, wxGrid::wxGridSelectRows);
    table_->attached();
    grid_->HideRowLabels();
    grid_->SetColLabelSize(wxGRID_AUTOSIZE);
    grid_->DisableDragRowSize();
    grid_->EnableEditing(false);
    grid_->SetTabBehaviour(wxGrid::Tab_Leave);

    title_ = new wxStaticText(this, wxID_ANY, wxString());
    title_->SetFont(title_->GetFont().Bold());
    note_ = new wxStaticText(this, wxID_ANY, wxString());
    // Text that wraps: a justification is never cut off as it would be in a list's column.
    marks_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, FromDIP(72)),
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    auto* value_label = new wxStaticText(this, wxID_ANY, _("C&onsensus:"));
    value_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(110), -1));
    auto* why_label = new wxStaticText(this, wxID_ANY, _("&Justification:"));
    justification_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    record_ = new wxButton(this, wxID_ANY, _("Record &consensus"));
    record_->SetToolTip(_("Record the consensus as the chair (the audit log names the chair)"));
    auto* missing_label = new wxStaticText(this, wxID_ANY, _("Still missing:"));
    missing_label->SetFont(missing_label->GetFont().Bold());
    missing_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, FromDIP(64)),
                              wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);

    // Value and button on one line, the justification below at full width (it is a sentence).
    auto* editor = new wxGridBagSizer(gap, gap);
    editor->Add(value_label, wxGBPosition(0, 0), wxDefaultSpan, wxALIGN_CENTER_VERTICAL);
    editor->Add(value_, wxGBPosition(0, 1), wxDefaultSpan, wxALIGN_CENTER_VERTICAL);
    editor->Add(record_, wxGBPosition(0, 2), wxDefaultSpan, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    editor->Add(why_label, wxGBPosition(1, 0), wxDefaultSpan, wxALIGN_CENTER_VERTICAL);
    editor->Add(justification_, wxGBPosition(1, 1), wxGBSpan(1, 2), wxEXPAND | wxALIGN_CENTER_VERTICAL);
    editor->AddGrowableCol(2);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(legend_, 0, wxEXPAND | wxALL, gap);
    sizer->Add(grid_, 3, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(title_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(note_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(marks_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(editor, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(missing_label, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(missing_, 1, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    grid_->Bind(wxEVT_GRID_SELECT_CELL, &CommitteeConsensusPage::on_select, this);
    // Rows are read, not edited: Tab goes on to the row's consensus editor, not along the columns.
    grid_->Bind(wxEVT_GRID_TABBING, [this](wxGridEvent& e) {
        grid_->Navigate(e.ShiftDown() ? wxNavigationKeyEvent::IsBackward : wxNavigationKeyEvent::IsForward);
    });
    record_->Bind(wxEVT_BUTTON, &CommitteeConsensusPage::on_record, this);
    justification_->Bind(wxEVT_TEXT_ENTER, &CommitteeConsensusPage::on_record, this);
    grid_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { fit_columns(); });
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { show_selected(); });
    });
}

int CommitteeConsensusPage::spread_col() const {
    return 1 + (data_ ? static_cast<int>(data_->scores.evaluators.size()) : 0);
}

void CommitteeConsensusPage::update(const CommitteeData& data) {
    data_ = &data;
    rows_.clear();
    if (data.rules_ok)
        for (std::size_t k = 0; k < data.scores.criteria.size(); ++k) {
            rows_.push_back({k, nullptr});
            for (std::size_t b = 0; b < data.bid_count(); ++b)
                if (const CommitteeCell* c = data.cell(k, b)) rows_.push_back({k, c});
        }
    table_->changed();
    grid_->SetColLabelSize(wxGRID_AUTOSIZE);  // the evaluators' names take two lines
    fit_columns();
    legend_plain_ =
        !data.open ? wxString()
        : !data.rules_ok ? _("The rules do not check: the consensus view needs them (see the Criteria page).")
        : data.scores.criteria.empty()
            ? _("The rules have no criteria that the committee scores.")
            : wxString::Format(_("Orange: the marks are more than %s apart, discuss before the consensus. Italic: a draft, "
                                 "not submitted. Grey: barred by a declared conflict of interest."),
                               mark_text(data.scores.dispersion_threshold));
    // Keep the selected row; otherwise the first bid row.
    int row = -1;
    if (!std::get<0>(selected_).empty()) row = row_of_key(selected_);
    if (row < 0 && rows_.size() > 1) row = 1;
    if (row >= 0) {
        // Its selection event refills the editor from what is recorded (when the row changed).
        grid_->SetGridCursor(row, 0);
        grid_->SelectRow(row);
        const CommitteeCell* c = rows_[static_cast<std::size_t>(row)].cell;
        if (c) selected_ = {c->criterion_id, c->bidder, c->lot};
    }
    show_selected();
    show_missing();
}

int CommitteeConsensusPage::row_of(const std::string& bidder, const std::string& criterion_id) const {
    for (std::size_t r = 0; r < rows_.size(); ++r)
        if (rows_[r].cell && rows_[r].cell->bidder == bidder && rows_[r].cell->criterion_id == criterion_id)
            return static_cast<int>(r);
    return -1;
}

int CommitteeConsensusPage::row_of_key(const Key& key) const {
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        const CommitteeCell* c = rows_[r].cell;
        if (c && c->criterion_id == std::get<0>(key) && c->bidder == std::get<1>(key) && c->lot == std::get<2>(key))
            return static_cast<int>(r);
    }
    return -1;
}

wxString CommitteeConsensusPage::cell_text(int row, int col) const {
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size()) return wxString();
    const Row& r = rows_[static_cast<std::size_t>(row)];
    if (!r.cell) return col == 0 ? data_->criterion_title(r.criterion) : wxString();
    const CommitteeCell& c = *r.cell;
    if (col == 0) return bid_title(c.bidder, c.lot);
    if (col < spread_col()) {
        const CommitteeMark& m = c.marks[static_cast<std::size_t>(col - 1)];
        return m.barred ? wxString(L"\u2014") : mark_text(m.value);
    }
    if (col == spread_col()) return mark_text(c.spread);
    if (col == mean_col()) return mark_text(c.mean);
    if (col == median_col()) return mark_text(c.median);
    if (c.consensus) return mark_text(c.consensus->value);
    return c.dispersed ? _("discuss") : wxString();
}

wxColour CommitteeConsensusPage::cell_background(int row, int col) const { return grid_->GetCellBackgroundColour(row, col); }

void CommitteeConsensusPage::on_select(wxGridEvent& e) {
    const int row = e.GetRow();
    e.Skip();
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size()) return;
    if (const CommitteeCell* c = rows_[static_cast<std::size_t>(row)].cell) selected_ = {c->criterion_id, c->bidder, c->lot};
    else selected_ = {};
    // The row's consensus editor starts from what is recorded (empty: the proposals are hints).
    const CommitteeCell* c = selected_cell();
    value_->ChangeValue(c && c->consensus ? mark_text(c->consensus->value) : wxString());
    justification_->ChangeValue(c && c->consensus ? to_wx(c->consensus->justification) : wxString());
    show_selected();
}

void CommitteeConsensusPage::select_row(int row) {
    if (row < 0 || row >= grid_->GetNumberRows()) return;
    grid_->SetGridCursor(row, 0);  // raises the selection event, which fills the editor
    grid_->SelectRow(row);
    grid_->MakeCellVisible(row, 0);
}

const CommitteeCell* CommitteeConsensusPage::selected_cell() const {
    const int row = row_of_key(selected_);
    return row < 0 ? nullptr : rows_[static_cast<std::size_t>(row)].cell;
}

wxString CommitteeConsensusPage::why_not_recordable(const CommitteeCell& c) const {
    const CommitteeMember* chair = data_->chair();
    if (!chair) return _("The committee has no chair: only the chair records the consensus.");
    if (!chair->declared)
        return wxString::Format(_("The chair (%s) has not declared whether they have a conflict of interest."),
                                to_wx(chair->name));
    if (!barred_reason(*chair, c.bidder).empty())
        return wxString::Format(_("The chair declared a conflict of interest with %s and cannot record this consensus."),
                                to_wx(c.bidder));
    if (!c.missing.empty()) return wxString::Format(_("Waiting for the submitted scores of: %s."), names_list(c.missing));
    if (c.scored == 0) return _("No evaluator has scored this bid on this criterion.");
    return wxString();
}

bool CommitteeConsensusPage::can_record() const {
    const CommitteeCell* c = selected_cell();
    return c && why_not_recordable(*c).empty();
}

wxString CommitteeConsensusPage::note_text() const { return note_plain_; }

wxString CommitteeConsensusPage::missing_text() const { return missing_->GetValue(); }

wxString CommitteeConsensusPage::marks_text() const { return marks_->GetValue(); }

void CommitteeConsensusPage::show_selected() {
    const CommitteeCell* c = data_ ? selected_cell() : nullptr;
    wxString note, marks;
    if (!c) {
        title_->SetLabel(data_ && !rows_.empty() ? _("Select a bid's row to see its marks and record the consensus.")
                                                 : wxString());
    } else {
        std::size_t k = 0;
        while (k < data_->scores.criteria.size() && data_->scores.criteria[k].id != c->criterion_id) ++k;
        title_->SetLabel(bid_title(c->bidder, c->lot) + L" \u2014 " + data_->criterion_title(k));
        if (c->scored > 0)
            note = wxString::Format(_("Lowest %s, highest %s, spread %s, mean %s, median %s."), mark_text(c->min),
                                    mark_text(c->max), mark_text(c->spread), mark_text(c->mean), mark_text(c->median));
        if (c->dispersed)
            note += " " + wxString::Format(_("Discuss: the marks are more than %s apart."),
                                           mark_text(data_->scores.dispersion_threshold));
        const wxString why = why_not_recordable(*c);
        if (!why.empty()) note += (note.empty() ? "" : "\n") + why;
        else if (c->consensus)
            note += (note.empty() ? "" : "\n") + wxString::Format(_("Consensus recorded by %s on %s."),
                                                                  to_wx(c->consensus->decided_by),
                                                                  time_text(c->consensus->decided_at));
        // "Anna Berg: 4 - Collection at the building, ..." per evaluator.
        for (std::size_t e = 0; e < c->marks.size() && e < data_->scores.evaluators.size(); ++e) {
            const CommitteeMark& m = c->marks[e];
            wxString text;
            if (m.barred) text = barred_reason(data_->scores.evaluators[e], c->bidder);
            else if (!m.scored()) text = _("not scored yet");
            else if (!m.submitted) text = mark_text(m.value) + L" \u2014 " + wxString::Format(_("(draft) %s"), to_wx(m.justification));
            else text = mark_text(m.value) + L" \u2014 " + to_wx(m.justification);
            marks += (marks.empty() ? "" : "\n") + to_wx(m.evaluator) + ": " + text;
        }
        // The proposal as a hint only: the chair types the consensus the committee agreed on.
        value_->SetHint(c->scored > 0 ? wxString::Format(_("median %s"), mark_text(c->median)) : wxString());
    }
    marks_->ChangeValue(marks);
    const bool recordable = c && why_not_recordable(*c).empty();
    value_->Enable(recordable);
    justification_->Enable(recordable);
    record_->Enable(recordable);
    note_plain_ = note;
    note_->SetLabel(note);
    note_->SetForegroundColour(c && (c->dispersed || !recordable) ? committee_colours::warning_text()
                                                                   : GetForegroundColour());
    const int wrap = std::max(GetClientSize().x - FromDIP(12), FromDIP(200));
    note_->Wrap(wrap);
    legend_->SetLabel(legend_plain_);  // Wrap works on the label as it is: start from the plain text
    legend_->Wrap(wrap);
    title_->Wrap(wrap);
    Layout();
}

void CommitteeConsensusPage::show_missing() {
    if (!data_ || !data_->open || !data_->rules_ok || data_->scores.criteria.empty()) {
        missing_->ChangeValue(wxString());
        return;
    }
    wxString text;
    auto line = [&text](const wxString& s) { text += (text.empty() ? "" : "\n") + s; };
    const auto& s = data_->scores;
    for (std::size_t e = 0; e < s.evaluators.size(); ++e) {
        const CommitteeMember& m = s.evaluators[e];
        if (!m.submitted_at.empty() || m.whole_tender_conflict) continue;
        if (!m.declared) {
            line(wxString::Format(_("%s: has not declared yet (needed before scoring)."), to_wx(m.name)));
            continue;
        }
        wxString what;
        int count = 0;
        for (const CommitteeCell& c : s.cells) {
            if (c.marks[e].barred || c.marks[e].scored()) continue;
            std::size_t k = 0;
            while (k < s.criteria.size() && s.criteria[k].id != c.criterion_id) ++k;
            if (++count <= 3)
                what += (what.empty() ? "" : "; ") + bid_title(c.bidder, c.lot) + ": " + data_->criterion_names[k];
        }
        if (count > 3) what += wxString::Format(_("; and %d more"), count - 3);
        if (count == 0) line(wxString::Format(_("%s: every score given, not submitted yet."), to_wx(m.name)));
        else
            line(wxString::Format(wxPLURAL("%s: %d score to give, then submit (%s).",
                                           "%s: %d scores to give, then submit (%s).", count),
                                  to_wx(m.name), count, what));
    }
    for (std::size_t k = 0; k < s.criteria.size(); ++k) {
        wxString bids, marks;  // a consensus, or (combine: mean | median) any submitted mark
        for (const auto& mc : data_->missing_consensus)
            if (mc.criterion == s.criteria[k].id) {
                wxString& list = mc.needs_submitted_marks ? marks : bids;
                list += (list.empty() ? "" : ", ") + bid_title(mc.bid.bidder, mc.bid.lot);
            }
        if (!bids.empty())
            line(wxString::Format(_("Consensus the ranking still needs on %s: %s."), data_->criterion_names[k], bids));
        if (!marks.empty())
            line(wxString::Format(_("Submitted marks the ranking still needs on %s (it takes their mean or median): %s."),
                                  data_->criterion_names[k], marks));
    }
    if (text.empty()) text = _("Nothing is missing: every consensus the ranking needs is recorded.");
    missing_->ChangeValue(text);
}

void CommitteeConsensusPage::fit_columns() {
    const int width = grid_->GetClientSize().x;
    if (width <= 0 || !data_) return;
    wxClientDC dc(grid_);
    grid_->BeginBatch();
    int used = 0;
    for (int col = 1; col < grid_->GetNumberCols(); ++col) {
        // As wide as the widest of the heading's lines and the cells' texts.
        dc.SetFont(grid_->GetLabelFont());
        int w = 0;
        for (const wxString& part : wxSplit(table_->GetColLabelValue(col), '\n')) w = std::max(w, dc.GetTextExtent(part).x);
        dc.SetFont(grid_->GetDefaultCellFont().Bold());
        for (int row = 0; row < grid_->GetNumberRows(); ++row)
            if (rows_[static_cast<std::size_t>(row)].cell) w = std::max(w, dc.GetTextExtent(cell_text(row, col)).x);
        w += FromDIP(8);
        grid_->SetColSize(col, w);
        used += w;
    }
    // The bid's column takes the rest (its names wrap when narrow).
    grid_->SetColSize(0, std::max(FromDIP(90), width - used));
    grid_->EndBatch();
    fit_row_heights(*grid_, [this](int row, int col) {
        return col == 0 && rows_[static_cast<std::size_t>(row)].cell ? CellWrap::Normal : CellWrap::None;
    });
}

app::ChangeOutcome CommitteeConsensusPage::record(const wxString& value, const wxString& justification) {
    value_->ChangeValue(value);
    justification_->ChangeValue(justification);
    return record_selected();
}

void CommitteeConsensusPage::on_record(wxCommandEvent&) {
    if (record_->IsEnabled()) record_selected();
}

app::ChangeOutcome CommitteeConsensusPage::record_selected() {
    const CommitteeCell* c = selected_cell();
    if (!c) return {false, "no bid selected", {}};
    std::size_t k = 0;
    while (k < data_->scores.criteria.size() && data_->scores.criteria[k].id != c->criterion_id) ++k;
    const auto& crit = data_->scores.criteria[k];
    double value = 0;
    wxString refused = check_mark(value_->GetValue(), crit.lo, crit.hi, &value);
    if (refused.empty() && trimmed(justification_->GetValue()).empty())
        refused = _("The consensus needs its written justification.");
    if (!refused.empty()) {
        note_->SetLabel(refused);
        note_->SetForegroundColour(committee_colours::warning_text());
        note_plain_ = refused;
        (trimmed(justification_->GetValue()).empty() && !std::isnan(value) ? justification_ : value_)->SetFocus();
        return {false, from_wx(refused), {}};
    }
    const store::ConsensusInput in{{c->bidder, c->lot}, c->criterion_id, value, from_wx(trimmed(justification_->GetValue()))};
    return panel_.record_consensus(in);
}

}  // namespace tl::gui
