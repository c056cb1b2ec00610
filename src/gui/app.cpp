// `tenderloop-gui [PROJECT.tender | RULES.crit [BIDS.csv]] [--lang ru|en] [--page P] [--select BIDDER]
// [--self-test OUTDIR]` or `tenderloop-gui --version`: the desktop app's entry point. Sets up the
// language (the command line, else Preferences, else the system's), parses the command line, opens
// the main window and, when asked, runs the self-test (self_test.hpp).
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "app/data_paths.hpp"
#include "gui/committee_panel.hpp"
#include "gui/gui_bench.hpp"
#include "gui/i18n.hpp"
#include "gui/main_frame.hpp"
#include "gui/preferences.hpp"
#include "gui/results_panel.hpp"
#include "gui/self_test.hpp"
#include "gui/wx_text.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

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
        wxString lang = language_argument(argc, argv);
        if (lang.empty()) lang = Preferences::load().language;
        locale_ = setup_language(lang);
        if (!wxApp::OnInit()) return false;  // parses the command line

        auto* frame = new MainFrame;
        frame->Show();
        if (!rules_.empty() && !frame->open_path(rules_, self_test_)) return !self_test_;
        if (!bids_.empty() && !frame->open_bids(bids_, self_test_)) return !self_test_;
        if (!select_.empty()) frame->results_panel().select_bidder(from_wx(select_));
        if (page_ == "bids") frame->show_page(MainFrame::Page::Bids);
        else if (page_.StartsWith("committee")) frame->show_page(MainFrame::Page::Committee);
        if (page_ == "committee-scoring") frame->committee_panel().show_tab(CommitteePanel::Tab::Scoring);
        else if (page_ == "committee-consensus") frame->committee_panel().show_tab(CommitteePanel::Tab::Consensus);
        // For screenshots and manual checks: a dialog opened as if from its menu.
        if (show_ == "new-project") frame->CallAfter([frame] { frame->ProcessCommand(wxID_NEW); });
        else if (show_ == "preferences") frame->CallAfter([frame] { frame->ProcessCommand(wxID_PREFERENCES); });
        if (!bench_report_.empty()) {
            bench_ = std::make_unique<GuiBench>(*frame, bench_report_);
            bench_->start();
        }
        if (!out_dir_.empty()) {
            self_test_runner_ = std::make_unique<SelfTest>(*frame, out_dir_, scenario_, [this, frame](bool ok) {
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
        parser.AddOption("", "page", _("show this page first: criteria, bids or committee"));
        parser.AddOption("", "show", _("open a dialog at start: new-project or preferences"));
        parser.AddOption("", "self-test", _("run the built-in GUI test, writing files to this folder"));
        parser.AddOption("", "scenario", _("the self-test's scenario: main or committee"));
        parser.AddOption("", "bench", _("measure start-up and edit-to-ranking times, write them to this file, quit"));
        parser.AddParam(_("PROJECT.tender or RULES.crit"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
        parser.AddParam(_("BIDS.csv"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override {
        if (!wxApp::OnCmdLineParsed(parser)) return false;
        if (parser.GetParamCount() > 0) rules_ = parser.GetParam(0);
        if (parser.GetParamCount() > 1) bids_ = parser.GetParam(1);
        parser.Found("select", &select_);
        parser.Found("page", &page_);
        parser.Found("show", &show_);
        if (!parser.Found("scenario", &scenario_)) scenario_ = "main";
        parser.Found("bench", &bench_report_);
        self_test_ = parser.Found("self-test", &out_dir_);
        return true;
    }

    int OnRun() override {
        const int rc = wxApp::OnRun();
        return failed_ ? 1 : rc;
    }

    /// A project file that cannot be read just now (locked by another program, a network share
    /// gone) must not end the app with the user's work: say so and carry on.
    bool OnExceptionInMainLoop() override {
        wxString what = _("An unexpected error occurred.");
        try {
            throw;
        } catch (const std::exception& e) {
            what = to_wx(e.what());
        } catch (...) {
        }
        wxMessageBox(what + "\n\n" + _("Nothing was recorded by the step that failed; try again."), _("TenderLoop"),
                     wxOK | wxICON_ERROR);
        return true;  // keep running
    }

    int OnExit() override {
        self_test_runner_.reset();
        bench_.reset();
        return wxApp::OnExit();
    }

private:
    std::unique_ptr<wxLocale> locale_;
    std::unique_ptr<SelfTest> self_test_runner_;
    std::unique_ptr<GuiBench> bench_;
    wxString rules_, bids_, select_, page_, show_, scenario_, out_dir_, bench_report_;
    bool self_test_ = false;
    bool failed_ = false;
};

}  // namespace tl::gui

wxIMPLEMENT_APP_NO_MAIN(tl::gui::App);

int main(int argc, char** argv) {
    // --version answers without a display (packaging checks run it headless); wx needs one. It
    // also says where the data was found (the same lookup the wizard, F1 and the translations
    // use), so that an installation can be checked without starting the GUI.
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--version") == 0) {
            const tl::app::DataPaths& data = tl::app::program_data_paths();
            std::printf("tenderloop-gui %s\ndata: %s\n", TL_VERSION, tl::app::data_summary(data).c_str());
            if (data.found()) {
                std::printf("translations: %s\nlanguage reference: %s\n", data.locale_dir.c_str(),
                            data.language_reference().c_str());
                for (const std::string& m : data.missing()) std::printf("missing %s\n", m.c_str());
            }
            return 0;
        }
    return wxEntry(argc, argv);
}
