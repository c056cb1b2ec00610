#include "gui/main_frame.hpp"

#include <wx/aboutdlg.h>
#include <wx/config.h>
#include <wx/filehistory.h>
#include <wx/filename.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>
#include <wx/bmpbndl.h>
#include <wx/iconbndl.h>

#include "app/data_paths.hpp"
#include "core/diagnostic.hpp"
#include "gui/bids_panel.hpp"
#include "gui/committee_panel.hpp"
#include "gui/editor_panel.hpp"
#include "gui/main_frame_ids.hpp"
#include "gui/results_panel.hpp"
#include "gui/rules_editor.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

MainFrame::MainFrame()
    : wxFrame(nullptr, wxID_ANY, _("TenderLoop"), wxDefaultPosition, wxSize(1280, 800)), exporter_(*this),
      history_(std::make_unique<wxFileHistory>(9, kIdRecentFirst)) {
    CreateStatusBar(2);
    const int widths[] = {-3, -2};
    SetStatusWidths(2, widths);

    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    book_ = new wxNotebook(split, wxID_ANY);
    editor_ = new EditorPanel(
        book_, session_, [this](std::shared_ptr<const Evaluation> ev) { results_->show(std::move(ev)); },
        [this](const CheckOutcome& outcome) { on_checked(outcome); });
    bids_ = new BidsPanel(book_, document_);
    committee_ = new CommitteePanel(book_, document_);
    book_->AddPage(editor_, _("Criteria"), true);
    book_->AddPage(bids_, _("Bids"));
    book_->AddPage(committee_, _("Committee"));
    results_ = new ResultsPanel(split);
    split->SetMinimumPaneSize(FromDIP(200));
    split->SetSashGravity(0.5);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(split, 1, wxEXPAND);
    SetSizer(sizer);
    Layout();  // the splitter gets its real width before the sash is placed
    split->SplitVertically(book_, results_, split->GetClientSize().x / 2);

    set_window_icon();
    build_menu();
    bind_commands();
    history_->Load(*wxConfig::Get());
    document_.subscribe([this] { on_document_changed(); });
    book_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGING, &MainFrame::on_page_changing, this);
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
    SetStatusText(_("Create a project (File > New project...) or open one, or open a rules file."), 0);
    update_menus();
}

MainFrame::~MainFrame() {
    session_.attach_project(nullptr);  // before the project it points to goes
    document_.close();
}

void MainFrame::set_window_icon() {
    // The app's icon (installer/tenderloop.svg), installed into the hicolor theme; from the
    // source tree when running from a build folder (app::program_data_paths).
    const app::DataPaths& data = app::program_data_paths();
    const wxString svg = to_wx(data.icon_file);
    if (!data.found() || !wxFileExists(svg)) return;
    const wxBitmapBundle bundle = wxBitmapBundle::FromSVGFile(svg, wxSize(64, 64));
    if (!bundle.IsOk()) return;
    wxIconBundle icons;
    for (int size : {16, 32, 48, 64, 128}) icons.AddIcon(bundle.GetIcon(wxSize(size, size)));
    SetIcons(icons);
}

void MainFrame::build_menu() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New project...\tCtrl+N"), _("Create a tender project from a criteria set"));
    file->Append(wxID_OPEN, _("&Open...\tCtrl+O"), _("Open a project (.tender) or a rules file (.crit)"));
    auto* recent = new wxMenu;
    file->AppendSubMenu(recent, _("Open &recent"));
    history_->UseMenu(recent);
    history_->AddFilesToMenu(recent);
    file->Append(wxID_SAVE, _("&Save\tCtrl+S"),
                 _("Record the edited criteria in the project (or save the rules file)"));
    file->Append(kIdSaveAsProject, _("Save as pro&ject...\tCtrl+Shift+S"),
                 _("Create a project from the rules (and bids) open now"));
    file->AppendSeparator();
    file->Append(kIdImportBids, _("&Import bids...\tCtrl+I"), _("Import bids CSV files or filled-in bid forms"));
    file->Append(kIdOpenBids, _("Open bids &CSV...\tCtrl+B"), _("Evaluate a bids CSV with the rules open (no project)"));
    file->AppendSeparator();
    file->Append(kIdExport, _("&Export workbook...\tCtrl+E"), _("Write the evaluation workbook (.xlsx)"));
    file->Append(kIdExportBidForm, _("Export bid &form...\tCtrl+Shift+E"),
                 _("Write the bid response form (.xlsx) for bidders to fill in"));
    file->AppendSeparator();
    file->Append(wxID_CLOSE, _("&Close project\tCtrl+W"), _("Close the project (every change is already saved)"));
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"), _("Quit TenderLoop"));

    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, _("&Undo\tCtrl+Z"), _("Undo the last change"));
    edit->Append(wxID_REDO, _("&Redo\tCtrl+Y"), _("Redo the change undone last"));
    edit->AppendSeparator();
    edit->Append(wxID_PREFERENCES, _("&Preferences...\tCtrl+,"), _("Language and the name written to the audit log"));

    auto* view = new wxMenu;
    view->Append(kIdViewCriteria, _("&Criteria\tCtrl+1"), _("Show the criteria editor"));
    view->Append(kIdViewBids, _("&Bids\tCtrl+2"), _("Show the bids"));
    view->Append(kIdViewCommittee, _("C&ommittee\tCtrl+3"), _("Show the committee's scoring"));
    view->Append(kIdViewResults, _("&Results\tCtrl+4"), _("Move the focus to the ranking"));

    auto* help = new wxMenu;
    help->Append(kIdLanguageReference, _("&Language reference\tF1"), _("Open the rule language reference"));
    help->Append(wxID_ABOUT, _("&About"), _("About TenderLoop"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
}

void MainFrame::bind_commands() {
    Bind(wxEVT_MENU, &MainFrame::on_new_project, this, wxID_NEW);
    Bind(wxEVT_MENU, &MainFrame::on_open, this, wxID_OPEN);
    Bind(wxEVT_MENU, &MainFrame::on_recent, this, kIdRecentFirst, kIdRecentFirst + 8);
    Bind(wxEVT_MENU, &MainFrame::on_save, this, wxID_SAVE);
    Bind(wxEVT_MENU, &MainFrame::on_save_as_project, this, kIdSaveAsProject);
    Bind(wxEVT_MENU, &MainFrame::on_import_bids, this, kIdImportBids);
    Bind(wxEVT_MENU, &MainFrame::on_open_bids, this, kIdOpenBids);
    Bind(wxEVT_MENU, &MainFrame::on_export, this, kIdExport);
    Bind(wxEVT_MENU, &MainFrame::on_export_bid_form, this, kIdExportBidForm);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { close_project(); }, wxID_CLOSE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::on_undo, this, wxID_UNDO);
    Bind(wxEVT_MENU, &MainFrame::on_redo, this, wxID_REDO);
    Bind(wxEVT_MENU, &MainFrame::on_preferences, this, wxID_PREFERENCES);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { show_page(Page::Criteria); }, kIdViewCriteria);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { show_page(Page::Bids); }, kIdViewBids);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { show_page(Page::Committee); }, kIdViewCommittee);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { results_->SetFocus(); }, kIdViewResults);
    Bind(wxEVT_MENU, &MainFrame::on_language_reference, this, kIdLanguageReference);
    Bind(wxEVT_MENU, &MainFrame::on_about, this, wxID_ABOUT);
}

void MainFrame::show_page(Page page) {
    book_->SetSelection(static_cast<size_t>(page));
    book_->GetCurrentPage()->SetFocus();
}

bool MainFrame::rules_modified() const {
    if (!document_.is_open()) return false;
    return editor_->editor().text_utf8() != document_.project().rules_version().text;
}

void MainFrame::update_title() {
    wxString name;
    if (document_.is_open()) name = wxFileName(to_wx(document_.project().path())).GetFullName();
    else if (!session_.rules_path().empty()) name = wxFileName(to_wx(session_.rules_path())).GetFullName();
    // A project on a read-only medium (or marked read-only) says so where the name is shown.
    if (document_.is_open() && document_.project().read_only()) name += " " + _("(read-only)");
    SetTitle(name.empty() ? _("TenderLoop") : (rules_modified() ? "*" : "") + name + " - " + _("TenderLoop"));
}

void MainFrame::update_menus() {
    wxMenuBar* bar = GetMenuBar();
    const bool project = document_.is_open();
    bar->Enable(kIdImportBids, project && !document_.project().read_only());
    bar->Enable(kIdOpenBids, !project);
    bar->Enable(kIdSaveAsProject, !project);
    bar->Enable(wxID_CLOSE, project);
    bar->Enable(kIdExportBidForm, project || session_.current());
    UndoStack& undo = document_.undo_stack();
    bar->SetLabel(wxID_UNDO, undo.can_undo() ? wxString::Format(_("&Undo %s\tCtrl+Z"), to_wx(undo.undo_label()))
                                             : _("&Undo\tCtrl+Z"));
    bar->SetLabel(wxID_REDO, undo.can_redo() ? wxString::Format(_("&Redo %s\tCtrl+Y"), to_wx(undo.redo_label()))
                                             : _("&Redo\tCtrl+Y"));
    book_->GetPage(static_cast<size_t>(Page::Bids))->Enable(project);
    book_->GetPage(static_cast<size_t>(Page::Committee))->Enable(project);
}

void MainFrame::remember(const wxString& path) {
    history_->AddFileToHistory(wxFileName(path).GetAbsolutePath());
    history_->Save(*wxConfig::Get());
    wxConfig::Get()->Flush();
}

void MainFrame::on_document_changed() {
    // New bids or committee scores: evaluate the editor's text against them again.
    if (document_.is_open()) editor_->check_now();
    update_title();
    update_menus();
}

void MainFrame::on_page_changing(wxBookCtrlEvent& e) {
    // Leaving the editor records the criteria, so that the bids and scores entered next are read
    // against the rules the user sees. Rules with errors stay in the editor (and say so).
    if (e.GetOldSelection() == static_cast<int>(Page::Criteria) && document_.is_open() && rules_modified())
        save_rules(false);
}

void MainFrame::on_close(wxCloseEvent& e) {
    if (e.CanVeto() && !close_project()) {
        e.Veto();
        return;
    }
    Destroy();
}

void MainFrame::on_checked(const CheckOutcome& outcome) {
    int errors = 0, warnings = 0;
    for (const Diagnostic& d : outcome.diagnostics) {
        errors += d.severity == Severity::Error ? 1 : 0;
        warnings += d.severity == Severity::Warning ? 1 : 0;
    }
    wxString text;
    if (errors > 0 && session_.current())
        text = wxString::Format(wxPLURAL("%d error: showing the last good ranking",
                                         "%d errors: showing the last good ranking", errors),
                                errors);
    else if (errors > 0) text = wxString::Format(wxPLURAL("%d error", "%d errors", errors), errors);
    else if (!session_.has_bids()) text = _("Rules OK. Open a bids file to see the ranking.");
    else if (session_.current() && session_.current()->provisional())
        text = _("PROVISIONAL ranking: consensus scores are missing.");
    else text = _("Rules OK, ranking updated.");
    if (warnings > 0) text += "; " + wxString::Format(wxPLURAL("%d warning", "%d warnings", warnings), warnings);
    if (rules_modified()) text += "; " + _("criteria not yet recorded (Ctrl+S)");
    SetStatusText(text, 1);
    update_title();
    update_menus();
}

}  // namespace tl::gui
