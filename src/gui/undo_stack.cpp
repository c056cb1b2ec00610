#include "gui/undo_stack.hpp"

#include <utility>

namespace tl::gui {

namespace {
const std::string kNothing;
}

void UndoStack::push(UndoStep step) {
    done_.push_back(std::move(step));
    undone_.clear();
}

const std::string& UndoStack::undo_label() const { return done_.empty() ? kNothing : done_.back().label; }
const std::string& UndoStack::redo_label() const { return undone_.empty() ? kNothing : undone_.back().label; }

app::ChangeOutcome UndoStack::undo() {
    if (done_.empty()) return {false, "nothing to undo", {}};
    app::ChangeOutcome out = done_.back().undo();
    if (out.ok) {
        undone_.push_back(std::move(done_.back()));
        done_.pop_back();
    }
    return out;
}

app::ChangeOutcome UndoStack::redo() {
    if (undone_.empty()) return {false, "nothing to redo", {}};
    app::ChangeOutcome out = undone_.back().redo();
    if (out.ok) {
        done_.push_back(std::move(undone_.back()));
        undone_.pop_back();
    }
    return out;
}

void UndoStack::clear() {
    done_.clear();
    undone_.clear();
}

}  // namespace tl::gui
