// `tenderloop check RULES.crit`: reads and checks a rules file; says what it holds.
#include <iostream>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/printable.hpp"

namespace tl::cli {

namespace {

int run_check(const ParsedArgs& args) {
    expect_positional(args, 1, "RULES.crit");
    const std::string& path = args.positional[0];
    const auto text = read_input(path, InputKind::Rules);
    if (!text) return kExitFailure;
    const lang::LoadResult loaded = lang::load_rules_text(*text, path);
    std::cerr << terminal_safe(format_diagnostics(loaded.diagnostics, translator()));
    if (!loaded.ok()) return kExitFailure;

    const CriteriaSet& rules = loaded.rules;
    double weights = 0;
    for (const auto& c : rules.criteria) weights += c.weight;
    std::size_t warnings = 0;
    for (const auto& d : loaded.diagnostics)
        if (d.severity == Severity::Warning) ++warnings;

    // One message with its counts as values, so that each count takes its plural form in Russian.
    const auto n = [](std::size_t v) { return static_cast<long long>(v); };
    Message summary("cli.check.summary", TL_MSG("{path}: {fields}, {requirements}, {criteria} ({weights}), {warnings}"));
    summary.text("path", path)
        .nested("fields", Message("cli.check.fields", TL_MSG_PLURAL("{n} field", "{n} fields")).count("n", n(rules.fields.size())))
        .nested("requirements", Message("cli.check.requirements", TL_MSG_PLURAL("{n} requirement", "{n} requirements"))
                                    .count("n", n(rules.requirements.size())))
        .nested("criteria", Message("cli.check.criteria", TL_MSG_PLURAL("{n} criterion", "{n} criteria"))
                                .count("n", n(rules.criteria.size())))
        .nested("weights", rules.weights_in_points()
                               ? Message("cli.check.weights-points", TL_MSG("weights sum to {sum} points")).number("sum", weights)
                               : Message("cli.check.weights-percent", TL_MSG("weights sum to {sum} %")).number("sum", weights))
        .nested("warnings", Message("cli.check.warnings", TL_MSG_PLURAL("{n} warning", "{n} warnings")).count("n", n(warnings)));
    std::cout << say(summary) << "\n";
    return kExitOk;
}

}  // namespace

Command check_command() {
    return {"check", "RULES.crit",
            tr(TL_MSG("Check a rules file: print its errors and warnings (exit 1 on errors) and a summary.")),
            {},
            &run_check};
}

}  // namespace tl::cli
