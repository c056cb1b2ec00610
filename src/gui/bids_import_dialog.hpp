#pragma once
/// The problems of a refused bids import, one per line of a list (severity, file, row, column,
/// field, problem) rather than a wall of text, so that an officer can work through a file.
#include <wx/dialog.h>

#include "app/tender_project.hpp"

class wxListCtrl;

namespace tl::gui {

/// One problem split into the columns the list shows.
struct ImportProblemRow {
    wxString severity, file, row, column, field, message;
};

/// Splits a reader's diagnostic ("row 3, column 5 (price): 'x' is not a number", or "sheet
/// 'Bid', cell G12 (price): ...") into its place, field and message.
ImportProblemRow import_problem_row(const Diagnostic& d);

class BidsImportDialog : public wxDialog {
public:
    BidsImportDialog(wxWindow* parent, const app::ChangeOutcome& outcome);
    /// The list, for the self-test.
    wxListCtrl& list() { return *list_; }

private:
    wxListCtrl* list_ = nullptr;
};

}  // namespace tl::gui
