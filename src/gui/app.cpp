// `tenderloop-gui [RULES.crit [BIDS.csv]] [--lang ru|en] [--select BIDDER] [--self-test OUTDIR]`:
// the desktop app's entry point. Sets up the language, parses the command line, opens the main
// window and, when asked, runs the self-test (self_test.hpp).
#include <memory>

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/intl.h>

#include "gui/i18n.hpp"
#include "gui/main_frame.hpp"
#include "gui/results_panel.hpp"
#include "gui/self_test.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

/// Finds `--lang X` / `--lang=X` before wx parses the command line, so that the parser's own
/// messages are already translated.
wxString language_argument(int argc, wxChar** argv) {
    for (int i = 1; i < argc; ++i) {
        const wxString arg(argv[i]);
        if (arg == "--lang" && i + 1 < argc) return wxString(argv[i + 1]);
        if (arg.StartsWith("--lang=")) return arg.Mid(7);
    }
    return wxString();
}

}  // namespace

class App : public wxApp {
public:
    bool OnInit() override {
        SetAppName("tenderloop-gui");
        locale_ = setup_language(language_argument(argc, argv));
        if (!wxApp::OnInit()) return false;  // parses the command line

        auto* frame = new MainFrame;
        frame->Show();
        if (!rules_.empty() && !frame->open_rules(rules_, self_test_)) return !self_test_;
        if (!bids_.empty() && !frame->open_bids(bids_, self_test_)) return !self_test_;
        if (!select_.empty()) frame->results_panel().select_bidder(from_wx(select_));
        if (!out_dir_.empty()) {
            self_test_runner_ = std::make_unique<SelfTest>(*frame, out_dir_, [this, frame](bool ok) {
                failed_ = !ok;
                frame->Close(true);
            });
            self_test_runner_->start();
        }
        return true;
    }

    void OnInitCmdLine(wxCmdLineParser& parser) override {
        wxApp::OnInitCmdLine(parser);
        parser.AddOption("", "lang", _("user interface language: en or ru (default: the system's)"));
        parser.AddOption("", "select", _("select this bidder in the results"));
        parser.AddOption("", "self-test", _("run the built-in GUI test, writing files to this folder"));
        parser.AddParam(_("RULES.crit"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
        parser.AddParam(_("BIDS.csv"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override {
        if (!wxApp::OnCmdLineParsed(parser)) return false;
        if (parser.GetParamCount() > 0) rules_ = parser.GetParam(0);
        if (parser.GetParamCount() > 1) bids_ = parser.GetParam(1);
        parser.Found("select", &select_);
        self_test_ = parser.Found("self-test", &out_dir_);
        return true;
    }

    int OnRun() override {
        const int rc = wxApp::OnRun();
        return failed_ ? 1 : rc;
    }

    int OnExit() override {
        self_test_runner_.reset();
        return wxApp::OnExit();
    }

private:
    std::unique_ptr<wxLocale> locale_;
    std::unique_ptr<SelfTest> self_test_runner_;
    wxString rules_, bids_, select_, out_dir_;
    bool self_test_ = false;
    bool failed_ = false;
};

}  // namespace tl::gui

wxIMPLEMENT_APP(tl::gui::App);
