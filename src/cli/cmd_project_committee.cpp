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

#include "cli/cli_translator.hpp"
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
            if (action == "status")
                throw UsageError(say(Message("cli.committee.status-changes-nothing",
                                             TL_MSG("option '{option}' does not go with 'status' (it changes nothing)"))
                                         .text("option", name)));
            return;
        }
        if (!allowed.count(name))
            throw UsageError(say(Message("cli.option-not-with", TL_MSG("option '{option}' does not go with '{action}'"))
                                     .text("option", name)
                                     .text("action", action)));
    };
    for (const auto& [name, value] : args.values) check(name);
    for (const auto& name : args.flags) check(name);
}

std::string need(const ParsedArgs& args, const std::string& option, const std::string& value_name) {
    if (!args.has(option)) throw UsageError(missing_option(option, value_name));
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
        if (pos.size() < 3 || pos[2] != "add")
            throw UsageError(say(Message("cli.committee.use", TL_MSG("use: {command}"))
                                     .text("command", "committee PROJECT.tender evaluator add NAME --role chair|member")));
        expect_positional(args, 4, after_action("NAME", "evaluator add"));
        const std::string role = need(args, "--role", "chair|member");
        if (role != "chair" && role != "member")
            throw UsageError(say(Message("cli.committee.bad-role", TL_MSG("the role is chair or member, not '{role}'")).text("role", role)));
        return done_or_refused(p.add_evaluator(pos[3], role == "chair" ? store::Role::Chair : store::Role::Member, reason),
                               role == "chair"
                                   ? say(Message("cli.committee.added-chair", TL_MSG("added {name} to the committee as chair"))
                                             .text("name", printable_name(pos[3])))
                                   : say(Message("cli.committee.added-member", TL_MSG("added {name} to the committee as member"))
                                             .text("name", printable_name(pos[3]))));
    }
    if (action == "status") {
        expect_positional(args, 2, tr(TL_MSG("ACTION")));
        const lang::LoadResult* rules = project_rules(p, path);
        if (!rules) return kExitFailure;
        std::cout << format_committee_status(p.committee_scores(rules->rules));
        return kExitOk;
    }
    if (action == "consensus") {
        expect_positional(args, 2, tr(TL_MSG("ACTION")));
        if (!project_rules(p, path)) return kExitFailure;
        store::ConsensusInput in{bid_of(args), need(args, "--criterion", "ID"),
                                 parse_score("--value", need(args, "--value", "V")),
                                 need(args, "--justification", "TEXT")};
        return done_or_refused(p.record_consensus(in, reason),
                               say(Message("cli.committee.consensus-recorded", TL_MSG("consensus recorded: {criterion} = {value} for '{bidder}'"))
                                       .text("criterion", printable_name(in.criterion))
                                       .number("value", in.value)
                                       .text("bidder", printable_name(in.bid.bidder))));
    }
    expect_positional(args, 3, after_action("NAME", action));
    const std::string name = pos[2];
    if (action == "declare") {
        const int kinds = (args.has("--none") ? 1 : 0) + (args.has("--conflict") ? 1 : 0) + (args.has("--whole-tender") ? 1 : 0);
        if (kinds != 1)
            throw UsageError(say(Message("cli.committee.declare-one", TL_MSG("declare takes exactly one of {options}"))
                                     .text("options", "--none, --conflict BIDDER, --whole-tender")));
        const store::CoiKind kind = args.has("--none")       ? store::CoiKind::None
                                    : args.has("--conflict") ? store::CoiKind::Bid
                                                             : store::CoiKind::WholeTender;
        return done_or_refused(
            p.declare_interest(name, kind, args.value("--conflict"), args.value("--text"), reason),
            say(Message("cli.committee.declared", TL_MSG("declaration of {name} recorded: {declared}"))
                    .text("name", printable_name(name))
                    .nested("declared", kind == store::CoiKind::None ? Message("cli.committee.no-conflict", TL_MSG("no conflict of interest"))
                                        : kind == store::CoiKind::Bid
                                            ? Message("cli.committee.conflict-with", TL_MSG("conflict with '{bidder}'"))
                                                  .text("bidder", printable_name(args.value("--conflict")))
                                            : Message("cli.committee.conflict-whole", TL_MSG("conflict with the whole tender")))));
    }
    if (action == "score") {
        if (!project_rules(p, path)) return kExitFailure;
        store::ScoreInput in{name, bid_of(args), need(args, "--criterion", "ID"),
                             parse_score("--value", need(args, "--value", "V")), need(args, "--justification", "TEXT")};
        return done_or_refused(p.record_score(in, reason),
                               say(Message("cli.committee.score-recorded",
                                           TL_MSG("draft score recorded: {name}, {criterion} = {value} for '{bidder}'"))
                                       .text("name", printable_name(name))
                                       .text("criterion", printable_name(in.criterion))
                                       .number("value", in.value)
                                       .text("bidder", printable_name(in.bid.bidder))));
    }
    if (action == "submit") {
        if (!project_rules(p, path)) return kExitFailure;
        return done_or_refused(p.submit_scores(name, reason),
                               say(Message("cli.committee.submitted", TL_MSG("the scores of {name} are submitted and locked"))
                                       .text("name", printable_name(name))));
    }
    // reopen
    return done_or_refused(p.reopen_scores(name, reason),
                           say(Message("cli.committee.reopened", TL_MSG("the scores of {name} are reopened as drafts"))
                                   .text("name", printable_name(name))));
}

int run_committee(const ParsedArgs& args) {
    const Message actions("cli.committee.actions", TL_MSG("use evaluator add, declare, score, submit, reopen, consensus or status"));
    if (args.positional.empty()) throw UsageError(missing_project());
    if (args.positional.size() < 2)
        throw UsageError(say(Message("cli.committee.missing-action",
                                     TL_MSG("missing action (evaluator add, declare, score, submit, reopen, consensus or status)"))));
    const std::string path = args.positional[0], action = args.positional[1];
    if (!action_options().count(action)) throw UsageError(unknown_action(action, actions));
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
        {"--role", "ROLE", tr(TL_MSG("evaluator add: chair or member"))},
        {"--none", "", tr(TL_MSG("declare: no conflict of interest"))},
        {"--conflict", "BIDDER", tr(TL_MSG("declare: a conflict with this bidder (bars scoring their bids)"))},
        {"--whole-tender", "", tr(TL_MSG("declare: a conflict with the whole tender (bars all scoring)"))},
        {"--text", "TEXT", tr(TL_MSG("declare: the declaration in words (needed for a conflict)"))},
        {"--bid", "BIDDER", tr(TL_MSG("score, consensus: the bid (its bidder)"))},
        {"--lot", "LOT", tr(TL_MSG("score, consensus: the lot, when the bidder bid in several"))},
        {"--criterion", "ID", tr(TL_MSG("score, consensus: a criterion the committee scores"))},
        {"--value", "V", tr(TL_MSG("score, consensus: the score on the committee's scale"))},
        {"--justification", "TEXT", tr(TL_MSG("score, consensus: the written justification"))}};
    for (auto& o : change_options()) options.push_back(o);
    return {"committee",
            "PROJECT.tender (evaluator add NAME | declare NAME | score NAME | submit NAME | reopen NAME | consensus | status)",
            tr(TL_MSG("The evaluation committee: members, conflict-of-interest declarations, scores, submission, consensus, "
                      "status.")),
            options, &run_committee};
}

}  // namespace tl::cli
