#pragma once
/// The main window: menu, a splitter with the criteria editor left and the results right, a
/// status bar. It lays out and forwards; the work is in the session, the panels and the exporter.
#include <functional>
#include <memory>

#include <wx/frame.h>

#include "gui/tender_session.hpp"
#include "gui/workbook_export.hpp"

namespace tl::gui {

class EditorPanel;
class ResultsPanel;

class MainFrame : public wxFrame {
public:
    MainFrame();

    /// Opens a rules file into the editor; false (with a message box unless `quiet`) on failure.
    bool open_rules(const wxString& path, bool quiet = false);
    /// Opens a bids CSV and re-evaluates.
    bool open_bids(const wxString& path, bool quiet = false);
    /// Writes the workbook of the current evaluation to `path` on a worker thread; `done(error)`
    /// runs on the UI thread afterwards.
    bool export_workbook(const wxString& path, WorkbookExporter::DoneFn done);

    EditorPanel& editor_panel() { return *editor_; }
    ResultsPanel& results_panel() { return *results_; }
    const TenderSession& session() const { return session_; }

private:
    void build_menu();
    void on_open_rules(wxCommandEvent& e);
    void on_open_bids(wxCommandEvent& e);
    void on_export(wxCommandEvent& e);
    void on_language_reference(wxCommandEvent& e);
    void on_about(wxCommandEvent& e);
    void on_checked(const CheckOutcome& outcome);

    TenderSession session_;
    WorkbookExporter exporter_;
    EditorPanel* editor_ = nullptr;
    ResultsPanel* results_ = nullptr;
};

}  // namespace tl::gui
