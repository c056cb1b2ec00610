// `tenderloop`: finds the command, parses its options, runs it, and turns every failure into an
// exit code (see cli/args.hpp) instead of a crash.
#include <clocale>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/data_paths.hpp"
#include "cli/args.hpp"
#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace {

using namespace tl::cli;

int usage_error(const std::string& where, const std::string& message, const std::string& help_hint) {
    std::cerr << where << ": " << message << "\n"
              << say(tl::Message("cli.try-help", TL_MSG("Try '{command}' for more information.")).text("command", help_hint))
              << "\n";
    return kExitUsage;
}

/// Takes `--lang X` / `--lang=X` out of the words (it may stand anywhere: it is the program's
/// option, not a command's). Returns false with `error` for a missing or unknown language.
bool take_language_option(std::vector<std::string>& words, std::string& lang, std::string& error) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string value;
        std::size_t span = 1;
        if (words[i] == "--lang") {
            if (i + 1 >= words.size()) {
                error = "--lang";
                return false;
            }
            value = words[i + 1];
            span = 2;
        } else if (words[i].rfind("--lang=", 0) == 0) {
            value = words[i].substr(7);
        } else {
            continue;
        }
        if (value != "en" && value != "ru") {
            error = value;
            return false;
        }
        lang = value;
        words.erase(words.begin() + static_cast<long>(i), words.begin() + static_cast<long>(i + span));
        --i;
    }
    return true;
}

int run(const std::vector<std::string>& words) {
    if (words.empty()) return usage_error("tenderloop", tr(TL_MSG("missing command")), "tenderloop --help");
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
    if (first.size() > 1 && first[0] == '-')
        return usage_error("tenderloop", say(tl::Message("cli.unknown-option", TL_MSG("unknown option '{option}'")).text("option", first)),
                           "tenderloop --help");
    return usage_error("tenderloop", say(tl::Message("cli.unknown-command", TL_MSG("unknown command '{command}'")).text("command", first)),
                       "tenderloop --help");
}

}  // namespace

int main(int argc, char** argv) {
    // The user's locale, as the GUI will have it (wxLocale). Nothing TenderLoop writes depends on
    // it: numbers go through std::to_chars and libxlsxwriter runs under a "C" numeric locale (see
    // io/xlsx_book.hpp); the workbook tests run `export` under ru_RU.UTF-8 to keep it so.
    std::setlocale(LC_ALL, "");
    try {
        std::vector<std::string> words(argv + 1, argv + argc);
        std::string lang, bad_lang;
        const bool lang_ok = take_language_option(words, lang, bad_lang);
        setup_language(lang, tl::app::program_data_paths().locale_dir);
        if (!lang_ok)
            return usage_error("tenderloop",
                               say(tl::Message("cli.bad-lang", TL_MSG("--lang takes 'en' or 'ru', not '{value}'")).text("value", bad_lang)),
                               "tenderloop --help");
        const int code = run(words);
        // A full disk or a closed output must not pass for success.
        if (!std::cout.flush()) {
            std::cerr << "tenderloop: " << tr(TL_MSG("cannot write the output")) << "\n";
            return code == kExitOk ? kExitFailure : code;
        }
        return code;
    } catch (const std::exception& e) {
        std::cerr << "tenderloop: " << say(tl::Message("cli.internal-error", TL_MSG("internal error: {what}")).text("what", e.what()))
                  << "\n";
        return kExitInternal;
    } catch (...) {
        std::cerr << "tenderloop: " << tr(TL_MSG("internal error: unknown exception")) << "\n";
        return kExitInternal;
    }
}
