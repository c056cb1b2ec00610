// `tenderloop`: finds the command, parses its options, runs it, and turns every failure into an
// exit code (see cli/args.hpp) instead of a crash.
#include <clocale>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/data_paths.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace {

using namespace tl::cli;

int usage_error(const std::string& where, const std::string& message, const std::string& help_hint) {
    std::cerr << where << ": " << message << "\n" << "Try '" << help_hint << "' for more information.\n";
    return kExitUsage;
}

int run(const std::vector<std::string>& words) {
    if (words.empty()) return usage_error("tenderloop", "missing command", "tenderloop --help");
    const std::string& first = words.front();
    if (first == "-h" || first == "--help" || first == "help") {
        std::cout << overview_usage();
        return kExitOk;
    }
    if (first == "--version") {
        // And where the data (samples, criteria library, templates) was found: from the
        // program's own location, so an installed or moved copy can be checked.
        std::cout << "tenderloop " << TL_VERSION << "\n"
                  << "data: " << tl::app::data_summary(tl::app::program_data_paths()) << "\n";
        return kExitOk;
    }
    for (const Command& c : all_commands()) {
        if (c.name != first) continue;
        ParsedArgs args;
        try {
            args = parse_args(std::vector<std::string>(words.begin() + 1, words.end()), c.options);
            if (args.help) {
                std::cout << command_usage(c);
                return kExitOk;
            }
            return c.run(args);
        } catch (const UsageError& e) {
            return usage_error("tenderloop " + c.name, e.what(), "tenderloop " + c.name + " --help");
        }
    }
    if (first.size() > 1 && first[0] == '-') return usage_error("tenderloop", "unknown option '" + first + "'", "tenderloop --help");
    return usage_error("tenderloop", "unknown command '" + first + "'", "tenderloop --help");
}

}  // namespace

int main(int argc, char** argv) {
    // The user's locale, as the GUI will have it (wxLocale). Nothing TenderLoop writes depends on
    // it: numbers go through std::to_chars and libxlsxwriter runs under a "C" numeric locale (see
    // io/xlsx_book.hpp); the workbook tests run `export` under ru_RU.UTF-8 to keep it so.
    std::setlocale(LC_ALL, "");
    try {
        const int code = run(std::vector<std::string>(argv + 1, argv + argc));
        // A full disk or a closed output must not pass for success.
        if (!std::cout.flush()) {
            std::cerr << "tenderloop: cannot write the output\n";
            return code == kExitOk ? kExitFailure : code;
        }
        return code;
    } catch (const std::exception& e) {
        std::cerr << "tenderloop: internal error: " << e.what() << "\n";
        return kExitInternal;
    } catch (...) {
        std::cerr << "tenderloop: internal error: unknown exception\n";
        return kExitInternal;
    }
}
