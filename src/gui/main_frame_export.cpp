// The main window's exports (the evaluation workbook with a progress bar and "Open file" /
// "Open folder" afterwards; the bid form) and the Help menu.
#include <wx/aboutdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/utils.h>

#include "app/data_paths.hpp"
#include "app/output_guard.hpp"
#include "app/project_export.hpp"
#include "core/atomic_file.hpp"
#include "gui/bid_form_export.hpp"
#include "gui/editor_panel.hpp"
#include "gui/i18n.hpp"
#include "gui/main_frame.hpp"
#include "gui/wx_text.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace tl::gui {

namespace {

/// The missing consensus scores, one per line, for the message that refuses an export.
wxString missing_lines(const app::ProjectEvaluation& ev) {
    wxString text;
    std::size_t shown = 0;
    for (const auto& m : ev.missing) {
        if (++shown > 12) {
            text += wxString::Format(_("\n... and %zu more"), ev.missing.size() - 12);
            break;
        }
        text += "\n" + to_wx(m.criterion) + ": " + to_wx(m.bid.bidder) + (m.bid.lot.empty() ? "" : " (" + to_wx(m.bid.lot) + ")");
    }
    return text;
}

}  // namespace

bool MainFrame::export_workbook(const wxString& path, WorkbookExporter::DoneFn done, bool quiet) {
    const auto current = session_.current();
    if (!current || current->provisional()) return false;
    io::ExportInfo info = current->project ? document_.project().export_info(*current->project, TL_VERSION)
                                           : WorkbookExporter::file_export_info(*current);
    // A project's workbook is written to a temporary, recorded, and only then put in place (as
    // app::export_workbook does for the CLI): a record the log refuses leaves no workbook behind.
    std::shared_ptr<AtomicFile> staged;
    if (current->project) {
        try {
            staged = std::make_shared<AtomicFile>(from_wx(path));
        } catch (const AtomicFileError& e) {
            done(from_wx(say(e.message())));
            return true;
        }
    }
    std::shared_ptr<wxProgressDialog> progress;
    if (!quiet)
        progress = std::make_shared<wxProgressDialog>(
            _("Export workbook"), wxString::Format(_("Writing %s..."), wxFileName(path).GetFullName()), 100, this,
            wxPD_APP_MODAL | wxPD_AUTO_HIDE | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME);
    SetStatusText(wxString::Format(_("Writing %s..."), path), 0);
    const bool started = exporter_.start(
        current, std::move(info), staged ? staged->temp_path() : from_wx(path),
        [progress](double fraction) { return !progress || progress->Update(static_cast<int>(fraction * 99)); },
        [this, path, done, progress, current, staged](const std::string& error) {
            if (progress) progress->Hide();
            std::string failure = error;
            // A project records the workbook (its SHA-256 and the audit head printed in it).
            std::string not_recorded;  // a read-only project: written, and said so
            if (failure.empty() && staged) {
                if (!document_.is_open()) {
                    failure = from_wx(_("The project was closed during the export; the workbook was not written."));
                } else {
                    const app::ChangeOutcome recorded =
                        document_.project().record_export(*current->project, from_wx(path), "", staged->temp_path());
                    if (!recorded.ok) failure = summary_text(recorded);
                    else if (recorded.not_recorded) not_recorded = from_wx(say(recorded.summary_message));
                }
                if (failure.empty()) {
                    try {
                        staged->commit();
                    } catch (const AtomicFileError& e) {
                        failure = from_wx(say(app::export_not_placed(from_wx(path), e.message())));
                    }
                } else {
                    staged->discard();
                }
            }
            SetStatusText(failure.empty() ? wxString::Format(_("Wrote %s"), path) +
                                                (not_recorded.empty() ? wxString() : "; " + to_wx(not_recorded))
                                          : _("The workbook was not written."),
                          0);
            done(failure);
        });
    return started;
}

void MainFrame::on_export(wxCommandEvent&) {
    if (document_.is_open() && rules_modified() && !save_rules()) return;
    editor_->check_now();  // the evaluation of the text as it is now, not of the last pause
    const auto current = session_.current();
    if (!current) {
        wxMessageBox(_("There is nothing to export yet: the rules must check and there must be bids."),
                     _("Export workbook"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    if (current->provisional()) {
        wxMessageBox(_("The ranking is provisional: the committee's consensus is missing for") +
                         missing_lines(*current->project) +
                         _("\n\nRecord them on the Committee page; the workbook can then be exported."),
                     _("Export workbook"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    const wxFileName base(to_wx(document_.is_open() ? document_.project().path() : current->rules_path));
    wxFileDialog dialog(this, _("Export workbook"), base.GetPath(), base.GetName() + "-evaluation.xlsx",
                        _("Excel workbooks (*.xlsx)|*.xlsx"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    wxFileName target(dialog.GetPath());
    if (target.GetExt().Lower() != "xlsx") target.SetExt("xlsx");
    const wxString path = target.GetFullPath();
    // Never over the project, the rules or the bids evaluated, nor over a file that is not a workbook.
    app::OutputRequest output;
    output.path = from_wx(path);
    output.writes = app::FileKind::Zip;
    output.inputs = document_.is_open() ? std::vector<std::string>{document_.project().path()}
                                        : std::vector<std::string>{current->rules_path, current->bids_path};
    if (const app::ChangeOutcome checked = app::check_output(output); !checked.ok) {
        show_refusal(this, checked);
        return;
    }
    if (!export_workbook(path, [this, path](const std::string& error) { after_export(path, error); }))
        wxMessageBox(_("An export is still running."), _("Export workbook"), wxOK | wxICON_INFORMATION, this);
}

void MainFrame::after_export(const wxString& path, const std::string& error) {
    if (!error.empty()) {
        wxMessageBox(to_wx(error), _("The workbook was not written"), wxOK | wxICON_ERROR, this);
        return;
    }
    wxMessageDialog done(this, wxString::Format(_("The workbook was written to\n%s"), path), _("Export workbook"),
                         wxYES_NO | wxCANCEL | wxICON_INFORMATION);
    done.SetYesNoCancelLabels(_("Open file"), _("Open folder"), _("Close"));
    const int answer = done.ShowModal();
    if (answer == wxID_YES) wxLaunchDefaultApplication(path);
    else if (answer == wxID_NO) wxLaunchDefaultApplication(wxFileName(path).GetPath());
}

void MainFrame::on_export_bid_form(wxCommandEvent&) {
    if (document_.is_open()) {
        if (rules_modified() && !save_rules()) return;
        const auto& rules = document_.project().rules();
        if (!rules.ok()) return;
        export_bid_form_dialog(this, rules.rules, document_.project().path());
    } else if (const auto current = session_.current()) {
        export_bid_form_dialog(this, current->rules, current->rules_path);
    }
}

void MainFrame::on_language_reference(wxCommandEvent&) {
    // <prefix>/share/doc/tenderloop, or the source tree's docs/ from a build folder.
    const app::DataPaths& data = app::program_data_paths();
    const wxString doc = to_wx(data.language_reference());
    if (data.found() && wxFileExists(doc)) {
        wxLaunchDefaultApplication(doc);
        return;
    }
    wxMessageBox(_("The language reference (LANGUAGE.md) was not found.") + "\n\n" +
                     to_wx(data.found() ? data.language_reference() : data.error),
                 _("Language reference"), wxOK | wxICON_WARNING, this);
}

void MainFrame::on_about(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName(_("TenderLoop"));
    info.SetVersion(TL_VERSION);
    info.SetDescription(_("Award criteria, bid scoring and evaluation workbooks for circular public procurement."));
    wxAboutBox(info, this);
}

}  // namespace tl::gui
