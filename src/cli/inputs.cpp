#include "cli/inputs.hpp"

#include <iostream>

#include "cli/cli_translator.hpp"
#include "cli/printable.hpp"
#include "core/diagnostic.hpp"
#include "io/csv/bids_csv.hpp"

namespace tl::cli {

std::optional<std::string> read_input(const std::string& path, InputKind kind) {
    InputFile file = read_input_file(path, kind);
    if (file.ok()) return std::move(file.bytes);
    std::cerr << terminal_safe(say(*file.error)) << "\n";
    return std::nullopt;
}

std::optional<lang::LoadResult> load_rules(const std::string& path) {
    const auto text = read_input(path, InputKind::Rules);
    if (!text) return std::nullopt;
    lang::LoadResult loaded = lang::load_rules_text(*text, path);
    if (!loaded.ok()) {
        std::cerr << terminal_safe(format_diagnostics(loaded.diagnostics, translator()));
        return std::nullopt;
    }
    return loaded;
}

std::optional<BidTable> load_bids(const std::string& path, const CriteriaSet& rules) {
    const auto text = read_input(path, InputKind::Bids);
    if (!text) return std::nullopt;
    std::vector<std::string> lots;
    for (const auto& lot : rules.tender.lots) lots.push_back(lot.id);
    CsvReadResult read = read_bids_csv(*text, path, rules.fields, lots);
    if (!read.diagnostics.empty()) std::cerr << terminal_safe(format_diagnostics(read.diagnostics, translator()));
    if (!read.ok()) return std::nullopt;
    return std::move(read.table);
}

}  // namespace tl::cli
