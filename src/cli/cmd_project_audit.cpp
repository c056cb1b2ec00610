// `tenderloop audit P.tender [list [--full] | verify [--head HASH]]`: the project's audit log, and
// the proof that nobody rewrote it (or the data) outside TenderLoop. The project is opened
// through tl_app; the log and its check are the project file's records (TenderProject::audit_log, verify_audit).
#include <iostream>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/printable.hpp"
#include "cli/project_cli.hpp"

namespace tl::cli {

namespace {

int list(const app::TenderProject& p, bool full) {
    const auto entries = p.audit_log();
    for (const auto& e : entries) {
        std::cout << "#" << e.seq << "  " << e.at << "  " << printable_name(e.user) << "  " << e.action;
        if (!e.reason.empty())
            std::cout << "  " << say(Message("cli.audit.reason", TL_MSG("reason: {reason}")).text("reason", printable_name(e.reason)));
        std::cout << "\n";
        std::string details = e.details;
        if (!full && details.size() > 400)
            details = details.substr(0, 400) + " ... " +
                      say(Message("cli.audit.cut", TL_MSG("({n} bytes; --full shows all)")).count("n", static_cast<long long>(e.details.size())));
        std::cout << "    " << printable_name(details) << "\n";
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
        for (const auto& problem : r.problems) std::cout << "  - " << terminal_safe(problem) << "\n";
        return kExitFailure;
    }
    std::cout << say(Message("cli.audit.intact",
                             TL_MSG_PLURAL("audit log intact: {n} entry, every hash and link checks, and the data matches the last entry",
                                           "audit log intact: {n} entries, every hash and link checks, and the data matches the last entry"))
                         .count("n", static_cast<long long>(r.entries)))
              << "\n";
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
    auto p = open_project(path, args, "audit");
    if (!p) return kExitFailure;
    try {
        return action == "list" ? list(*p, args.has("--full")) : verify(*p, path, args.value("--head"));
    } catch (const store::StoreError& e) {
        return report_store_error("audit", e);
    }
}

}  // namespace

Command project_audit_command() {
    return {"audit", "PROJECT.tender [list | verify]",
            tr(TL_MSG("List the audit log, or verify its hash chain, the data against it, and (--head) a signed head.")),
            {{"--head", "HASH", tr(TL_MSG("with verify: the head printed on an export, which the log must still contain"))},
             {"--full", "", tr(TL_MSG("with list: the details of every entry in full"))}},
            &run_audit};
}

}  // namespace tl::cli
