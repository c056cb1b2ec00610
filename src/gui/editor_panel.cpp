#include "gui/editor_panel.hpp"

#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include "gui/criteria_outline.hpp"
#include "gui/diagnostics_list.hpp"
#include "gui/rules_editor.hpp"

namespace tl::gui {

namespace {
constexpr int kDebounceMs = 300;
constexpr int kOutlineWidthDip = 200;
}

EditorPanel::EditorPanel(wxWindow* parent, TenderSession& session, EvaluatedFn on_evaluated, CheckedFn on_checked)
    : wxPanel(parent), session_(session), on_evaluated_(std::move(on_evaluated)),
      on_checked_(std::move(on_checked)), debounce_(this) {
    split_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    // The outline sits beside the editor (not beside the problems, which need the width for
    // their messages); the editor takes any extra width.
    top_split_ = new wxSplitterWindow(split_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    editor_ = new RulesEditor(top_split_);
    outline_ = new CriteriaOutline(top_split_, [this](int line, int col) { editor_->go_to(line, col); });
    top_split_->SetSashGravity(1.0);
    top_split_->SetMinimumPaneSize(FromDIP(120));
    auto* bottom = new wxPanel(split_);
    problems_ = new DiagnosticsList(bottom, [this](int line, int col) { editor_->go_to(line, col); });
    auto* bottom_sizer = new wxBoxSizer(wxVERTICAL);
    bottom_sizer->Add(new wxStaticText(bottom, wxID_ANY, _("Problems")), 0, wxLEFT | wxTOP | wxBOTTOM, FromDIP(4));
    bottom_sizer->Add(problems_, 1, wxEXPAND);
    bottom->SetSizer(bottom_sizer);
    split_->SplitHorizontally(top_split_, bottom, -FromDIP(150));
    top_split_->SplitVertically(editor_, outline_, -FromDIP(kOutlineWidthDip));
    split_->SetSashGravity(1.0);
    split_->SetMinimumPaneSize(FromDIP(60));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(split_, 1, wxEXPAND);
    SetSizer(sizer);

    editor_->Bind(wxEVT_STC_MODIFIED, &EditorPanel::on_modified, this);
    Bind(wxEVT_TIMER, &EditorPanel::on_timer, this, debounce_.GetId());
}

void EditorPanel::load_text(const std::string& text) {
    editor_->set_text_utf8(text);
    check_now();
}

void EditorPanel::on_modified(wxStyledTextEvent& e) {
    e.Skip();
    if (e.GetModificationType() & (wxSTC_MOD_INSERTTEXT | wxSTC_MOD_DELETETEXT))
        debounce_.StartOnce(kDebounceMs);
}

void EditorPanel::on_timer(wxTimerEvent&) { check_now(); }

void EditorPanel::check_now() {
    debounce_.Stop();
    const CheckOutcome outcome = session_.check(editor_->text_utf8());
    editor_->show_diagnostics(outcome.diagnostics, session_.rules_path());
    last_loaded_ = outcome.loaded;
    if (outcome.loaded) {
        editor_->set_declared_names(*outcome.loaded);
        outline_->update(*outcome.loaded);
    }
    problems_->show(outcome.diagnostics);
    ++checks_done_;
    if (outcome.evaluation && on_evaluated_) on_evaluated_(outcome.evaluation);
    if (on_checked_) on_checked_(outcome);
}

}  // namespace tl::gui
