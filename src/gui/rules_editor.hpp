#pragma once
/// The criteria editor control: wxStyledTextCtrl with the rule language's colours (a container
/// lexer over crit_styling.hpp), line numbers, auto-indent, keyword completion, and indicators
/// that underline the checker's diagnostics.
#include <wx/stc/stc.h>

#include "core/diagnostic.hpp"

namespace tl::gui {

class RulesEditor : public wxStyledTextCtrl {
public:
    explicit RulesEditor(wxWindow* parent);

    /// The buffer as UTF-8.
    std::string text_utf8() const;
    /// Replaces the buffer (no undo history kept across files).
    void set_text_utf8(const std::string& text);

    /// Underlines `diagnostics` that point into `main_file` (errors red, warnings orange).
    void show_diagnostics(const Diagnostics& diagnostics, const std::string& main_file);

    /// Moves the caret to `line`:`col` (1-based; col in code points) and shows it.
    void go_to(int line, int col);

    /// Replaces the first occurrence of `what` with `with` as an edit the user could have typed
    /// (undoable, raises the same change events). Returns false when `what` is not there.
    bool replace_first(const std::string& what, const std::string& with);

private:
    void setup_styles();
    void restyle();
    int position_of(int line, int col) const;
    void on_char_added(wxStyledTextEvent& e);
    void on_style_needed(wxStyledTextEvent& e);
    void on_update_ui(wxStyledTextEvent& e);
};

}  // namespace tl::gui
