#include "bids_self_test.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include <wx/checkbox.h>
#include <wx/combobox.h>
#include <wx/grid.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "gui/i18n.hpp"
#include "gui/bids_grid_table.hpp"
#include "gui/bids_import_dialog.hpp"
#include "gui/bids_panel.hpp"
#include "gui/main_frame.hpp"
#include "gui/results_panel.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

using Step = StepResult;

/// What the stages share (the lambdas outlive the function that made them).
struct State {
    explicit State(MainFrame& f) : frame(f), panel(f.bids_panel()), table(panel.table()), grid(panel.grid()) {}
    MainFrame& frame;
    BidsPanel& panel;
    BidsGridTable& table;
    wxGrid& grid;
    int row = -1;          // the row the stage works on
    int commits = 0;       // panel.commits_handled() before the last edit
    std::filesystem::path bad_csv, good_csv;
};

int col(const State& s, const std::string& id) { return s.table.column_of(id); }

std::size_t stored(const State& s) { return s.frame.document().project().store().bids().size(); }

std::string stored_answer(const State& s, const std::string& bidder, const std::string& field) {
    const auto e = s.frame.document().project().bid_entry(bidder, "");
    if (!e) return "(no bid)";
    const auto it = e->answers.find(field);
    return it == e->answers.end() ? std::string() : it->second;
}

std::string cell(const State& s, int row, const std::string& id) { return from_wx(s.grid.GetCellValue(row, col(s, id))); }

/// Puts the cursor on the cell and types `text` and Enter as key presses: the first key opens the
/// cell's editor, as when a user starts typing over a cell.
Step type_into(State& s, int row, const std::string& id, const std::string& text) {
    s.frame.show_page(MainFrame::Page::Bids);
    s.grid.SetFocus();
    s.grid.SetGridCursor(row, col(s, id));
    s.grid.MakeCellVisible(row, col(s, id));
    s.commits = s.panel.commits_handled();
    wxUIActionSimulator sim;
    if (!sim.Text(text.c_str()) || !sim.Char(WXK_RETURN)) return self_test_fail("the keyboard simulator is not available");
    return Step::Done;
}

/// Opens the cell's own editor, sets its control (a choice, a checkbox) and closes the editor the
/// way moving to another cell does, which records the value through the grid's events.
Step set_with_editor(State& s, int row, const std::string& id, const std::function<bool(wxWindow*)>& set) {
    const int c = col(s, id);
    s.grid.SetGridCursor(row, c);
    s.commits = s.panel.commits_handled();
    if (!s.grid.CanEnableCellControl()) return self_test_fail("the cell " + id + " cannot be edited");
    s.grid.EnableCellEditControl();
    if (!s.grid.IsCellEditControlShown()) return self_test_fail("no editor opened on " + id);
    wxGridCellEditor* editor = s.grid.GetCellEditor(row, c);
    const bool ok = set(editor->GetWindow());
    editor->DecRef();
    s.grid.DisableCellEditControl();
    return ok ? Step::Done : self_test_fail("the editor of " + id + " is not the expected control");
}

bool committed_since(const State& s) { return s.panel.commits_handled() > s.commits; }

Step undo(State& s, const std::string& expected_label) {
    UndoStack& stack = s.frame.document().undo_stack();
    if (stack.undo_label() != expected_label)
        return self_test_fail("the undo step is '" + stack.undo_label() + "', expected '" + expected_label + "'");
    // Edit > Undo, as the menu sends it (the Bids page is shown, so it undoes the project change).
    const std::size_t before = stack.can_undo() ? 1 : 0;
    const std::string label = stack.undo_label();
    wxCommandEvent undo_command(wxEVT_MENU, wxID_UNDO);
    s.frame.ProcessWindowEvent(undo_command);
    const bool undone = before == 1 && stack.redo_label() == label;
    return undone ? Step::Done : self_test_fail("Edit > Undo did not undo '" + label + "'");
}

/// An undo label as the panel makes it (translated like the menu shows it).
std::string label(const wxString& format, const char* name) { return from_wx(wxString::Format(format, to_wx(name))); }

bool write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
}

const char* const kHeader = "bidder,submitted,price,retreaded,noise,take_back\n";

}  // namespace

std::vector<SelfTestStage> bids_self_test_stages(MainFrame& frame) {
    auto s = std::make_shared<State>(frame);
    return {
        {"bids: the grid shows the sample's five bids with the fields' columns",
         [s] {
             if (!s->frame.document().is_open()) return Step::Wait;
             s->frame.show_page(MainFrame::Page::Bids);
             if (s->table.state() != BidsGridTable::State::Bids) return self_test_fail("the rules do not check");
             if (s->grid.GetNumberRows() != 5) return self_test_fail(std::to_string(s->grid.GetNumberRows()) + " rows");
             for (const char* id : {"bidder", "submitted", "price", "retreaded", "noise", "take_back"})
                 if (col(*s, id) < 0) return self_test_fail(std::string("no column ") + id);
             if (col(*s, "lot") >= 0) return self_test_fail("a lot column in a tender without lots");
             if (!s->grid.GetColLabelValue(col(*s, "price")).Contains("(RUB)"))
                 return self_test_fail("the price header has no unit: " + from_wx(s->grid.GetColLabelValue(col(*s, "price"))));
             if (!s->grid.GetColLabelValue(col(*s, "retreaded")).Contains("(%)")) return self_test_fail("no % in the header");
             const int neva = s->table.row_of("NevaRetread", "");
             if (neva < 0 || cell(*s, neva, "price") != "11000000") return self_test_fail("NevaRetread's price is not shown");
             if (!s->table.source_text(neva).Contains("bids.csv, "))
                 return self_test_fail("the source is " + from_wx(s->table.source_text(neva)));
             if (!s->table.GetValueAsBool(neva, col(*s, "take_back"))) return self_test_fail("take_back is not ticked");
             if (s->frame.results_panel().bidder_at(0) != "NevaRetread")
                 return self_test_fail("first is '" + s->frame.results_panel().bidder_at(0) + "'");
             return Step::Done;
         }},
        {"bids: Insert starts a new row",
         [s] {
             s->grid.SetFocus();
             s->grid.SetGridCursor(0, 0);
             wxUIActionSimulator sim;
             return sim.Char(WXK_INSERT) ? Step::Done : self_test_fail("the keyboard simulator is not available");
         }},
        {"bids: the new row waits for a bidder; type one",
         [s] {
             const auto& d = s->table.draft();
             if (!d) return Step::Wait;
             if (!d->is_new || d->row != 5) return self_test_fail("the draft is not a new row at the end");
             if (!s->table.needed_at(5, col(*s, "bidder"))) return self_test_fail("the bidder cell is not marked as needed");
             if (s->grid.GetGridCursorRow() != 5 || s->grid.GetGridCursorCol() != col(*s, "bidder"))
                 return self_test_fail("the cursor is not on the new bidder cell");
             s->row = 5;
             return type_into(*s, s->row, "bidder", "EcoShina");
         }},
        {"bids: an incomplete bid is not recorded, its empty cells are marked; type the price",
         [s] {
             if (!committed_since(*s)) return Step::Wait;
             const auto& d = s->table.draft();
             if (!d || d->entry.bidder != "EcoShina") return self_test_fail("the typed bidder was not kept");
             if (stored(*s) != 5) return self_test_fail("an incomplete bid was recorded");
             if (!s->table.needed_at(s->row, col(*s, "price")) || !s->table.problem_at(s->row, col(*s, "price")).empty())
                 return self_test_fail("the empty price is not marked as to fill in");
             return type_into(*s, s->row, "price", "10000000");
         }},
        {"bids: type the retreaded share",
         [s] {
             if (!committed_since(*s)) return Step::Wait;
             if (cell(*s, s->row, "price") != "10000000") return self_test_fail("price is '" + cell(*s, s->row, "price") + "'");
             return type_into(*s, s->row, "retreaded", "85");
         }},
        {"bids: tick take-back in its checkbox",
         [s] {
             if (!committed_since(*s)) return Step::Wait;
             return set_with_editor(*s, s->row, "take_back", [](wxWindow* w) {
                 auto* box = dynamic_cast<wxCheckBox*>(w);
                 return box && (box->SetValue(true), true);
             });
         }},
        {"bids: choose noise class A; the bid is complete and recorded",
         [s] {
             if (!committed_since(*s)) return Step::Wait;
             if (stored(*s) != 5) return self_test_fail("recorded before the noise class was chosen");
             return set_with_editor(*s, s->row, "noise", [](wxWindow* w) {
                 auto* choice = dynamic_cast<wxComboBox*>(w);
                 return choice && choice->SetStringSelection("A");
             });
         }},
        {"bids: EcoShina is recorded and ranked first",
         [s] {
             if (!committed_since(*s)) return Step::Wait;
             if (s->table.draft()) return self_test_fail("still editing: " + s->table.draft()->refusal);
             if (stored(*s) != 6) return self_test_fail(std::to_string(stored(*s)) + " bids stored");
             const int row = s->table.row_of("EcoShina", "");
             if (row < 0) return self_test_fail("EcoShina has no row");
             if (!s->table.source_text(row).Contains(to_wx(s->frame.document().project().user())))
                 return self_test_fail("the source does not say who entered it: " + from_wx(s->table.source_text(row)));
             if (stored_answer(*s, "EcoShina", "take_back") != "yes") return self_test_fail("take_back not recorded as yes");
             if (s->frame.results_panel().bidder_at(0) != "EcoShina") return Step::Wait;
             return Step::Done;
         }},
        {"bids: type a word into NevaRetread's price",
         [s] {
             s->row = s->table.row_of("NevaRetread", "");
             return type_into(*s, s->row, "price", "twelve");
         }},
        {"bids: the cell is marked with the reason, the typed text is kept, nothing is recorded",
         [s] {
             if (!committed_since(*s)) return Step::Wait;
             const auto& d = s->table.draft();
             if (!d || d->is_new || d->row != s->row) return self_test_fail("the row is not being edited");
             const std::string why = s->table.problem_at(s->row, col(*s, "price"));
             // The cell is found from the refusal's structured place (its field), and the reason is
             // worded in the UI language without the row/column prefix of a file's message.
             const std::string expected =
                 ui_is_russian() ? "'twelve' \xE2\x80\x94 не число в RUB" : "'twelve' is not a number in RUB";
             if (why != expected) return self_test_fail("the reason is '" + why + "', not '" + expected + "'");
             if (!s->table.problem_at(s->row, col(*s, "bidder")).empty()) return self_test_fail("the bidder cell is marked too");
             wxGridCellAttr* attr = s->table.GetAttr(s->row, col(*s, "price"), wxGridCellAttr::Any);
             const wxColour bg = attr->GetBackgroundColour();
             attr->DecRef();
             if (bg.Red() != 255 || bg.Green() > 210) return self_test_fail("the cell is not red");
             if (cell(*s, s->row, "price") != "twelve") return self_test_fail("the typed text was lost");
             if (!s->panel.status_text().Contains(to_wx(why))) return self_test_fail("the status line does not say why");
             // Pointing at the cell shows the reason as its tooltip.
             wxWindow* cells = s->grid.GetGridWindow();
             const wxPoint at = s->grid.CalcScrolledPosition(s->grid.CellToRect(s->row, col(*s, "price")).GetPosition()) +
                                wxPoint(4, 4);
             wxMouseEvent motion(wxEVT_MOTION);
             motion.SetPosition(at);
             motion.SetEventObject(cells);
             cells->GetEventHandler()->ProcessEvent(motion);
             if (cells->GetToolTipText() != to_wx(why))
                 return self_test_fail("the tooltip says '" + from_wx(cells->GetToolTipText()) + "'");
             if (stored_answer(*s, "NevaRetread", "price") != "11000000") return self_test_fail("the wrong price was recorded");
             if (s->grid.GetGridCursorRow() != s->row) return self_test_fail("the cursor left the refused cell");
             s->grid.SetFocus();
             wxUIActionSimulator sim;
             return sim.Char(WXK_ESCAPE) ? Step::Done : self_test_fail("the keyboard simulator is not available");
         }},
        {"bids: Esc discards what was typed",
         [s] {
             if (s->table.draft()) return Step::Wait;
             return cell(*s, s->row, "price") == "11000000" ? Step::Done : self_test_fail("the stored price is not back");
         }},
        {"bids: choose noise class C for NevaRetread",
         [s] {
             return set_with_editor(*s, s->row, "noise", [](wxWindow* w) {
                 auto* choice = dynamic_cast<wxComboBox*>(w);
                 return choice && choice->SetStringSelection("C");
             });
         }},
        {"bids: the change is recorded; undo it",
         [s] {
             if (!committed_since(*s)) return Step::Wait;
             if (stored_answer(*s, "NevaRetread", "noise") != "C") return self_test_fail("noise C was not recorded");
             return undo(*s, label(_("change bid '%s'"), "NevaRetread"));
         }},
        {"bids: the undo put noise A back; remove BalticRubber",
         [s] {
             if (stored_answer(*s, "NevaRetread", "noise") != "A") return self_test_fail("noise is not A again");
             if (cell(*s, s->table.row_of("NevaRetread", ""), "noise") != "A") return self_test_fail("the grid still shows C");
             s->grid.SetGridCursor(s->table.row_of("BalticRubber", ""), 0);
             s->panel.remove_selected(false);
             if (s->table.row_of("BalticRubber", "") >= 0 || stored(*s) != 5) return self_test_fail("not removed");
             return undo(*s, label(_("remove bid '%s'"), "BalticRubber"));
         }},
        {"bids: the undo re-added BalticRubber; import a file with a wrong price",
         [s] {
             if (s->table.row_of("BalticRubber", "") < 0 || stored(*s) != 6) return self_test_fail("BalticRubber is not back");
             const auto dir = std::filesystem::temp_directory_path();
             s->bad_csv = dir / "tenderloop-self-test-bad-bids.csv";
             s->good_csv = dir / "tenderloop-self-test-bids.csv";
             if (!write_text(s->bad_csv, std::string(kHeader) + "BadTyre,2026-03-05T10:00:00,lots,60,B,yes\n") ||
                 !write_text(s->good_csv, std::string(kHeader) + "ZelenShina,2026-03-05T10:00:00,12500000,60,B,yes\n"))
                 return self_test_fail("cannot write the test files");
             if (s->panel.import_files({s->bad_csv.string()}, true)) return self_test_fail("a wrong file was imported");
             const auto& problems = s->panel.last_import().problems;
             if (problems.size() != 1 || stored(*s) != 6) return self_test_fail("expected one problem and nothing imported");
             const ImportProblemRow r = import_problem_row(problems.front());
             if (r.file != "tenderloop-self-test-bad-bids.csv" || r.row != "2" || r.column != "3" || r.field != "price" ||
                 !r.message.Contains("lots"))
                 return self_test_fail("the problem reads " + from_wx(r.file + "|" + r.row + "|" + r.column + "|" + r.field +
                                                                     "|" + r.message));
             if (!s->panel.import_files({s->good_csv.string()}, true)) return self_test_fail(s->panel.last_import().summary);
             if (s->table.row_of("ZelenShina", "") < 0 || stored(*s) != 7) return self_test_fail("ZelenShina not imported");
             return undo(*s, label(_("import of %s"), "tenderloop-self-test-bids.csv"));
         }},
        {"bids: the import is undone; undo adding EcoShina",
         [s] {
             std::error_code ignored;
             std::filesystem::remove(s->bad_csv, ignored);
             std::filesystem::remove(s->good_csv, ignored);
             if (s->table.row_of("ZelenShina", "") >= 0 || stored(*s) != 6) return self_test_fail("the import is still there");
             return undo(*s, label(_("add bid '%s'"), "EcoShina"));
         }},
        {"bids: EcoShina is gone and NevaRetread is first again",
         [s] {
             if (s->table.row_of("EcoShina", "") >= 0 || stored(*s) != 5 || s->grid.GetNumberRows() != 5)
                 return self_test_fail("EcoShina is still there");
             if (s->frame.results_panel().bidder_at(0) != "NevaRetread") return Step::Wait;
             return Step::Done;
         }},
    };
}

}  // namespace tl::gui
