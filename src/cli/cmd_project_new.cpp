// `tenderloop new P.tender --rules R.crit [--title T] [--replace]`: a new project file with its
// first rules (tl_app checks them and creates the file; an existing file only with --replace).
#include <filesystem>
#include <iostream>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/output_check.hpp"
#include "cli/printable.hpp"
#include "cli/project_cli.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace tl::cli {

namespace {

int run_new(const ParsedArgs& args) {
    expect_positional(args, 1, "PROJECT.tender");
    const std::string path = args.positional[0], rules_path = args.value("--rules");
    if (std::filesystem::path(path).extension() != ".tender")
        throw UsageError(say(Message("cli.new.not-tender", TL_MSG("a project file ends in .tender: '{path}'")).text("path", path)));
    if (args.has("--force") && !args.has("--replace"))
        throw UsageError(option_goes_with("--force", "--replace"));
    // Without --replace an existing file is refused anyway; with it, never the rules it reads, and a
    // file that is not a project only with --force (replacing a project with a project is --replace's job).
    if (args.has("--replace") && !output_allowed("new", path, app::FileKind::Sqlite, {rules_path}, args)) return kExitFailure;
    const auto text = read_input(rules_path, InputKind::Rules);
    if (!text) return kExitFailure;

    app::NewProjectRequest request;
    request.path = path;
    request.title = args.value("--title");
    request.rules_text = *text;
    request.rules_source_name = std::filesystem::path(rules_path).filename().string();
    request.rules_location = rules_path;
    request.reason = reason_of(args);
    request.replace_existing = args.has("--replace");
    app::ChangeOutcome outcome;
    const auto project = app::TenderProject::create(request, user_of(args), TL_VERSION, outcome);
    if (!project) {
        // Rules with errors: their diagnostics say it all.
        if (outcome.refusal == app::Refusal::Problems) {
            print_problems(outcome);
            return kExitFailure;
        }
        return report_refusal("new", outcome);
    }
    print_problems(outcome);  // warnings
    std::cout << say(Message("cli.new.created", TL_MSG("created {path}: '{title}', rules version 1 ({file}), audit head {head}"))
                         .text("path", printable_name(path))
                         .text("title", printable_name(project->info().title))
                         .text("file", printable_name(request.rules_source_name))
                         .text("head", project->audit_head()))
              << "\n";
    return kExitOk;
}

}  // namespace

Command new_project_command() {
    std::vector<OptionSpec> options{{"--rules", "RULES.crit", tr(TL_MSG("the tender's rules (checked; refused with errors)")), true},
                                    {"--title", "TEXT", tr(TL_MSG("the project's title (default: the rules' tender title)"))},
                                    {"--replace", "", tr(TL_MSG("replace an existing file (its rules, bids, committee and audit "
                                                                "log are gone); only once the new project is complete"))},
                                    {"--force", "", tr(TL_MSG("with --replace: replace a file that is not a project all the same "
                                                              "(never the rules file read)"))}};
    for (auto& o : change_options()) options.push_back(o);
    return {"new", "PROJECT.tender",
            tr(TL_MSG("Create a tender project file (SQLite) holding the rules, bids, committee and audit log.")),
            options, &run_new};
}

}  // namespace tl::cli
