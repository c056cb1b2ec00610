// Help texts, generated from the command table so they cannot drift from what is parsed.
#include <fmt/format.h>

#include "cli/commands.hpp"

namespace tl::cli {

const std::vector<Command>& all_commands() {
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
    std::string s = "Usage: tenderloop " + synopsis(c) + "\n\n" + c.summary + "\n";
    s += "\nOptions:\n" + option_lines(c, "  ");
    s += fmt::format("  {:<22} {}\n", "-h, --help", "show this help");
    return s;
}

std::string overview_usage() {
    std::string s =
        "Usage: tenderloop COMMAND [ARGUMENTS] [OPTIONS]\n"
        "\n"
        "Scores and ranks tender bids by the award criteria of a rules file (*.crit).\n"
        "\n"
        "Commands:\n";
    for (const auto& c : all_commands()) {
        s += "  " + synopsis(c) + "\n";
        s += "      " + c.summary + "\n";
        s += option_lines(c, "      ");
    }
    s +=
        "\n"
        "Options:\n"
        "  -h, --help             show this help (after a command: that command's help)\n"
        "  --version              print the version and where the data (samples) was found\n"
        "\n"
        "Exit codes: 0 success, 1 errors in the input (or files that cannot be read),\n"
        "2 wrong command line, 3 internal error.\n";
    return s;
}

}  // namespace tl::cli
