#pragma once
/// Undo and redo of the changes a user made to a project's bids in this session (added, changed,
/// removed, imported). Rules versions are not on this stack: the editor undoes typing, and a
/// recorded version is replaced by recording the corrected text. Each step is recorded in the project file like any change: undoing
/// adds a new audit entry that reverses the old one, because the log is append-only by design.
/// Committee records (declarations, scores, submissions, consensus) are signed decisions and are
/// not undone here: they are revised through their own commands, with a reason.
#include <functional>
#include <string>
#include <vector>

#include "app/tender_project.hpp"

namespace tl::gui {

/// One reversible change: what the menu says ("Undo add bid 'X'") and how to undo and redo it.
struct UndoStep {
    std::string label;
    std::function<app::ChangeOutcome()> undo, redo;
};

class UndoStack {
public:
    /// Records a change that was just done; clears what could be redone.
    void push(UndoStep step);
    bool can_undo() const { return !done_.empty(); }
    bool can_redo() const { return !undone_.empty(); }
    const std::string& undo_label() const;  ///< empty when nothing can be undone
    const std::string& redo_label() const;
    /// Undoes the last change. When the project refuses (e.g. the committee has scored a bid
    /// since), the step stays where it was and the refusal is returned.
    app::ChangeOutcome undo();
    app::ChangeOutcome redo();
    void clear();

private:
    std::vector<UndoStep> done_, undone_;
};

}  // namespace tl::gui
