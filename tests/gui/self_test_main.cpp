// `tenderloop-gui-selftest --self-test OUTDIR [--scenario main|committee] [--lang ru|en] PROJECT`:
// the desktop app (tl_gui, app.hpp) with the GUI self-test (self_test.hpp) driving its main
// window. Exits 0 when every check passed. Built only with the tests; run_self_test.sh runs it.
#include <memory>

#include <wx/translation.h>

#include "gui/app.hpp"
#include "gui/main_frame.hpp"
#include "self_test.hpp"

namespace tl::gui {

class SelfTestApp : public App {
public:
    void OnInitCmdLine(wxCmdLineParser& parser) override {
        App::OnInitCmdLine(parser);
        parser.AddOption("", "self-test", "run the GUI self-test, writing its files to this folder",
                         wxCMD_LINE_VAL_STRING, wxCMD_LINE_OPTION_MANDATORY);
        parser.AddOption("", "scenario", "the self-test's scenario: main (the default) or committee");
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override {
        if (!App::OnCmdLineParsed(parser)) return false;
        parser.Found("self-test", &out_dir_);
        if (!parser.Found("scenario", &scenario_)) scenario_ = "main";
        return true;
    }

    int OnRun() override {
        const int rc = App::OnRun();
        return failed_ ? 1 : rc;
    }

    int OnExit() override {
        runner_.reset();
        return App::OnExit();
    }

protected:
    bool unattended() const override { return true; }

    void on_main_window(MainFrame& frame) override {
        runner_ = std::make_unique<SelfTest>(frame, out_dir_, scenario_, [this, &frame](bool ok) {
            failed_ = !ok;
            frame.Close(true);
        });
        runner_->start();
    }

private:
    std::unique_ptr<SelfTest> runner_;
    wxString out_dir_, scenario_;
    bool failed_ = false;
};

}  // namespace tl::gui

wxIMPLEMENT_APP_NO_MAIN(tl::gui::SelfTestApp);

int main(int argc, char** argv) {
    // The translations are found like the app's own (app/data_paths: the build tree's marker).
    return tl::gui::run_app(argc, argv);
}
