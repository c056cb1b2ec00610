#pragma once
/// The Evaluators tab of the Committee page: the members with their role, their conflict-of-
/// interest declaration and whether they submitted their scores; the selected member's
/// declarations in their own words; buttons to add an evaluator, to record a declaration and to
/// open the member's scoring sheet.
#include <string>

#include <wx/panel.h>

#include "app/tender_project.hpp"
#include "gui/committee_data.hpp"
#include "gui/committee_dialogs.hpp"

class wxButton;
class wxListCtrl;
class wxListEvent;
class wxTextCtrl;

namespace tl::gui {

class CommitteePanel;

class CommitteeEvaluatorsPage : public wxPanel {
public:
    /// The list's columns.
    enum Column { kName = 0, kRole, kDeclaration, kScores };

    /// Makes its changes through `panel`.
    CommitteeEvaluatorsPage(wxWindow* parent, CommitteePanel& panel);

    /// Shows the committee as read after a change (keeps the selected member).
    void update(const CommitteeData& data);

    /// The selected member's name, "" when none.
    std::string selected() const;
    /// Selects a member by name; false when absent.
    bool select(const std::string& name);

    /// What the list shows, for the self-test: the row of `name` (-1 when absent) and a cell.
    long row_of(const std::string& name) const;
    wxString cell_text(long row, Column col) const;
    /// The declarations of the selected member as shown below the list.
    wxString details_text() const;

    /// Records what the Add evaluator / Declare dialogs collected (the dialogs' OK does this).
    app::ChangeOutcome add(const NewEvaluator& v);
    app::ChangeOutcome declare(const std::string& evaluator, const Declaration& d);

private:
    void on_add(wxCommandEvent& e);
    void on_declare(wxCommandEvent& e);
    void on_open_sheet(wxCommandEvent& e);
    void on_selected(wxListEvent& e);
    void show_details();
    void update_buttons();

    CommitteePanel& panel_;
    const CommitteeData* data_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* details_ = nullptr;
    wxButton* add_ = nullptr;
    wxButton* declare_ = nullptr;
    wxButton* sheet_ = nullptr;
};

}  // namespace tl::gui
