#include "cli/cli_translator.hpp"
#include "cli/project_cli.hpp"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/tender_project.hpp"
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
    if (args.positional.size() > 2) throw UsageError("unexpected argument '" + args.positional[2] + "'");
}

std::vector<OptionSpec> change_options() {
    return {{"--user", "NAME", "who makes the change, for the audit log (default: the login name)"},
            {"--reason", "TEXT", "why, for the audit log"}};
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
    const std::string why = outcome.store_refusal.empty() ? outcome.summary : say(outcome.store_refusal);
    std::cerr << "tenderloop " << command << ": " << terminal_safe(why) << "\n";
    return kExitFailure;
}

const lang::LoadResult* project_rules(const app::TenderProject& project, const std::string& path) {
    if (project.rules().ok()) return &project.rules();
    std::cerr << terminal_safe(format_diagnostics(project.rules().diagnostics, translator()));
    std::cerr << "the project's rules do not check with this TenderLoop; set corrected rules with "
                 "'tenderloop rules " << printable_name(path) << " set RULES.crit'\n";
    return nullptr;
}

std::string score_text(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, end);
}

double parse_score(const std::string& option, const std::string& text) {
    std::string t = text;
    for (char& c : t)
        if (c == ',') c = '.';
    double v = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size() || t.empty())
        throw UsageError("option '" + option + "' needs a number, not '" + text + "'");
    return v;
}

}  // namespace tl::cli
