#pragma once
/// The desktop app: sets up the language (the command line, else Preferences, else the system's),
/// parses the command line and opens the main window. `tenderloop-gui` (main.cpp) runs it as is.
///
/// The one seam for test and benchmark builds: a subclass in their own executable
/// (tests/gui: `tenderloop-gui-selftest`, bench/gui: `tl_bench_gui`) adds its options by
/// overriding OnInitCmdLine / OnCmdLineParsed (calling these first), and overrides the two
/// hooks below to drive the same main window. The shipped app has no such subclass, no test
/// option and no test code.
#include <memory>

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/intl.h>

namespace tl::gui {

class MainFrame;

class App : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    /// A project file that cannot be read just now (locked by another program, a network share
    /// gone) must not end the app with the user's work: say so and carry on.
    bool OnExceptionInMainLoop() override;

protected:
    /// True when nobody is at the screen (a test run): a file named on the command line that
    /// cannot be opened gives no message box and ends the app with a failure. The app: false.
    virtual bool unattended() const { return false; }
    /// Called once, at the end of start-up, with the main window shown, the command line's files
    /// opened and its page chosen. The app does nothing here.
    virtual void on_main_window(MainFrame& /*frame*/) {}

private:
    std::unique_ptr<wxLocale> locale_;
    wxString rules_, bids_, select_, page_, show_;
};

/// The body of main() for an executable whose wxIMPLEMENT_APP_NO_MAIN names App or a subclass:
/// answers `--version` without a display (packaging checks run it headless), else runs wx.
int run_app(int argc, char** argv);

}  // namespace tl::gui
