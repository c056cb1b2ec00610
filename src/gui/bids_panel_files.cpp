// The Bids page's file commands: importing bids files (CSV, filled-in bid forms) with undo, and
// writing the bid form.
#include <map>
#include <memory>
#include <utility>

#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

#include "gui/bid_form_export.hpp"
#include "gui/bids_grid_table.hpp"
#include "gui/bids_import_dialog.hpp"
#include "gui/bids_panel.hpp"
#include "gui/i18n.hpp"
#include "gui/project_document.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

using BidKey = std::pair<std::string, std::string>;  // bidder, lot

/// What an import changed, found by comparing the bids before and after: the bids it added and
/// the earlier state of those it replaced. Undoing removes the one and puts back the other.
struct ImportChanges {
    std::vector<BidKey> added;
    std::vector<app::BidEntry> replaced;
};

std::map<BidKey, app::BidEntry> entries_of(const BidsGridTable& table) {
    std::map<BidKey, app::BidEntry> out;
    for (const BidRow& r : table.rows()) out.emplace(BidKey{r.entry.bidder, r.entry.lot}, r.entry);
    return out;
}

bool same_entry(const app::BidEntry& a, const app::BidEntry& b) {
    return a.submitted == b.submitted && a.answers == b.answers;
}

wxString file_names(const std::vector<std::string>& paths) {
    wxArrayString names;
    for (const std::string& p : paths) names.Add(wxFileName(to_wx(p)).GetFullName());
    return wxJoin(names, ',', '\0');
}

}  // namespace

void BidsPanel::choose_and_import() {
    if (table_->state() != BidsGridTable::State::Bids) return;
    wxFileDialog dialog(this, _("Import bids"), wxFileName(to_wx(document_.project().path())).GetPath(), wxString(),
                        _("Bids files and bid forms (*.csv;*.xlsx)|*.csv;*.CSV;*.xlsx;*.XLSX|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST | wxFD_MULTIPLE);
    if (dialog.ShowModal() != wxID_OK) return;
    wxArrayString paths;
    dialog.GetPaths(paths);
    std::vector<std::string> files;
    for (const wxString& p : paths) files.push_back(from_wx(p));
    import_files(files);
}

bool BidsPanel::import_files(const std::vector<std::string>& paths, bool quiet) {
    if (table_->state() != BidsGridTable::State::Bids || paths.empty()) return false;
    if (grid_->IsCellEditControlShown()) grid_->DisableCellEditControl();
    wxBusyCursor busy;
    ProjectDocument* doc = &document_;
    const std::map<BidKey, app::BidEntry> before = entries_of(*table_);
    auto changes = std::make_shared<ImportChanges>();

    auto run = [&](bool replace) {
        UndoStep step;
        step.label = from_wx(wxString::Format(_("import of %s"), file_names(paths)));
        step.undo = [doc, changes] {
            app::TenderProject& p = doc->project();
            for (const BidKey& k : changes->added)
                if (app::ChangeOutcome out = p.remove_bid(k.first, k.second, "undo import"); !out.ok) return out;
            for (const app::BidEntry& e : changes->replaced)
                if (app::ChangeOutcome out = p.put_bid(e, true, "undo import"); !out.ok) return out;
            return app::ChangeOutcome{true, "undid the import", {}};
        };
        // Redo reads the files again, so the bids keep their files as their source.
        step.redo = [doc, paths, replace] { return doc->project().import_bid_files(paths, replace, "redo import"); };
        return document_.apply(
            nullptr, [&] { return doc->project().import_bid_files(paths, replace, "imported on the Bids page"); },
            std::move(step));
    };

    app::ChangeOutcome& out = last_import_;
    out = run(false);
    // The files were fine (no errors of theirs) but some bidders have bids already: the store
    // refuses those unless asked to replace them.
    if (!out.ok && !has_errors(out.problems) && out.refusal == app::Refusal::BidsExist && !quiet) {
        wxMessageDialog ask(this,
                            _("Some bidders in these files have bids in the project already. Replace their bids "
                              "with the ones in the files?"),
                            _("Import bids"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        ask.SetExtendedMessage(to_wx(summary_text(out)));
        ask.SetYesNoLabels(_("&Replace"), _("&Do not import"));
        if (ask.ShowModal() != wxID_YES) return false;
        out = run(true);
    }
    if (!out.ok) {
        message_ = _("Nothing was imported.");
        if (!quiet) {
            if (out.problems.empty())
                wxMessageBox(to_wx(summary_text(out)), _("Bids not imported"), wxOK | wxICON_WARNING, this);
            else
                BidsImportDialog(this, out).ShowModal();
        }
        show_status_for(grid_->GetGridCursorRow(), grid_->GetGridCursorCol());
        return false;
    }
    // The document has reloaded the table: compare to find what the undo must take back.
    for (const auto& [key, entry] : entries_of(*table_)) {
        const auto it = before.find(key);
        if (it == before.end())
            changes->added.push_back(key);
        else if (!same_entry(it->second, entry))
            changes->replaced.push_back(it->second);
    }
    message_ = wxString::Format(_("Imported %s: %d new bids, %d changed."), file_names(paths),
                                static_cast<int>(changes->added.size()), static_cast<int>(changes->replaced.size()));
    // Warnings (e.g. committee scores set aside) are worth a look even when the import went in.
    if (!quiet && !out.problems.empty()) BidsImportDialog(this, out).ShowModal();
    show_status_for(grid_->GetGridCursorRow(), grid_->GetGridCursorCol());
    return true;
}

void BidsPanel::choose_and_write_form() {
    if (table_->state() != BidsGridTable::State::Bids) return;
    const app::TenderProject& project = document_.project();
    if (export_bid_form_dialog(this, project.rules().rules, project.path()))
        set_message(_("The bid form was written; bidders fill it in and it is imported with Import bids."));
}

}  // namespace tl::gui
