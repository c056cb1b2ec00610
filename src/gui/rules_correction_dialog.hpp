#pragma once
/// Asks for the reason of a rules correction: once a project holds bids its rules are frozen
/// (changing published criteria after bids arrived is unlawful), so an edit of the criteria is
/// recorded only as a correction of an error, with its reason, or not at all.
#include <string>

#include <wx/dialog.h>

#include "app/tender_project.hpp"

class wxTextCtrl;

namespace tl::gui {

class RulesCorrectionDialog : public wxDialog {
public:
    /// `refusal`: the store's refusal of the plain change (how many bids, since when).
    RulesCorrectionDialog(wxWindow* parent, const app::ChangeOutcome& refusal);
    /// The reason typed, trimmed (OK is enabled only when it is not empty).
    std::string reason() const;
    /// For the self-test and screenshots: types the reason.
    void set_reason(const std::string& reason);

private:
    wxTextCtrl* reason_ = nullptr;
};

/// Shows the dialog; true with the reason when the user chose to record the correction.
bool ask_rules_correction(wxWindow* parent, const app::ChangeOutcome& refusal, std::string& reason);

}  // namespace tl::gui
