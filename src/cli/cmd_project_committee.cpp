// `tenderloop committee P.tender ACTION ...`: the evaluation committee.
//   evaluator add NAME --role chair|member
//   declare NAME (--none | --conflict BIDDER | --whole-tender) [--text TEXT]
//   score NAME --bid BIDDER [--lot LOT] --criterion ID --value V --justification TEXT
//   submit NAME
//   reopen NAME --reason TEXT              (the chair: --user CHAIR)
//   consensus --bid BIDDER [--lot LOT] --criterion ID --value V --justification TEXT  (the chair)
//   status
// The rules of the procedure (declaration before scoring, locks, the chair's rights) are the
// store's, reached through tl_app (app/tender_project.hpp); this file only reads the command
// line and prints.
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.hpp"
#include "cli/printable.hpp"
#include "cli/project_cli.hpp"
#include "cli/project_committee_status.hpp"

namespace tl::cli {

namespace {

/// The options each action takes (besides --user and --reason, which all changing ones take).
const std::map<std::string, std::set<std::string>>& action_options() {
    static const std::map<std::string, std::set<std::string>> m{
        {"evaluator", {"--role"}},
        {"declare", {"--none", "--conflict", "--whole-tender", "--text"}},
        {"score", {"--bid", "--lot", "--criterion", "--value", "--justification"}},
        {"submit", {}},
        {"reopen", {}},
        {"consensus", {"--bid", "--lot", "--criterion", "--value", "--justification"}},
        {"status", {}},
    };
    return m;
}

void check_options(const ParsedArgs& args, const std::string& action) {
    const auto& allowed = action_options().at(action);
    auto check = [&](const std::string& name) {
        if (name == "--user" || name == "--reason") {
            if (action == "status") throw UsageError("option '" + name + "' does not go with 'status' (it changes nothing)");
            return;
        }
        if (!allowed.count(name)) throw UsageError("option '" + name + "' does not go with '" + action + "'");
    };
    for (const auto& [name, value] : args.values) check(name);
    for (const auto& name : args.flags) check(name);
}

std::string need(const ParsedArgs& args, const std::string& option, const std::string& value_name) {
    if (!args.has(option)) throw UsageError("missing option '" + option + " " + value_name + "'");
    return args.value(option);
}

store::BidKey bid_of(const ParsedArgs& args) { return {need(args, "--bid", "BIDDER"), args.value("--lot")}; }

/// Prints `done` when the change was made, else why not.
int done_or_refused(const app::ChangeOutcome& out, const std::string& done) {
    if (!out.ok) return report_refusal("committee", out);
    std::cout << done << "\n";
    return kExitOk;
}

int run_action(app::TenderProject& p, const std::string& path, const std::string& action, const ParsedArgs& args) {
    const auto& pos = args.positional;
    const std::string reason = reason_of(args);
    if (action == "evaluator") {
        if (pos.size() < 3 || pos[2] != "add") throw UsageError("use: committee PROJECT.tender evaluator add NAME --role chair|member");
        expect_positional(args, 4, "NAME (after 'evaluator add')");
        const std::string role = need(args, "--role", "chair|member");
        if (role != "chair" && role != "member") throw UsageError("the role is chair or member, not '" + role + "'");
        return done_or_refused(p.add_evaluator(pos[3], role == "chair" ? store::Role::Chair : store::Role::Member, reason),
                               "added " + printable_name(pos[3]) + " to the committee as " + role);
    }
    if (action == "status") {
        expect_positional(args, 2, "ACTION");
        const lang::LoadResult* rules = project_rules(p, path);
        if (!rules) return kExitFailure;
        std::cout << format_committee_status(p.store().committee_scores(rules->rules));
        return kExitOk;
    }
    if (action == "consensus") {
        expect_positional(args, 2, "ACTION");
        if (!project_rules(p, path)) return kExitFailure;
        store::ConsensusInput in{bid_of(args), need(args, "--criterion", "ID"),
                                 parse_score("--value", need(args, "--value", "V")),
                                 need(args, "--justification", "TEXT")};
        return done_or_refused(p.record_consensus(in, reason), "consensus recorded: " + printable_name(in.criterion) +
                                                                   " = " + score_text(in.value) + " for '" +
                                                                   printable_name(in.bid.bidder) + "'");
    }
    expect_positional(args, 3, "NAME (after '" + action + "')");
    const std::string name = pos[2];
    if (action == "declare") {
        const int kinds = (args.has("--none") ? 1 : 0) + (args.has("--conflict") ? 1 : 0) + (args.has("--whole-tender") ? 1 : 0);
        if (kinds != 1) throw UsageError("declare takes exactly one of --none, --conflict BIDDER, --whole-tender");
        const store::CoiKind kind = args.has("--none")       ? store::CoiKind::None
                                    : args.has("--conflict") ? store::CoiKind::Bid
                                                             : store::CoiKind::WholeTender;
        return done_or_refused(
            p.declare_interest(name, kind, args.value("--conflict"), args.value("--text"), reason),
            "declaration of " + printable_name(name) + " recorded: " +
                (kind == store::CoiKind::None  ? "no conflict of interest"
                 : kind == store::CoiKind::Bid ? "conflict with '" + printable_name(args.value("--conflict")) + "'"
                                               : "conflict with the whole tender"));
    }
    if (action == "score") {
        if (!project_rules(p, path)) return kExitFailure;
        store::ScoreInput in{name, bid_of(args), need(args, "--criterion", "ID"),
                             parse_score("--value", need(args, "--value", "V")), need(args, "--justification", "TEXT")};
        return done_or_refused(p.record_score(in, reason), "draft score recorded: " + printable_name(name) + ", " +
                                                               printable_name(in.criterion) + " = " + score_text(in.value) +
                                                               " for '" + printable_name(in.bid.bidder) + "'");
    }
    if (action == "submit") {
        if (!project_rules(p, path)) return kExitFailure;
        return done_or_refused(p.submit_scores(name, reason),
                               "the scores of " + printable_name(name) + " are submitted and locked");
    }
    // reopen
    return done_or_refused(p.reopen_scores(name, reason), "the scores of " + printable_name(name) + " are reopened as drafts");
}

int run_committee(const ParsedArgs& args) {
    if (args.positional.empty()) throw UsageError("missing argument PROJECT.tender");
    if (args.positional.size() < 2)
        throw UsageError("missing action (evaluator add, declare, score, submit, reopen, consensus or status)");
    const std::string path = args.positional[0], action = args.positional[1];
    if (!action_options().count(action))
        throw UsageError("unknown action '" + action + "' (use evaluator add, declare, score, submit, reopen, consensus or status)");
    check_options(args, action);
    auto p = open_project(path, args, "committee");
    if (!p) return kExitFailure;
    try {
        return run_action(*p, path, action, args);
    } catch (const store::StoreError& e) {
        return report_store_error("committee", e);
    }
}

}  // namespace

Command project_committee_command() {
    std::vector<OptionSpec> options{
        {"--role", "ROLE", "evaluator add: chair or member"},
        {"--none", "", "declare: no conflict of interest"},
        {"--conflict", "BIDDER", "declare: a conflict with this bidder (bars scoring their bids)"},
        {"--whole-tender", "", "declare: a conflict with the whole tender (bars all scoring)"},
        {"--text", "TEXT", "declare: the declaration in words (needed for a conflict)"},
        {"--bid", "BIDDER", "score, consensus: the bid (its bidder)"},
        {"--lot", "LOT", "score, consensus: the lot, when the bidder bid in several"},
        {"--criterion", "ID", "score, consensus: a criterion the committee scores"},
        {"--value", "V", "score, consensus: the score on the committee's scale"},
        {"--justification", "TEXT", "score, consensus: the written justification"}};
    for (auto& o : change_options()) options.push_back(o);
    return {"committee",
            "PROJECT.tender (evaluator add NAME | declare NAME | score NAME | submit NAME | reopen NAME | consensus | status)",
            "The evaluation committee: members, conflict-of-interest declarations, scores, submission, consensus, status.",
            options, &run_committee};
}

}  // namespace tl::cli
