#include "gui/project_document.hpp"

#include <utility>

#include <wx/msgdlg.h>

#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

void ProjectDocument::set(app::TenderProject project) {
    project_.emplace(std::move(project));
    undo_.clear();
    refresh();
}

void ProjectDocument::close() {
    project_.reset();
    evaluation_.reset();
    undo_.clear();
    for (const auto& l : listeners_) l();
}

void ProjectDocument::refresh() {
    evaluation_ = project_ ? project_->evaluate() : nullptr;
    for (const auto& l : listeners_) l();
}

app::ChangeOutcome ProjectDocument::apply(wxWindow* parent, const std::function<app::ChangeOutcome()>& change,
                                          std::optional<UndoStep> step) {
    app::ChangeOutcome out = change();
    if (!out.ok) {
        if (parent) show_refusal(parent, out);
        return out;
    }
    if (step) undo_.push(std::move(*step));
    refresh();
    return out;
}

std::string summary_text(const app::ChangeOutcome& outcome) {
    // An outcome a caller put together from English text alone has no message.
    return outcome.summary_message.empty() ? outcome.summary : word(outcome.summary_message, ui_translator());
}

void show_refusal(wxWindow* parent, const app::ChangeOutcome& outcome) {
    wxString text = to_wx(summary_text(outcome));
    for (const Diagnostic& d : outcome.problems) {
        text += "\n\n";
        if (!d.pos.file.empty()) text += to_wx(d.pos.file) + (d.pos.line > 0 ? wxString::Format(":%d", d.pos.line) : "") + ": ";
        text += to_wx(diagnostic_text(d, ui_translator()));
    }
    wxMessageBox(text, _("Not recorded"), wxOK | wxICON_WARNING, parent);
}

}  // namespace tl::gui
