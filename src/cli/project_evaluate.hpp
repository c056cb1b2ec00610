#pragma once
/// `evaluate` and `export` of a project file (`tenderloop evaluate P.tender`, `tenderloop export
/// P.tender -o X.xlsx`): the same tl::evaluate and workbook writer as for RULES.crit --bids, over
/// the project's current rules and stored bids with the committee's consensus filled in.
#include <string>

#include "cli/args.hpp"

namespace tl::cli {

/// Evaluates and records the run. Without every consensus score the evaluation needs, lists
/// exactly which are missing and returns kExitFailure, unless `--provisional`: then every output
/// says PROVISIONAL.
int evaluate_project(const ParsedArgs& args, const std::string& format);

/// Writes the workbook with the audit log's head on its Audit sheet, and records the export.
/// Refused while a consensus score is missing.
int export_project(const ParsedArgs& args, const std::string& out);

}  // namespace tl::cli
