// Help texts, generated from the command table so they cannot drift from what is parsed.
#include <fmt/format.h>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"

namespace tl::cli {

const std::vector<Command>& all_commands() {
    // Built on first use, after main set the language up: the summaries and option texts are in
    // the user's language.
    static const std::vector<Command> commands{check_command(), evaluate_command(), explain_command(), export_command(),
                                               new_project_command(), project_rules_command(), project_bids_command(),
                                               project_committee_command(), project_audit_command(),
                                               form_command(), import_form_command(), fmt_command()};
    return commands;
}

namespace {

std::string synopsis(const Command& c) {
    std::string s = c.name + " " + c.operands;
    for (const auto& o : c.options) {
        const std::string word = o.takes_value() ? o.name + " " + o.value_name : o.name;
        s += o.required ? " " + word : " [" + word + "]";
    }
    return s;
}

std::string option_lines(const Command& c, const char* indent) {
    std::string s;
    for (const auto& o : c.options) {
        const std::string word = o.takes_value() ? o.name + " " + o.value_name : o.name;
        s += fmt::format("{}{:<22} {}\n", indent, word, o.help);
    }
    return s;
}

}  // namespace

std::string command_usage(const Command& c) {
    std::string s = say(Message("cli.usage", TL_MSG("Usage: {synopsis}")).text("synopsis", "tenderloop " + synopsis(c))) +
                    "\n\n" + c.summary + "\n";
    s += "\n" + tr(TL_MSG("Options:")) + "\n" + option_lines(c, "  ");
    s += fmt::format("  {:<22} {}\n", "-h, --help", tr(TL_MSG("show this help")));
    return s;
}

std::string overview_usage() {
    std::string s = say(Message("cli.usage", TL_MSG("Usage: {synopsis}"))
                            .text("synopsis", "tenderloop " + tr(TL_MSG("COMMAND [ARGUMENTS] [OPTIONS]")))) +
                    "\n\n" + tr(TL_MSG("Scores and ranks tender bids by the award criteria of a rules file (*.crit).")) +
                    "\n\n" + tr(TL_MSG("Commands:")) + "\n";
    for (const auto& c : all_commands()) {
        s += "  " + synopsis(c) + "\n";
        s += "      " + c.summary + "\n";
        s += option_lines(c, "      ");
    }
    s += "\n" + tr(TL_MSG("Options:")) + "\n";
    s += fmt::format("  {:<22} {}\n", "-h, --help", tr(TL_MSG("show this help (after a command: that command's help)")));
    s += fmt::format("  {:<22} {}\n", "--version", tr(TL_MSG("print the version and where the data (samples) was found")));
    s += fmt::format("  {:<22} {}\n", "--lang LANG", tr(TL_MSG("the language of messages: en or ru (default: LANG)")));
    s += "\n" +
         tr(TL_MSG("Exit codes: 0 success, 1 errors in the input (or files that cannot be read),\n"
                   "2 wrong command line, 3 internal error.")) +
         "\n";
    return s;
}

}  // namespace tl::cli
