#include "cli/inputs.hpp"

#include <iostream>

#include "cli/cli_translator.hpp"
#include "cli/printable.hpp"
#include "core/diagnostic.hpp"
#include "io/csv/bids_csv.hpp"
#include "io/common/read_file.hpp"

namespace tl::cli {

std::optional<std::string> read_input(const std::string& path) {
    std::string error;
    std::string text = read_file_utf8(path, &error);
    if (error.empty()) return text;
    // read_file_utf8 says "cannot open 'PATH': reason"; keep only the reason.
    const std::string marker = "': ";
    const auto at = error.rfind(marker);
    const std::string reason = at == std::string::npos ? error : error.substr(at + marker.size());
    std::cerr << say(Message("cli.cannot-read", TL_MSG("cannot read {path}: {reason}")).text("path", printable_name(path)).text("reason", reason))
              << "\n";
    return std::nullopt;
}

std::optional<lang::LoadResult> load_rules(const std::string& path) {
    const auto text = read_input(path);
    if (!text) return std::nullopt;
    lang::LoadResult loaded = lang::load_rules_text(*text, path);
    if (!loaded.ok()) {
        std::cerr << terminal_safe(format_diagnostics(loaded.diagnostics, translator()));
        return std::nullopt;
    }
    return loaded;
}

std::optional<BidTable> load_bids(const std::string& path, const CriteriaSet& rules) {
    const auto text = read_input(path);
    if (!text) return std::nullopt;
    std::vector<std::string> lots;
    for (const auto& lot : rules.tender.lots) lots.push_back(lot.id);
    CsvReadResult read = read_bids_csv(*text, path, rules.fields, lots);
    if (!read.diagnostics.empty()) std::cerr << terminal_safe(format_diagnostics(read.diagnostics, translator()));
    if (!read.ok()) return std::nullopt;
    return std::move(read.table);
}

}  // namespace tl::cli
