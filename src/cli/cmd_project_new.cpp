// `tenderloop new P.tender --rules R.crit [--title T]`: a new project file with its first rules.
#include <filesystem>
#include <iostream>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/printable.hpp"
#include "cli/project_cli.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace tl::cli {

namespace {

int run_new(const ParsedArgs& args) {
    expect_positional(args, 1, "PROJECT.tender");
    const std::string path = args.positional[0], rules_path = args.value("--rules");
    if (std::filesystem::path(path).extension() != ".tender")
        throw UsageError("a project file ends in .tender: '" + path + "'");
    const auto text = read_input(rules_path);
    if (!text) return kExitFailure;
    const auto loaded = load_rules_from_text(*text, rules_path, true);
    if (!loaded) return kExitFailure;
    if (!loaded->diagnostics.empty()) std::cerr << terminal_safe(format_diagnostics(loaded->diagnostics, translator()));

    store::NewProject np;
    np.title = args.value("--title", loaded->rules.tender.title);
    if (np.title.empty()) np.title = std::filesystem::path(path).stem().string();
    np.reference = loaded->rules.tender.reference;
    np.rules_text = *text;
    np.rules_source_name = std::filesystem::path(rules_path).filename().string();
    np.lots = lots_of(loaded->rules);
    np.tool_version = TL_VERSION;
    try {
        const store::Project p = store::Project::create(path, np, actor_of(args), project_options(args));
        std::cout << "created " << printable_name(path) << ": '" << printable_name(np.title) << "', rules version 1 ("
                  << printable_name(np.rules_source_name) << "), audit head " << p.audit_head() << "\n";
    } catch (const store::StoreError& e) {
        return report_store_error("new", e);
    }
    return kExitOk;
}

}  // namespace

Command new_project_command() {
    std::vector<OptionSpec> options{{"--rules", "RULES.crit", "the tender's rules (checked; refused with errors)", true},
                                    {"--title", "TEXT", "the project's title (default: the rules' tender title)"}};
    for (auto& o : change_options()) options.push_back(o);
    return {"new", "PROJECT.tender", "Create a tender project file (SQLite) holding the rules, bids, committee and audit log.",
            options, &run_new};
}

}  // namespace tl::cli
