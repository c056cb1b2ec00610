#pragma once
/// `tl_bench_gui --bench REPORT PROJECT.tender` (bench_gui.cpp): the desktop app's benchmark
/// (bench/run_gui.sh). Measures, in the real main window, (1) when the window first shows a ranking (the script
/// compares it with the time it launched the process), and (2) the time from an edit in the
/// criteria editor to the updated ranking painted on screen, against the same check and
/// evaluation done by the libraries alone in the same process (the baseline). Writes one
/// `key value` line per figure to REPORT and closes the app.
#include <wx/event.h>
#include <wx/timer.h>

namespace tl::gui {

class MainFrame;

class GuiBench : public wxEvtHandler {
public:
    GuiBench(MainFrame& frame, wxString report_path);
    void start();

private:
    void on_tick(wxTimerEvent& e);
    void run_edits();

    MainFrame& frame_;
    wxString report_path_;
    wxTimer timer_;
    bool done_ = false;
};

}  // namespace tl::gui
