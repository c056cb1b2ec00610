#pragma once
/// The criteria editor control: wxStyledTextCtrl with the rule language's colours and fold
/// levels (a container lexer over crit_styling.hpp, restyling only the lines Scintilla asks
/// for), line numbers, a fold margin, auto-indent, completion of keywords, functions and the
/// names the rules declare, brace matching, and the checker's diagnostics as squiggles, margin
/// symbols and hover tips.
#include <string>
#include <vector>

#include <wx/stc/stc.h>

#include "core/diagnostic.hpp"

namespace tl::lang {
struct LoadResult;
}

namespace tl::gui {

class RulesEditor : public wxStyledTextCtrl {
public:
    explicit RulesEditor(wxWindow* parent);

    /// The buffer as UTF-8.
    std::string text_utf8() const;
    /// Replaces the buffer (no undo history kept across files).
    void set_text_utf8(const std::string& text);

    /// Underlines `diagnostics` that point into `main_file` (errors red, warnings orange) and
    /// puts an error or warning symbol in the margin of their lines.
    void show_diagnostics(const Diagnostics& diagnostics, const std::string& main_file);

    /// Takes the names the rules declare (fields, lets, criteria) for completion from the last
    /// check. A text that did not parse declares nothing: the names of the last one that did are
    /// kept, so completion keeps working while the user is in the middle of a change.
    void set_declared_names(const lang::LoadResult& loaded);

    /// Moves the caret to `line`:`col` (1-based; col in code points), unfolding it if needed.
    void go_to(int line, int col);

    /// Replaces the first occurrence of `what` with `with` as an edit the user could have typed
    /// (undoable, raises the same change events). Returns false when `what` is not there.
    bool replace_first(const std::string& what, const std::string& with);

    /// Opens the completion list for the word before the caret (what Ctrl+Space does).
    /// `typed`: opened by typing, so stay closed unless something longer matches.
    void show_completion(bool typed);
    /// The entries the completion list offered when it was last opened (after the prefix).
    const std::vector<std::string>& last_completion() const { return last_completion_; }

    /// Folds (`fold` true) or unfolds the block whose header is 0-based `line`, as a click on
    /// its margin marker does. Returns false when no block starts there.
    bool fold_block(int line, bool fold);

    /// The hover text for the diagnostics on 0-based `line` ("" when none).
    wxString diagnostic_tip_for_line(int line) const;
    /// The text of the tip shown last (kept after it closes, for the self-test).
    const wxString& last_tip() const { return last_tip_; }

private:
    struct Name {
        std::string word;
        int image = 0;  ///< one of the completion icons (kind of name)
    };
    struct Shown {
        Diagnostic diagnostic;
        int marker = -1;  ///< marker handle: follows its line through edits until the next check
    };

    void setup_styles();
    void setup_margins();
    void register_images();
    void style_lines(int first, int last);
    int position_of(int line, int col) const;
    /// Where completion is asked for: not at all (comments, strings, numbers, a new name), at a
    /// line's start (items, property keys) or in a value (names, functions, operators).
    enum class Place { None, LineStart, Value };
    Place completion_place(int pos);
    wxString tip_text(const Diagnostic& d) const;
    void on_char_added(wxStyledTextEvent& e);
    void on_key_down(wxKeyEvent& e);
    void on_style_needed(wxStyledTextEvent& e);
    void on_update_ui(wxStyledTextEvent& e);
    void on_margin_click(wxStyledTextEvent& e);
    void on_dwell_start(wxStyledTextEvent& e);
    void on_dwell_end(wxStyledTextEvent& e);
    void show_tip_at(int pos, int x, int y);

    std::vector<Name> declared_;
    std::vector<std::string> last_completion_;
    std::vector<Shown> shown_;
    wxString last_tip_;
};

}  // namespace tl::gui
