// `tenderloop audit P.tender [list [--full] | verify [--head HASH]]`: the project's audit log, and
// the proof that nobody rewrote it (or the data) outside TenderLoop. The project is opened
// through tl_app; the log and its check are the project file's records (TenderProject::store()).
#include <iostream>

#include "cli/commands.hpp"
#include "cli/printable.hpp"
#include "cli/project_cli.hpp"

namespace tl::cli {

namespace {

int list(const store::Project& p, bool full) {
    const auto entries = p.audit_log();
    for (const auto& e : entries) {
        std::cout << "#" << e.seq << "  " << e.at << "  " << printable_name(e.user) << "  " << e.action;
        if (!e.reason.empty()) std::cout << "  reason: " << printable_name(e.reason);
        std::cout << "\n";
        std::string details = e.details;
        if (!full && details.size() > 400)
            details = details.substr(0, 400) + " ... (" + std::to_string(e.details.size()) + " bytes; --full shows all)";
        std::cout << "    " << printable_name(details) << "\n";
        std::cout << "    hash " << e.hash << "\n";
    }
    std::cout << entries.size() << (entries.size() == 1 ? " entry" : " entries") << "; head " << p.audit_head() << "\n";
    return kExitOk;
}

int verify(const store::Project& p, const std::string& path, const std::string& head) {
    const store::AuditReport r = p.verify_audit(head);
    if (!r.ok()) {
        std::cout << "AUDIT VERIFICATION FAILED for " << printable_name(path) << " (" << r.entries << " entries):\n";
        for (const auto& problem : r.problems) std::cout << "  - " << terminal_safe(problem) << "\n";
        return kExitFailure;
    }
    std::cout << "audit log intact: " << r.entries << (r.entries == 1 ? " entry" : " entries")
              << ", every hash and link checks, and the data matches the last entry\n";
    if (!head.empty())
        std::cout << "the log extends the signed head " << head << " (entry #" << r.signed_head_seq << "; "
                  << (static_cast<std::int64_t>(r.entries) - r.signed_head_seq)
                  << (static_cast<std::int64_t>(r.entries) - r.signed_head_seq == 1 ? " entry" : " entries") << " since)\n";
    std::cout << "head " << r.head << "\n";
    return kExitOk;
}

int run_audit(const ParsedArgs& args) {
    if (args.positional.empty()) throw UsageError("missing argument PROJECT.tender");
    const std::string path = args.positional[0];
    const std::string action = args.positional.size() > 1 ? args.positional[1] : "list";
    no_more_than_action(args);
    if (action != "list" && action != "verify") throw UsageError("unknown action '" + action + "' (use list or verify)");
    if (args.has("--head") && action != "verify") throw UsageError("option '--head' goes with 'verify'");
    if (args.has("--full") && action != "list") throw UsageError("option '--full' goes with 'list'");
    auto p = open_project(path, args, "audit");
    if (!p) return kExitFailure;
    try {
        return action == "list" ? list(p->store(), args.has("--full")) : verify(p->store(), path, args.value("--head"));
    } catch (const store::StoreError& e) {
        return report_store_error("audit", e);
    }
}

}  // namespace

Command project_audit_command() {
    return {"audit", "PROJECT.tender [list | verify]",
            "List the audit log, or verify its hash chain, the data against it, and (--head) a signed head.",
            {{"--head", "HASH", "with verify: the head printed on an export, which the log must still contain"},
             {"--full", "", "with list: the details of every entry in full"}},
            &run_audit};
}

}  // namespace tl::cli
