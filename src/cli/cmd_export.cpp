// `tenderloop export RULES.crit --bids BIDS.csv -o evaluation.xlsx`: the committee's workbook.
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "core/engine.hpp"
#include "io/evaluation_workbook.hpp"
#include "io/sha256.hpp"
#include "io/xlsx_book.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace tl::cli {

namespace {

// The export time in UTC. SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes it, so
// that two exports of the same inputs can be compared byte for byte.
std::string export_time() {
    std::time_t now = std::time(nullptr);
    if (const char* fixed = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        const long long v = std::strtoll(fixed, &end, 10);
        if (end != fixed && *end == '\0' && v >= 0) now = static_cast<std::time_t>(v);
    }
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

int run_export(const ParsedArgs& args) {
    expect_positional(args, 1, "RULES.crit");
    const std::string rules_path = args.positional[0], bids_path = args.value("--bids"), out = args.value("-o");
    if (std::filesystem::path(out).extension() != ".xlsx")
        throw UsageError("the output must be an .xlsx file: '" + out + "'");

    const auto loaded = load_rules(rules_path);
    if (!loaded) return kExitFailure;
    const auto bids = load_bids(bids_path, loaded->rules);
    if (!bids) return kExitFailure;
    // Fingerprints of the bytes as read (the inputs were just read successfully).
    const auto rules_bytes = read_input(rules_path);
    const auto bids_bytes = read_input(bids_path);
    if (!rules_bytes || !bids_bytes) return kExitFailure;

    const Result result = evaluate(loaded->rules, *bids);
    io::ExportInfo info;
    info.tool_version = TL_VERSION;
    info.exported_at = export_time();
    info.rules = {std::filesystem::path(rules_path).filename().string(), io::sha256_hex(*rules_bytes)};
    info.bids = {std::filesystem::path(bids_path).filename().string(), io::sha256_hex(*bids_bytes)};
    try {
        io::write_evaluation_workbook(out, loaded->rules, *bids, result, info);
    } catch (const io::XlsxError& e) {
        std::cerr << "tenderloop export: " << e.what() << "\n";
        return kExitFailure;
    }
    std::size_t ranked = 0;
    for (const auto& lot : result.lots)
        for (const auto& o : lot.bids) ranked += o.ranked() ? 1 : 0;
    std::cout << "wrote " << out << ": " << result.lots.size() << (result.lots.size() == 1 ? " lot, " : " lots, ")
              << bids->bids.size() << " bids, " << ranked << " ranked\n";
    return kExitOk;
}

}  // namespace

Command export_command() {
    return {"export", "RULES.crit",
            "Write the evaluation workbook (.xlsx): summary, bids, live-formula scores, method, audit.",
            {{"--bids", "BIDS.csv", "the bids, one row per bid (as for evaluate)", true},
             {"-o", "FILE.xlsx", "the workbook to write (replaced only when complete)", true}},
            &run_export};
}

}  // namespace tl::cli
