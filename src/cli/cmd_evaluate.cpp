// `tenderloop evaluate RULES.crit --bids BIDS.csv [--format text|json|csv]`: scores and ranks.
// `tenderloop evaluate P.tender [--format ...] [--provisional]`: the same for a project file
// (cli/project_evaluate.hpp), which also records the run.
#include <iostream>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/format.hpp"
#include "cli/inputs.hpp"
#include "cli/project_cli.hpp"
#include "cli/project_evaluate.hpp"
#include "core/engine.hpp"

namespace tl::cli {

namespace {

int run_evaluate(const ParsedArgs& args) {
    expect_positional(args, 1, "RULES.crit");
    const std::string format = args.value("--format", "text");
    if (format != "text" && format != "json" && format != "csv")
        throw UsageError(say(Message("cli.unknown-format", TL_MSG("unknown format '{format}' (use text, json or csv)")).text("format", format)));
    if (is_project_path(args.positional[0])) {
        if (args.has("--bids")) throw UsageError(tr(TL_MSG("a project holds its bids: '--bids' goes with RULES.crit")));
        return evaluate_project(args, format);
    }
    for (const char* project_only : {"--provisional", "--user", "--reason"})
        if (args.has(project_only))
            throw UsageError(say(Message("cli.option-project-only", TL_MSG("option '{option}' goes with a project file (PROJECT.tender)"))
                                     .text("option", project_only)));
    if (!args.has("--bids")) throw UsageError(missing_option("--bids", "BIDS.csv"));

    const auto loaded = load_rules(args.positional[0]);
    if (!loaded) return kExitFailure;
    const auto bids = load_bids(args.value("--bids"), loaded->rules);
    if (!bids) return kExitFailure;

    const Result result = evaluate(loaded->rules, *bids);
    if (format == "json") std::cout << format_json(loaded->rules, result);
    else if (format == "csv") std::cout << format_csv(loaded->rules, result);
    else std::cout << format_text(loaded->rules, result);
    return kExitOk;
}

}  // namespace

Command evaluate_command() {
    std::vector<OptionSpec> options{
        {"--bids", "BIDS.csv", tr(TL_MSG("the bids, one row per bid (columns: bidder, lot, submitted, fields); not for a project"))},
        {"--format", "FORMAT", tr(TL_MSG("text (default), json or csv"))},
        {"--provisional", "", tr(TL_MSG("project: rank even with consensus scores missing, marked PROVISIONAL"))}};
    for (auto& o : change_options()) options.push_back({o.name, o.value_name, project_option_help(o.help)});
    return {"evaluate", "RULES.crit|PROJECT.tender",
            tr(TL_MSG("Score and rank the bids by the rules: admissibility, scores, totals, ties, flags. A project also "
                      "records the run.")),
            options, &run_evaluate};
}

}  // namespace tl::cli
