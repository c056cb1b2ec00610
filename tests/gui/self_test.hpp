#pragma once
/// `tenderloop-gui-selftest --self-test OUTDIR PROJECT` (self_test_main.cpp): drives the real main
/// window through the same paths a user's edits take (editor changes raise the editor's events,
/// checks run from the debounce timer, the export runs on its worker thread) and checks what the
/// views show. Prints each step; the program exits with 0 when every check passed.
#include <functional>
#include <string>
#include <vector>

#include <wx/event.h>
#include <wx/timer.h>

#include "self_test_stage.hpp"

namespace tl::gui {

class MainFrame;

class SelfTest : public wxEvtHandler {
public:
    /// `scenario`: "main" (a bus-tyres project: editor, keyboard, bids, results, export) or
    /// "committee" (a furniture-committee project: the committee's work). `finished(ok)` is
    /// called once at the end.
    SelfTest(MainFrame& frame, wxString out_dir, wxString scenario, std::function<void(bool)> finished);
    void start();

private:
    using Step = StepResult;
    using Stage = SelfTestStage;
    void build_main();
    void on_tick(wxTimerEvent& e);
    Step fail(const std::string& why);
    Step after_check(const std::function<Step()>& then);
    int line_of(const std::string& needle) const;
    bool has_error_on_line(int line) const;

    MainFrame& frame_;
    wxString out_dir_, scenario_;
    std::function<void(bool)> finished_;
    std::vector<Stage> stages_;
    std::size_t stage_ = 0;
    int ticks_in_stage_ = 0;
    int checks_before_ = 0;
    int expected_line_ = 0;
    std::string second_before_;
    bool export_done_ = false;
    std::string export_error_;
    wxTimer timer_;
};

}  // namespace tl::gui
