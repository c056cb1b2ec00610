#include "gui/bids_import_dialog.hpp"

#include <algorithm>

#include <wx/button.h>
#include <wx/filename.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

/// "G12" -> column "G", row "12"; false when `ref` is not a cell reference.
bool split_cell_ref(const std::string& ref, std::string& column, std::string& row) {
    std::size_t i = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') ++i;
    if (i == 0 || i == ref.size()) return false;
    for (std::size_t j = i; j < ref.size(); ++j)
        if (ref[j] < '0' || ref[j] > '9') return false;
    column = ref.substr(0, i);
    row = ref.substr(i);
    return true;
}

}  // namespace

ImportProblemRow import_problem_row(const Diagnostic& d) {
    ImportProblemRow out;
    out.severity = d.severity == Severity::Error ? _("error") : d.severity == Severity::Warning ? _("warning") : _("note");
    out.file = wxFileName(to_wx(d.pos.file)).GetFullName();
    if (d.pos.line > 0) out.row = wxString::Format("%d", d.pos.line);
    if (d.pos.col > 0) out.column = wxString::Format("%d", d.pos.col);
    // Both readers give the place as values: the field (or the column's name as the header has
    // it, for a column the rules do not know), and a bid form's cell ("G12").
    out.field = to_wx(d.pos.field);
    if (out.field.empty())
        if (const MessageArg* column = d.what.arg("column"); column && column->kind == MessageArg::Kind::Text)
            out.field = to_wx(column->text);
    if (!d.pos.cell.empty() && out.row.empty()) {
        std::string column, row;
        if (split_cell_ref(d.pos.cell, column, row)) {
            out.row = to_wx(row);
            out.column = to_wx(column);
        }
    }
    // The list shows the place in its own columns: the problem without it (the nested `problem`).
    const MessageArg* inner = d.what.arg("problem");
    out.message = to_wx(inner && inner->nested ? word(*inner->nested, ui_translator()) : diagnostic_text(d, ui_translator()));
    return out;
}

BidsImportDialog::BidsImportDialog(wxWindow* parent, const app::ChangeOutcome& outcome)
    : wxDialog(parent, wxID_ANY, outcome.ok ? _("Bids imported") : _("Bids not imported"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(900, 320)), wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("Severity"), wxLIST_FORMAT_LEFT, FromDIP(70));
    list_->AppendColumn(_("File"), wxLIST_FORMAT_LEFT, FromDIP(150));
    list_->AppendColumn(_("Row"), wxLIST_FORMAT_RIGHT, FromDIP(50));
    list_->AppendColumn(_("Column"), wxLIST_FORMAT_RIGHT, FromDIP(60));
    list_->AppendColumn(_("Field"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn(_("Problem"), wxLIST_FORMAT_LEFT, FromDIP(440));
    long index = 0;
    for (const Diagnostic& d : outcome.problems) {
        const ImportProblemRow r = import_problem_row(d);
        const long item = list_->InsertItem(index++, r.severity);
        list_->SetItem(item, 1, r.file);
        list_->SetItem(item, 2, r.row);
        list_->SetItem(item, 3, r.column);
        list_->SetItem(item, 4, r.field);
        list_->SetItem(item, 5, r.message);
    }
    // Wide enough for what the files hold and for the (translated) headers.
    for (int c = 0; c < list_->GetColumnCount(); ++c) {
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE);
        const int content = list_->GetColumnWidth(c);
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
        list_->SetColumnWidth(c, std::max(content, list_->GetColumnWidth(c)) + FromDIP(8));
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(8);
    // No summary line: the list is its detail, and the summary is English.
    const wxString advice = outcome.ok ? _("The bids were imported; look at these remarks.")
                                       : _("Nothing was imported. Correct these problems in the files and import them again.");
    sizer->Add(new wxStaticText(this, wxID_ANY, advice), 0, wxALL, gap);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(CreateButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, gap);
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);
    SetAffirmativeId(wxID_CLOSE);
}

}  // namespace tl::gui
