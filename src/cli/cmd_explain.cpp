// `tenderloop explain RULES.crit --bids BIDS.csv --bidder NAME`: how one bid's numbers came about.
#include <algorithm>
#include <iostream>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/printable.hpp"
#include "core/engine.hpp"
#include "core/explain.hpp"

namespace tl::cli {

namespace {

std::string ascii_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

/// The bidder meant by `wanted`: the only name containing it ("neva" -> "NevaRetread"), else
/// the closest name if it is close enough to be a typo; empty when none fits.
std::string suggestion(const std::string& wanted, const std::vector<std::string>& names) {
    std::vector<std::string> containing;
    for (const auto& n : names)
        if (ascii_lower(n).find(ascii_lower(wanted)) != std::string::npos) containing.push_back(n);
    if (containing.size() == 1) return containing.front();
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, wanted.size() / 3) + 1;
    for (const auto& n : names) {
        const std::size_t d = edit_distance(ascii_lower(wanted), ascii_lower(n));
        if (d < best_distance) best_distance = d, best = n;
    }
    return best;
}

struct Match {
    const LotOutcome* lot;
    const BidOutcome* bid;
};

/// Every (lot, bid) whose bidder is `wanted`: exact matches, else those equal ignoring ASCII case.
std::vector<Match> find_bids(const Result& result, const std::string& wanted) {
    std::vector<Match> exact, folded;
    for (const LotOutcome& lot : result.lots)
        for (const BidOutcome& b : lot.bids) {
            if (b.bidder == wanted) exact.push_back({&lot, &b});
            else if (ascii_lower(b.bidder) == ascii_lower(wanted)) folded.push_back({&lot, &b});
        }
    return exact.empty() ? folded : exact;
}

int report_unknown(const BidTable& bids, const std::string& wanted) {
    std::vector<std::string> names;  // in file order, each once
    for (const Bid& b : bids.bids)
        if (std::find(names.begin(), names.end(), b.bidder) == names.end()) names.push_back(b.bidder);
    const std::string near = suggestion(wanted, names);
    std::cerr << (near.empty() ? say(Message("cli.explain.no-bidder", TL_MSG("no bidder '{bidder}'")).text("bidder", printable_name(wanted)))
                               : say(Message("cli.explain.no-bidder-near", TL_MSG("no bidder '{bidder}'; did you mean '{near}'?"))
                                         .text("bidder", printable_name(wanted))
                                         .text("near", printable_name(near))));
    std::cerr << "\n" << tr(TL_MSG("bidders:"));
    for (const auto& n : names) std::cerr << "\n  " << printable_name(n);
    std::cerr << "\n";
    return kExitFailure;
}

int run_explain(const ParsedArgs& args) {
    expect_positional(args, 1, "RULES.crit");
    const auto loaded = load_rules(args.positional[0]);
    if (!loaded) return kExitFailure;
    const auto bids = load_bids(args.value("--bids"), loaded->rules);
    if (!bids) return kExitFailure;

    const Result result = evaluate(loaded->rules, *bids);
    const std::string wanted = args.value("--bidder");
    const std::vector<Match> matches = find_bids(result, wanted);
    if (matches.empty()) return report_unknown(*bids, wanted);
    // Names equal ignoring case but different among themselves ("ACME", "Acme"): ask which.
    for (const Match& m : matches)
        if (m.bid->bidder != matches.front().bid->bidder) {
            std::cerr << say(Message("cli.explain.ambiguous", TL_MSG("bidder '{bidder}' is ambiguous: '{one}' or '{other}'? Give the exact name."))
                                 .text("bidder", printable_name(wanted))
                                 .text("one", printable_name(matches.front().bid->bidder))
                                 .text("other", printable_name(m.bid->bidder)))
                      << "\n";
            return kExitFailure;
        }
    // A bidder may bid in several lots: explain each of its bids.
    for (std::size_t i = 0; i < matches.size(); ++i) {
        if (i) std::cout << "\n";
        std::cout << terminal_safe(
            format_explanation(explain_bid(loaded->rules, *bids, *matches[i].lot, *matches[i].bid), translator()));
    }
    return kExitOk;
}

}  // namespace

Command explain_command() {
    return {"explain", "RULES.crit",
            tr(TL_MSG("Explain one bid: each requirement, each score's formula with the values put in, total, rank.")),
            {{"--bids", "BIDS.csv", tr(TL_MSG("the bids file")), true},
             {"--bidder", "NAME", tr(TL_MSG("the bidder (exact name, or the only one equal ignoring case)")), true}},
            &run_explain};
}

}  // namespace tl::cli
