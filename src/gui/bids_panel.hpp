#pragma once
/// The Bids page of a project: a grid of the stored bids (columns from the declared fields, typed
/// editors), adding, correcting and removing bids with undo, importing bid files and writing the
/// bid form. Every change goes through ProjectDocument::apply, so the results follow live; the
/// page redraws whenever the document changes.
#include <string>
#include <vector>

#include <wx/panel.h>

#include "app/tender_project.hpp"

class wxButton;
class wxGrid;
class wxGridEvent;
class wxKeyEvent;
class wxMouseEvent;
class wxStaticText;

namespace tl::gui {

class ProjectDocument;
class BidsGridTable;

class BidsPanel : public wxPanel {
public:
    BidsPanel(wxWindow* parent, ProjectDocument& document);
    ~BidsPanel() override;

    /// Starts a new bid: an empty row at the end with the cursor on its bidder cell (the Add
    /// button, Insert). While another bid is being edited, goes to that one instead.
    void add_bid();
    /// Tries to record the bid being edited, as a cell commit does: refused values are marked in
    /// their cells with the reason and kept; a new bid waits until its required cells are filled.
    void commit_edit();
    /// Forgets what was typed into the bid being edited (Esc).
    void cancel_edit();
    /// Removes the bid in the cursor's row (Remove, Delete), after asking when `ask`; a bid being
    /// entered is discarded instead.
    void remove_selected(bool ask = true);
    /// Asks for bids files (CSV or filled-in .xlsx forms) and imports them (the Import button).
    void choose_and_import();
    /// Imports `paths` (UTF-8) all or nothing, offering to replace bidders' existing bids; a
    /// refusal lists every problem in a dialog unless `quiet`. Undoable. True when imported.
    bool import_files(const std::vector<std::string>& paths, bool quiet = false);
    /// Asks where to write the bid form (.xlsx) for the project's current rules and writes it.
    void choose_and_write_form();

    wxGrid& grid() { return *grid_; }
    BidsGridTable& table() { return *table_; }
    /// What the status line under the grid says now.
    wxString status_text() const;
    /// How many cell commits commit_edit() has handled (the self-test waits on it).
    int commits_handled() const { return commits_; }
    /// The outcome of the last import_files().
    const app::ChangeOutcome& last_import() const { return last_import_; }

private:
    void on_document_changed();
    void refresh_view();
    void size_columns();
    void freeze_bidder();
    void update_controls();
    void show_status_for(int row, int col);
    void set_message(const wxString& message);
    void select(int row, int col);
    void on_cell_changed(wxGridEvent& e);
    void on_editor_shown(wxGridEvent& e);
    void on_select_cell(wxGridEvent& e);
    void on_grid_key(wxKeyEvent& e);
    void on_grid_motion(wxMouseEvent& e);
    std::string new_submission_time() const;

    ProjectDocument& document_;
    BidsGridTable* table_ = nullptr;  ///< owned by the grid
    wxGrid* grid_ = nullptr;
    wxStaticText* empty_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxButton* add_ = nullptr;
    wxButton* remove_ = nullptr;
    wxButton* import_ = nullptr;
    wxButton* form_ = nullptr;
    wxString message_;  ///< the last action's outcome, shown under the cell hint
    wxString tooltip_;  ///< what the grid's tooltip shows now (set only when it changes)
    int wrapped_at_ = 0;  ///< the page width the status line was wrapped for
    bool committing_ = false;
    int commits_ = 0;
    app::ChangeOutcome last_import_;
};

}  // namespace tl::gui
