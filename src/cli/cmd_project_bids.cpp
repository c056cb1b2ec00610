// `tenderloop bids P.tender [import FILE... [--replace] | list | remove BIDDER [--lot L] |
//  rename BIDDER NEW-NAME [--lot L] [--to-lot L2]]`.
// Imports are all or nothing: every file is read and checked first, every problem listed with
// its row, column and field, and then the bids are stored in one transaction, or none are.
// The workflows are tl_app's (app/tender_project.hpp); this file reads the command line and prints.
#include <iostream>

#include <fmt/format.h>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/printable.hpp"
#include "cli/project_cli.hpp"

namespace tl::cli {

namespace {

int import(app::TenderProject& p, const std::string& path, const ParsedArgs& args) {
    if (!project_rules(p, path)) return kExitFailure;
    const std::vector<std::string> files(args.positional.begin() + 2, args.positional.end());
    const app::ChangeOutcome out = p.import_bid_files(files, args.has("--replace"), reason_of(args));
    print_problems(out);
    if (out.refusal == app::Refusal::Problems) {
        std::cerr << "tenderloop bids: "
                  << say(Message("cli.bids.import-problems",
                                 TL_MSG_PLURAL("nothing imported; correct the file above and import again",
                                               "nothing imported; correct the files above and import again"))
                             .count("n", static_cast<long long>(files.size())))
                  << "\n";
        return kExitFailure;
    }
    if (out.refusal == app::Refusal::NoBids) {
        std::cerr << "tenderloop bids: "
                  << say(Message("cli.bids.import-no-bids", TL_MSG_PLURAL("nothing imported: the file holds no bids",
                                                                          "nothing imported: the files hold no bids"))
                             .count("n", static_cast<long long>(files.size())))
                  << "\n";
        return kExitFailure;
    }
    if (!out.ok) {
        std::cerr << "tenderloop bids: " << terminal_safe(say(out.summary_message)) << "\n";
        return kExitFailure;
    }
    const std::size_t n = out.added + out.replaced;
    std::cout << say(Message("cli.bids.imported", TL_MSG_PLURAL("imported {n} bid into {path}: {added} new, {replaced} replaced; audit head {head}",
                                                                "imported {n} bids into {path}: {added} new, {replaced} replaced; audit head {head}"))
                         .count("n", static_cast<long long>(n))
                         .text("path", printable_name(path))
                         .count("added", static_cast<long long>(out.added))
                         .count("replaced", static_cast<long long>(out.replaced))
                         .text("head", p.audit_head()))
              << "\n";
    return kExitOk;
}

int list(const app::TenderProject& p) {
    const auto bids = p.bids();
    bool lots = false;
    for (const auto& b : bids) lots = lots || !b.lot.empty();
    std::cout << fmt::format("{:<30} {}{:<20} {:<21} {:<16} {}\n", tr(TL_MSG("bidder")),
                             lots ? fmt::format("{:<8} ", tr(TL_MSG("lot"))) : "", tr(TL_MSG("submitted")),
                             tr(TL_MSG("imported")), tr(TL_MSG("by")), tr(TL_MSG("from")));
    for (const auto& b : bids)
        std::cout << fmt::format("{:<30} {}{:<20} {:<21} {:<16} {}\n", printable_name(b.bidder),
                                 lots ? fmt::format("{:<8} ", printable_name(b.lot)) : "", printable_name(b.submitted),
                                 b.imported_at, printable_name(b.imported_by),
                                 printable_name(b.source) + (b.source_row > 0 ? ":" + std::to_string(b.source_row) : ""));
    std::cout << say(Message("cli.n-bids", TL_MSG_PLURAL("{n} bid", "{n} bids")).count("n", static_cast<long long>(bids.size())))
              << "\n";
    return kExitOk;
}

int remove(app::TenderProject& p, const ParsedArgs& args) {
    const std::string bidder = args.positional[2];
    const app::ChangeOutcome out = p.remove_bid(bidder, args.value("--lot"), reason_of(args));
    if (!out.ok) return report_refusal("bids", out);
    std::cout << say(Message("cli.bids.removed", TL_MSG_PLURAL("removed {n} bid of '{bidder}'; audit head {head}",
                                                               "removed {n} bids of '{bidder}'; audit head {head}"))
                         .count("n", static_cast<long long>(out.removed))
                         .text("bidder", printable_name(bidder))
                         .text("head", p.audit_head()))
              << "\n";
    return kExitOk;
}

int rename_bid(app::TenderProject& p, const std::string& path, const ParsedArgs& args) {
    if (!project_rules(p, path)) return kExitFailure;
    const std::string bidder = args.positional[2], new_name = args.positional[3], lot = args.value("--lot");
    const std::string new_lot = args.value("--to-lot", lot);
    const app::ChangeOutcome out = p.rename_bid(bidder, lot, new_name, new_lot, reason_of(args));
    if (!out.ok) return report_refusal("bids", out);
    print_problems(out);  // warnings: the new name looks like another bidder's
    auto in_lot = [](const std::string& l) {
        return l.empty() ? std::string() : say(Message("cli.in-lot", TL_MSG(" (lot {lot})")).text("lot", printable_name(l)));
    };
    std::cout << say(Message("cli.bids.renamed", TL_MSG("renamed the bid of '{bidder}'{lot} to '{new_bidder}'{new_lot}; audit head {head}"))
                         .text("bidder", printable_name(bidder))
                         .text("lot", in_lot(lot))
                         .text("new_bidder", printable_name(new_name))
                         .text("new_lot", in_lot(new_lot))
                         .text("head", p.audit_head()))
              << "\n";
    return kExitOk;
}

int run_bids(const ParsedArgs& args) {
    if (args.positional.empty()) throw UsageError(missing_project());
    const std::string path = args.positional[0];
    const std::string action = args.positional.size() > 1 ? args.positional[1] : "list";
    if (action == "import") {
        if (args.positional.size() < 3)
            throw UsageError(tr(TL_MSG("missing argument FILE (after 'import'): a bids CSV or bid forms")));
    } else if (action == "remove") {
        expect_positional(args, 3, after_action("BIDDER", "remove"));
    } else if (action == "rename") {
        expect_positional(args, 4, after_action("BIDDER NEW-NAME", "rename"));
    } else if (action == "list") {
        no_more_than_action(args);
    } else {
        throw UsageError(unknown_action(
            action, Message("cli.bids.actions", TL_MSG("use import FILE, list, remove BIDDER or rename BIDDER NEW-NAME"))));
    }
    if (args.has("--replace") && action != "import") throw UsageError(option_goes_with("--replace", "import"));
    if (args.has("--lot") && action != "remove" && action != "rename")
        throw UsageError(say(Message("cli.option-goes-with-two", TL_MSG("option '{option}' goes with '{action}' or '{other}'"))
                                 .text("option", "--lot")
                                 .text("action", "remove")
                                 .text("other", "rename")));
    if (args.has("--to-lot") && action != "rename") throw UsageError(option_goes_with("--to-lot", "rename"));

    auto p = open_project(path, args, "bids");
    if (!p) return kExitFailure;
    try {
        if (action == "import") return import(*p, path, args);
        if (action == "remove") return remove(*p, args);
        if (action == "rename") return rename_bid(*p, path, args);
        return list(*p);
    } catch (const store::StoreError& e) {
        return report_store_error("bids", e);
    }
}

}  // namespace

Command project_bids_command() {
    std::vector<OptionSpec> options{
        {"--replace", "", tr(TL_MSG("with import: replace the bids of bidders the project has already (logged)"))},
        {"--lot", "LOT", tr(TL_MSG("with remove: only the bid in this lot; with rename: the bid in this lot"))},
        {"--to-lot", "LOT", tr(TL_MSG("with rename: move the bid to this lot (default: it stays in its lot)"))}};
    for (auto& o : change_options()) options.push_back(o);
    return {"bids", "PROJECT.tender [import FILE... | list | remove BIDDER | rename BIDDER NEW-NAME]",
            tr(TL_MSG("Import bids (CSV files or filled-in .xlsx bid forms; all or nothing), list them, remove a bidder's "
                      "bids, or rename a bid (refused once the committee has scored it).")),
            options, &run_bids};
}

}  // namespace tl::cli
