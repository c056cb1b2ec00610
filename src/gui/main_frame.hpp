#pragma once
/// The main window: menus, a notebook on the left (Criteria editor, Bids, Committee) and the
/// Results on the right, a status bar. It lays out and forwards; the work is in the project
/// (app/tender_project.hpp via ProjectDocument), the session, the panels and the exporters.
/// Project commands (new, open, close, import) are in main_frame_project.cpp, exports in
/// main_frame_export.cpp.
#include <functional>
#include <memory>

#include <wx/frame.h>

#include "gui/project_document.hpp"
#include "gui/tender_session.hpp"
#include "gui/workbook_export.hpp"

class wxFileHistory;
class wxNotebook;
class wxBookCtrlEvent;

namespace tl::gui {

class EditorPanel;
class ResultsPanel;
class BidsPanel;
class CommitteePanel;

class MainFrame : public wxFrame {
public:
    /// The pages of the left notebook, in order.
    enum class Page { Criteria = 0, Bids = 1, Committee = 2 };

    MainFrame();
    ~MainFrame() override;

    /// Opens a `.tender` project, or a rules file (`.crit`) into the editor without a project;
    /// false (with a message box unless `quiet`) on failure.
    bool open_path(const wxString& path, bool quiet = false);
    bool open_project(const wxString& path, bool quiet = false);
    bool open_rules(const wxString& path, bool quiet = false);
    /// Opens a bids CSV for rules opened without a project and re-evaluates.
    bool open_bids(const wxString& path, bool quiet = false);
    /// Creates a project at `path` from `rules_text` (named `source_name`) and opens it.
    bool create_project(const wxString& path, const wxString& title, const std::string& rules_text,
                        const std::string& source_name, bool quiet = false);
    /// Records the editor's rules as the project's new version when they changed and check.
    /// Returns false (and says why unless `quiet`) when they could not be recorded.
    bool save_rules(bool quiet = false);
    /// Closes the project (asks about rules that cannot be recorded); false when the user cancelled.
    bool close_project(bool force = false);

    /// Writes the workbook of the current evaluation to `path` on a worker thread, with a
    /// progress bar unless `quiet`; `done(error)` runs on the UI thread afterwards.
    bool export_workbook(const wxString& path, WorkbookExporter::DoneFn done, bool quiet = false);

    void show_page(Page page);
    EditorPanel& editor_panel() { return *editor_; }
    ResultsPanel& results_panel() { return *results_; }
    BidsPanel& bids_panel() { return *bids_; }
    CommitteePanel& committee_panel() { return *committee_; }
    ProjectDocument& document() { return document_; }
    const TenderSession& session() const { return session_; }
    /// Rules edited in the editor and not yet recorded in the project.
    bool rules_modified() const;

private:
    void set_window_icon();
    void build_menu();
    void bind_commands();
    void update_title();
    void update_menus();
    void remember(const wxString& path);
    void on_checked(const CheckOutcome& outcome);
    void on_document_changed();
    void on_page_changing(wxBookCtrlEvent& e);
    void on_close(wxCloseEvent& e);
    // main_frame_project.cpp
    void on_new_project(wxCommandEvent& e);
    void on_open(wxCommandEvent& e);
    void on_open_bids(wxCommandEvent& e);
    void on_save(wxCommandEvent& e);
    void on_save_as_project(wxCommandEvent& e);
    void on_import_bids(wxCommandEvent& e);
    void on_undo(wxCommandEvent& e);
    void on_redo(wxCommandEvent& e);
    void on_preferences(wxCommandEvent& e);
    void on_recent(wxCommandEvent& e);
    // main_frame_export.cpp
    void on_export(wxCommandEvent& e);
    void on_export_bid_form(wxCommandEvent& e);
    void after_export(const wxString& path, const std::string& error);
    void on_language_reference(wxCommandEvent& e);
    void on_about(wxCommandEvent& e);

    ProjectDocument document_;
    TenderSession session_;
    WorkbookExporter exporter_;
    std::unique_ptr<wxFileHistory> history_;
    wxNotebook* book_ = nullptr;
    EditorPanel* editor_ = nullptr;
    BidsPanel* bids_ = nullptr;
    CommitteePanel* committee_ = nullptr;
    ResultsPanel* results_ = nullptr;
};

}  // namespace tl::gui
