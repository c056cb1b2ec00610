#pragma once
/// Command-line options of `tenderloop`.
///
/// Parsed by hand on purpose: each command takes one to three options, so a parsing library
/// (CLI11, cxxopts, getopt_long) would bring a dependency and more code than it saves.
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/message.hpp"

namespace tl::cli {

/// Exit codes of every command.
enum ExitCode : int {
    kExitOk = 0,        ///< done; for `check`, no errors
    kExitFailure = 1,   ///< the input has errors, a file cannot be read, `fmt --check` found changes
    kExitUsage = 2,     ///< wrong command line
    kExitInternal = 3,  ///< a bug: an exception escaped
};

/// A wrong command line (unknown option, missing argument...); the message says what is wrong.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// One option a command accepts, e.g. `--bids BIDS.csv`.
struct OptionSpec {
    std::string name;        ///< with the dashes: "--bids"
    std::string value_name;  ///< "BIDS.csv"; empty for a flag such as "--check"
    std::string help;        ///< one line for the usage text
    bool required = false;
    bool takes_value() const { return !value_name.empty(); }
};

/// What the parser found: positional arguments in order, option values, flags seen.
struct ParsedArgs {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;  ///< option name -> value
    std::vector<std::string> flags;             ///< flags that were given
    bool help = false;                          ///< `-h` or `--help` appeared

    bool has(const std::string& name) const;
    /// The option's value, or `fallback` when it was not given.
    std::string value(const std::string& name, const std::string& fallback = "") const;
};

/// Parses `args` (the words after the command name) against `spec`. Accepts `--opt VALUE`,
/// `--opt=VALUE`, `-h`/`--help` anywhere and `--` to end the options. Throws UsageError for an
/// unknown or repeated option, an option without its value, a flag given a value, or a missing
/// required option (unless help was asked for).
ParsedArgs parse_args(const std::vector<std::string>& args, const std::vector<OptionSpec>& spec);

/// Throws UsageError unless exactly `count` positional arguments were given;
/// `what` names them for the message ("RULES.crit").
void expect_positional(const ParsedArgs& args, std::size_t count, const std::string& what);

// The usage errors several commands give, in the user's language (cli/cli_translator.hpp).

/// "missing option '--bids BIDS.csv'".
std::string missing_option(const std::string& name, const std::string& value_name);
/// "unexpected argument 'x'".
std::string unexpected_argument(const std::string& word);
/// "option '--head' goes with 'verify'" (`action`: an action or a list of them, as written).
std::string option_goes_with(const std::string& option, const std::string& action);
/// "unknown action 'x' (use list or verify)"; `use` says which actions there are.
std::string unknown_action(const std::string& action, const Message& use);

}  // namespace tl::cli
