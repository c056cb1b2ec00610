#pragma once
/// The two small dialogs of the Evaluators tab: adding an evaluator (name, role, the reason for
/// the record) and an evaluator's conflict-of-interest declaration (none, a conflict with one of
/// the project's bidders, or with the whole tender; in the evaluator's words). They only collect
/// what the person typed; CommitteePanel records it and the store checks it.
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "core/committee.hpp"
#include "store/types.hpp"

class wxChoice;
class wxRadioButton;
class wxTextCtrl;

namespace tl::gui {

/// What the Add evaluator dialog collected.
struct NewEvaluator {
    std::string name;
    store::Role role = store::Role::Member;
    std::string reason;  ///< for the audit log, e.g. "appointed by order 14/2026"
};

class AddEvaluatorDialog : public wxDialog {
public:
    /// `chair`: the committee's chair, "" when it has none (only then may this one be the chair).
    AddEvaluatorDialog(wxWindow* parent, const std::string& chair);
    /// What was typed, trimmed.
    NewEvaluator values() const;
    /// Types `v` into the controls (the self-test goes through the dialog's controls this way).
    void fill(const NewEvaluator& v);
    /// A name is given (the OK button is enabled).
    bool complete() const;

private:
    wxTextCtrl* name_ = nullptr;
    wxRadioButton* chair_ = nullptr;
    wxRadioButton* member_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
};

/// What the Declare dialog collected.
struct Declaration {
    store::CoiKind kind = store::CoiKind::None;
    std::string bidder;  ///< for CoiKind::Bid
    std::string text;    ///< in the evaluator's words (required for a conflict)
};

class DeclareDialog : public wxDialog {
public:
    /// For `member` (its declaration so far is shown); `bidders` are the project's, to choose from.
    DeclareDialog(wxWindow* parent, const CommitteeMember& member, const std::vector<std::string>& bidders);
    /// What was chosen and typed, trimmed.
    Declaration values() const;
    /// Chooses and types `d` into the controls (for the self-test).
    void fill(const Declaration& d);
    /// A conflict names its bidder and has its nature in words (the OK button is enabled).
    bool complete() const;

private:
    void update_controls();

    std::vector<std::string> bidders_;
    wxRadioButton* none_ = nullptr;
    wxRadioButton* bid_ = nullptr;
    wxRadioButton* tender_ = nullptr;
    wxChoice* bidder_ = nullptr;
    wxTextCtrl* text_ = nullptr;
};

}  // namespace tl::gui
