#pragma once
/// The left side of the main window: the criteria editor with the outline of the criteria beside
/// it, over the list of problems. Checks the text ~300 ms after the last keystroke through the
/// session, feeds the editor's completion and the outline from the check, and reports each new
/// evaluation.
#include <functional>
#include <memory>

#include <wx/panel.h>
#include <wx/timer.h>

#include "gui/tender_session.hpp"

class wxSplitterWindow;
class wxStyledTextEvent;

namespace tl::gui {

class RulesEditor;
class DiagnosticsList;
class CriteriaOutline;

class EditorPanel : public wxPanel {
public:
    using EvaluatedFn = std::function<void(std::shared_ptr<const Evaluation>)>;
    using CheckedFn = std::function<void(const CheckOutcome&)>;

    EditorPanel(wxWindow* parent, TenderSession& session, EvaluatedFn on_evaluated, CheckedFn on_checked);

    /// Puts `text` in the editor and checks it at once.
    void load_text(const std::string& text);
    /// Checks the current text now (e.g. after new bids were opened).
    void check_now();

    RulesEditor& editor() { return *editor_; }
    DiagnosticsList& problems() { return *problems_; }
    CriteriaOutline& outline() { return *outline_; }
    /// What the language library made of the text at the last check (null before the first).
    const std::shared_ptr<const lang::LoadResult>& last_loaded() const { return last_loaded_; }
    /// How many checks have run (lets the self-test wait for the next one).
    int checks_done() const { return checks_done_; }

private:
    void on_modified(wxStyledTextEvent& e);
    void on_timer(wxTimerEvent& e);

    TenderSession& session_;
    EvaluatedFn on_evaluated_;
    CheckedFn on_checked_;
    wxSplitterWindow* split_ = nullptr;
    wxSplitterWindow* top_split_ = nullptr;  // editor | outline
    RulesEditor* editor_ = nullptr;
    CriteriaOutline* outline_ = nullptr;
    DiagnosticsList* problems_ = nullptr;
    wxTimer debounce_;
    int checks_done_ = 0;
    std::shared_ptr<const lang::LoadResult> last_loaded_;
};

}  // namespace tl::gui
