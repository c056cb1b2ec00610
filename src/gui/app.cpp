// `tenderloop-gui [PROJECT.tender | RULES.crit [BIDS.csv]] [--lang ru|en] [--page P] [--select BIDDER]
// [--show DIALOG]`: the desktop app (app.hpp).
#include "gui/app.hpp"

#include <cstdio>
#include <cstring>
#include <exception>

#include <wx/msgdlg.h>

#include "app/data_paths.hpp"
#include "gui/committee_panel.hpp"
#include "gui/i18n.hpp"
#include "gui/main_frame.hpp"
#include "gui/preferences.hpp"
#include "gui/project_document.hpp"
#include "gui/results_panel.hpp"
#include "gui/rules_correction_dialog.hpp"
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

/// For screenshots and manual checks: the dialog that Ctrl+S on edited criteria shows in a project
/// that holds bids, with the store's real refusal. Records nothing (the reason typed is dropped).
void show_rules_correction_preview(MainFrame& frame) {
    if (!frame.document().is_open() || frame.document().project().bids().empty()) return;
    app::TenderProject& project = frame.document().project();
    const app::ChangeOutcome refused =
        project.set_rules(project.rules_version().text + "\n", project.rules_version().source_name, "");
    if (refused.refusal != app::Refusal::RulesFrozen) return;
    std::string reason;
    ask_rules_correction(&frame, refused, reason);
}

}  // namespace

bool App::OnInit() {
    SetAppName("tenderloop-gui");
    wxString lang = language_argument(argc, argv);
    if (lang.empty()) lang = Preferences::load().language;
    locale_ = setup_language(lang);
    if (!wxApp::OnInit()) return false;  // parses the command line

    auto* frame = new MainFrame;
    frame->Show();
    const bool quiet = unattended();
    if (!rules_.empty() && !frame->open_path(rules_, quiet)) return !quiet;
    if (!bids_.empty() && !frame->open_bids(bids_, quiet)) return !quiet;
    if (!select_.empty()) frame->results_panel().select_bidder(from_wx(select_));
    if (page_ == "bids") frame->show_page(MainFrame::Page::Bids);
    else if (page_.StartsWith("committee")) frame->show_page(MainFrame::Page::Committee);
    if (page_ == "committee-scoring") frame->committee_panel().show_tab(CommitteePanel::Tab::Scoring);
    else if (page_ == "committee-consensus") frame->committee_panel().show_tab(CommitteePanel::Tab::Consensus);
    // For screenshots and manual checks: a dialog opened as if from its menu.
    if (show_ == "new-project") frame->CallAfter([frame] { frame->ProcessCommand(wxID_NEW); });
    else if (show_ == "preferences") frame->CallAfter([frame] { frame->ProcessCommand(wxID_PREFERENCES); });
    else if (show_ == "rules-correction") frame->CallAfter([frame] { show_rules_correction_preview(*frame); });
    on_main_window(*frame);
    return true;
}

void App::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "lang", _("user interface language: en or ru (default: the system's)"));
    parser.AddOption("", "select", _("select this bidder in the results"));
    parser.AddOption("", "page", _("show this page first: criteria, bids or committee"));
    parser.AddOption("", "show", _("open a dialog at start: new-project, preferences or rules-correction"));
    parser.AddParam(_("PROJECT.tender or RULES.crit"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    parser.AddParam(_("BIDS.csv"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    if (parser.GetParamCount() > 0) rules_ = parser.GetParam(0);
    if (parser.GetParamCount() > 1) bids_ = parser.GetParam(1);
    parser.Found("select", &select_);
    parser.Found("page", &page_);
    parser.Found("show", &show_);
    return true;
}

bool App::OnExceptionInMainLoop() {
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

int run_app(int argc, char** argv) {
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

}  // namespace tl::gui
