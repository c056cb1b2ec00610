// `tenderloop audit P.tender [list [--full] | verify [--head HASH]]`: the project's audit log, and
// the proof that nobody rewrote it (or the data) outside TenderLoop. The project is opened
// through tl_app; the log and its check are the project file's records (TenderProject::audit_log, verify_audit).
#include <algorithm>
#include <iostream>
#include <optional>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/printable.hpp"
#include "cli/project_cli.hpp"

namespace tl::cli {

namespace {

/// The rows an entry changed, one line each: "bid_values 3, price: value 1200 -> 600".
void print_changes(const app::TenderProject& p, const store::AuditEntry& e, bool full) {
    const auto rows = p.audit_changes(e);
    const std::size_t shown = full ? rows.size() : std::min<std::size_t>(rows.size(), 20);
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& row = rows[i];
        std::string line = row.operation + " " + row.table + " (" + row.key + ")";
        for (const auto& c : row.columns) {
            line += "  " + c.name + ": ";
            if (row.operation == "update") line += c.before + " -> " + c.after;
            else line += row.operation == "insert" ? c.after : c.before;
        }
        if (!full && line.size() > 300) line = line.substr(0, 300) + " ...";
        std::cout << "    " << printable_name(line) << "\n";
    }
    if (shown < rows.size())
        std::cout << "    "
                  << say(Message("cli.audit.more-rows", TL_MSG_PLURAL("... and {n} more row (--full shows all)",
                                                                      "... and {n} more rows (--full shows all)"))
                             .count("n", static_cast<long long>(rows.size() - shown)))
                  << "\n";
}

int list(const app::TenderProject& p, bool full, bool changes) {
    const auto entries = p.audit_log();
    for (const auto& e : entries) {
        std::cout << "#" << e.seq << "  " << e.at << "  " << printable_name(e.user);
        // --user is a claim; the account that ran TenderLoop is recorded beside it.
        if (e.format >= 3)
            std::cout << " " << say(Message("cli.audit.os-user", TL_MSG("(OS account: {account})")).text("account", printable_name(e.os_user)));
        std::cout << "  " << e.action;
        if (!e.reason.empty())
            std::cout << "  " << say(Message("cli.audit.reason", TL_MSG("reason: {reason}")).text("reason", printable_name(e.reason)));
        std::cout << "\n";
        std::string details = e.details;
        if (!full && details.size() > 400)
            details = details.substr(0, 400) + " ... " +
                      say(Message("cli.audit.cut", TL_MSG("({n} bytes; --full shows all)")).count("n", static_cast<long long>(e.details.size())));
        std::cout << "    " << printable_name(details) << "\n";
        if (changes) print_changes(p, e, full);
        std::cout << "    " << say(Message("cli.audit.hash", TL_MSG("hash {hash}")).text("hash", e.hash)) << "\n";
    }
    std::cout << say(Message("cli.audit.entries-head", TL_MSG_PLURAL("{n} entry; head {head}", "{n} entries; head {head}"))
                         .count("n", static_cast<long long>(entries.size()))
                         .text("head", p.audit_head()))
              << "\n";
    return kExitOk;
}

int verify(const app::TenderProject& p, const std::string& path, const std::string& head) {
    const store::AuditReport r = p.verify_audit(head);
    if (!r.ok()) {
        std::cout << say(Message("cli.audit.failed", TL_MSG_PLURAL("AUDIT VERIFICATION FAILED for {path} ({n} entry):",
                                                                   "AUDIT VERIFICATION FAILED for {path} ({n} entries):"))
                             .count("n", static_cast<long long>(r.entries))
                             .text("path", printable_name(path)))
                  << "\n";
        for (const auto& problem : r.problems) std::cout << "  - " << terminal_safe(say(problem)) << "\n";
        for (const auto& warning : r.warnings)
            std::cout << "  - " << say(Message("cli.audit.warning", TL_MSG("warning: {what}")).nested("what", warning)) << "\n";
        return kExitFailure;
    }
    std::cout << say(Message("cli.audit.intact",
                             TL_MSG_PLURAL("audit log intact: {n} entry, every hash and link checks, and the data matches the last entry",
                                           "audit log intact: {n} entries, every hash and link checks, and the data matches the last entry"))
                         .count("n", static_cast<long long>(r.entries)))
              << "\n";
    if (r.replayed_from > 0)
        std::cout << say(Message("cli.audit.replayed",
                                 TL_MSG("the recorded changes of entries #{from} to #{to}, replayed from empty tables, give "
                                        "exactly the data the log records after each entry and the data as it is"))
                             .count("from", r.replayed_from)
                             .count("to", static_cast<long long>(r.entries)))
                  << "\n";
    for (const auto& warning : r.warnings)
        std::cout << terminal_safe(say(Message("cli.audit.warning", TL_MSG("warning: {what}")).nested("what", warning))) << "\n";
    if (!head.empty())
        std::cout << say(Message("cli.audit.extends", TL_MSG_PLURAL("the log extends the signed head {head} (entry #{seq}; {n} entry since)",
                                                                    "the log extends the signed head {head} (entry #{seq}; {n} entries since)"))
                             .count("n", static_cast<long long>(r.entries) - r.signed_head_seq)
                             .text("head", head)
                             .count("seq", r.signed_head_seq))
                  << "\n";
    std::cout << say(Message("cli.audit.head", TL_MSG("head {head}")).text("head", r.head)) << "\n";
    return kExitOk;
}

int run_audit(const ParsedArgs& args) {
    if (args.positional.empty()) throw UsageError(missing_project());
    const std::string path = args.positional[0];
    const std::string action = args.positional.size() > 1 ? args.positional[1] : "list";
    no_more_than_action(args);
    if (action != "list" && action != "verify")
        throw UsageError(unknown_action(action, Message("cli.audit.actions", TL_MSG("use list or verify"))));
    if (args.has("--head") && action != "verify") throw UsageError(option_goes_with("--head", "verify"));
    if (args.has("--full") && action != "list") throw UsageError(option_goes_with("--full", "list"));
    if (args.has("--changes") && action != "list") throw UsageError(option_goes_with("--changes", "list"));
    std::optional<app::TenderProject> p;
    try {
        // Opened for inspection: a file whose schema is not TenderLoop's is verified (and its
        // differences named) instead of refused; nothing can be written to it.
        p = app::TenderProject::open(path, user_of(args), TL_VERSION, false, app::TenderProject::OpenFor::Inspection);
    } catch (const store::StoreError& e) {
        return report_store_error("audit", e);
    }
    try {
        return action == "list" ? list(*p, args.has("--full"), args.has("--changes")) : verify(*p, path, args.value("--head"));
    } catch (const store::StoreError& e) {
        return report_store_error("audit", e);
    }
}

}  // namespace

Command project_audit_command() {
    return {"audit", "PROJECT.tender [list | verify]",
            tr(TL_MSG("List the audit log, or verify its hash chain, the data against it, and (--head) a signed head.")),
            {{"--head", "HASH", tr(TL_MSG("with verify: the head printed on an export, which the log must still contain"))},
             {"--full", "", tr(TL_MSG("with list: the details of every entry in full"))},
             {"--changes", "", tr(TL_MSG("with list: the rows each entry changed, with old and new values"))}},
            &run_audit};
}

}  // namespace tl::cli
