#pragma once
/// The Scoring tab of the Committee page: one evaluator's scoring sheet. A grid with one row per
/// bid and committee criterion: the bid, the criterion with its scale, the score and the written
/// justification. A score is checked against the criterion's scale as it is typed and recorded as
/// a draft as soon as it has its justification (until then the cell shows yellow: not saved).
/// Cells a declared conflict bars are grey, read-only, with the reason. Submit locks the sheet
/// (the store refuses while a score is missing, and the sheet lists which); the chair may reopen
/// it with a reason. Changes are recorded as the chosen evaluator (the chair for a reopening).
#include <map>
#include <string>
#include <tuple>

#include <wx/panel.h>

#include "app/tender_project.hpp"
#include "gui/committee_data.hpp"

class wxButton;
class wxChoice;
class wxGrid;
class wxGridEvent;
class wxStaticText;

namespace tl::gui {

class CommitteePanel;
class ScoringTable;

class CommitteeScoringPage : public wxPanel {
public:
    /// The grid's columns.
    enum Column { kBid = 0, kCriterion, kScore, kJustification, kColumns };

    /// Makes its changes through `panel` (as the chosen evaluator, or the chair).
    CommitteeScoringPage(wxWindow* parent, CommitteePanel& panel);

    /// Shows the sheet of the chosen evaluator as read after a change.
    void update(const CommitteeData& data);

    /// Chooses the evaluator whose sheet is shown; false when absent.
    bool select_evaluator(const std::string& name);
    std::string evaluator() const;

    /// The row of a bid and committee criterion (-1 when absent; the bidder's first lot in a tender
    /// with lots).
    int row_of(const std::string& bidder, const std::string& criterion_id) const;
    /// What the grid shows in a cell, whether it can be edited, and whether it holds text typed
    /// but not recorded yet.
    wxString cell_text(int row, Column col) const;
    bool cell_editable(int row, Column col) const;
    bool cell_unsaved(int row, Column col) const;

    /// Types `text` into a cell as a person would (checked as the grid's editor checks it) and
    /// records the score when it is complete. Returns why it was refused ("" when the score was
    /// recorded or waits for its other half: see message_text()).
    wxString type_cell(int row, Column col, const wxString& text);

    /// The sheet's status line (who records, what is missing) and its last message.
    wxString status_text() const;
    wxString message_text() const;

    /// Submits the chosen evaluator's scores (the Submit button, without its confirmation).
    app::ChangeOutcome submit();
    /// Reopens the chosen evaluator's submitted scores as the chair (the Reopen button, after
    /// asking for the reason).
    app::ChangeOutcome reopen(const std::string& reason);

private:
    friend class ScoringTable;
    /// What was typed into one cell pair and is not recorded yet.
    struct Unsaved {
        bool has_score = false, has_justification = false;
        wxString score, justification;
    };
    using Key = std::tuple<std::string, std::string, std::string, std::string>;  ///< evaluator, bidder, lot, criterion

    struct Row {
        std::size_t bid = 0, criterion = 0;
        const CommitteeCell* cell = nullptr;
        bool first_of_bid = false;
    };

    const CommitteeMember* member() const;
    const CommitteeMark* mark(int row) const;
    Key key(int row) const;
    const Unsaved* unsaved(int row) const;
    bool sheet_editable() const;
    wxString check_edit(int row, Column col, const wxString& text) const;
    void keep_typed(int row, Column col, const wxString& text);
    wxString commit(const Key& key);  ///< records a complete pair; the store's refusal or ""
    void rebuild_rows();
    void show_status();
    void show_message(const wxString& text, bool warning);
    void fit_columns();
    void on_evaluator(wxCommandEvent& e);
    void on_changing(wxGridEvent& e);
    void on_tab(wxGridEvent& e);
    void on_submit(wxCommandEvent& e);
    void on_reopen(wxCommandEvent& e);

    CommitteePanel& panel_;
    const CommitteeData* data_ = nullptr;
    std::string evaluator_;
    std::vector<Row> rows_;
    std::map<Key, Unsaved> unsaved_;
    wxChoice* evaluators_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxStaticText* message_ = nullptr;
    wxGrid* grid_ = nullptr;
    ScoringTable* table_ = nullptr;
    wxButton* submit_ = nullptr;
    wxButton* reopen_ = nullptr;
    wxString status_plain_, message_plain_;
};

}  // namespace tl::gui
