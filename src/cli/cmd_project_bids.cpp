// `tenderloop bids P.tender [import FILE... [--replace] | list | remove BIDDER [--lot L]]`.
// Imports are all or nothing: every file is read and checked first, every problem listed with
// its row, column and field, and then the bids are stored in one transaction, or none are.
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/printable.hpp"
#include "app/bid_files.hpp"
#include "cli/project_cli.hpp"

namespace tl::cli {

namespace {

int import(store::Project& p, const std::string& path, const ParsedArgs& args) {
    const auto loaded = load_project_rules(p, path);
    if (!loaded) return kExitFailure;
    const std::vector<std::string> files(args.positional.begin() + 2, args.positional.end());
    app::BidFiles read = app::read_bid_files(files, loaded->rules);
    if (!read.problems.empty()) std::cerr << terminal_safe(format_diagnostics(read.problems, translator()));
    if (!read.ok()) {
        std::cerr << "tenderloop bids: nothing imported; correct the " << (files.size() == 1 ? "file" : "files")
                  << " above and import again\n";
        return kExitFailure;
    }
    if (read.table.bids.empty()) {
        std::cerr << "tenderloop bids: nothing imported: the " << (files.size() == 1 ? "file holds" : "files hold")
                  << " no bids\n";
        return kExitFailure;
    }
    const auto result = p.import_bids(read.table, read.files, read.file_of_bid, args.has("--replace"), actor_of(args));
    std::cout << "imported " << read.table.bids.size() << (read.table.bids.size() == 1 ? " bid" : " bids") << " into "
              << printable_name(path) << ": " << result.added.size() << " new, " << result.replaced.size()
              << " replaced; audit head " << p.audit_head() << "\n";
    return kExitOk;
}

int list(const store::Project& p) {
    const auto bids = p.bids();
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

int remove(store::Project& p, const ParsedArgs& args) {
    const std::string bidder = args.positional[2];
    std::optional<std::string> lot;
    if (args.has("--lot")) lot = args.value("--lot");
    const int n = p.remove_bids(bidder, lot, actor_of(args));
    std::cout << "removed " << n << (n == 1 ? " bid" : " bids") << " of '" << printable_name(bidder) << "'; audit head "
              << p.audit_head() << "\n";
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
    } else if (action == "list") {
        no_more_than_action(args);
    } else {
        throw UsageError("unknown action '" + action + "' (use import FILE, list or remove BIDDER)");
    }
    if (args.has("--replace") && action != "import") throw UsageError("option '--replace' goes with 'import'");
    if (args.has("--lot") && action != "remove") throw UsageError("option '--lot' goes with 'remove'");

    auto p = open_project(path, args, "bids");
    if (!p) return kExitFailure;
    try {
        if (action == "import") return import(*p, path, args);
        if (action == "remove") return remove(*p, args);
        return list(*p);
    } catch (const store::StoreError& e) {
        return report_store_error("bids", e);
    }
}

}  // namespace

Command project_bids_command() {
    std::vector<OptionSpec> options{
        {"--replace", "", "with import: replace the bids of bidders the project has already (logged)"},
        {"--lot", "LOT", "with remove: only the bid in this lot"}};
    for (auto& o : change_options()) options.push_back(o);
    return {"bids", "PROJECT.tender [import FILE... | list | remove BIDDER]",
            "Import bids (CSV files or filled-in .xlsx bid forms; all or nothing), list them, or remove a bidder's bids.",
            options, &run_bids};
}

}  // namespace tl::cli
