#include "gui/committee_evaluators.hpp"

#include <algorithm>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/committee_panel.hpp"
#include "gui/committee_scoring.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

/// Short, so that the list fits a narrow pane; the time of a submission is in the details below.
wxString scores_text(const CommitteeData& d, std::size_t e) {
    const CommitteeMember& m = d.scores.evaluators[e];
    if (!m.submitted_at.empty()) return _("submitted");
    if (m.whole_tender_conflict) return _("scores nothing");
    if (!m.declared) return _("waiting for the declaration");
    return wxString::Format(_("open: %d of %d scored"), d.scores_given(e), d.scores_expected(e));
}

wxString kind_text(const store::CoiDeclaration& d) {
    switch (d.kind) {
    case store::CoiKind::None: return _("no conflict of interest");
    case store::CoiKind::Bid: return wxString::Format(_("conflict with %s"), to_wx(d.bidder));
    case store::CoiKind::WholeTender: return _("conflict with the whole tender");
    }
    return wxString();
}

}  // namespace

CommitteeEvaluatorsPage::CommitteeEvaluatorsPage(wxWindow* parent, CommitteePanel& panel)
    : wxPanel(parent), panel_(panel) {
    const int gap = FromDIP(6);
    const wxString intro_text = _("Each evaluator declares any conflict of interest before scoring; a conflict with a "
                                  "bidder bars scoring that bidder's bids.");
    auto* intro = new wxStaticText(this, wxID_ANY, intro_text);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("Name"));  // short: the list must fit a narrow pane
    list_->AppendColumn(_("Role"));
    list_->AppendColumn(_("Declaration"));
    list_->AppendColumn(_("Scores"));
    details_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, FromDIP(90)),
                              wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    add_ = new wxButton(this, wxID_ANY, _("&Add evaluator..."));
    declare_ = new wxButton(this, wxID_ANY, _("&Declare..."));
    sheet_ = new wxButton(this, wxID_ANY, _("Open scoring &sheet"));
    add_->SetToolTip(_("Appoint a member or the chair of the evaluation committee"));
    declare_->SetToolTip(_("Record the selected evaluator's declaration of any conflict of interest"));
    sheet_->SetToolTip(_("Score the bids as the selected evaluator"));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(add_, 0, wxRIGHT, gap);
    buttons->Add(declare_, 0, wxRIGHT, gap);
    buttons->Add(sheet_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, 0, wxEXPAND | wxALL, gap);
    sizer->Add(list_, 3, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(buttons, 0, wxALL, gap);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("The selected evaluator's declarations and submission:")), 0,
               wxLEFT | wxRIGHT, gap);
    sizer->Add(details_, 1, wxEXPAND | wxALL, gap);
    SetSizer(sizer);
    details_->MoveAfterInTabOrder(sheet_);  // the list, its buttons, then the details
    // The intro wraps to the page's width (a long line would be cut off in a narrow pane).
    Bind(wxEVT_SIZE, [this, intro, intro_text, gap](wxSizeEvent& e) {
        intro->SetLabel(intro_text);  // Wrap works on the label as it is: start from the plain text
        intro->Wrap(std::max(e.GetSize().x - 2 * gap, FromDIP(100)));
        e.Skip();
    });

    add_->Bind(wxEVT_BUTTON, &CommitteeEvaluatorsPage::on_add, this);
    declare_->Bind(wxEVT_BUTTON, &CommitteeEvaluatorsPage::on_declare, this);
    sheet_->Bind(wxEVT_BUTTON, &CommitteeEvaluatorsPage::on_open_sheet, this);
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, &CommitteeEvaluatorsPage::on_selected, this);
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, &CommitteeEvaluatorsPage::on_selected, this);
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        wxCommandEvent none;
        on_open_sheet(none);
    });
}

void CommitteeEvaluatorsPage::update(const CommitteeData& data) {
    const std::string keep = selected();
    data_ = &data;
    list_->Freeze();
    list_->DeleteAllItems();
    const auto& members = data.scores.evaluators;
    for (std::size_t e = 0; e < members.size(); ++e) {
        const long row = list_->InsertItem(static_cast<long>(e), to_wx(members[e].name));
        list_->SetItem(row, kRole, members[e].chair ? _("chair") : _("member"));
        list_->SetItem(row, kDeclaration, declaration_text(members[e]));
        list_->SetItem(row, kScores, scores_text(data, e));
        // A member who cannot score yet stands out: the committee waits for that declaration.
        if (!members[e].declared) list_->SetItemTextColour(row, wxColour(0xB0, 0x40, 0x00));
    }
    // Columns as wide as their widest text or their header, whichever is wider.
    for (int c = kName; c <= kScores; ++c) {
        list_->SetColumnWidth(c, members.empty() ? wxLIST_AUTOSIZE_USEHEADER : wxLIST_AUTOSIZE);
        const int content = list_->GetColumnWidth(c);
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
        list_->SetColumnWidth(c, std::max(content, list_->GetColumnWidth(c)) + FromDIP(2));
    }
    list_->Thaw();
    // Keep the selected member; else the first, so that the declarations below are never blank.
    if (keep.empty() || !select(keep))
        if (!members.empty()) select(members.front().name);
    show_details();
    update_buttons();
}

std::string CommitteeEvaluatorsPage::selected() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row < 0 ? std::string() : from_wx(list_->GetItemText(row, kName));
}

bool CommitteeEvaluatorsPage::select(const std::string& name) {
    const long row = row_of(name);
    if (row < 0) return false;
    list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list_->EnsureVisible(row);
    show_details();
    update_buttons();
    return true;
}

long CommitteeEvaluatorsPage::row_of(const std::string& name) const {
    for (long row = 0; row < list_->GetItemCount(); ++row)
        if (from_wx(list_->GetItemText(row, kName)) == name) return row;
    return -1;
}

wxString CommitteeEvaluatorsPage::cell_text(long row, Column col) const { return list_->GetItemText(row, col); }

wxString CommitteeEvaluatorsPage::details_text() const { return details_->GetValue(); }

void CommitteeEvaluatorsPage::show_details() {
    const std::string name = selected();
    const CommitteeMember* m = data_ ? data_->member(name) : nullptr;
    wxString text;
    auto line = [&text](const wxString& s) { text += (text.empty() ? "" : "\n") + s; };
    if (m && !m->declared) line(_("No declaration yet: this evaluator cannot score until they declare."));
    if (m)
        for (const auto& d : data_->declarations)
            if (d.evaluator == name)
                line(time_text(d.declared_at) + ": " + kind_text(d) +
                     (d.text.empty() ? wxString() : wxString::Format(L" \u2014 \u201C%s\u201D", to_wx(d.text))));
    if (m && !m->submitted_at.empty()) line(wxString::Format(_("Scores submitted on %s."), time_text(m->submitted_at)));
    details_->ChangeValue(text);
}

void CommitteeEvaluatorsPage::update_buttons() {
    const bool open = data_ && data_->open;
    const bool one = !selected().empty();
    add_->Enable(open);
    declare_->Enable(open && one);
    sheet_->Enable(open && one && data_->rules_ok && !data_->scores.criteria.empty());
}

void CommitteeEvaluatorsPage::on_selected(wxListEvent&) {
    show_details();
    update_buttons();
}

app::ChangeOutcome CommitteeEvaluatorsPage::add(const NewEvaluator& v) {
    app::ChangeOutcome out = panel_.add_evaluator(v.name, v.role, v.reason);
    if (out.ok) select(v.name);
    return out;
}

app::ChangeOutcome CommitteeEvaluatorsPage::declare(const std::string& evaluator, const Declaration& d) {
    app::ChangeOutcome out = panel_.declare(evaluator, d.kind, d.bidder, d.text);
    if (out.ok) select(evaluator);
    return out;
}

void CommitteeEvaluatorsPage::on_add(wxCommandEvent&) {
    if (!data_) return;
    const CommitteeMember* chair = data_->chair();
    AddEvaluatorDialog dlg(this, chair ? chair->name : std::string());
    // A refused name (a duplicate, say) keeps the dialog's text for another try.
    while (dlg.ShowModal() == wxID_OK)
        if (add(dlg.values()).ok) break;
    list_->SetFocus();
}

void CommitteeEvaluatorsPage::on_declare(wxCommandEvent&) {
    if (!data_) return;
    const CommitteeMember* m = data_->member(selected());
    if (!m) return;
    const std::string name = m->name;
    DeclareDialog dlg(this, *m, data_->bidders);
    while (dlg.ShowModal() == wxID_OK)
        if (declare(name, dlg.values()).ok) break;
    list_->SetFocus();
}

void CommitteeEvaluatorsPage::on_open_sheet(wxCommandEvent&) {
    const std::string name = selected();
    if (name.empty() || !sheet_->IsEnabled()) return;
    panel_.scoring_page().select_evaluator(name);
    panel_.show_tab(CommitteePanel::Tab::Scoring);
}

}  // namespace tl::gui
