// libFuzzer target for the rule language: parser, import resolution, checker and the canonical
// printer. Besides crashes and sanitizer findings it checks the printer's promise: the text
// `tenderloop fmt` prints for a file that parsed must parse again, must check as cleanly as the
// original, and must print to itself (print.hpp: "Printing its own output again gives the same
// text"). A broken promise is a real printer bug, so it aborts with both texts on stderr.
//
// Imports are resolved relative to the working directory (the input is called "fuzz.crit"):
// tests/fuzz/run.sh runs the fuzzer in an empty scratch folder.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/diagnostic.hpp"
#include "lang/load.hpp"
#include "lang/print.hpp"
#include "lang/syntax.hpp"

namespace {

[[noreturn]] void printer_bug(const char* what, const std::string& original, const std::string& formatted,
                              const std::string& detail) {
    std::fprintf(stderr,
                 "\n=== printer bug: %s\n--- original input ---\n%s\n--- formatted ---\n%s\n--- details ---\n%s\n",
                 what, original.c_str(), formatted.c_str(), detail.c_str());
    std::abort();
}

// True when the text is free of syntax errors (whatever the checker thinks of it).
bool parses(const std::string& text, tl::Diagnostics& diagnostics) {
    tl::lang::RuleFile file;
    return tl::lang::parse_rules(text, "fuzz.crit", file, diagnostics);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);

    const tl::lang::LoadResult loaded = tl::lang::load_rules_text(text, "fuzz.crit");
    // Formatting walks every diagnostic's position and source line: exercise it too.
    const std::string report = tl::format_diagnostics(loaded.diagnostics);
    (void)report;
    if (loaded.files.empty()) return 0;

    // load_rules_text keeps the main file even when it has a syntax error (with no items), so
    // ask the parser itself whether the text parsed. A leading BOM is dropped by the loader.
    const std::string body = text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text;
    tl::Diagnostics syntax;
    if (!parses(body, syntax)) return 0;

    const std::string formatted = tl::lang::format_rules(loaded.files.front());

    tl::Diagnostics again;
    if (!parses(formatted, again)) printer_bug("the formatted text does not parse", text, formatted, tl::format_diagnostics(again));

    // What checked without errors must check without errors after formatting.
    const tl::lang::LoadResult reloaded = tl::lang::load_rules_text(formatted, "fuzz.crit");
    if (loaded.ok() && !reloaded.ok())
        printer_bug("the formatted text has errors the original had not", text, formatted,
                    tl::format_diagnostics(reloaded.diagnostics));

    // Printing is idempotent.
    if (!reloaded.files.empty()) {
        const std::string twice = tl::lang::format_rules(reloaded.files.front());
        if (twice != formatted) printer_bug("formatting the formatted text changes it", text, formatted, twice);
    }
    return 0;
}
