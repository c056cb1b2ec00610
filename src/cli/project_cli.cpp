#include "cli/project_cli.hpp"

#include <charconv>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/cli_translator.hpp"
#include "app/tender_project.hpp"
#include "cli/inputs.hpp"
#include "cli/printable.hpp"
#include "io/common/timestamp.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace tl::cli {

bool is_project_path(const std::string& path) {
    return std::filesystem::path(path).extension() == ".tender" || store::Project::is_sqlite_file(path);
}

void no_more_than_action(const ParsedArgs& args) {
    if (args.positional.size() > 2) throw UsageError("unexpected argument '" + args.positional[2] + "'");
}

std::vector<OptionSpec> change_options() {
    return {{"--user", "NAME", "who makes the change, for the audit log (default: the login name)"},
            {"--reason", "TEXT", "why, for the audit log"}};
}

std::string login_name() { return app::login_name(); }

store::Actor actor_of(const ParsedArgs& args) { return {args.value("--user", login_name()), args.value("--reason")}; }

std::string utc_now() { return io::utc_now_iso(); }

store::ProjectOptions project_options(const ParsedArgs& args) {
    store::ProjectOptions o;
    o.clock = &utc_now;
    o.user = args.value("--user", login_name());
    o.tool_version = TL_VERSION;
    return o;
}

int report_store_error(const std::string& command, const std::exception& e) {
    const auto* store_error = dynamic_cast<const store::StoreError*>(&e);
    const std::string text = store_error && !store_error->message().empty() ? say(store_error->message()) : e.what();
    std::cerr << "tenderloop " << command << ": " << terminal_safe(text) << "\n";
    return kExitFailure;
}

std::optional<store::Project> open_project(const std::string& path, const ParsedArgs& args, const std::string& command) {
    try {
        return store::Project::open(path, project_options(args));
    } catch (const store::StoreError& e) {
        report_store_error(command, e);
        return std::nullopt;
    }
}

std::optional<lang::LoadResult> load_rules_from_text(const std::string& text, const std::string& name, bool self_contained) {
    lang::LoadResult loaded = lang::load_rules_text(text, name);
    if (!loaded.ok()) {
        std::cerr << terminal_safe(format_diagnostics(loaded.diagnostics));
        return std::nullopt;
    }
    if (self_contained && loaded.files.size() > 1) {
        std::cerr << printable_name(name)
                  << ": the rules import other files; a project keeps one self-contained rules text, so put the "
                     "imported rules into this file\n";
        return std::nullopt;
    }
    return loaded;
}

std::optional<lang::LoadResult> load_project_rules(const store::Project& project, const std::string& path) {
    const store::RulesVersion rules = project.current_rules();
    const std::string name =
        path + ": rules version " + std::to_string(rules.version) + " (" + rules.source_name + ")";
    auto loaded = load_rules_from_text(rules.text, name, false);
    if (!loaded) std::cerr << "the project's rules do not check with this TenderLoop; set corrected rules with "
                              "'tenderloop rules " << printable_name(path) << " set RULES.crit'\n";
    return loaded;
}

std::vector<Lot> lots_of(const CriteriaSet& rules) { return rules.tender.lots; }

std::string score_text(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, end);
}

double parse_score(const std::string& option, const std::string& text) {
    std::string t = text;
    for (char& c : t)
        if (c == ',') c = '.';
    double v = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size() || t.empty())
        throw UsageError("option '" + option + "' needs a number, not '" + text + "'");
    return v;
}

}  // namespace tl::cli
