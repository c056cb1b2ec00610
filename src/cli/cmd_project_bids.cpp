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
        std::cerr << "tenderloop bids: nothing imported; correct the " << (files.size() == 1 ? "file" : "files")
                  << " above and import again\n";
        return kExitFailure;
    }
    if (out.refusal == app::Refusal::NoBids) {
        std::cerr << "tenderloop bids: nothing imported: the " << (files.size() == 1 ? "file holds" : "files hold")
                  << " no bids\n";
        return kExitFailure;
    }
    if (!out.ok) {
        std::cerr << "tenderloop bids: " << terminal_safe(out.summary) << "\n";
        return kExitFailure;
    }
    const std::size_t n = out.added + out.replaced;
    std::cout << "imported " << n << (n == 1 ? " bid" : " bids") << " into " << printable_name(path) << ": " << out.added
              << " new, " << out.replaced << " replaced; audit head " << p.store().audit_head() << "\n";
    return kExitOk;
}

int list(const app::TenderProject& p) {
    const auto bids = p.store().bids();
    bool lots = false;
    for (const auto& b : bids) lots = lots || !b.lot.empty();
    std::cout << fmt::format("{:<30} {}{:<20} {:<21} {:<16} {}\n", "bidder", lots ? fmt::format("{:<8} ", "lot") : "",
                             "submitted", "imported", "by", "from");
    for (const auto& b : bids)
        std::cout << fmt::format("{:<30} {}{:<20} {:<21} {:<16} {}\n", printable_name(b.bidder),
                                 lots ? fmt::format("{:<8} ", printable_name(b.lot)) : "", printable_name(b.submitted),
                                 b.imported_at, printable_name(b.imported_by),
                                 printable_name(b.source) + (b.source_row > 0 ? ":" + std::to_string(b.source_row) : ""));
    std::cout << bids.size() << (bids.size() == 1 ? " bid\n" : " bids\n");
    return kExitOk;
}

int remove(app::TenderProject& p, const ParsedArgs& args) {
    const std::string bidder = args.positional[2];
    const app::ChangeOutcome out = p.remove_bid(bidder, args.value("--lot"), reason_of(args));
    if (!out.ok) return report_refusal("bids", out);
    std::cout << "removed " << out.removed << (out.removed == 1 ? " bid" : " bids") << " of '" << printable_name(bidder)
              << "'; audit head " << p.store().audit_head() << "\n";
    return kExitOk;
}

int rename_bid(app::TenderProject& p, const std::string& path, const ParsedArgs& args) {
    if (!project_rules(p, path)) return kExitFailure;
    const std::string bidder = args.positional[2], new_name = args.positional[3], lot = args.value("--lot");
    const std::string new_lot = args.value("--to-lot", lot);
    const app::ChangeOutcome out = p.rename_bid(bidder, lot, new_name, new_lot, reason_of(args));
    if (!out.ok) return report_refusal("bids", out);
    std::cout << "renamed the bid of '" << printable_name(bidder) << "'" << (lot.empty() ? "" : " (lot " + printable_name(lot) + ")")
              << " to '" << printable_name(new_name) << "'" << (new_lot.empty() ? "" : " (lot " + printable_name(new_lot) + ")")
              << "; audit head " << p.store().audit_head() << "\n";
    return kExitOk;
}

int run_bids(const ParsedArgs& args) {
    if (args.positional.empty()) throw UsageError("missing argument PROJECT.tender");
    const std::string path = args.positional[0];
    const std::string action = args.positional.size() > 1 ? args.positional[1] : "list";
    if (action == "import") {
        if (args.positional.size() < 3) throw UsageError("missing argument FILE (after 'import'): a bids CSV or bid forms");
    } else if (action == "remove") {
        expect_positional(args, 3, "BIDDER (after 'remove')");
    } else if (action == "rename") {
        expect_positional(args, 4, "BIDDER NEW-NAME (after 'rename')");
    } else if (action == "list") {
        no_more_than_action(args);
    } else {
        throw UsageError("unknown action '" + action + "' (use import FILE, list, remove BIDDER or rename BIDDER NEW-NAME)");
    }
    if (args.has("--replace") && action != "import") throw UsageError("option '--replace' goes with 'import'");
    if (args.has("--lot") && action != "remove" && action != "rename")
        throw UsageError("option '--lot' goes with 'remove' or 'rename'");
    if (args.has("--to-lot") && action != "rename") throw UsageError("option '--to-lot' goes with 'rename'");

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
        {"--replace", "", "with import: replace the bids of bidders the project has already (logged)"},
        {"--lot", "LOT", "with remove: only the bid in this lot; with rename: the bid in this lot"},
        {"--to-lot", "LOT", "with rename: move the bid to this lot (default: it stays in its lot)"}};
    for (auto& o : change_options()) options.push_back(o);
    return {"bids", "PROJECT.tender [import FILE... | list | remove BIDDER | rename BIDDER NEW-NAME]",
            "Import bids (CSV files or filled-in .xlsx bid forms; all or nothing), list them, remove a bidder's bids, "
            "or rename a bid (refused once the committee has scored it).",
            options, &run_bids};
}

}  // namespace tl::cli
