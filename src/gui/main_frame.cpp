#include "gui/main_frame.hpp"

#include <wx/aboutdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include "core/diagnostic.hpp"
#include "gui/editor_panel.hpp"
#include "gui/results_panel.hpp"
#include "gui/wx_text.hpp"
#include "io/read_file.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif
#ifndef TL_DOC_INSTALL_DIR
#define TL_DOC_INSTALL_DIR "/usr/local/share/doc/tenderloop"
#endif
#ifndef TL_SOURCE_DOC_DIR
#define TL_SOURCE_DOC_DIR ""
#endif

namespace tl::gui {

namespace {
enum MenuId { kIdOpenBids = wxID_HIGHEST + 1, kIdExport, kIdLanguageReference };
}

MainFrame::MainFrame()
    : wxFrame(nullptr, wxID_ANY, _("TenderLoop"), wxDefaultPosition, wxSize(1280, 800)), exporter_(*this) {
    build_menu();
    CreateStatusBar(2);
    const int widths[] = {-1, -1};
    SetStatusWidths(2, widths);

    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    editor_ = new EditorPanel(
        split, session_, [this](std::shared_ptr<const Evaluation> ev) { results_->show(std::move(ev)); },
        [this](const CheckOutcome& outcome) { on_checked(outcome); });
    results_ = new ResultsPanel(split);
    split->SetMinimumPaneSize(FromDIP(200));
    split->SetSashGravity(0.4);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(split, 1, wxEXPAND);
    SetSizer(sizer);
    Layout();  // the splitter gets its real width before the sash is placed
    split->SplitVertically(editor_, results_, split->GetClientSize().x * 40 / 100);
    SetStatusText(_("Open a rules file (File > Open rules...) and a bids file to see the ranking."), 0);
}

void MainFrame::build_menu() {
    auto* file = new wxMenu;
    file->Append(wxID_OPEN, _("&Open rules...\tCtrl+O"), _("Open a rules file (.crit) in the editor"));
    file->Append(kIdOpenBids, _("Open &bids...\tCtrl+B"), _("Open the bids (.csv) to evaluate"));
    file->Append(kIdExport, _("&Export workbook...\tCtrl+E"), _("Write the evaluation workbook (.xlsx)"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"), _("Quit TenderLoop"));
    auto* help = new wxMenu;
    help->Append(kIdLanguageReference, _("&Language reference\tF1"), _("Open the rule language reference"));
    help->Append(wxID_ABOUT, _("&About"), _("About TenderLoop"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, &MainFrame::on_open_rules, this, wxID_OPEN);
    Bind(wxEVT_MENU, &MainFrame::on_open_bids, this, kIdOpenBids);
    Bind(wxEVT_MENU, &MainFrame::on_export, this, kIdExport);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::on_language_reference, this, kIdLanguageReference);
    Bind(wxEVT_MENU, &MainFrame::on_about, this, wxID_ABOUT);
}

bool MainFrame::open_rules(const wxString& path, bool quiet) {
    std::string error;
    const std::string text = read_file_utf8(from_wx(path), &error);
    if (!error.empty()) {
        if (!quiet) wxMessageBox(to_wx(error), _("Cannot open the rules"), wxOK | wxICON_ERROR, this);
        return false;
    }
    session_.set_rules_path(from_wx(path));
    SetTitle(wxFileName(path).GetFullName() + " - " + _("TenderLoop"));
    SetStatusText(wxString::Format(_("Rules: %s"), wxFileName(path).GetFullName()), 0);
    editor_->load_text(text);
    return true;
}

bool MainFrame::open_bids(const wxString& path, bool quiet) {
    std::string error;
    if (!session_.open_bids(from_wx(path), &error)) {
        if (!quiet) wxMessageBox(to_wx(error), _("Cannot open the bids"), wxOK | wxICON_ERROR, this);
        return false;
    }
    SetStatusText(wxString::Format(_("Rules: %s; bids: %s"), wxFileName(to_wx(session_.rules_path())).GetFullName(),
                                   wxFileName(path).GetFullName()),
                  0);
    editor_->check_now();
    return true;
}

void MainFrame::on_open_rules(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Open rules"), wxString(), wxString(), _("Rule files (*.crit)|*.crit|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) open_rules(dialog.GetPath());
}

void MainFrame::on_open_bids(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Open bids"), wxString(), wxString(), _("Bids (*.csv)|*.csv|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) open_bids(dialog.GetPath());
}

bool MainFrame::export_workbook(const wxString& path, WorkbookExporter::DoneFn done) {
    if (!session_.current()) return false;
    wxBeginBusyCursor();
    SetStatusText(wxString::Format(_("Writing %s..."), path), 0);
    const bool started = exporter_.start(session_.current(), from_wx(path), [this, path, done](const std::string& error) {
        wxEndBusyCursor();
        SetStatusText(error.empty() ? wxString::Format(_("Wrote %s"), path) : _("The workbook was not written."), 0);
        done(error);
    });
    if (!started) wxEndBusyCursor();
    return started;
}

void MainFrame::on_export(wxCommandEvent&) {
    const auto current = session_.current();
    if (!current) {
        wxMessageBox(_("There is nothing to export yet: open rules without errors and a bids file first."),
                     _("Export workbook"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    const wxFileName rules(to_wx(current->rules_path));
    wxFileDialog dialog(this, _("Export workbook"), rules.GetPath(), rules.GetName() + "-evaluation.xlsx",
                        _("Excel workbooks (*.xlsx)|*.xlsx"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    wxFileName target(dialog.GetPath());
    if (target.GetExt().Lower() != "xlsx") target.SetExt("xlsx");
    const wxString path = target.GetFullPath();
    const bool started = export_workbook(path, [this, target](const std::string& error) {
        if (!error.empty()) {
            wxMessageBox(to_wx(error), _("The workbook was not written"), wxOK | wxICON_ERROR, this);
            return;
        }
        wxMessageDialog done(this, wxString::Format(_("The workbook was written to\n%s"), target.GetFullPath()),
                             _("Export workbook"), wxYES_NO | wxICON_INFORMATION);
        done.SetYesNoLabels(_("Open folder"), _("Close"));
        if (done.ShowModal() == wxID_YES) wxLaunchDefaultApplication(target.GetPath());
    });
    if (!started) wxMessageBox(_("An export is still running."), _("Export workbook"), wxOK | wxICON_INFORMATION, this);
}

void MainFrame::on_language_reference(wxCommandEvent&) {
    const wxString exe_dir = wxFileName(wxStandardPaths::Get().GetExecutablePath()).GetPath();
    for (const wxString& dir : {exe_dir + "/../share/doc/tenderloop", wxString(TL_DOC_INSTALL_DIR),
                                wxString(TL_SOURCE_DOC_DIR)}) {
        const wxFileName doc(dir, "LANGUAGE.md");
        if (!dir.empty() && doc.FileExists()) {
            wxLaunchDefaultApplication(doc.GetFullPath());
            return;
        }
    }
    wxMessageBox(_("The language reference (LANGUAGE.md) was not found."), _("Language reference"),
                 wxOK | wxICON_WARNING, this);
}

void MainFrame::on_about(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName(_("TenderLoop"));
    info.SetVersion(TL_VERSION);
    info.SetDescription(_("Award criteria, bid scoring and evaluation workbooks for circular public procurement."));
    wxAboutBox(info, this);
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
    else text = _("Rules OK, ranking updated.");
    if (warnings > 0) text += "; " + wxString::Format(wxPLURAL("%d warning", "%d warnings", warnings), warnings);
    SetStatusText(text, 1);
}

}  // namespace tl::gui
