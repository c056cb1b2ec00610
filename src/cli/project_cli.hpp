#pragma once
/// What the project commands (`new`, `rules`, `bids`, `committee`, `audit`, and `evaluate` /
/// `export` of a `.tender`) share: opening a project with a clear message, the user and reason
/// of a change, reading a project's rules.
#include <optional>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "lang/load.hpp"
#include "store/project.hpp"

namespace tl::cli {

/// True for a `.tender` path, or a file that starts with the SQLite header.
bool is_project_path(const std::string& path);

/// Throws UsageError when more than PROJECT and an action were given (`audit P.tender list x`).
void no_more_than_action(const ParsedArgs& args);

/// `--user NAME` and `--reason TEXT`, which every changing command takes.
std::vector<OptionSpec> change_options();

/// The user (--user, or the login name) and the reason (--reason) of a change.
store::Actor actor_of(const ParsedArgs& args);

/// The login name of the user running TenderLoop (getpwuid; $USER; "unknown").
std::string login_name();

/// The current time in UTC, `YYYY-MM-DDTHH:MM:SSZ`. SOURCE_DATE_EPOCH (the reproducible-builds
/// convention) fixes it, so that the same commands give the same file (tests compare them).
std::string utc_now();

/// Options for opening and creating projects: the clock above, the user for a migration.
store::ProjectOptions project_options(const ParsedArgs& args);

/// Opens the project, or prints "tenderloop COMMAND: message" and returns nothing.
std::optional<store::Project> open_project(const std::string& path, const ParsedArgs& args, const std::string& command);

/// Prints "tenderloop COMMAND: message" for a store error (also used after a refused change).
int report_store_error(const std::string& command, const std::exception& e);

/// Loads a rules text as `load_rules` does a file, under the name `name` (messages point there).
/// Prints the diagnostics and returns nothing on errors. Refuses rules that import other files
/// when `self_contained` (a project keeps one rules text).
std::optional<lang::LoadResult> load_rules_from_text(const std::string& text, const std::string& name, bool self_contained);

/// The project's current rules, checked. Prints why not and returns nothing on errors.
std::optional<lang::LoadResult> load_project_rules(const store::Project& project, const std::string& path);

/// The rules' lots (for the store).
std::vector<Lot> lots_of(const CriteriaSet& rules);

/// `v` as the committee scales write it: 3, 2.5.
std::string score_text(double v);

/// Parses a score given on the command line ("3", "2.5", "2,5"); throws UsageError.
double parse_score(const std::string& option, const std::string& text);

}  // namespace tl::cli
