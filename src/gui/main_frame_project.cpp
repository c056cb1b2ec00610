// The main window's project commands: New (wizard), Open (projects and rule files), Open recent,
// Save (records the edited criteria as a rules version), Save as project, Import bids, Close,
// Undo/Redo, Preferences.
#include <wx/file.h>
#include <wx/filedlg.h>
#include <wx/filehistory.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/stc/stc.h>

#include "app/output_guard.hpp"
#include "app/save_file.hpp"
#include "gui/rules_correction_dialog.hpp"
#include "gui/bids_panel.hpp"
#include "gui/project_document.hpp"
#include "gui/editor_panel.hpp"
#include "gui/main_frame.hpp"
#include "gui/main_frame_ids.hpp"
#include "gui/new_project_wizard.hpp"
#include "gui/preferences.hpp"
#include "gui/results_panel.hpp"
#include "gui/rules_editor.hpp"
#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"
#include "core/input_file.hpp"
#include "store/errors.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace tl::gui {

bool MainFrame::open_path(const wxString& path, bool quiet) {
    return wxFileName(path).GetExt().Lower() == "tender" ? open_project(path, quiet) : open_rules(path, quiet);
}

bool MainFrame::open_project(const wxString& path, bool quiet) {
    if (!close_project()) return false;
    try {
        app::TenderProject project =
            app::TenderProject::open(from_wx(path), Preferences::load().audit_user(), TL_VERSION);
        document_.set(std::move(project));
    } catch (const store::StoreError& e) {
        if (!quiet) wxMessageBox(say(e.message()), _("Cannot open the project"), wxOK | wxICON_ERROR, this);
        return false;
    }
    session_.attach_project(&document_.project());
    editor_->load_text(document_.project().rules_version().text);
    editor_->editor().EmptyUndoBuffer();  // the loaded text is the start, not an edit
    remember(path);
    const store::Project& file = document_.project().store();
    if (file.read_only())  // said first, where the status bar does not cut it off
        SetStatusText(wxString::Format(_("Read-only (%s), nothing is recorded: project %s, rules version %d, %zu bids"),
                                       say(file.read_only_reason()), wxFileName(path).GetFullName(),
                                       document_.project().rules_version().version, file.bids().size()),
                      0);
    else
        SetStatusText(wxString::Format(_("Project %s: rules version %d, %zu bids"), wxFileName(path).GetFullName(),
                                       document_.project().rules_version().version, file.bids().size()),
                      0);
    // Data edited outside TenderLoop: every change would be refused, so say it now, not at the
    // officer's first click.
    if (const auto changed = file.changed_outside()) {
        SetStatusText(_("Changed outside TenderLoop: nothing can be recorded in this project"), 0);
        if (!quiet) wxMessageBox(say(*changed), _("Project changed outside TenderLoop"), wxOK | wxICON_WARNING, this);
    }
    update_title();
    update_menus();
    return true;
}

bool MainFrame::open_rules(const wxString& path, bool quiet) {
    InputFile file = read_input_file(from_wx(path), InputKind::Rules);
    if (!file.ok()) {
        if (!quiet) wxMessageBox(say(*file.error), _("Cannot open the rules"), wxOK | wxICON_ERROR, this);
        return false;
    }
    const std::string& text = file.bytes;
    if (!close_project()) return false;
    session_.set_rules_path(from_wx(path));
    editor_->load_text(text);
    editor_->editor().EmptyUndoBuffer();
    editor_->editor().SetSavePoint();
    remember(path);
    SetStatusText(wxString::Format(_("Rules: %s"), wxFileName(path).GetFullName()), 0);
    update_title();
    update_menus();
    return true;
}

bool MainFrame::open_bids(const wxString& path, bool quiet) {
    // A project keeps its own bids: a bids file given with it is imported (with the import's
    // problem list), never shown beside the project as if it were the project's.
    if (document_.is_open()) {
        show_page(Page::Bids);
        return bids_->import_files({from_wx(path)}, quiet);
    }
    std::string error;
    if (!session_.open_bids(from_wx(path), &error)) {
        if (!quiet) wxMessageBox(to_wx(error), _("Cannot open the bids"), wxOK | wxICON_ERROR, this);
        return false;
    }
    SetStatusText(wxString::Format(_("Rules: %s; bids: %s"), wxFileName(to_wx(session_.rules_path())).GetFullName(),
                                   wxFileName(path).GetFullName()),
                  0);
    editor_->check_now();
    update_menus();
    return true;
}

bool MainFrame::create_project(const wxString& path, const wxString& title, const std::string& rules_text,
                               const std::string& source_name, bool quiet) {
    const wxFileName target(path);
    const bool replacing = target.FileExists();
    if (replacing) {
        if (document_.is_open() && wxFileName(to_wx(document_.project().path())).SameAs(target)) {
            if (!quiet) wxMessageBox(wxString::Format(_("%s is the project open now; choose another file."), path),
                                     _("New project"), wxOK | wxICON_WARNING, this);
            return false;
        }
        // Never the rules or bids file open now, nor a file that is not a project (a project is
        // replaced after the question below).
        app::OutputRequest output;
        output.path = from_wx(path);
        output.writes = app::FileKind::Sqlite;
        output.inputs = {session_.rules_path(), session_.bids_path()};
        if (const app::ChangeOutcome checked = app::check_output(output); !checked.ok) {
            if (!quiet) show_refusal(this, checked);
            return false;
        }
        // Asked here whatever way the name was chosen (typed, suggested or picked).
        if (quiet || wxMessageBox(wxString::Format(_("%s exists. Replace it with the new project? Its rules, bids, "
                                                     "committee records and audit log will be gone."),
                                                   path),
                                  _("New project"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES)
            return false;
    }
    if (!close_project()) return false;
    // The new project is built aside and put in the old one's place only when complete, so that
    // rules with errors or a full disk leave the existing file as it was (tl_app does that).
    app::NewProjectRequest request;
    request.path = from_wx(path);
    request.title = from_wx(title);
    request.rules_text = rules_text;
    request.rules_source_name = source_name;
    request.reason = "new project";
    request.replace_existing = replacing;
    app::ChangeOutcome outcome;
    auto project = app::TenderProject::create(request, Preferences::load().audit_user(), TL_VERSION, outcome);
    if (!project) {
        if (!quiet) show_refusal(this, outcome);
        return false;
    }
    project.reset();  // closed: now it is opened the normal way (checks, recent files)
    return open_project(path, quiet);
}

bool MainFrame::save_rules(bool quiet) {
    const std::string text = editor_->editor().text_utf8();
    if (!document_.is_open()) {
        // A rules file opened on its own: write it back.
        const wxString path = to_wx(session_.rules_path());
        if (path.empty() || !app::save_file(session_.rules_path(), text).ok) {
            if (!quiet) wxMessageBox(wxString::Format(_("Cannot write %s."), path), _("Save"), wxOK | wxICON_ERROR, this);
            return false;
        }
        editor_->editor().SetSavePoint();
        SetStatusText(wxString::Format(_("Saved %s"), path), 0);
        return true;
    }
    if (!rules_modified()) return true;
    const std::string source = document_.project().rules_version().source_name;
    app::ChangeOutcome out =
        document_.apply(nullptr, [&] { return document_.project().set_rules(text, source, "edited in TenderLoop"); });
    if (out.refusal == app::Refusal::RulesFrozen && !quiet) {
        // Bids are in: the edit is recorded only as a correction of an error, with its reason.
        std::string reason;
        if (!ask_rules_correction(this, out, reason)) {
            update_title();
            return false;
        }
        out = document_.apply(this, [&] { return document_.project().set_rules(text, source, reason, "", true); });
    } else if (!out.ok && !quiet) {
        show_refusal(this, out);
    }
    if (out.ok) {
        SetStatusText(to_wx(summary_text(out)), 0);
        session_.attach_project(&document_.project());
        editor_->check_now();
    }
    update_title();
    return out.ok;
}

bool MainFrame::close_project(bool force) {
    if (!document_.is_open()) {
        // A rules file opened on its own: its edits are the user's only copy.
        if (force || !editor_->editor().GetModify()) return true;
        wxMessageDialog ask(this,
                            wxString::Format(_("Save the changes to %s?"),
                                             wxFileName(to_wx(session_.rules_path())).GetFullName()),
                            _("Close"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
        ask.SetYesNoCancelLabels(_("Save"), _("Discard the changes"), _("Cancel"));
        const int answer = ask.ShowModal();
        if (answer == wxID_YES) return save_rules();
        return answer == wxID_NO;
    }
    if (rules_modified() && !force) {
        if (!save_rules(true)) {
            wxMessageDialog ask(this,
                                _("The criteria in the editor have problems and cannot be recorded in the project. "
                                  "Close anyway and lose these edits?"),
                                _("Close project"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
            ask.SetYesNoLabels(_("Close and lose the edits"), _("Keep editing"));
            if (ask.ShowModal() != wxID_YES) return false;
        }
    }
    session_.attach_project(nullptr);
    document_.close();
    editor_->load_text("");
    editor_->editor().SetSavePoint();
    results_->show(nullptr);
    update_title();
    update_menus();
    return true;
}

void MainFrame::on_new_project(wxCommandEvent&) {
    NewProjectChoice choice;
    if (!run_new_project_wizard(this, choice)) return;
    if (create_project(choice.path, choice.title, choice.rules_text, choice.source_name)) show_page(Page::Criteria);
}

void MainFrame::on_open(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Open"), wxString(), wxString(),
                        _("Projects and rules (*.tender;*.crit)|*.tender;*.crit|Projects (*.tender)|*.tender|"
                          "Rule files (*.crit)|*.crit|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) open_path(dialog.GetPath());
}

void MainFrame::on_recent(wxCommandEvent& e) {
    const wxString path = history_->GetHistoryFile(static_cast<size_t>(e.GetId() - kIdRecentFirst));
    if (!wxFileExists(path)) {
        wxMessageBox(wxString::Format(_("%s no longer exists."), path), _("Open recent"), wxOK | wxICON_WARNING, this);
        history_->RemoveFileFromHistory(static_cast<size_t>(e.GetId() - kIdRecentFirst));
        return;
    }
    open_path(path);
}

void MainFrame::on_open_bids(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Open bids"), wxString(), wxString(), _("Bids (*.csv)|*.csv|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) open_bids(dialog.GetPath());
}

void MainFrame::on_save(wxCommandEvent&) {
    if (save_rules()) update_title();
}

void MainFrame::on_save_as_project(wxCommandEvent&) {
    const wxFileName rules(to_wx(session_.rules_path()));
    wxFileDialog dialog(this, _("Save as project"), rules.GetPath(), rules.GetName() + ".tender",
                        _("TenderLoop projects (*.tender)|*.tender"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    wxFileName target(dialog.GetPath());
    if (target.GetExt().Lower() != "tender") target.SetExt("tender");
    const std::string bids = session_.bids_path();
    editor_->editor().SetSavePoint();  // the text goes into the project, not back to its file
    if (!create_project(target.GetFullPath(), wxString(), editor_->editor().text_utf8(),
                        from_wx(rules.GetFullName())))
        return;
    if (!bids.empty())
        document_.apply(this, [&] { return document_.project().import_bid_files({bids}, false, "bids of the rules file"); });
}

void MainFrame::on_import_bids(wxCommandEvent&) {
    if (!document_.is_open()) return;
    if (rules_modified() && !save_rules()) return;
    show_page(Page::Bids);
    bids_->choose_and_import();  // the Bids page's import: problem list, replace question, undo
}

void MainFrame::on_undo(wxCommandEvent&) {
    // In the editor, Ctrl+Z undoes typing; elsewhere it undoes the last project change.
    if (book_->GetSelection() == static_cast<int>(Page::Criteria) && editor_->editor().CanUndo()) {
        editor_->editor().Undo();
        return;
    }
    if (!document_.undo_stack().can_undo()) return;
    const app::ChangeOutcome out = document_.undo_stack().undo();
    if (!out.ok) show_refusal(this, out);
    document_.refresh();
}

void MainFrame::on_redo(wxCommandEvent&) {
    if (book_->GetSelection() == static_cast<int>(Page::Criteria) && editor_->editor().CanRedo()) {
        editor_->editor().Redo();
        return;
    }
    if (!document_.undo_stack().can_redo()) return;
    const app::ChangeOutcome out = document_.undo_stack().redo();
    if (!out.ok) show_refusal(this, out);
    document_.refresh();
}

void MainFrame::on_preferences(wxCommandEvent&) {
    Preferences prefs = Preferences::load();
    if (!edit_preferences(this, prefs)) return;
    if (document_.is_open()) document_.project().set_user(prefs.audit_user());
}

}  // namespace tl::gui
