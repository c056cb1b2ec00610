// `tenderloop fmt RULES.crit [--check] [--write]`: the canonical layout of a rules file.
// Formatting needs only a parse (lang::parse_rules), not a check: a file with unknown names, unit
// errors or a missing import can still be formatted; imports are not followed, each file is
// formatted on its own.
#include <iostream>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/printable.hpp"
#include "app/save_file.hpp"
#include "lang/print.hpp"
#include "lang/syntax.hpp"

namespace tl::cli {

namespace {

int run_fmt(const ParsedArgs& args) {
    expect_positional(args, 1, "RULES.crit");
    if (args.has("--check") && args.has("--write")) throw UsageError(tr(TL_MSG("give either --check or --write, not both")));
    const std::string& path = args.positional[0];
    const auto text = read_input(path, InputKind::Rules);
    if (!text) return kExitFailure;

    // As the loader does: a UTF-8 byte-order mark (Windows editors) is not part of the rules, and
    // the canonical text has none.
    const std::string body = text->rfind("\xEF\xBB\xBF", 0) == 0 ? text->substr(3) : *text;
    lang::RuleFile file;
    Diagnostics diagnostics;
    if (!lang::parse_rules(body, path, file, diagnostics)) {
        std::cerr << terminal_safe(format_diagnostics(diagnostics, translator()));
        return kExitFailure;
    }
    const std::string formatted = lang::format_rules(file);

    if (args.has("--check")) {
        if (formatted == *text) return kExitOk;
        std::cerr << say(Message("cli.fmt.not-canonical", TL_MSG("{path}: not in canonical format ({command} rewrites it)"))
                             .text("path", path)
                             .text("command", "tenderloop fmt --write " + path))
                  << "\n";
        return kExitFailure;
    }
    if (args.has("--write")) {
        if (formatted == *text) return kExitOk;  // leave the file (and its time stamp) alone
        const app::ChangeOutcome saved = app::save_file(path, formatted);
        if (!saved.ok) {
            std::cerr << say(saved.summary_message) << "\n";  // "cannot write PATH: reason"
            return kExitFailure;
        }
        return kExitOk;
    }
    std::cout << formatted;
    return kExitOk;
}

}  // namespace

Command fmt_command() {
    return {"fmt", "RULES.crit",
            tr(TL_MSG("Print the rules file in canonical layout (comments kept).")),
            {{"--check", "", tr(TL_MSG("print nothing; exit 1 if the file is not in canonical layout"))},
             {"--write", "", tr(TL_MSG("rewrite the file in place instead of printing it"))}},
            &run_fmt};
}

}  // namespace tl::cli
