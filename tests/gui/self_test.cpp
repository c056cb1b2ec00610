#include "self_test.hpp"

#include <clocale>
#include <iostream>

#include <wx/filename.h>
#include <wx/listctrl.h>
#include <wx/uiaction.h>

#include "bids_self_test.hpp"
#include "committee_self_test.hpp"
#include "gui/diagnostics_list.hpp"
#include "editor_self_test.hpp"
#include "gui/editor_panel.hpp"
#include "gui/main_frame.hpp"
#include "gui/results_model.hpp"
#include "gui/results_panel.hpp"
#include "gui/rules_editor.hpp"
#include "gui/rules_correction_dialog.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {
constexpr int kTickMs = 100;

std::vector<SelfTestStage> editor_stages(MainFrame& frame) { return editor_self_test_stages(frame.editor_panel()); }
std::vector<SelfTestStage> bids_stages(MainFrame& frame) { return bids_self_test_stages(frame); }
constexpr int kStageTimeoutTicks = 150;  // 15 s
}  // namespace

SelfTest::SelfTest(MainFrame& frame, wxString out_dir, wxString scenario, std::function<void(bool)> finished)
    : frame_(frame), out_dir_(std::move(out_dir)), scenario_(std::move(scenario)), finished_(std::move(finished)),
      timer_(this) {
    Bind(wxEVT_TIMER, &SelfTest::on_tick, this, timer_.GetId());
    if (scenario_ == "committee") {
        stages_ = committee_self_test_stages(frame_);
    } else {
        // The editor's own steps, the main window's (which leave the criteria checked and
        // recorded), then the bids grid's (which need a ranking).
        build_main();
        for (auto* more : {&editor_stages, &bids_stages})
            for (SelfTestStage& stage : (*more)(frame_)) stages_.push_back(std::move(stage));
    }
}

void SelfTest::start() {
    // Shows whether the UI locale changed the C library's numbers (the export must not follow it).
    std::cerr << "self-test: LC_NUMERIC decimal point '" << std::localeconv()->decimal_point << "'\n";
    timer_.Start(kTickMs);
}

StepResult self_test_fail(const std::string& why) {
    std::cerr << "self-test: FAILED: " << why << "\n";
    return StepResult::Fail;
}

SelfTest::Step SelfTest::fail(const std::string& why) { return self_test_fail(why); }

SelfTest::Step SelfTest::after_check(const std::function<Step()>& then) {
    // Wait until the debounced check (started by the edit) has run.
    if (frame_.editor_panel().checks_done() <= checks_before_) return Step::Wait;
    return then();
}

int SelfTest::line_of(const std::string& needle) const {
    RulesEditor& ed = frame_.editor_panel().editor();
    const int pos = ed.FindText(0, ed.GetLength(), to_wx(needle), wxSTC_FIND_MATCHCASE);
    return pos < 0 ? 0 : ed.LineFromPosition(pos) + 1;
}

bool SelfTest::has_error_on_line(int line) const {
    // What the problems list shows: severity and "file:line" columns.
    DiagnosticsList& list = frame_.editor_panel().problems();
    const wxString suffix = wxString::Format(":%d", line);
    for (long row = 0; row < list.GetItemCount(); ++row)
        if (list.GetItemText(row, 1).EndsWith(suffix) && row < static_cast<long>(list.shown().size()) &&
            list.shown()[static_cast<std::size_t>(row)].severity == Severity::Error)
            return true;
    return false;
}

void SelfTest::build_main() {
    auto& results = frame_.results_panel();
    auto& editor_panel = frame_.editor_panel();
    stages_ = {
        {"NevaRetread is ranked first",
         [&] {
             if (results.model().rows() == 0) return Step::Wait;
             if (results.bidder_at(0) != "NevaRetread") return fail("first is '" + results.bidder_at(0) + "'");
             second_before_ = results.bidder_at(1);
             return Step::Done;
         }},
        {"change the price weight to 20 %",
         [&] {
             checks_before_ = editor_panel.checks_done();
             if (!editor_panel.editor().replace_first("weight: 50 %", "weight: 20 %"))
                 return fail("'weight: 50 %' not in the editor");
             expected_line_ = line_of("weight: 20 %");
             return Step::Done;
         }},
        {"the weights error is listed on the price weight's line",
         [&] {
             return after_check([&] {
                 return has_error_on_line(expected_line_)
                            ? Step::Done
                            : fail("no error listed on line " + std::to_string(expected_line_));
             });
         }},
        {"type 60 over the retreading weight with the keyboard",
         [&] {
             // Real key events through the X server (wxUIActionSimulator): the editor must have
             // the keyboard focus and the old value selected.
             RulesEditor& ed = editor_panel.editor();
             const int pos = ed.FindText(0, ed.GetLength(), "weight: 30 %", wxSTC_FIND_MATCHCASE);
             if (pos < 0) return fail("'weight: 30 %' not found");
             frame_.show_page(MainFrame::Page::Criteria);
             ed.SetFocus();
             ed.SetSelection(pos + 8, pos + 10);
             checks_before_ = editor_panel.checks_done();
             wxUIActionSimulator sim;
             return sim.Text("60") ? Step::Done : fail("the keyboard simulator is not available");
         }},
        {"the ranking changed",
         [&] {
             return after_check([&] {
                 if (!editor_panel.problems().shown().empty()) return fail("problems remain after fixing the weights");
                 if (results.bidder_at(0) != "NevaRetread") return fail("first is now '" + results.bidder_at(0) + "'");
                 if (results.bidder_at(1) == second_before_ || results.bidder_at(1) != "Kolesa Severo-Zapad")
                     return fail("second is '" + results.bidder_at(1) + "', was '" + second_before_ + "'");
                 return Step::Done;
             });
         }},
        {"type an error",
         [&] {
             checks_before_ = editor_panel.checks_done();
             RulesEditor& ed = editor_panel.editor();
             expected_line_ = line_of("field take_back");
             ed.InsertText(ed.PositionFromLine(expected_line_ - 1), "field take_back yesno {\n");
             return Step::Done;
         }},
        {"the error is listed with its line",
         [&] {
             return after_check([&] {
                 return has_error_on_line(expected_line_) ? Step::Done
                                                          : fail("no error listed on line " + std::to_string(expected_line_));
             });
         }},
        {"undo the error",
         [&] {
             checks_before_ = editor_panel.checks_done();
             editor_panel.editor().Undo();
             return Step::Done;
         }},
        {"no problems after undo",
         [&] {
             return after_check([&] {
                 return editor_panel.problems().shown().empty() ? Step::Done : fail("problems remain after undo");
             });
         }},
        {"Ctrl+S asks for a correction's reason (bids are in) and records rules version 2 as a correction",
         [&] {
             if (!frame_.document().is_open()) return fail("no project is open");
             if (frame_.document().project().rules_version().version >= 2)
                 return frame_.document().project().rules_version().correction &&
                                frame_.document().project().rules_version().reason == "typo in a criterion name"
                            ? Step::Done
                            : fail("rules version 2 is not recorded as a correction with its reason");
             // The rules are frozen once bids are in: the dialog asks why (a timer tick runs in its modal loop).
             if (auto* ask = dynamic_cast<RulesCorrectionDialog*>(wxWindow::FindWindowByName("rules-correction"))) {
                 if (ask->IsModal()) {
                     ask->set_reason("typo in a criterion name");
                     ask->EndModal(wxID_OK);
                 }
                 return Step::Wait;
             }
             if (ticks_in_stage_ == 0) {
                 frame_.SetFocus();
                 frame_.editor_panel().editor().SetFocus();
                 wxUIActionSimulator sim;
                 sim.Char('S', wxMOD_CONTROL);
             }
             return Step::Wait;
         }},
        {"select a bidder and see its explanation",
         [&] {
             results.select_row(0);
             return results.explanation_text().Contains("NevaRetread") ? Step::Done : fail("no explanation shown");
         }},
        {"export the workbook",
         [&] {
             const wxString path = wxFileName(out_dir_, "self-test-evaluation.xlsx").GetFullPath();
             if (wxFileExists(path)) wxRemoveFile(path);
             const bool started = frame_.export_workbook(
                 path,
                 [this](const std::string& error) {
                     export_error_ = error;
                     export_done_ = true;
                 },
                 false);  // with the progress dialog, as a user sees it
             return started ? Step::Done : fail("the export did not start");
         }},
        {"the workbook file exists",
         [&] {
             if (!export_done_) return Step::Wait;
             if (!export_error_.empty()) return fail(export_error_);
             const wxFileName file(out_dir_, "self-test-evaluation.xlsx");
             if (!(file.FileExists() && file.GetSize() > 0)) return fail("no workbook at " + from_wx(file.GetFullPath()));
             if (frame_.document().is_open() && frame_.document().project().store().exports().empty())
                 return fail("the project did not record the export");
             return Step::Done;
         }},
    };
}

void SelfTest::on_tick(wxTimerEvent&) {
    if (stages_.empty()) {
        timer_.Stop();
        fail("no self-test stages for the scenario '" + from_wx(scenario_) + "'");
        finished_(false);
        return;
    }
    if (stage_ >= stages_.size()) return;
    const Step step = stages_[stage_].run();
    if (step == Step::Wait && ++ticks_in_stage_ < kStageTimeoutTicks) return;
    if (step == Step::Wait) fail(std::string("timed out: ") + stages_[stage_].name);
    if (step != Step::Done) {
        timer_.Stop();
        finished_(false);
        return;
    }
    std::cerr << "self-test: ok: " << stages_[stage_].name << "\n";
    ++stage_;
    ticks_in_stage_ = 0;
    if (stage_ == stages_.size()) {
        timer_.Stop();
        std::cerr << "self-test: all checks passed\n";
        finished_(true);
    }
}

}  // namespace tl::gui
