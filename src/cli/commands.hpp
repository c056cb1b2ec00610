#pragma once
/// The commands of `tenderloop`: each is a name, a synopsis, its options and a function.
/// main.cpp dispatches to them and prints help from the same data, so help and behaviour agree.
#include <string>
#include <vector>

#include "cli/args.hpp"

namespace tl::cli {

struct Command {
    std::string name;      ///< "evaluate"
    std::string operands;  ///< "RULES.crit"
    std::string summary;   ///< one line for the overview
    std::vector<OptionSpec> options;
    int (*run)(const ParsedArgs& args) = nullptr;  ///< returns the exit code; throws UsageError
};

Command check_command();     // cmd_check.cpp
Command evaluate_command();  // cmd_evaluate.cpp
Command explain_command();   // cmd_explain.cpp
Command fmt_command();       // cmd_fmt.cpp
Command export_command();    // cmd_export.cpp
Command form_command();         // cmd_form.cpp
Command import_form_command();  // cmd_import_form.cpp
Command new_project_command();        // cmd_project_new.cpp
Command project_rules_command();      // cmd_project_rules.cpp
Command project_bids_command();       // cmd_project_bids.cpp
Command project_committee_command();  // cmd_project_committee.cpp
Command project_audit_command();      // cmd_project_audit.cpp

/// Every command, in the order the overview lists them.
const std::vector<Command>& all_commands();

/// `Usage: tenderloop evaluate RULES.crit --bids BIDS.csv [--format FORMAT]` plus the option list.
std::string command_usage(const Command& c);

/// The top-level help: every command with its one-line description and options.
std::string overview_usage();

}  // namespace tl::cli
