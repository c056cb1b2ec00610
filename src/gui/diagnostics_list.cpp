#include "gui/diagnostics_list.hpp"

#include <wx/filename.h>
#include <wx/intl.h>

#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

DiagnosticsList::DiagnosticsList(wxWindow* parent, std::function<void(int, int)> jump)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL),
      jump_(std::move(jump)) {
    AppendColumn(_("Severity"), wxLIST_FORMAT_LEFT, FromDIP(90));
    AppendColumn(_("Line"), wxLIST_FORMAT_RIGHT, FromDIP(110));
    AppendColumn(_("Message"), wxLIST_FORMAT_LEFT, FromDIP(520));
    Bind(wxEVT_LIST_ITEM_ACTIVATED, &DiagnosticsList::on_pick, this);
    Bind(wxEVT_LIST_ITEM_SELECTED, &DiagnosticsList::on_pick, this);
}

wxString DiagnosticsList::location_of(const Diagnostic& d) const {
    if (!d.pos.known()) return wxString();
    const wxString file = wxFileName(to_wx(d.pos.file)).GetFullName();
    return wxString::Format("%s:%d", file, d.pos.line);
}

void DiagnosticsList::show(const Diagnostics& diagnostics) {
    diagnostics_ = diagnostics;
    Freeze();
    DeleteAllItems();
    long row = 0;
    for (const Diagnostic& d : diagnostics_) {
        const wxString severity = d.severity == Severity::Error     ? _("error")
                                  : d.severity == Severity::Warning ? _("warning")
                                                                    : _("note");
        const long item = InsertItem(row, severity);
        SetItem(item, 1, location_of(d));
        // The libraries' messages are values, worded here in the UI language.
        SetItem(item, 2, to_wx(diagnostic_text(d, ui_translator())));
        SetItemTextColour(item, d.severity == Severity::Error ? wxColour(200, 0, 0) : wxColour(160, 100, 0));
        ++row;
    }
    if (diagnostics_.empty()) {
        InsertItem(0, wxString());
        SetItem(0, 2, _("No problems found."));
    }
    Thaw();
}

void DiagnosticsList::on_pick(wxListEvent& e) {
    const long row = e.GetIndex();
    if (row < 0 || row >= static_cast<long>(diagnostics_.size())) return;
    const Diagnostic& d = diagnostics_[static_cast<std::size_t>(row)];
    if (d.pos.known() && jump_) jump_(d.pos.line, d.pos.col);
}

}  // namespace tl::gui
