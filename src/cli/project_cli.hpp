#pragma once
/// What the project commands (`new`, `rules`, `bids`, `committee`, `audit`, and `evaluate` /
/// `export` of a `.tender`) share: opening a project through tl_app with a clear message, the
/// user and reason of a change, printing a refused change.
///
/// Every project workflow is tl_app's (app/tender_project.hpp): these commands read the command
/// line, call it and print the outcome. No store header is included here or anywhere in the
/// CLI; the store's record types (store::Role, store::StoredBid...) reach it through tl_app's
/// API, which names them.
#include <optional>
#include <string>
#include <vector>

#include "app/tender_project.hpp"
#include "cli/args.hpp"

namespace tl::cli {

/// True for a `.tender` path, or a file that starts with the SQLite header.
bool is_project_path(const std::string& path);

/// Throws UsageError when more than PROJECT and an action were given (`audit P.tender list x`).
void no_more_than_action(const ParsedArgs& args);

/// `--user NAME` and `--reason TEXT`, which every changing command takes.
std::vector<OptionSpec> change_options();

/// "missing argument PROJECT.tender".
std::string missing_project();

/// "BIDDER (after 'remove')": the arguments an action needs, for "missing argument ...".
std::string after_action(const std::string& what, const std::string& action);

/// "project: HELP": the help of an option that goes with a project file only.
std::string project_option_help(const std::string& help);

/// "wrote OUT: 2 lots, 5 bids, 4 ranked" (export's confirmation).
std::string wrote_workbook(const std::string& out, std::size_t lots, std::size_t bids, std::size_t ranked);

/// The user of a change: --user, or the login name.
std::string user_of(const ParsedArgs& args);
/// The reason of a change: --reason, or nothing.
std::string reason_of(const ParsedArgs& args);

/// Opens the project as --user, or prints "tenderloop COMMAND: message" and returns nothing.
std::optional<app::TenderProject> open_project(const std::string& path, const ParsedArgs& args, const std::string& command);

/// Prints "tenderloop COMMAND: message" for an error (a read the project refused).
int report_store_error(const std::string& command, const std::exception& e);

/// Prints the outcome's problems (diagnostics with their places), if any.
void print_problems(const app::ChangeOutcome& outcome);

/// Prints the problems, then "tenderloop COMMAND: the summary"; returns the failure exit code.
int report_refusal(const std::string& command, const app::ChangeOutcome& outcome);

/// The project's current rules when they check; otherwise prints why and how to correct them
/// and returns null.
const lang::LoadResult* project_rules(const app::TenderProject& project, const std::string& path);

/// Parses a score given on the command line ("3", "2.5", "2,5"); throws UsageError.
double parse_score(const std::string& option, const std::string& text);

}  // namespace tl::cli
