// `tenderloop check RULES.crit`: reads and checks a rules file; says what it holds.
#include <iostream>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/printable.hpp"
#include "core/number_format.hpp"

namespace tl::cli {

namespace {

std::string count(std::size_t n, const std::string& singular, const std::string& plural) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

int run_check(const ParsedArgs& args) {
    expect_positional(args, 1, "RULES.crit");
    const std::string& path = args.positional[0];
    const auto text = read_input(path);
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

    std::cout << path << ": " << count(rules.fields.size(), "field", "fields") << ", "
              << count(rules.requirements.size(), "requirement", "requirements") << ", "
              << count(rules.criteria.size(), "criterion", "criteria") << " (weights sum to "
              << format_number(weights) << (rules.weights_in_points() ? " points" : " %") << "), "
              << count(warnings, "warning", "warnings") << "\n";
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
