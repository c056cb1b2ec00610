#include "gui/rules_correction_dialog.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/project_document.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

wxStaticText* wrapped(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->Wrap(parent->FromDIP(480));
    return label;
}

}  // namespace

RulesCorrectionDialog::RulesCorrectionDialog(wxWindow* parent, const app::ChangeOutcome& refusal)
    : wxDialog(parent, wxID_ANY, _("Record a correction of the rules"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "rules-correction") {
    const int gap = FromDIP(6);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // The store's own refusal first (how many bids, since when), set off in bold: the font is
    // set before wrapping, so that the lines are measured in it.
    auto* why = new wxStaticText(this, wxID_ANY, to_wx(summary_text(refusal)));
    why->SetFont(why->GetFont().Bold());
    why->Wrap(FromDIP(480));
    sizer->Add(why, 0, wxALL, gap * 2);
    sizer->Add(wrapped(this, _("Bids have arrived: the published award criteria may no longer change. Only an error in "
                               "them may be corrected, such as a typo in a name. A correction is recorded with its "
                               "reason, and the evaluation and every workbook made from it show that the rules were "
                               "corrected after bids arrived, with the changed lines.")),
               0, wxLEFT | wxRIGHT | wxBOTTOM, gap * 2);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("&Reason for the correction:")), 0, wxLEFT | wxRIGHT, gap * 2);
    reason_ = new wxTextCtrl(this, wxID_ANY);
    reason_->SetHint(_("e.g. typo in a criterion name"));
    sizer->Add(reason_, 0, wxEXPAND | wxALL, gap * 2);
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = FindWindow(wxID_OK)) ok->SetLabel(_("Record as a &correction"));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap * 2);
    SetSizerAndFit(sizer);
    SetMinSize(wxSize(FromDIP(520), GetSize().y));
    Fit();
    reason_->SetFocus();
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(!reason().empty()); }, wxID_OK);
}

std::string RulesCorrectionDialog::reason() const {
    wxString s = reason_->GetValue();
    return from_wx(s.Trim(true).Trim(false));
}

void RulesCorrectionDialog::set_reason(const std::string& reason) { reason_->ChangeValue(to_wx(reason)); }

bool ask_rules_correction(wxWindow* parent, const app::ChangeOutcome& refusal, std::string& reason) {
    RulesCorrectionDialog dialog(parent, refusal);
    if (dialog.ShowModal() != wxID_OK) return false;
    reason = dialog.reason();
    return !reason.empty();
}

}  // namespace tl::gui
