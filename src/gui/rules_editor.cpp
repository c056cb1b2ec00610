#include "gui/rules_editor.hpp"

#include <cctype>

#include "gui/crit_styling.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {
constexpr int kIndicatorError = 8;
constexpr int kIndicatorWarning = 9;
constexpr int kMarginNumbers = 0;
}  // namespace

RulesEditor::RulesEditor(wxWindow* parent) : wxStyledTextCtrl(parent, wxID_ANY) {
    setup_styles();
    SetLexer(wxSTC_LEX_CONTAINER);
    SetTabWidth(2);
    SetIndent(2);
    SetUseTabs(false);
    SetTabIndents(true);
    SetBackSpaceUnIndents(true);
    SetIndentationGuides(wxSTC_IV_LOOKBOTH);
    SetMarginType(kMarginNumbers, wxSTC_MARGIN_NUMBER);
    SetMarginWidth(kMarginNumbers, TextWidth(wxSTC_STYLE_LINENUMBER, "_99999"));
    SetMarginWidth(1, 0);
    SetWrapMode(wxSTC_WRAP_NONE);
    AutoCompSetIgnoreCase(true);
    AutoCompSetSeparator(' ');

    IndicatorSetStyle(kIndicatorError, wxSTC_INDIC_SQUIGGLE);
    IndicatorSetForeground(kIndicatorError, wxColour(220, 0, 0));
    IndicatorSetStyle(kIndicatorWarning, wxSTC_INDIC_SQUIGGLE);
    IndicatorSetForeground(kIndicatorWarning, wxColour(230, 140, 0));

    Bind(wxEVT_STC_CHARADDED, &RulesEditor::on_char_added, this);
    Bind(wxEVT_STC_STYLENEEDED, &RulesEditor::on_style_needed, this);
    Bind(wxEVT_STC_UPDATEUI, &RulesEditor::on_update_ui, this);
}

void RulesEditor::setup_styles() {
    wxFont mono(wxFontInfo(10).Family(wxFONTFAMILY_TELETYPE));
    StyleSetFont(wxSTC_STYLE_DEFAULT, mono);
    StyleClearAll();
    StyleSetForeground(kStyleComment, wxColour(0x6a, 0x8a, 0x35));
    StyleSetItalic(kStyleComment, true);
    StyleSetForeground(kStyleString, wxColour(0xa3, 0x15, 0x15));
    StyleSetForeground(kStyleNumber, wxColour(0x09, 0x86, 0x58));
    StyleSetForeground(kStyleUnit, wxColour(0x09, 0x86, 0x58));
    StyleSetBold(kStyleUnit, true);
    StyleSetForeground(kStyleKeyword, wxColour(0x00, 0x00, 0xc0));
    StyleSetBold(kStyleKeyword, true);
    StyleSetForeground(kStyleType, wxColour(0x26, 0x7f, 0x99));
    StyleSetForeground(kStyleProperty, wxColour(0x80, 0x20, 0x80));
    StyleSetForeground(kStyleFunction, wxColour(0x79, 0x5e, 0x26));
    StyleSetForeground(wxSTC_STYLE_LINENUMBER, wxColour(0x80, 0x80, 0x80));
}

std::string RulesEditor::text_utf8() const {
    const wxCharBuffer raw = const_cast<RulesEditor*>(this)->GetTextRaw();
    return std::string(raw.data(), raw.length());
}

void RulesEditor::set_text_utf8(const std::string& text) {
    SetTextRaw(text.c_str());
    EmptyUndoBuffer();
    restyle();
}

void RulesEditor::restyle() {
    const std::string text = text_utf8();
    StartStyling(0);
    for (const StyleRun& r : style_crit(text)) SetStyling(static_cast<int>(r.length), r.style);
}

void RulesEditor::on_style_needed(wxStyledTextEvent&) {
    // Rule files are small: restyling the whole buffer keeps strings and block comments right.
    restyle();
}

int RulesEditor::position_of(int line, int col) const {
    auto* self = const_cast<RulesEditor*>(this);
    const int lines = GetLineCount();
    if (line < 1) line = 1;
    if (line > lines) line = lines;
    const int start = self->PositionFromLine(line - 1);
    const int end = self->GetLineEndPosition(line - 1);
    int pos = start;
    for (int k = 1; k < col && pos < end; ++k) pos = self->PositionAfter(pos);
    return pos;
}

void RulesEditor::show_diagnostics(const Diagnostics& diagnostics, const std::string& main_file) {
    const int length = GetLength();
    for (int ind : {kIndicatorError, kIndicatorWarning}) {
        SetIndicatorCurrent(ind);
        IndicatorClearRange(0, length);
    }
    for (const Diagnostic& d : diagnostics) {
        if (!d.pos.known() || (!d.pos.file.empty() && d.pos.file != main_file)) continue;
        int from = position_of(d.pos.line, d.pos.col);
        int to = WordEndPosition(from, true);
        const int line_end = GetLineEndPosition(d.pos.line - 1);
        if (to <= from) to = PositionAfter(from);
        if (to > line_end) to = line_end;
        if (to <= from && from > PositionFromLine(d.pos.line - 1)) from = PositionBefore(from);  // at the line's end
        if (to <= from) continue;
        SetIndicatorCurrent(d.severity == Severity::Error ? kIndicatorError : kIndicatorWarning);
        IndicatorFillRange(from, to - from);
    }
}

void RulesEditor::go_to(int line, int col) {
    const int pos = position_of(line, col);
    GotoPos(pos);
    EnsureCaretVisible();
    SetFocus();
}

bool RulesEditor::replace_first(const std::string& what, const std::string& with) {
    const int found = FindText(0, GetLength(), to_wx(what), wxSTC_FIND_MATCHCASE);
    if (found < 0) return false;
    SetTargetStart(found);
    SetTargetEnd(found + static_cast<int>(what.size()));
    ReplaceTarget(to_wx(with));
    return true;
}

void RulesEditor::on_char_added(wxStyledTextEvent& e) {
    const int ch = e.GetKey();
    const int line = GetCurrentLine();
    if (ch == '\n' && line > 0) {
        // Auto-indent: keep the previous line's indentation, one step more after `{`.
        int indent = GetLineIndentation(line - 1);
        const wxString prev = GetLine(line - 1).Trim();
        if (prev.EndsWith("{")) indent += GetIndent();
        SetLineIndentation(line, indent);
        GotoPos(GetLineIndentPosition(line));
    } else if (ch == '}') {
        // A closing brace alone on its line goes back one step.
        const wxString text = GetLine(line).Trim().Trim(false);
        if (text == "}") {
            SetLineIndentation(line, std::max(0, GetLineIndentation(line) - GetIndent()));
            GotoPos(GetLineEndPosition(line));
        }
    } else if (std::isalpha(ch) || ch == '_') {
        // Keyword completion after three letters of a word.
        const int pos = GetCurrentPos();
        const int start = WordStartPosition(pos, true);
        if (pos - start >= 3 && !AutoCompActive()) AutoCompShow(pos - start, crit_keywords());
    }
}

void RulesEditor::on_update_ui(wxStyledTextEvent&) {
    // Brace matching: highlight the partner of the brace at the caret.
    const int pos = GetCurrentPos();
    const int ch = GetCharAt(pos);
    if (ch == '{' || ch == '}' || ch == '(' || ch == ')') {
        const int match = BraceMatch(pos);
        if (match >= 0) BraceHighlight(pos, match);
        else BraceBadLight(pos);
    } else {
        BraceHighlight(wxSTC_INVALID_POSITION, wxSTC_INVALID_POSITION);
    }
}

}  // namespace tl::gui
