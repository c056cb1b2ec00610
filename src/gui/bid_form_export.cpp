#include "gui/bid_form_export.hpp"

#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

#include "app/output_guard.hpp"
#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"
#include "io/form/bid_form.hpp"

namespace tl::gui {

bool export_bid_form_dialog(wxWindow* parent, const CriteriaSet& rules, const std::string& near) {
    io::BidFormOptions options;
    if (!rules.tender.lots.empty()) {
        // One form per lot lets each supplier answer for the lot they bid on; "any lot" lets
        // them choose in the form.
        wxArrayString choices;
        choices.Add(_("Any lot (the bidder chooses)"));
        for (const Lot& l : rules.tender.lots) choices.Add(to_wx(l.id + (l.name.empty() ? "" : " - " + l.name)));
        wxSingleChoiceDialog ask(parent, _("Which lot is the form for?"), _("Export bid form"), choices);
        if (ask.ShowModal() != wxID_OK) return false;
        if (ask.GetSelection() > 0) options.lot = rules.tender.lots[static_cast<std::size_t>(ask.GetSelection() - 1)].id;
    }
    const wxFileName base(to_wx(near));
    const wxString suggested = base.GetName() + "-bid-form" + (options.lot.empty() ? "" : "-" + to_wx(options.lot)) + ".xlsx";
    wxFileDialog dialog(parent, _("Export bid form"), base.GetPath(), suggested, _("Excel workbooks (*.xlsx)|*.xlsx"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return false;
    wxFileName target(dialog.GetPath());
    if (target.GetExt().Lower() != "xlsx") target.SetExt("xlsx");
    // Never over the rules or the project it is made from, nor over a file that is not a workbook.
    app::OutputRequest output;
    output.path = from_wx(target.GetFullPath());
    output.writes = app::FileKind::Zip;
    output.inputs = {near};
    if (const app::ChangeOutcome checked = app::check_output(output); !checked.ok) {
        wxMessageBox(say(checked.summary_message), _("The bid form was not written"), wxOK | wxICON_ERROR, parent);
        return false;
    }
    Message error;
    if (!io::write_bid_form(rules, from_wx(target.GetFullPath()), options, error)) {
        wxMessageBox(say(error), _("The bid form was not written"), wxOK | wxICON_ERROR, parent);
        return false;
    }
    wxMessageDialog done(parent, wxString::Format(_("The bid form was written to\n%s"), target.GetFullPath()),
                         _("Export bid form"), wxYES_NO | wxCANCEL | wxICON_INFORMATION);
    done.SetYesNoCancelLabels(_("Open file"), _("Open folder"), _("Close"));
    const int answer = done.ShowModal();
    if (answer == wxID_YES) wxLaunchDefaultApplication(target.GetFullPath());
    else if (answer == wxID_NO) wxLaunchDefaultApplication(target.GetPath());
    return true;
}

}  // namespace tl::gui
