// `tenderloop rules P.tender [show [--version N] | set R.crit | history]`: the project's rules
// versions. `set` checks the rules and re-reads the stored bids against them first.
#include <charconv>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/printable.hpp"
#include "cli/project_cli.hpp"
#include "app/project_rebind.hpp"

namespace tl::cli {

namespace {

int show(const store::Project& p, const ParsedArgs& args) {
    store::RulesVersion r;
    if (args.has("--version")) {
        int v = 0;
        const std::string t = args.value("--version");
        auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (ec != std::errc() || end != t.data() + t.size() || v < 1)
            throw UsageError("option '--version' needs a version number, not '" + t + "'");
        r = p.rules_version(v);
    } else {
        r = p.current_rules();
    }
    std::cout << r.text;
    if (!r.text.empty() && r.text.back() != '\n') std::cout << "\n";
    return kExitOk;
}

int history(const store::Project& p) {
    const auto versions = p.rules_history();
    std::cout << fmt::format("{:<8} {:<21} {:<16} {:<17} {}\n", "version", "time", "user", "sha256", "file / reason");
    for (const auto& r : versions) {
        std::cout << fmt::format("{:<8} {:<21} {:<16} {:<17} {}", r.version, r.created_at, printable_name(r.created_by),
                                 r.sha256.substr(0, 16), printable_name(r.source_name));
        if (!r.reason.empty()) std::cout << " / " << printable_name(r.reason);
        std::cout << (r.version == versions.back().version ? "   (current)" : "") << "\n";
    }
    return kExitOk;
}

int set(store::Project& p, const std::string& path, const std::string& rules_path, const ParsedArgs& args) {
    const auto text = read_input(rules_path);
    if (!text) return kExitFailure;
    const auto loaded = load_rules_from_text(*text, rules_path, true);
    if (!loaded) {
        std::cerr << "tenderloop rules: the rules have errors; nothing was recorded\n";
        return kExitFailure;
    }
    if (!loaded->diagnostics.empty()) std::cerr << terminal_safe(format_diagnostics(loaded->diagnostics, translator()));
    // The current rules tell which stored values keep their meaning.
    const store::RulesVersion current = p.current_rules();
    const lang::LoadResult old = lang::load_rules_text(current.text, path + ": rules version " + std::to_string(current.version));
    std::vector<std::string> problems;
    const BidTable rebound = app::rebind_bids(p, old.ok() ? &old.rules : nullptr, loaded->rules, problems);
    if (!problems.empty()) {
        std::cerr << "tenderloop rules: the stored bids do not fit the new rules; nothing was recorded:\n";
        for (const auto& line : problems) std::cerr << "  " << terminal_safe(line) << "\n";
        return kExitFailure;
    }
    const int version = p.set_rules(*text, std::filesystem::path(rules_path).filename().string(), loaded->rules, rebound,
                                    actor_of(args));
    std::cout << "rules version " << version << " recorded (" << printable_name(rules_path) << ", "
              << rebound.bids.size() << " stored bids re-read); audit head " << p.audit_head() << "\n";
    return kExitOk;
}

int run_rules(const ParsedArgs& args) {
    if (args.positional.empty()) throw UsageError("missing argument PROJECT.tender");
    const std::string path = args.positional[0];
    const std::string action = args.positional.size() > 1 ? args.positional[1] : "show";
    if (action == "set") expect_positional(args, 3, "RULES.crit (after 'set')");
    else if (action == "show" || action == "history") no_more_than_action(args);
    else throw UsageError("unknown action '" + action + "' (use show, set RULES.crit or history)");
    if (args.has("--version") && action != "show") throw UsageError("option '--version' goes with 'show'");

    auto p = open_project(path, args, "rules");
    if (!p) return kExitFailure;
    try {
        if (action == "show") return show(*p, args);
        if (action == "history") return history(*p);
        return set(*p, path, args.positional[2], args);
    } catch (const store::StoreError& e) {
        return report_store_error("rules", e);
    }
}

}  // namespace

Command project_rules_command() {
    std::vector<OptionSpec> options{{"--version", "N", "with show: that version instead of the current one"}};
    for (auto& o : change_options()) options.push_back(o);
    return {"rules", "PROJECT.tender [show | set RULES.crit | history]",
            "Show the project's rules, record a new version (checked first), or list every version.", options,
            &run_rules};
}

}  // namespace tl::cli
