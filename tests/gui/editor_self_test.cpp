#include "editor_self_test.hpp"

#include <algorithm>
#include <memory>
#include <string>

#include <wx/event.h>

#include "core/criteria.hpp"
#include "core/expr.hpp"
#include "gui/criteria_outline.hpp"
#include "gui/diagnostics_list.hpp"
#include "gui/editor_panel.hpp"
#include "gui/i18n.hpp"
#include "gui/rules_editor.hpp"
#include "gui/wx_text.hpp"
#include "lang/load.hpp"

namespace tl::gui {

namespace {

/// What the stages share: the lambdas outlive the function that made them.
struct State {
    explicit State(EditorPanel& p) : panel(p) {}
    EditorPanel& panel;
    int checks_before = 0;
    std::string before_text;  // the editor's text before the stages: they leave it so
    std::size_t probe_from = 0;
    int error_line = 0;  // 1-based
    double changed_from = 0;  // the weight lowered by 20 points
};

/// 0-based line of the first occurrence of `needle`, or -1.
int line_of(RulesEditor& ed, const std::string& needle) {
    const int pos = ed.FindText(0, ed.GetLength(), to_wx(needle), wxSTC_FIND_MATCHCASE);
    return pos < 0 ? -1 : ed.LineFromPosition(pos);
}

/// Types `text` as key presses: wxEVT_CHAR goes through Scintilla's own input path, so the
/// editor sees wxEVT_STC_CHARADDED exactly as when a user types.
void type(RulesEditor& ed, const std::string& text) {
    for (const char c : text) {
        wxKeyEvent key(wxEVT_CHAR);
        key.m_keyCode = static_cast<unsigned char>(c);
        key.m_uniChar = static_cast<unsigned char>(c);
        key.SetEventObject(&ed);
        ed.GetEventHandler()->ProcessEvent(key);
    }
}

/// Marks the current check count; the next stage waits for a check after it.
void expect_check(State& s) { s.checks_before = s.panel.checks_done(); }

bool checked_since(const State& s) { return s.panel.checks_done() > s.checks_before; }

}  // namespace

std::vector<SelfTestStage> editor_self_test_stages(EditorPanel& panel) {
    auto s = std::make_shared<State>(panel);
    RulesEditor& ed = panel.editor();
    CriteriaOutline& outline = panel.outline();
    return {
        {"editor: the sample is loaded and checked",
         [s, &ed] {
             const auto& loaded = s->panel.last_loaded();
             if (s->panel.checks_done() == 0 || !loaded) return StepResult::Wait;
             if (!loaded->ok()) return self_test_fail("the rules have errors before the editor's stages");
             s->before_text = ed.text_utf8();
             return StepResult::Done;
         }},
        {"editor: fold and unfold the first criterion",
         [&ed] {
             const int header = line_of(ed, "criterion price {");
             if (header < 0) return self_test_fail("'criterion price {' not in the editor");
             if (!ed.fold_block(header, true)) return self_test_fail("no fold point on 'criterion price {'");
             const int last = ed.GetLastChild(header, -1);
             if (last - header != 6) return self_test_fail("the block has " + std::to_string(last - header) + " lines, not 6");
             if (ed.GetFoldExpanded(header)) return self_test_fail("the block is not folded");
             for (int line = header + 1; line <= last; ++line)
                 if (ed.GetLineVisible(line)) return self_test_fail("line " + std::to_string(line + 1) + " still visible");
             if (!ed.GetLineVisible(header) || !ed.GetLineVisible(last + 1)) return self_test_fail("folded too much");
             ed.fold_block(header, false);
             for (int line = header; line <= last; ++line)
                 if (!ed.GetLineVisible(line)) return self_test_fail("line " + std::to_string(line + 1) + " still hidden");
             return StepResult::Done;
         }},
        {"editor: typing a field id's prefix offers the field",
         [s, &ed] {
             expect_check(*s);
             s->probe_from = static_cast<std::size_t>(ed.GetLength());
             ed.DocumentEnd();
             ed.AddText("\nlet probe = ");
             type(ed, "retr");
             const auto& offered = ed.last_completion();
             const bool has = std::find(offered.begin(), offered.end(), "retreaded") != offered.end();
             const bool active = ed.AutoCompActive();
             const wxString current = active ? ed.AutoCompGetCurrentText() : wxString();
             ed.AutoCompCancel();
             ed.DeleteRange(static_cast<int>(s->probe_from), ed.GetLength() - static_cast<int>(s->probe_from));
             if (!active) return self_test_fail("no completion list after typing 'retr'");
             if (!has) return self_test_fail("the completion list does not offer 'retreaded'");
             if (!current.StartsWith("retr")) return self_test_fail("the list selects '" + from_wx(current) + "'");
             return StepResult::Done;
         }},
        {"editor: the outline shows the sample's criteria, weights and sum 100 %",
         [s, &ed, &outline] {
             if (!checked_since(*s)) return StepResult::Wait;
             // The weights are those the checker read (earlier stages may have changed the
             // sample's 50/30/20); the outline reads them from the syntax tree on its own.
             const std::vector<Criterion>& checked = s->panel.last_loaded()->rules.criteria;
             const char* const ids[] = {"price", "retreading", "noise"};
             std::vector<const OutlineRow*> rows;
             for (const OutlineRow& row : outline.model().rows)
                 if (row.kind == OutlineRow::Kind::Criterion) rows.push_back(&row);
             if (rows.size() != 3 || checked.size() != 3)
                 return self_test_fail("the outline has " + std::to_string(rows.size()) + " criteria");
             for (std::size_t k = 0; k < 3; ++k)
                 if (rows[k]->id != ids[k] || checked[k].id != ids[k] || rows[k]->weight != checked[k].weight ||
                     rows[k]->points)
                     return self_test_fail("row " + std::to_string(k) + " is " + rows[k]->id + " " +
                                           std::to_string(rows[k]->weight) + ", the checker says " + checked[k].id +
                                           " " + std::to_string(checked[k].weight));
             if (outline.shown_sum() != 100 || outline.sum_is_wrong() || outline.sum_shown_in_red())
                 return self_test_fail("the sum shows " + from_wx(outline.sum_text()));
             // A click on a row goes to its criterion.
             const auto& all = outline.model().rows;
             const auto it = std::find_if(all.begin(), all.end(), [](const OutlineRow& r) { return r.id == "retreading"; });
             if (!outline.activate(static_cast<std::size_t>(it - all.begin())) ||
                 ed.GetCurrentLine() != line_of(ed, "criterion retreading"))
                 return self_test_fail("clicking 'retreading' did not go to its line");
             return StepResult::Done;
         }},
        {"editor: lower a weight by 20 points",
         [s, &ed, &outline] {
             // The first criterion with more than 20 %: its `weight:` line, found from its row.
             for (const OutlineRow& row : outline.model().rows) {
                 if (row.kind != OutlineRow::Kind::Criterion || row.weight <= 20 || !row.pos.known()) continue;
                 const int from = ed.PositionFromLine(row.pos.line - 1);
                 const int at = ed.FindText(from, ed.GetLength(), "weight:", wxSTC_FIND_MATCHCASE);
                 const int percent = at < 0 ? -1 : ed.FindText(at, ed.GetLineEndPosition(ed.LineFromPosition(at)), "%", 0);
                 if (percent < 0) return self_test_fail("no 'weight: N %' after line " + std::to_string(row.pos.line));
                 expect_check(*s);
                 s->changed_from = row.weight;
                 ed.SetTargetStart(at);
                 ed.SetTargetEnd(percent + 1);
                 ed.ReplaceTarget(to_wx("weight: " + exact_number_text(row.weight - 20) + " %"));
                 return StepResult::Done;
             }
             return self_test_fail("no criterion weighs more than 20 %");
         }},
        {"editor: the outline's sum shows 80 % in red",
         [s, &ed, &outline] {
             if (!checked_since(*s)) return StepResult::Wait;
             if (outline.shown_sum() != 80) return self_test_fail("the sum is " + std::to_string(outline.shown_sum()));
             if (!outline.sum_is_wrong() || !outline.sum_shown_in_red()) return self_test_fail("the sum 80 is not shown as wrong");
             if (!outline.sum_text().Contains("80")) return self_test_fail("the footer says '" + from_wx(outline.sum_text()) + "'");
             expect_check(*s);
             ed.Undo();
             return StepResult::Done;
         }},
        {"editor: type a misspelt field name",
         [s, &ed] {
             if (!checked_since(*s)) return StepResult::Wait;
             expect_check(*s);
             s->error_line = line_of(ed, "linear(retreaded,") + 1;
             return ed.replace_first("linear(retreaded,", "linear(retreadd,") ? StepResult::Done
                                                                             : self_test_fail("'linear(retreaded,' not found");
         }},
        {"editor: hovering the squiggle shows the error's message",
         [s, &ed] {
             if (!checked_since(*s)) return StepResult::Wait;
             const Diagnostics& shown = s->panel.problems().shown();
             const auto d = std::find_if(shown.begin(), shown.end(), [&](const Diagnostic& x) {
                 return x.severity == Severity::Error && x.pos.line == s->error_line;
             });
             if (d == shown.end()) return self_test_fail("no error on line " + std::to_string(s->error_line));
             const int line = s->error_line - 1;
             if (!(ed.MarkerGet(line) & 1)) return self_test_fail("no error symbol in the margin");
             // Worded in the UI language, as the tip words it.
             const wxString message = to_wx(diagnostic_text(*d, ui_translator()));
             if (!ed.diagnostic_tip_for_line(line).Contains(message)) return self_test_fail("the line's tip lacks the message");
             // Dwell over the misspelt name, as the mouse would.
             const int pos = ed.FindText(0, ed.GetLength(), "retreadd", wxSTC_FIND_MATCHCASE) + 2;
             ed.EnsureVisibleEnforcePolicy(line);
             ed.GotoPos(pos);
             const wxPoint at = ed.PointFromPosition(pos);
             wxStyledTextEvent dwell(wxEVT_STC_DWELLSTART, ed.GetId());
             dwell.SetEventObject(&ed);
             dwell.SetPosition(pos);
             dwell.SetX(at.x);
             dwell.SetY(at.y);
             ed.CallTipCancel();
             ed.GetEventHandler()->ProcessEvent(dwell);
             const bool tip_open = ed.CallTipActive();
             ed.CallTipCancel();
             if (!tip_open || !ed.last_tip().Contains(message))
                 return self_test_fail("no tip with '" + from_wx(message) + "' over the squiggle");
             expect_check(*s);
             ed.Undo();
             return StepResult::Done;
         }},
        {"editor: the text is as before the editor's stages",
         [s, &ed] {
             if (!checked_since(*s)) return StepResult::Wait;
             if (!s->panel.last_loaded()->ok()) return self_test_fail("errors remain after the editor's stages");
             return ed.text_utf8() == s->before_text ? StepResult::Done : self_test_fail("the text was not put back");
         }},
    };
}

}  // namespace tl::gui
