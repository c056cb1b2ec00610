#include "gui/self_test.hpp"

#include <clocale>
#include <iostream>

#include <wx/filename.h>
#include <wx/listctrl.h>

#include "gui/diagnostics_list.hpp"
#include "gui/editor_panel.hpp"
#include "gui/main_frame.hpp"
#include "gui/results_model.hpp"
#include "gui/results_panel.hpp"
#include "gui/rules_editor.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {
constexpr int kTickMs = 100;
constexpr int kStageTimeoutTicks = 150;  // 15 s
}  // namespace

SelfTest::SelfTest(MainFrame& frame, wxString out_dir, std::function<void(bool)> finished)
    : frame_(frame), out_dir_(std::move(out_dir)), finished_(std::move(finished)), timer_(this) {
    Bind(wxEVT_TIMER, &SelfTest::on_tick, this, timer_.GetId());
    build();
}

void SelfTest::start() {
    // Shows whether the UI locale changed the C library's numbers (the export must not follow it).
    std::cerr << "self-test: LC_NUMERIC decimal point '" << std::localeconv()->decimal_point << "'\n";
    timer_.Start(kTickMs);
}

SelfTest::Step SelfTest::fail(const std::string& why) {
    std::cerr << "self-test: FAILED: " << why << "\n";
    return Step::Fail;
}

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

void SelfTest::build() {
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
        {"change the retreading weight to 60 %",
         [&] {
             checks_before_ = editor_panel.checks_done();
             return editor_panel.editor().replace_first("weight: 30 %", "weight: 60 %") ? Step::Done
                                                                                       : fail("'weight: 30 %' not found");
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
        {"select a bidder and see its explanation",
         [&] {
             results.select_row(0);
             return results.explanation_text().Contains("NevaRetread") ? Step::Done : fail("no explanation shown");
         }},
        {"export the workbook",
         [&] {
             const wxString path = wxFileName(out_dir_, "self-test-evaluation.xlsx").GetFullPath();
             if (wxFileExists(path)) wxRemoveFile(path);
             const bool started = frame_.export_workbook(path, [this](const std::string& error) {
                 export_error_ = error;
                 export_done_ = true;
             });
             return started ? Step::Done : fail("the export did not start");
         }},
        {"the workbook file exists",
         [&] {
             if (!export_done_) return Step::Wait;
             if (!export_error_.empty()) return fail(export_error_);
             const wxFileName file(out_dir_, "self-test-evaluation.xlsx");
             return file.FileExists() && file.GetSize() > 0 ? Step::Done : fail("no workbook at " + from_wx(file.GetFullPath()));
         }},
    };
}

void SelfTest::on_tick(wxTimerEvent&) {
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
