#pragma once
/// Reading a command's inputs (rules, bids), reporting every problem on stderr.
/// Each function returns nothing after it has reported; the caller then exits with kExitFailure.
#include <optional>
#include <string>

#include "core/bids.hpp"
#include "core/input_file.hpp"
#include "lang/load.hpp"

namespace tl::cli {

/// The bytes of `path` read as a file of `kind` (core/input_file.hpp: only ordinary files, within
/// the kind's size limit); on failure prints why ("cannot read PATH: reason") to stderr.
std::optional<std::string> read_input(const std::string& path, InputKind kind);

/// Loads and checks a rules file. Prints the diagnostics and returns nothing when there are
/// errors (or the file cannot be read). Warnings are kept in the result for the caller.
std::optional<lang::LoadResult> load_rules(const std::string& path);

/// Reads the bids CSV against the rules' fields and lots. Prints every diagnostic and returns
/// nothing when there are errors (or the file cannot be read).
std::optional<BidTable> load_bids(const std::string& path, const CriteriaSet& rules);

}  // namespace tl::cli
