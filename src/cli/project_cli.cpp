#include "cli/cli_translator.hpp"
#include "cli/project_cli.hpp"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/tender_project.hpp"
#include "cli/cli_translator.hpp"
#include "cli/inputs.hpp"
#include "cli/printable.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace tl::cli {

bool is_project_path(const std::string& path) {
    return std::filesystem::path(path).extension() == ".tender" || app::is_sqlite_file(path);
}

void no_more_than_action(const ParsedArgs& args) {
    if (args.positional.size() > 2) throw UsageError(unexpected_argument(args.positional[2]));
}

std::vector<OptionSpec> change_options() {
    return {{"--user", "NAME", tr(TL_MSG("who makes the change, for the audit log (default: the login name)"))},
            {"--reason", "TEXT", tr(TL_MSG("why, for the audit log"))}};
}

std::string missing_project() {
    return say(Message("cli.missing-argument", TL_MSG("missing argument {what}")).text("what", "PROJECT.tender"));
}

std::string after_action(const std::string& what, const std::string& action) {
    return say(Message("cli.after-action", TL_MSG("{what} (after '{action}')")).text("what", what).text("action", action));
}

std::string project_option_help(const std::string& help) {
    return say(Message("cli.option.project-only", TL_MSG("project: {help}")).text("help", help));
}

std::string wrote_workbook(const std::string& out, std::size_t lots, std::size_t bids, std::size_t ranked) {
    return say(Message("cli.export.wrote", TL_MSG("wrote {path}: {lots}, {bids}, {ranked} ranked"))
                   .text("path", printable_name(out))
                   .nested("lots", Message("cli.n-lots", TL_MSG_PLURAL("{n} lot", "{n} lots")).count("n", static_cast<long long>(lots)))
                   .nested("bids", Message("cli.n-bids", TL_MSG_PLURAL("{n} bid", "{n} bids")).count("n", static_cast<long long>(bids)))
                   .count("ranked", static_cast<long long>(ranked)));
}

std::string user_of(const ParsedArgs& args) { return args.value("--user", app::login_name()); }

std::string reason_of(const ParsedArgs& args) { return args.value("--reason"); }

int report_store_error(const std::string& command, const std::exception& e) {
    const auto* store_error = dynamic_cast<const store::StoreError*>(&e);
    const std::string text = store_error && !store_error->message().empty() ? say(store_error->message()) : e.what();
    std::cerr << "tenderloop " << command << ": " << terminal_safe(text) << "\n";
    return kExitFailure;
}

std::optional<app::TenderProject> open_project(const std::string& path, const ParsedArgs& args, const std::string& command) {
    try {
        return app::TenderProject::open(path, user_of(args), TL_VERSION);
    } catch (const store::StoreError& e) {  // the message for the user (not a project, too new...)
        report_store_error(command, e);
        return std::nullopt;
    }
}

void print_problems(const app::ChangeOutcome& outcome) {
    if (!outcome.problems.empty()) std::cerr << terminal_safe(format_diagnostics(outcome.problems, translator()));
}

int report_refusal(const std::string& command, const app::ChangeOutcome& outcome) {
    print_problems(outcome);
    std::cerr << "tenderloop " << command << ": " << terminal_safe(say(outcome.summary_message)) << "\n";
    return kExitFailure;
}

const lang::LoadResult* project_rules(const app::TenderProject& project, const std::string& path) {
    if (project.rules().ok()) return &project.rules();
    std::cerr << terminal_safe(format_diagnostics(project.rules().diagnostics, translator()));
    std::cerr << say(Message("cli.project-rules-do-not-check",
                             TL_MSG("the project's rules do not check with this TenderLoop; set corrected rules with '{command}'"))
                         .text("command", "tenderloop rules " + printable_name(path) + " set RULES.crit"))
              << "\n";
    return nullptr;
}

double parse_score(const std::string& option, const std::string& text) {
    std::string t = text;
    for (char& c : t)
        if (c == ',') c = '.';
    double v = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size() || t.empty())
        throw UsageError(say(Message("cli.option-needs-number", TL_MSG("option '{option}' needs a number, not '{value}'"))
                                 .text("option", option)
                                 .text("value", text)));
    return v;
}

}  // namespace tl::cli
