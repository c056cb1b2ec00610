// `tenderloop evaluate RULES.crit --bids BIDS.csv [--format text|json|csv]`: scores and ranks.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/format.hpp"
#include "cli/inputs.hpp"
#include "core/engine.hpp"

namespace tl::cli {

namespace {

int run_evaluate(const ParsedArgs& args) {
    expect_positional(args, 1, "RULES.crit");
    const std::string format = args.value("--format", "text");
    if (format != "text" && format != "json" && format != "csv")
        throw UsageError("unknown format '" + format + "' (use text, json or csv)");

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
    return {"evaluate", "RULES.crit",
            "Score and rank the bids by the rules: admissibility, scores, totals, ties, flags.",
            {{"--bids", "BIDS.csv", "the bids, one row per bid (columns: bidder, lot, submitted, fields)", true},
             {"--format", "FORMAT", "text (default), json or csv"}},
            &run_evaluate};
}

}  // namespace tl::cli
