// `tenderloop rules P.tender [show [--version N] | set R.crit [--correction] | history]`: the
// project's rules versions. `set` checks the rules and re-reads the stored bids against them first; once the
// project holds bids, only `set --correction --reason TEXT` changes them (the rules are frozen).
#include <charconv>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/printable.hpp"
#include "cli/project_cli.hpp"

namespace tl::cli {

namespace {

int show(const app::TenderProject& project, const ParsedArgs& args) {
    store::RulesVersion r;
    if (args.has("--version")) {
        int v = 0;
        const std::string t = args.value("--version");
        auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (ec != std::errc() || end != t.data() + t.size() || v < 1)
            throw UsageError(say(Message("cli.rules.bad-version", TL_MSG("option '--version' needs a version number, not '{value}'"))
                                     .text("value", t)));
        r = project.rules_version(v);
    } else {
        r = project.rules_version();
    }
    std::cout << r.text;
    if (!r.text.empty() && r.text.back() != '\n') std::cout << "\n";
    return kExitOk;
}

int history(const app::TenderProject& project) {
    const auto versions = project.rules_history();
    std::cout << fmt::format("{:<8} {:<21} {:<16} {:<17} {}\n", tr(TL_MSG("version")), tr(TL_MSG("time")), tr(TL_MSG("user")),
                             "sha256", tr(TL_MSG("file / reason")));
    for (const auto& r : versions) {
        std::cout << fmt::format("{:<8} {:<21} {:<16} {:<17} {}", r.version, r.created_at, printable_name(r.created_by),
                                 r.sha256.substr(0, 16), printable_name(r.source_name));
        if (!r.reason.empty()) std::cout << " / " << printable_name(r.reason);
        std::cout << (r.version == versions.back().version ? "   " + tr(TL_MSG("(current)")) : "") << "\n";
    }
    return kExitOk;
}

int set(app::TenderProject& project, const std::string& rules_path, const ParsedArgs& args) {
    const auto text = read_input(rules_path, InputKind::Rules);
    if (!text) return kExitFailure;
    // tl_app checks the rules, then re-reads the stored bids against them (the current rules tell
    // which stored values keep their meaning), and records them only when both are fine.
    const app::ChangeOutcome out = project.set_rules(*text, std::filesystem::path(rules_path).filename().string(),
                                                     reason_of(args), rules_path, args.has("--correction"));
    if (!out.ok) {
        switch (out.refusal) {
            case app::Refusal::Problems:
                print_problems(out);
                std::cerr << "tenderloop rules: " << say(out.summary_message) << "\n";
                return kExitFailure;
            case app::Refusal::BidsDoNotFit: {
                // The rules checked (their warnings, with places, first); each error is a stored bid.
                Diagnostics warnings;
                for (const Diagnostic& d : out.problems)
                    if (d.severity != Severity::Error) warnings.push_back(d);
                if (!warnings.empty()) std::cerr << terminal_safe(format_diagnostics(warnings, translator()));
                std::cerr << "tenderloop rules: " << say(out.summary_message) << ":\n";
                for (const Diagnostic& d : out.problems)
                    if (d.severity == Severity::Error) std::cerr << "  " << terminal_safe(diagnostic_text(d, translator())) << "\n";
                return kExitFailure;
            }
            case app::Refusal::RulesFrozen:
                report_refusal("rules", out);
                std::cerr << say(Message("cli.rules.how-to-correct",
                                         TL_MSG("to correct an error in the rules: {command}"))
                                     .text("command", "tenderloop rules " + printable_name(project.path()) + " set " +
                                                          printable_name(rules_path) + " --correction --reason \"...\""))
                          << "\n";
                return kExitFailure;
            default: return report_refusal("rules", out);
        }
    }
    print_problems(out);  // warnings
    // One report for both kinds of version; only its opening words differ.
    Message recorded = args.has("--correction")
                           ? Message("cli.rules.corrected",
                                     TL_MSG("rules version {version} recorded as a correction ({file}, {re_read}); audit head {head}"))
                           : Message("cli.rules.recorded", TL_MSG("rules version {version} recorded ({file}, {re_read}); audit head {head}"));
    std::cout << say(recorded.count("version", out.recorded)
                         .text("file", printable_name(rules_path))
                         .nested("re_read", Message("cli.rules.re-read", TL_MSG_PLURAL("{n} stored bid re-read", "{n} stored bids re-read"))
                                                .count("n", static_cast<long long>(out.re_read)))
                         .text("head", project.audit_head()))
              << "\n";
    return kExitOk;
}

int run_rules(const ParsedArgs& args) {
    if (args.positional.empty()) throw UsageError(missing_project());
    const std::string path = args.positional[0];
    const std::string action = args.positional.size() > 1 ? args.positional[1] : "show";
    if (action == "set") expect_positional(args, 3, after_action("RULES.crit", "set"));
    else if (action == "show" || action == "history") no_more_than_action(args);
    else throw UsageError(unknown_action(action, Message("cli.rules.actions", TL_MSG("use show, set RULES.crit or history"))));
    if (args.has("--version") && action != "show") throw UsageError(option_goes_with("--version", "show"));
    if (args.has("--correction") && action != "set") throw UsageError(option_goes_with("--correction", "set"));

    auto p = open_project(path, args, "rules");
    if (!p) return kExitFailure;
    try {
        if (action == "show") return show(*p, args);
        if (action == "history") return history(*p);
        return set(*p, args.positional[2], args);
    } catch (const store::StoreError& e) {  // a version the project does not hold
        return report_store_error("rules", e);
    }
}

}  // namespace

Command project_rules_command() {
    std::vector<OptionSpec> options{
        {"--version", "N", tr(TL_MSG("with show: that version instead of the current one"))},
        {"--correction", "",
         tr(TL_MSG("with set: record the change as a correction of an error (needed once the project holds bids: the "
                   "rules are frozen then; needs --reason, and every evaluation and workbook shows it)"))}};
    for (auto& o : change_options()) options.push_back(o);
    return {"rules", "PROJECT.tender [show | set RULES.crit | history]",
            tr(TL_MSG("Show the project's rules, record a new version (checked first), or list every version.")), options,
            &run_rules};
}

}  // namespace tl::cli
