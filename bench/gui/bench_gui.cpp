// `tl_bench_gui --bench REPORT [--lang ru|en] PROJECT.tender`: the desktop app (tl_gui, app.hpp)
// with the GUI benchmark (gui_bench.hpp) measuring its main window, then closing it. Built only
// with the benchmarks and the GUI; bench/run_gui.sh runs it.
#include <memory>

#include <wx/translation.h>

#include "gui/app.hpp"
#include "gui/main_frame.hpp"
#include "gui_bench.hpp"

namespace tl::gui {

class BenchApp : public App {
public:
    void OnInitCmdLine(wxCmdLineParser& parser) override {
        App::OnInitCmdLine(parser);
        parser.AddOption("", "bench", "measure start-up and edit-to-ranking times, write them to this file, quit",
                         wxCMD_LINE_VAL_STRING, wxCMD_LINE_OPTION_MANDATORY);
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override {
        if (!App::OnCmdLineParsed(parser)) return false;
        parser.Found("bench", &report_);
        return true;
    }

    int OnExit() override {
        bench_.reset();
        return App::OnExit();
    }

protected:
    // A project that cannot be opened ends the run instead of waiting for a click.
    bool unattended() const override { return true; }

    void on_main_window(MainFrame& frame) override {
        bench_ = std::make_unique<GuiBench>(frame, report_);
        bench_->start();
    }

private:
    std::unique_ptr<GuiBench> bench_;
    wxString report_;
};

}  // namespace tl::gui

wxIMPLEMENT_APP_NO_MAIN(tl::gui::BenchApp);

int main(int argc, char** argv) {
    // The translations are found like the app's own (app/data_paths: the build tree's marker).
    return tl::gui::run_app(argc, argv);
}
