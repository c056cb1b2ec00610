#pragma once
/// The open project of the main window, shared by its panels (bids, committee, results): the
/// app::TenderProject, the undo history of this session, and the latest evaluation. Panels make
/// changes through `apply`, which shows a refusal to the user, and listen for `changed` to redraw.
/// No wx types here beyond the parent window for messages.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/tender_project.hpp"
#include "gui/undo_stack.hpp"

class wxWindow;

namespace tl::gui {

class ProjectDocument {
public:
    using Listener = std::function<void()>;

    bool is_open() const { return project_.has_value(); }
    /// Precondition: is_open().
    app::TenderProject& project() { return *project_; }
    const app::TenderProject& project() const { return *project_; }

    /// Takes `project` as the open one (the previous is closed) and notifies.
    void set(app::TenderProject project);
    /// Closes the project (every change is already in the file) and notifies.
    void close();

    /// The evaluation of the project as it is now (null without a project or with rules that do
    /// not check). Recomputed by refresh().
    std::shared_ptr<const app::ProjectEvaluation> evaluation() const { return evaluation_; }

    /// Re-evaluates and tells every listener. Call after any change to the project.
    void refresh();

    /// Runs a change; on success records `step` (when it has an undo) and refreshes; on refusal
    /// shows the summary and problems in a message box over `parent` (none when null). Returns
    /// the outcome either way.
    app::ChangeOutcome apply(wxWindow* parent, const std::function<app::ChangeOutcome()>& change,
                             std::optional<UndoStep> step = std::nullopt);

    /// Listeners run on the UI thread after set, close and refresh.
    void subscribe(Listener listener) { listeners_.push_back(std::move(listener)); }

    UndoStack& undo_stack() { return undo_; }

private:
    std::optional<app::TenderProject> project_;
    std::shared_ptr<const app::ProjectEvaluation> evaluation_;
    std::vector<Listener> listeners_;
    UndoStack undo_;
};

/// The outcome's summary in the UI language (UTF-8).
std::string summary_text(const app::ChangeOutcome& outcome);

/// Shows a refused change (summary, then each problem on its own line) in a message box.
void show_refusal(wxWindow* parent, const app::ChangeOutcome& outcome);

}  // namespace tl::gui
