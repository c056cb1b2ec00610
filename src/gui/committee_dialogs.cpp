#include "gui/committee_dialogs.hpp"

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/committee_data.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

std::string trimmed(const wxTextCtrl* t) {
    wxString s = t->GetValue();
    return from_wx(s.Trim(true).Trim(false));
}

/// A note in the dialog, wrapped to the dialog's width so that nothing runs off its edge.
wxStaticText* note(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->Wrap(parent->FromDIP(420));
    return label;
}

}  // namespace

AddEvaluatorDialog::AddEvaluatorDialog(wxWindow* parent, const std::string& chair)
    : wxDialog(parent, wxID_ANY, _("Add evaluator")) {
    const int gap = FromDIP(6);
    name_ = new wxTextCtrl(this, wxID_ANY);
    chair_ = new wxRadioButton(this, wxID_ANY, _("&Chair"), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    member_ = new wxRadioButton(this, wxID_ANY, _("&Member"));
    member_->SetValue(true);
    reason_ = new wxTextCtrl(this, wxID_ANY);
    reason_->SetHint(_("e.g. appointed by order 14/2026"));

    auto* grid = new wxFlexGridSizer(2, gap, gap * 2);
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Name:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(name_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Role:")), 0, wxALIGN_CENTER_VERTICAL);
    auto* roles = new wxBoxSizer(wxHORIZONTAL);
    roles->Add(chair_, 0, wxRIGHT, gap * 3);
    roles->Add(member_);
    grid->Add(roles);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Reason:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(reason_, 1, wxEXPAND);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 0, wxEXPAND | wxALL, gap * 2);
    if (!chair.empty()) {
        // The store allows one chair; say so here rather than refuse after OK.
        chair_->Disable();
        sizer->Add(note(this, wxString::Format(_("The committee's chair is %s."), to_wx(chair))), 0,
                   wxLEFT | wxRIGHT | wxBOTTOM, gap * 2);
    }
    sizer->Add(note(this, _("The reason goes into the project's audit log with the change.")), 0,
               wxLEFT | wxRIGHT | wxBOTTOM, gap * 2);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, gap * 2);
    SetSizerAndFit(sizer);
    SetMinSize(wxSize(FromDIP(460), GetSize().y));
    Fit();
    name_->SetFocus();
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(complete()); }, wxID_OK);
}

NewEvaluator AddEvaluatorDialog::values() const {
    return {trimmed(name_), chair_->GetValue() ? store::Role::Chair : store::Role::Member, trimmed(reason_)};
}

void AddEvaluatorDialog::fill(const NewEvaluator& v) {
    name_->ChangeValue(to_wx(v.name));
    (v.role == store::Role::Chair ? chair_ : member_)->SetValue(true);
    reason_->ChangeValue(to_wx(v.reason));
}

bool AddEvaluatorDialog::complete() const { return !trimmed(name_).empty(); }

DeclareDialog::DeclareDialog(wxWindow* parent, const CommitteeMember& member, const std::vector<std::string>& bidders)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Declaration of %s"), to_wx(member.name))), bidders_(bidders) {
    const int gap = FromDIP(6);
    none_ = new wxRadioButton(this, wxID_ANY, _("&No conflict of interest"), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    bid_ = new wxRadioButton(this, wxID_ANY, _("A conflict of interest with a &bidder:"));
    bidder_ = new wxChoice(this, wxID_ANY);
    for (const auto& b : bidders_) bidder_->Append(to_wx(b));
    if (!bidders_.empty()) bidder_->SetSelection(0);
    tender_ = new wxRadioButton(this, wxID_ANY, _("A conflict of interest with the &whole tender"));
    text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, FromDIP(70)), wxTE_MULTILINE);
    text_->SetHint(_("e.g. employed by the bidder until June 2024"));
    none_->SetValue(true);
    if (bidders_.empty()) bid_->Disable();

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (member.declared)
        sizer->Add(note(this, wxString::Format(_("Declared so far: %s."), declaration_text(member))), 0,
                   wxLEFT | wxRIGHT | wxTOP, gap * 2);
    auto* kinds = new wxBoxSizer(wxVERTICAL);
    kinds->Add(none_, 0, wxBOTTOM, gap);
    auto* bid_row = new wxBoxSizer(wxHORIZONTAL);
    bid_row->Add(bid_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    bid_row->Add(bidder_, 1, wxALIGN_CENTER_VERTICAL);
    kinds->Add(bid_row, 0, wxEXPAND | wxBOTTOM, gap);
    kinds->Add(tender_);
    sizer->Add(kinds, 0, wxEXPAND | wxALL, gap * 2);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("&Declaration in the evaluator's words:")), 0, wxLEFT | wxRIGHT, gap * 2);
    sizer->Add(text_, 1, wxEXPAND | wxALL, gap * 2);
    sizer->Add(note(this, _("A declared conflict stays on record: a later declaration of no interest does not lift it. "
                            "A conflict with a bidder bars scoring that bidder's bids.")),
               0, wxLEFT | wxRIGHT, gap * 2);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, gap * 2);
    SetSizerAndFit(sizer);
    SetMinSize(wxSize(FromDIP(460), GetSize().y));
    Fit();

    for (wxRadioButton* r : {none_, bid_, tender_}) r->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { update_controls(); });
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(complete()); }, wxID_OK);
    update_controls();
    none_->SetFocus();
}

void DeclareDialog::update_controls() { bidder_->Enable(bid_->GetValue()); }

Declaration DeclareDialog::values() const {
    Declaration d;
    d.kind = bid_->GetValue() ? store::CoiKind::Bid : tender_->GetValue() ? store::CoiKind::WholeTender : store::CoiKind::None;
    const int sel = bidder_->GetSelection();
    if (d.kind == store::CoiKind::Bid && sel != wxNOT_FOUND) d.bidder = bidders_[static_cast<std::size_t>(sel)];
    d.text = trimmed(text_);
    return d;
}

void DeclareDialog::fill(const Declaration& d) {
    (d.kind == store::CoiKind::Bid ? bid_ : d.kind == store::CoiKind::WholeTender ? tender_ : none_)->SetValue(true);
    const auto it = std::find(bidders_.begin(), bidders_.end(), d.bidder);
    if (it != bidders_.end()) bidder_->SetSelection(static_cast<int>(it - bidders_.begin()));
    text_->ChangeValue(to_wx(d.text));
    update_controls();
}

bool DeclareDialog::complete() const {
    const Declaration d = values();
    if (d.kind == store::CoiKind::None) return true;
    return !d.text.empty() && (d.kind != store::CoiKind::Bid || !d.bidder.empty());
}

}  // namespace tl::gui
