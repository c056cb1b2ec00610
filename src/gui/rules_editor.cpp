#include "gui/rules_editor.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <memory>

#include <wx/brush.h>
#include <wx/graphics.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/pen.h>
#include <wx/settings.h>

#include "gui/crit_styling.hpp"
#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"
#include "lang/load.hpp"

namespace tl::gui {

namespace {
constexpr int kIndicatorError = 8;
constexpr int kIndicatorWarning = 9;
constexpr int kMarginNumbers = 0;
constexpr int kMarginSymbols = 1;
constexpr int kMarginFold = 2;
constexpr int kMarkerError = 0;
constexpr int kMarkerWarning = 1;
constexpr int kDwellMs = 500;
// Completion icons (Scintilla image types, 0 means none).
enum : int { kImageKeyword = 1, kImageFunction, kImageField, kImageCriterion, kImageLet };

/// Draws an icon of `size` x `size` device pixels with `paint` and hands Scintilla its RGBA bytes.
std::vector<unsigned char> rgba_icon(int size, const std::function<void(wxGraphicsContext&, double)>& paint) {
    wxImage image(size, size);
    image.InitAlpha();
    std::fill(image.GetAlpha(), image.GetAlpha() + size * size, 0);
    {
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(image));
        if (gc) {
            gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
            paint(*gc, size);
        }
    }  // the context writes into the image when it goes away
    std::vector<unsigned char> rgba(static_cast<std::size_t>(size) * size * 4);
    const unsigned char* rgb = image.GetData();
    const unsigned char* alpha = image.GetAlpha();
    for (int k = 0; k < size * size; ++k) {
        rgba[k * 4 + 0] = rgb[k * 3 + 0];
        rgba[k * 4 + 1] = rgb[k * 3 + 1];
        rgba[k * 4 + 2] = rgb[k * 3 + 2];
        rgba[k * 4 + 3] = alpha[k];
    }
    return rgba;
}

/// A rounded square in `colour` with a white letter: the completion list's kind icons.
std::function<void(wxGraphicsContext&, double)> letter_icon(const wxColour& colour, const wxString& letter) {
    return [colour, letter](wxGraphicsContext& gc, double s) {
        gc.SetPen(*wxTRANSPARENT_PEN);
        gc.SetBrush(wxBrush(colour));
        gc.DrawRoundedRectangle(0.5, 0.5, s - 1, s - 1, s * 0.2);
        wxFont font(wxFontInfo(wxSize(0, static_cast<int>(std::lround(s * 0.72)))).Bold().Family(wxFONTFAMILY_SWISS));
        gc.SetFont(font, *wxWHITE);
        double w = 0, h = 0;
        gc.GetTextExtent(letter, &w, &h);
        gc.DrawText(letter, (s - w) / 2, (s - h) / 2);
    };
}

void paint_error(wxGraphicsContext& gc, double s) {
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(wxBrush(wxColour(210, 30, 30)));
    gc.DrawEllipse(0.5, 0.5, s - 1, s - 1);
    gc.SetPen(wxPen(*wxWHITE, std::max(1, static_cast<int>(std::lround(s / 7)))));
    const double a = s * 0.32, b = s * 0.68;
    gc.StrokeLine(a, a, b, b);
    gc.StrokeLine(a, b, b, a);
}

void paint_warning(wxGraphicsContext& gc, double s) {
    wxGraphicsPath triangle = gc.CreatePath();
    triangle.MoveToPoint(s / 2, 0.5);
    triangle.AddLineToPoint(s - 0.5, s - 1);
    triangle.AddLineToPoint(0.5, s - 1);
    triangle.CloseSubpath();
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(wxBrush(wxColour(235, 160, 0)));
    gc.FillPath(triangle);
    gc.SetPen(wxPen(wxColour(60, 40, 0), std::max(1, static_cast<int>(std::lround(s / 8)))));
    gc.StrokeLine(s / 2, s * 0.35, s / 2, s * 0.65);
    gc.StrokeLine(s / 2, s * 0.76, s / 2, s * 0.82);
}

bool starts_with_nocase(const std::string& word, const std::string& prefix) {
    if (prefix.size() > word.size()) return false;
    for (std::size_t k = 0; k < prefix.size(); ++k)
        if (std::tolower(static_cast<unsigned char>(word[k])) != std::tolower(static_cast<unsigned char>(prefix[k])))
            return false;
    return true;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// Breaks a long message into lines of about `width` characters: call tips do not wrap.
wxString wrap(const wxString& text, std::size_t width) {
    wxString out, line;
    for (const wxString& word : wxSplit(text, ' ', '\0')) {
        if (!line.empty() && line.length() + 1 + word.length() > width) {
            out += line + "\n    ";
            line.clear();
        }
        line += line.empty() ? word : " " + word;
    }
    return out + line;
}

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
    SetWrapMode(wxSTC_WRAP_NONE);
    setup_margins();
    register_images();

    AutoCompSetIgnoreCase(true);
    AutoCompSetSeparator(' ');
    AutoCompSetMaxHeight(10);
    AutoCompSetChooseSingle(false);

    IndicatorSetStyle(kIndicatorError, wxSTC_INDIC_SQUIGGLE);
    IndicatorSetForeground(kIndicatorError, wxColour(220, 0, 0));
    IndicatorSetStyle(kIndicatorWarning, wxSTC_INDIC_SQUIGGLE);
    IndicatorSetForeground(kIndicatorWarning, wxColour(230, 140, 0));
    SetMouseDwellTime(kDwellMs);

    Bind(wxEVT_STC_CHARADDED, &RulesEditor::on_char_added, this);
    Bind(wxEVT_KEY_DOWN, &RulesEditor::on_key_down, this);
    Bind(wxEVT_STC_STYLENEEDED, &RulesEditor::on_style_needed, this);
    Bind(wxEVT_STC_UPDATEUI, &RulesEditor::on_update_ui, this);
    Bind(wxEVT_STC_MARGINCLICK, &RulesEditor::on_margin_click, this);
    Bind(wxEVT_STC_DWELLSTART, &RulesEditor::on_dwell_start, this);
    Bind(wxEVT_STC_DWELLEND, &RulesEditor::on_dwell_end, this);
    // Moved to a screen of another density: margins and icons are redone at its size.
    Bind(wxEVT_DPI_CHANGED, [this](wxDPIChangedEvent& e) {
        setup_margins();
        register_images();
        e.Skip();
    });
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
    StyleSetForeground(wxSTC_STYLE_FOLDDISPLAYTEXT, wxColour(0x70, 0x70, 0x70));
    FoldDisplayTextSetStyle(wxSTC_FOLDDISPLAYTEXT_BOXED);
    // Tips in the UI font, not the editor's monospace: they are prose.
    StyleSetFont(wxSTC_STYLE_CALLTIP, wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT));
    StyleSetForeground(wxSTC_STYLE_CALLTIP, wxColour(0x20, 0x20, 0x20));
    StyleSetBackground(wxSTC_STYLE_CALLTIP, wxColour(0xff, 0xfb, 0xe6));
    CallTipUseStyle(0);
}

void RulesEditor::setup_margins() {
    SetMarginType(kMarginNumbers, wxSTC_MARGIN_NUMBER);
    SetMarginWidth(kMarginNumbers, TextWidth(wxSTC_STYLE_LINENUMBER, "_99999"));

    // Error and warning symbols; a click (or dwelling) on one shows the message.
    SetMarginType(kMarginSymbols, wxSTC_MARGIN_SYMBOL);
    SetMarginMask(kMarginSymbols, (1 << kMarkerError) | (1 << kMarkerWarning));
    SetMarginWidth(kMarginSymbols, FromDIP(16));
    SetMarginSensitive(kMarginSymbols, true);

    SetMarginType(kMarginFold, wxSTC_MARGIN_SYMBOL);
    SetMarginMask(kMarginFold, wxSTC_MASK_FOLDERS);
    SetMarginWidth(kMarginFold, FromDIP(14));
    SetMarginSensitive(kMarginFold, true);
    SetMarginCursor(kMarginFold, wxSTC_CURSORARROW);
    const wxColour fore(*wxWHITE), back(0x80, 0x80, 0x80);
    const std::pair<int, int> folders[] = {
        {wxSTC_MARKNUM_FOLDEROPEN, wxSTC_MARK_BOXMINUS},        {wxSTC_MARKNUM_FOLDER, wxSTC_MARK_BOXPLUS},
        {wxSTC_MARKNUM_FOLDERSUB, wxSTC_MARK_VLINE},            {wxSTC_MARKNUM_FOLDERTAIL, wxSTC_MARK_LCORNER},
        {wxSTC_MARKNUM_FOLDEREND, wxSTC_MARK_BOXPLUSCONNECTED}, {wxSTC_MARKNUM_FOLDEROPENMID, wxSTC_MARK_BOXMINUSCONNECTED},
        {wxSTC_MARKNUM_FOLDERMIDTAIL, wxSTC_MARK_TCORNER}};
    for (const auto& [number, symbol] : folders) MarkerDefine(number, symbol, fore, back);
    // Clicks are handled in on_margin_click (to show "..." after a folded header); Scintilla
    // still unfolds what an edit or a jump would hide.
    SetAutomaticFold(wxSTC_AUTOMATICFOLD_SHOW | wxSTC_AUTOMATICFOLD_CHANGE);
    SetFoldFlags(wxSTC_FOLDFLAG_LINEAFTER_CONTRACTED);
}

void RulesEditor::register_images() {
    // Drawn at the screen's pixel density, so they stay sharp on a HiDPI screen.
    const double scale = GetContentScaleFactor();
    const int size = static_cast<int>(std::lround(FromDIP(12) * scale));
    RGBAImageSetWidth(size);
    RGBAImageSetHeight(size);
    RGBAImageSetScale(static_cast<int>(std::lround(100 * scale)));
    MarkerDefineRGBAImage(kMarkerError, rgba_icon(size, paint_error).data());
    MarkerDefineRGBAImage(kMarkerWarning, rgba_icon(size, paint_warning).data());
    const std::pair<int, std::function<void(wxGraphicsContext&, double)>> kinds[] = {
        {kImageKeyword, letter_icon(wxColour(0x00, 0x00, 0xc0), "k")},
        {kImageFunction, letter_icon(wxColour(0x79, 0x5e, 0x26), "f")},
        {kImageField, letter_icon(wxColour(0x26, 0x7f, 0x99), "F")},
        {kImageCriterion, letter_icon(wxColour(0x80, 0x20, 0x80), "C")},
        {kImageLet, letter_icon(wxColour(0x09, 0x86, 0x58), "L")}};
    for (const auto& [type, paint] : kinds) RegisterRGBAImage(type, rgba_icon(size, paint).data());
}

std::string RulesEditor::text_utf8() const {
    const wxCharBuffer raw = const_cast<RulesEditor*>(this)->GetTextRaw();
    return std::string(raw.data(), raw.length());
}

void RulesEditor::set_text_utf8(const std::string& text) {
    SetTextRaw(text.c_str());
    EmptyUndoBuffer();
    // Styling and fold levels follow lazily through wxEVT_STC_STYLENEEDED.
}

void RulesEditor::on_style_needed(wxStyledTextEvent& e) {
    // Scintilla asks for the lines from the first unstyled one to what it is about to show; an
    // edit makes everything after it unstyled, so a 3 000-line file is restyled a screen at a time.
    style_lines(LineFromPosition(GetEndStyled()), LineFromPosition(e.GetPosition()));
}

void RulesEditor::style_lines(int first, int last) {
    const int start = PositionFromLine(first);
    const int end = last + 1 < GetLineCount() ? PositionFromLine(last + 1) : GetLength();
    // The line state holds the brace depth at the line's end: the one thing the next line needs.
    const int depth = first > 0 ? GetLineState(first - 1) : 0;
    const wxCharBuffer raw = GetTextRangeRaw(start, end);
    const StyledText styled = style_crit_lines(std::string_view(raw.data(), raw.length()), depth);
    StartStyling(start);
    for (const StyleRun& r : styled.runs) SetStyling(static_cast<int>(r.length), r.style);
    for (std::size_t k = 0; k < styled.lines.size() && first + static_cast<int>(k) <= last; ++k) {
        const int line = first + static_cast<int>(k);
        const LineDepth& d = styled.lines[k];
        const int level = (wxSTC_FOLDLEVELBASE + d.start) | (d.end > d.start ? wxSTC_FOLDLEVELHEADERFLAG : 0);
        if (GetLineState(line) != d.end) SetLineState(line, d.end);
        if (GetFoldLevel(line) != level) SetFoldLevel(line, level);
    }
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
    MarkerDeleteAll(kMarkerError);
    MarkerDeleteAll(kMarkerWarning);
    shown_.clear();
    for (const Diagnostic& d : diagnostics) {
        if (!d.pos.known() || (!d.pos.file.empty() && d.pos.file != main_file)) continue;
        const bool error = d.severity == Severity::Error;
        Shown s{d, MarkerAdd(std::min(d.pos.line, GetLineCount()) - 1, error ? kMarkerError : kMarkerWarning)};
        shown_.push_back(std::move(s));
        int from = position_of(d.pos.line, d.pos.col);
        int to = WordEndPosition(from, true);
        const int line_end = GetLineEndPosition(d.pos.line - 1);
        if (to <= from) to = PositionAfter(from);
        if (to > line_end) to = line_end;
        if (to <= from && from > PositionFromLine(d.pos.line - 1)) from = PositionBefore(from);  // at the line's end
        if (to <= from) continue;
        // The value says which diagnostic the squiggle belongs to, for the hover tip.
        SetIndicatorCurrent(error ? kIndicatorError : kIndicatorWarning);
        SetIndicatorValue(static_cast<int>(shown_.size()));
        IndicatorFillRange(from, to - from);
    }
}

wxString RulesEditor::tip_text(const Diagnostic& d) const {
    // The language library's messages are values, worded here in the UI language.
    const wxString severity = d.severity == Severity::Error     ? _("error")
                              : d.severity == Severity::Warning ? _("warning")
                                                                : _("note");
    wxString text = wrap(severity + ": " + to_wx(diagnostic_text(d, ui_translator())), 90);
    for (std::size_t i = 0; i < d.notes.size(); ++i) {
        const bool as_value = i < d.note_messages.size() && !d.note_messages[i].empty();
        text += "\n    " + wrap(as_value ? say(d.note_messages[i]) : to_wx(d.notes[i]), 86);
    }
    return text;
}

wxString RulesEditor::diagnostic_tip_for_line(int line) const {
    auto* self = const_cast<RulesEditor*>(this);
    wxString text;
    for (const Shown& s : shown_) {
        if (self->MarkerLineFromHandle(s.marker) != line) continue;
        if (!text.empty()) text += "\n";
        text += tip_text(s.diagnostic);
    }
    return text;
}

void RulesEditor::show_tip_at(int pos, int x, int y) {
    int margins = 0;
    for (int m = 0; m < GetMarginCount(); ++m) margins += GetMarginWidth(m);
    wxString tip;
    if (x < margins) {
        // Over the margin: the diagnostics of the line under the mouse.
        const int line = LineFromPosition(PositionFromPoint(wxPoint(margins + 1, y)));
        const int top = PointFromPosition(PositionFromLine(line)).y;
        if (y < top || y >= top + TextHeight(line)) return;
        tip = diagnostic_tip_for_line(line);
        pos = PositionFromLine(line);
    } else if (pos >= 0) {
        // Over the text: the diagnostic whose squiggle is there.
        for (int ind : {kIndicatorError, kIndicatorWarning}) {
            const int value = IndicatorValueAt(ind, pos);
            if (value > 0 && value <= static_cast<int>(shown_.size())) {
                tip = tip_text(shown_[static_cast<std::size_t>(value - 1)].diagnostic);
                break;
            }
        }
    }
    if (tip.empty()) return;
    last_tip_ = tip;
    CallTipShow(pos, tip);
}

void RulesEditor::on_dwell_start(wxStyledTextEvent& e) {
    if (AutoCompActive() || CallTipActive()) return;
    show_tip_at(e.GetPosition(), e.GetX(), e.GetY());
}

void RulesEditor::on_dwell_end(wxStyledTextEvent&) {
    if (CallTipActive()) CallTipCancel();
}

void RulesEditor::on_margin_click(wxStyledTextEvent& e) {
    const int line = LineFromPosition(e.GetPosition());
    if (e.GetMargin() == kMarginFold) {
        if (e.GetModifiers() & wxSTC_KEYMOD_CTRL) FoldAll(wxSTC_FOLDACTION_TOGGLE);  // Ctrl+click: every block
        else if (GetFoldLevel(line) & wxSTC_FOLDLEVELHEADERFLAG) fold_block(line, GetFoldExpanded(line));
    } else if (e.GetMargin() == kMarginSymbols) {
        const wxString tip = diagnostic_tip_for_line(line);
        if (tip.empty()) return;
        last_tip_ = tip;
        CallTipShow(PositionFromLine(line), tip);
    }
}

bool RulesEditor::fold_block(int line, bool fold) {
    if (line < 0 || line >= GetLineCount()) return false;
    // The header flag comes from styling, which Scintilla does lazily: make sure the line has it.
    const int need = line + 1 < GetLineCount() ? PositionFromLine(line + 1) : GetLength();
    if (GetEndStyled() < need) Colourise(GetEndStyled(), need);
    if (!(GetFoldLevel(line) & wxSTC_FOLDLEVELHEADERFLAG)) return false;
    // The "..." after a folded header says that there is more, as in any code editor.
    if (GetFoldExpanded(line) == fold) ToggleFoldShowText(line, wxString::FromUTF8("\xE2\x80\xA6"));
    return true;
}

void RulesEditor::go_to(int line, int col) {
    const int pos = position_of(line, col);
    EnsureVisibleEnforcePolicy(LineFromPosition(pos));
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

void RulesEditor::set_declared_names(const lang::LoadResult& loaded) {
    // A syntax error leaves no items at all: keep the names of the last text that parsed.
    const bool parsed = !loaded.files.empty() && (!loaded.files.front().items.empty() || loaded.ok());
    if (!parsed) return;
    declared_.clear();
    std::function<void(const lang::Item&)> add = [&](const lang::Item& it) {
        if (it.keyword == "field") declared_.push_back({it.id, kImageField});
        else if (it.keyword == "let") declared_.push_back({it.id, kImageLet});
        else if (it.keyword == "criterion") declared_.push_back({it.id, kImageCriterion});
        else if (it.keyword == "group")
            for (const lang::Property& p : it.props)
                for (const lang::Item& inner : p.item) add(inner);
    };
    // Imported files too: their fields are as usable as the main file's.
    for (const lang::RuleFile& file : loaded.files)
        for (const lang::Item& it : file.items) add(it);
}

RulesEditor::Place RulesEditor::completion_place(int pos) {
    const int line = LineFromPosition(pos);
    const wxCharBuffer raw = GetTextRangeRaw(PositionFromLine(line), pos);
    const std::string_view prefix(raw.data(), raw.length());
    const StyledText styled = style_crit_lines(prefix);
    const int style = styled.runs.empty() ? kStyleDefault : styled.runs.back().style;
    if (style == kStyleComment || style == kStyleString || style == kStyleNumber || style == kStyleUnit) return Place::None;
    const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    std::size_t end = prefix.size();
    while (end > 0 && is_word(prefix[end - 1])) --end;
    while (end > 0 && (prefix[end - 1] == ' ' || prefix[end - 1] == '\t')) --end;
    if (end == 0) {
        // First on its line, unless the line before left an expression open (`a +`, `f(x,`).
        for (int prev = line - 1; prev >= 0; --prev) {
            const wxString text = GetLine(prev).Trim();
            if (text.empty()) continue;
            const wxString open_ends[] = {",", "(", "+", "-", "*", "/", "=", "<", ">", ":", " and", " or", " not",
                                          " if", " then", " else", "->"};
            for (const wxString& e : open_ends)
                if (text.EndsWith(e)) return Place::Value;
            break;
        }
        return Place::LineStart;
    }
    // After `field `, `let `, `criterion ` ... the user is naming something new: nothing to offer.
    std::size_t begin = end;
    while (begin > 0 && is_word(prefix[begin - 1])) --begin;
    const std::string_view before = prefix.substr(begin, end - begin);
    for (const char* kw : {"field", "let", "criterion", "group", "requirement", "abnormally_low", "lot"})
        if (before == kw) return Place::None;
    return Place::Value;
}

void RulesEditor::show_completion(bool typed) {
    const int pos = GetCurrentPos();
    const int start = WordStartPosition(pos, true);
    const wxCharBuffer raw = GetTextRangeRaw(start, pos);
    const std::string prefix(raw.data(), raw.length());
    if (!prefix.empty() && std::isdigit(static_cast<unsigned char>(prefix[0]))) return;
    if (typed && prefix.size() < 2) return;
    const Place place = completion_place(start);
    if (place == Place::None) return;

    // Declared names first, so `price` the field wins over `price` the criterion kind.
    std::vector<Name> all;
    if (place == Place::Value) {
        all = declared_;
        for (const std::string& f : crit_functions()) all.push_back({f, kImageFunction});
    }
    for (const std::string& k : crit_keywords(place == Place::Value)) all.push_back({k, kImageKeyword});
    std::vector<Name> matches;
    for (const Name& n : all)
        if (starts_with_nocase(n.word, prefix) &&
            std::none_of(matches.begin(), matches.end(), [&](const Name& m) { return m.word == n.word; }))
            matches.push_back(n);
    if (matches.empty()) return;
    if (typed && matches.size() == 1 && lower(matches.front().word) == lower(prefix)) return;  // already complete
    // Scintilla finds entries by binary search: sort the way it compares (ignoring case).
    std::sort(matches.begin(), matches.end(), [](const Name& a, const Name& b) { return lower(a.word) < lower(b.word); });
    std::string list;
    last_completion_.clear();
    for (const Name& n : matches) {
        if (!list.empty()) list += ' ';
        list += n.word + '?' + std::to_string(n.image);
        last_completion_.push_back(n.word);
    }
    AutoCompShow(static_cast<int>(prefix.size()), to_wx(list));
}

void RulesEditor::on_key_down(wxKeyEvent& e) {
    // Ctrl+Space (the real Ctrl key also on macOS, where Cmd+Space is the system's search).
    if (e.GetKeyCode() == WXK_SPACE && e.RawControlDown() && !e.AltDown() && !e.ShiftDown()) {
        show_completion(false);
        return;
    }
    e.Skip();
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
    } else if ((ch < 0x80 && std::isalnum(ch)) || ch == '_') {
        // Completion once a word has two letters, not in comments, strings or numbers.
        if (!AutoCompActive()) show_completion(true);
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
