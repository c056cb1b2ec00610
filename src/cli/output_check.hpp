#pragma once
/// `--force` and the check every writing command makes before it writes its output
/// (app/output_guard.hpp): never over an input of the same run, a project or a file of another
/// kind unless forced.
#include <string>
#include <vector>

#include "app/output_guard.hpp"
#include "cli/args.hpp"
#include "lang/load.hpp"

namespace tl::cli {

/// The `--force` option of the commands that write a file.
OptionSpec force_option();

/// The rules file and every file it imports, as the loader read them (inputs of the run).
std::vector<std::string> rule_files(const lang::LoadResult& loaded);

/// True when `out` may be written; otherwise prints "tenderloop COMMAND: why, and what to do" and
/// returns false (the caller exits with kExitFailure, as for any refused input).
bool output_allowed(const std::string& command, const std::string& out, app::FileKind writes,
                    std::vector<std::string> inputs, const ParsedArgs& args);

}  // namespace tl::cli
